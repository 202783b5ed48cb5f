"""The figures and voices pages read from two metres: one headline number per screen, each
kind of number one size on every screen, a group of any size on one screen, quotes set large."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from geometry import on_screen
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from kiosk.content import LoadedContent, load_content
from kiosk.system.image_check import check_image
from kiosk.ui.pages.figures import FiguresPage
from kiosk.ui.pages.voices import VoicesPage
from kiosk.ui.snapshot import PageSnapshots
from kiosk.ui.widgets.figure_card import FigureNumber

OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"
HEADLINE_OVER_REST = 1.6  # the headline number against every other number on its screen
SIZES = [((1920, 1080), 1.0), ((1080, 1920), 1.0), ((1280, 800), 1.0)]


def numbers_on(page: FiguresPage) -> list[tuple[str, float]]:
    """Every number a visitor sees on the page, as (what it is, the pixel size it is drawn at):
    the figure numbers of cards, shares and the rate, and the values beside bars."""
    drawn = [
        (f"{number.figure.id} ({number.role})", number.drawn_px())
        for number in page.findChildren(FigureNumber)
        if number.isVisible()
    ]
    values = getattr(page.chart, "values", [])
    figures = page.chart.figures if page.chart is not None else ()
    drawn += [
        (f"{f.id} (bar value)", float(v.textItem.font().pixelSize()))
        for f, v in zip(figures, values, strict=False)
    ]
    return drawn


@pytest.mark.parametrize("snapshots", SIZES, ids=["1920x1080", "portrait", "1280x800"], indirect=True)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figures_screen_has_one_number_read_first(
    snapshots: PageSnapshots, bundled: LoadedContent, lang: str
) -> None:
    """From two metres the first read is obvious: one number well larger than all the others."""
    weak: list[str] = []
    for group in bundled.content.figure_groups:
        page = snapshots.show(f"figures/{group.id}", None, lang)
        assert isinstance(page, FiguresPage)
        numbers = sorted(numbers_on(page), key=lambda item: -item[1])
        headline, rest = numbers[0], numbers[1:]
        # A comparison's headline is also its own bar's value: compared with the other bars.
        rest = [item for item in rest if item[0].split(" ")[0] != headline[0].split(" ")[0]]
        if rest and headline[1] < HEADLINE_OVER_REST * rest[0][1]:
            weak.append(f"{group.id}: {headline} against {rest[0]}")
    assert not weak, "\n".join(weak)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_number_in_the_same_role_is_the_same_size_on_every_figures_screen(
    snapshots: PageSnapshots, bundled: LoadedContent, lang: str
) -> None:
    """At 1920x1080 the headline numbers are one size across the figures pages, and so are the
    numbers read after them (cards, shares, bar values)."""
    headlines: dict[str, float] = {}
    others: dict[str, float] = {}
    for group in bundled.content.figure_groups:
        page = snapshots.show(f"figures/{group.id}", None, lang)
        assert isinstance(page, FiguresPage)
        numbers = sorted(numbers_on(page), key=lambda item: -item[1])
        headlines[group.id] = round(numbers[0][1])
        for name, px in numbers[1:]:
            if name.split(" ")[0] != numbers[0][0].split(" ")[0]:
                others[f"{group.id}: {name}"] = round(px)
    assert len(set(headlines.values())) == 1, {k: v for k, v in headlines.items() if v != 128}
    assert len(set(others.values())) == 1, {k: v for k, v in others.items() if v != 64}
    assert min(headlines.values()) >= HEADLINE_OVER_REST * max(others.values())


def _park_with_a_group_of(count: int, folder: Path) -> LoadedContent:
    """The other park with its first counters group grown to `count` figures (its own figures,
    none invented: the rest of the park's figures join it)."""
    data = json.loads(OTHER_PARK.read_text(encoding="utf-8"))
    group = next(g for g in data["figure_groups"] if g["chart"] == "counters")
    spare = [f["id"] for f in data["figures"] if f["id"] not in group["figures"] and f["unit"] != "fraction"]
    group["figures"] = (group["figures"] + spare)[:count]
    assert len(group["figures"]) == count
    # Its pictures where the park's own file finds them, two folders up: icons and diagrams (the
    # fonts and screenshots are not the content's).
    assets = (OTHER_PARK.parent / data["meta"]["assets_root"]).resolve()
    for part in ("icons", "tours"):
        shutil.copytree(assets / part, folder / "assets" / part)
    path = folder / "park" / "here" / "content.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return load_content(path, check_image)


@pytest.mark.parametrize(
    "size",
    [(1280, 800), (1366, 768), (1920, 1080), (1080, 1920)],
    ids=["1280x800", "1366x768", "1920x1080", "portrait"],
)
def test_a_group_of_ten_figures_is_read_screen_by_screen(
    qapp: QApplication, tmp_path: Path, size: tuple[int, int]
) -> None:
    """Ten figures in one group: screens the visitor steps through (the dots show how many),
    each headed by the group's first figure, every card on screen above the navigation, none
    scrolled to or squeezed, in German, English and Arabic; together they show all ten."""
    loaded = _park_with_a_group_of(10, tmp_path)
    group = next(g for g in loaded.content.figure_groups if g.chart == "counters")
    snapshots = PageSnapshots(loaded, "de", size)
    try:
        nav = snapshots.window.nav
        assert nav is not None
        bottom = nav.mapTo(snapshots.window, QPoint(0, 0)).y()
        steps = snapshots.session.step_count(f"figures/{group.id}")
        assert steps == 3  # each screen the first figure and three more
        for lang in ("de", "en", "ar"):
            seen: set[str] = set()
            for step in range(steps):
                page = snapshots.show(f"figures/{group.id}", step, lang)
                assert isinstance(page, FiguresPage)
                assert page.step_index() == step
                where = f"{lang}, screen {step + 1}"
                assert page.scroll_area.verticalScrollBar().maximum() == 0, f"{where}: the page scrolls"
                cards = [card for card in page.figure_cards if card.isVisible()]
                assert cards[0].figure.id == group.figures[0]
                assert cards[0].number.drawn_px() >= HEADLINE_OVER_REST * cards[1].number.drawn_px()
                for card in cards:
                    rect = on_screen(card, snapshots.window)
                    assert rect.bottom() < bottom, f"{where}: {card.figure.id} at {rect}"
                    assert card.number.fit() > 0.99, f"{where}: {card.figure.id}'s number squeezed"
                seen |= {card.figure.id for card in cards}
            assert seen == set(group.figures)
    finally:
        snapshots.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_quote_is_set_large_enough_to_read_from_two_metres(
    snapshots: PageSnapshots, bundled: LoadedContent, lang: str
) -> None:
    """At 1920x1080 every quote's words are at least 38 px (the body is 30), the short ones
    larger still, and all of each quote on screen without scrolling."""
    page = snapshots.show("voices", 0, lang)
    assert isinstance(page, VoicesPage)
    sizes = []
    for step in range(len(bundled.content.voices)):
        page = snapshots.show("voices", step, lang)
        assert isinstance(page, VoicesPage)
        quote = page.current_quote()
        assert quote.words_px >= 38, f"quote {step + 1}: {quote.words_px} px"
        assert page.scroll_area.verticalScrollBar().maximum() == 0, f"quote {step + 1} scrolls"
        sizes.append(quote.words_px)
    assert max(sizes) >= 48  # a short quote fills its room


@pytest.mark.parametrize("snapshots", [((1080, 1920), 1.0)], ids=["portrait"], indirect=True)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_in_portrait_a_quote_fills_the_height_above_the_speakers(
    snapshots: PageSnapshots, bundled: LoadedContent, lang: str
) -> None:
    """No band of a fifth of the screen left empty between a quote and the speakers' chips."""
    window = snapshots.window
    for step in range(len(bundled.content.voices)):
        page = snapshots.show("voices", step, lang)
        assert isinstance(page, VoicesPage)
        quote = on_screen(page.current_quote(), window)
        chips = min(on_screen(chip, window).top() for chip in page.speakers)
        assert chips - quote.bottom() < window.height() / 5, f"quote {step + 1}: {chips - quote.bottom()} px"
