"""Home and the visions as a visitor sees them: every entry on the screen, names whole and large,
numbers larger than their labels, no empty half under a vision's figures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content import LoadedContent
from kiosk.ui import layout_audit as la
from kiosk.ui.language import LanguageState
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.vision import VisionPage
from kiosk.ui.preferences import Preferences
from kiosk.ui.snapshot import PageSnapshots
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import ColourTile
from kiosk.ui.widgets.figure_card import NUMBER_OVER_LABEL, FigureCard, FigureNumber


@pytest.fixture
def kiosk_1280_largest(qapp: QApplication, bundled: LoadedContent) -> Iterator[PageSnapshots]:
    snapshots = PageSnapshots(bundled, "zh", (1280, 800), preferences=Preferences(text_scale=1.5))
    yield snapshots
    snapshots.close()


@pytest.fixture
def kiosk_1920(qapp: QApplication, bundled: LoadedContent) -> Iterator[PageSnapshots]:
    snapshots = PageSnapshots(bundled, "zh", (1920, 1080))
    yield snapshots
    snapshots.close()


def in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def name_lines(tile: ColourTile) -> list[tuple[str, int]]:
    """The runs of text the tile paints in its largest font (its name), with their font size:
    a name on one line is one run."""
    runs = la.drawn_texts(tile)
    largest = max(run.font.pixelSize() for run in runs)
    return [(run.text, run.font.pixelSize()) for run in runs if run.font.pixelSize() == largest]


def home(snapshots: PageSnapshots, lang: str) -> HomePage:
    page = snapshots.show("home", None, lang)
    assert isinstance(page, HomePage)
    return page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_entry_of_home_is_on_screen_at_1920x1080(kiosk_1920: PageSnapshots, lang: str) -> None:
    page = home(kiosk_1920, lang)
    nav_top = in_window(kiosk_1920.window.nav).top()
    assert not page.scroll_area.has_more_below()
    for target in [*page.vision_tiles, *page.entry_cards]:
        rect = in_window(target)
        assert rect.bottom() < nav_top, (
            f"{target.text()!r} ends at {rect.bottom()}, under the bar at {nav_top}"
        )
        assert rect.height() >= kiosk_1920.session.theme.target(64)


def test_vision_names_are_as_large_in_english_as_in_chinese(kiosk_1920: PageSnapshots) -> None:
    """English tiles are set like the Chinese: names near the h2 size, "People-centred" on one line."""
    sizes: dict[str, int] = {}
    for lang in ("zh", "en"):
        for tile in home(kiosk_1920, lang).vision_tiles:
            lines = name_lines(tile)
            assert [text for text, _ in lines] == [tile.text()], (
                f"{tile.text()!r} is not on one line: {lines}"
            )
            sizes[lang] = lines[0][1]
    h2 = kiosk_1920.session.theme.font_px("h2")
    assert sizes["zh"] == h2
    assert sizes["en"] >= 0.85 * h2, f"English names at {sizes['en']} px, the Chinese at {sizes['zh']}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_vision_name_fits_one_line_at_1280x800_with_the_largest_text(
    kiosk_1280_largest: PageSnapshots, lang: str
) -> None:
    page = home(kiosk_1280_largest, lang)
    theme = kiosk_1280_largest.session.theme
    assert page.vision_grid.columns < len(page.vision_tiles), "five tiles in a row at x1.5 cannot fit"
    for tile in page.vision_tiles:
        lines = name_lines(tile)
        assert [text for text, _ in lines] == [tile.text()], f"{tile.text()!r} is not on one line: {lines}"
        assert lines[0][1] >= theme.font_px("label")
        problems = [p for p in la.audit(tile, must_fit=False) if p.kind in (la.TEXT_CUT, la.TEXT_ELIDED)]
        assert not problems, problems


def test_tile_icons_grow_with_the_text(qapp: QApplication, bundled: LoadedContent) -> None:
    """An icon beside a name at x1.5 is drawn 1.5 times as large as at x1 (not left at 1x)."""
    language = LanguageState(("zh", "en"), "en")
    vision = bundled.content.visions[0]
    sides = []
    for scale in (1.0, 1.5):
        tile = ColourTile(
            language, Theme(text_scale=scale), vision.name, vision.color, bundled.asset(vision.icon)
        )
        tile.resize(420, 300)
        sides.append(tile._icon_side())
        tile.deleteLater()
    assert sides[1] == round(sides[0] * 1.5)


def vision(snapshots: PageSnapshots, vision_id: str, lang: str) -> VisionPage:
    page = snapshots.show(f"vision/{vision_id}", None, lang)
    assert isinstance(page, VisionPage)
    return page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_vision_with_two_figures_fills_the_screen_below_its_hero(
    kiosk_1920: PageSnapshots, bundled: LoadedContent, lang: str
) -> None:
    """The cards reach from under the hero to the bottom margin: no empty half screen."""
    few = [v.id for v in bundled.content.visions if len(v.figures) == 2]
    assert few, "the bundled content has visions with two figures"
    theme = kiosk_1920.session.theme
    for vision_id in few:
        page = vision(kiosk_1920, vision_id, lang)
        viewport = in_window(page.scroll_area.viewport())
        cards = [in_window(card) for card in page.figure_cards]
        bottom_margin = page.body.contentsMargins().bottom()
        assert max(card.bottom() for card in cards) >= viewport.bottom() - bottom_margin - theme.gutter
        filled = sum(card.height() for card in cards)
        room = viewport.bottom() - bottom_margin - min(card.top() for card in cards)
        assert filled >= 0.85 * room, f"{vision_id}: the cards fill {filled} of {room} px"
        for card in page.figure_cards:  # at the figure size, not the small one
            assert card.number.fit() * theme.font_px(card.number.role) >= theme.font_px("figure") * 0.9


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_vision_number_stays_well_above_its_label_at_1280x800_with_the_largest_text(
    kiosk_1280_largest: PageSnapshots, bundled: LoadedContent, lang: str
) -> None:
    theme = kiosk_1280_largest.session.theme
    for item in bundled.content.visions:
        page = vision(kiosk_1280_largest, item.id, lang)
        for card in page.findChildren(FigureCard):
            shown = card.number.fit() * theme.font_px(card.number.role)
            label = theme.font_px("label")
            assert shown >= label * NUMBER_OVER_LABEL * 0.98, (
                f"{item.id}: {card.number.text()!r} shown at {shown:.0f} px beside a {label} px label"
            )


@pytest.mark.parametrize(
    ("figure_id", "lang"), [("truck-range", "en"), ("gdp-share", "zh"), ("gdp-share", "en")]
)
def test_a_big_number_keeps_its_comma_and_slash_inside(
    qapp: QApplication, bundled: LoadedContent, figure_id: str, lang: str
) -> None:
    """'over 1,000 km' and '约三分之一 1/3': the comma's and the slash's ink stay in the line."""
    language = LanguageState(("zh", "en"), lang)
    host = QWidget()
    number = FigureNumber(language, bundled.content.figure(figure_id), Theme(), "figure", parent=host)
    host.resize(1400, 400)
    number.setGeometry(0, 0, 1400, number.sizeHint().height())
    host.show()
    QApplication.processEvents()
    problems = [p for p in la.audit(host, must_fit=False) if p.kind == la.TEXT_CUT]
    host.close()
    assert not problems, problems
