"""The idle warning in every language the exhibition speaks: it fits a small panel with three of
them, the visitor's own comes first and largest, each in its own writing direction and digits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import LoadedContent, load_content
from kiosk.i18n.digits import whole_number
from kiosk.showfloor.overlays.countdown import CountdownOverlay
from kiosk.system.image_check import check_image
from kiosk.ui.layout_audit import audit
from kiosk.ui.main_window import MainWindow
from kiosk.ui.preferences import Preferences
from kiosk.ui.widgets.text import TextLabel

MakeWindow = Callable[..., MainWindow]
OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"


@pytest.fixture(scope="module")
def other_park() -> LoadedContent:
    return load_content(OTHER_PARK, check_image)


def _countdown(window: MainWindow) -> CountdownOverlay:
    session = window.session
    countdown = CountdownOverlay(window, session.language, session.theme, lambda: 12_400, 15_000)
    countdown.open()
    return countdown


def _titles(countdown: CountdownOverlay) -> list[TextLabel]:
    return [
        label
        for label in countdown.findChildren(TextLabel)
        if label.isVisible() and label.text().rstrip("?？؟") != label.text()
    ]


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800), (1080, 1920)])
@pytest.mark.parametrize("text_scale", [1.0, 1.5])
def test_three_languages_fit(
    make_window: MakeWindow, other_park: LoadedContent, size: tuple[int, int], text_scale: float
) -> None:
    window = make_window(loaded=other_park, lang="en", size=size)
    window.session.set_preferences(Preferences(text_scale=text_scale))
    countdown = _countdown(window)
    theme = window.session.theme
    problems = audit(
        countdown,
        must_fit=True,
        targets_in_view=True,
        min_target_px=theme.target(64),
        min_gap_px=theme.px(16),
    )
    assert problems == []
    assert QRect(0, 0, *size).contains(countdown.panel.geometry())
    assert len(_titles(countdown)) == 3  # every language says it


def test_the_visitors_language_first_and_largest_each_in_its_direction(
    make_window: MakeWindow, other_park: LoadedContent
) -> None:
    window = make_window(loaded=other_park, lang="ar", size=(1366, 768))
    countdown = _countdown(window)
    titles = _titles(countdown)
    sizes = {label.text(): QFontInfo(label.font()).pixelSize() for label in titles}
    arabic = next(text for text in sizes if "؟" in text)
    assert sizes[arabic] > max(size for text, size in sizes.items() if text != arabic)
    top = min(titles, key=lambda label: label.mapTo(countdown, label.rect().topLeft()).y())
    assert top.text() == arabic
    # In an Arabic window the German and English lines still read left to right ("Noch da?").
    for label in titles:
        assert label.isRightToLeft() == (label.text() == arabic)
    # The button says it in all three, the visitor's first.
    assert countdown.extend_button.text().startswith("وقت")
    assert "Mehr Zeit" in countdown.extend_button.text()


@pytest.mark.parametrize("lang", ["en", "de", "ar"])
def test_the_ring_counts_in_the_languages_own_digits(
    qtbot: QtBot, make_window: MakeWindow, other_park: LoadedContent, lang: str
) -> None:
    window = make_window(loaded=other_park, lang=lang, size=(1280, 800))
    countdown = _countdown(window)
    assert countdown.ring.text() == whole_number(13, lang) == "13"  # CLDR: Latin digits, Arabic too


def test_two_languages_stay_equal(make_window: MakeWindow) -> None:
    window = make_window(lang="en", size=(1920, 1080))
    countdown = _countdown(window)
    titles = _titles(countdown)
    assert len(titles) == 2
    assert len({QFontInfo(label.font()).pixelSize() for label in titles}) == 1
    assert isinstance(countdown.panel, QWidget)
