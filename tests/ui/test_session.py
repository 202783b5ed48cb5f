"""The session without any window: navigation, steps, history, language, a visitor's choices,
the theme they make, a new visitor's reset and content swapped in under the visitor."""

from __future__ import annotations

import dataclasses

from kiosk.content import LoadedContent
from kiosk.ui.preferences import Preferences
from kiosk.ui.session import HOME, Session


def _session(bundled: LoadedContent, **options: object) -> Session:
    return Session(bundled, None, "zh", **options)  # type: ignore[arg-type]


def test_it_starts_at_home_in_the_asked_language(bundled: LoadedContent) -> None:
    session = _session(bundled)
    assert session.current_id == HOME
    assert session.language.current == "zh"
    assert session.history == []


def test_navigation_remembers_the_way_back(bundled: LoadedContent) -> None:
    session = _session(bundled)
    changes: list[tuple[str, int]] = []
    session.page_changed.connect(lambda page_id, direction: changes.append((page_id, direction)))
    session.go_to("vision/green")
    session.go_to("tour/daxing")
    session.go_to("no/such-page")  # ignored
    assert session.current_id == "tour/daxing"
    session.go_back()
    assert session.current_id == "vision/green"
    session.go_home()
    assert session.current_id == HOME
    assert session.history == []
    assert changes == [("vision/green", 1), ("tour/daxing", 1), ("vision/green", -1), (HOME, -1)]


def test_next_walks_a_pages_steps_then_its_siblings(bundled: LoadedContent) -> None:
    session = _session(bundled)
    session.go_to("tour/daxing")
    stops = session.step_count()
    assert stops == len(bundled.content.tours[0].stops) > 1
    for expected in range(1, stops):
        session.step(1)
        assert session.position() == (expected, stops)
    session.step(1)  # the last stop stays: steps never roll over into another page
    assert session.current_id == "tour/daxing"
    session.go_to("vision/green")
    session.step(1)
    assert session.current_id == "vision/smart"
    session.step(-1)
    session.step(-1)
    assert session.current_id == "vision/innovative"
    assert session.position() == (0, len(bundled.content.visions))


def test_each_page_keeps_its_step_until_a_new_visitor(bundled: LoadedContent) -> None:
    session = _session(bundled)
    session.go_to("tour/daxing", step=2)
    session.go_to("voices", step=3)
    session.go_to("tour/daxing")
    assert session.step_index() == 2
    session.language.set("en")
    session.set_preferences(Preferences(text_scale=1.5, high_contrast=True))
    resets: list[bool] = []
    session.visitor_reset.connect(lambda: resets.append(True))
    session.reset()
    assert resets == [True]
    assert session.current_id == HOME
    assert session.language.current == bundled.content.meta.default_language
    assert session.preferences == Preferences()
    assert session.step_index("tour/daxing") == 0
    assert session.step_index("voices") == 0


def test_the_theme_follows_the_screen_and_the_visitors_choices(bundled: LoadedContent) -> None:
    session = _session(bundled, size=(1920, 1080))
    themes: list[object] = []
    session.theme_changed.connect(themes.append)
    assert session.theme.scale == 1.0
    session.set_size(3840, 2160)
    assert session.theme.scale == 2.0
    session.set_preferences(Preferences(text_scale=1.25, high_contrast=True, reduced_motion=True))
    theme = session.theme
    assert (theme.text_scale, theme.high_contrast, theme.reduced_motion) == (1.25, True, True)
    assert theme.palette.background == "#000000"
    session.set_size(3840, 2160)  # the same size again: no new theme
    assert themes == [themes[0], theme]
    assert themes[0].scale == 2.0  # type: ignore[attr-defined]


def test_new_content_keeps_the_visitor_where_the_page_still_exists(bundled: LoadedContent) -> None:
    session = _session(bundled)
    session.go_to("vision/green")
    session.go_to("tour/daxing", step=3)
    shorter = dataclasses.replace(
        bundled,
        content=dataclasses.replace(
            bundled.content,
            tours=(dataclasses.replace(bundled.content.tours[0], stops=bundled.content.tours[0].stops[:2]),),
        ),
    )
    session.set_content(shorter)
    assert session.current_id == "tour/daxing"
    assert session.step_index() == 1  # its last stop now
    without_tours = dataclasses.replace(bundled, content=dataclasses.replace(bundled.content, tours=()))
    session.set_content(without_tours)
    assert session.current_id == HOME
    assert session.history == [HOME, "vision/green"]
