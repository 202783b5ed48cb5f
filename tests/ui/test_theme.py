"""High contrast is carried by the theme a widget is built with, never by shared module state."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui import theme as th
from kiosk.ui.charts.plot import KioskPlot
from kiosk.ui.language import LanguageState
from kiosk.ui.widgets.buttons import EntryCard, TouchButton

NORMAL = th.Theme()
HIGH = replace(NORMAL, high_contrast=True)


def test_contrast_alone_changes_palette_and_stylesheet() -> None:
    assert NORMAL.palette == th.NORMAL_PALETTE
    assert HIGH.palette == th.HIGH_CONTRAST_PALETTE
    assert NORMAL.palette != HIGH.palette
    assert NORMAL.stylesheet() != HIGH.stylesheet()
    assert f"background: {th.HIGH_CONTRAST_PALETTE.background};" in HIGH.stylesheet()
    assert f"background: {th.HIGH_CONTRAST_PALETTE.background};" not in NORMAL.stylesheet()
    assert f"background: {th.NORMAL_PALETTE.background};" in NORMAL.stylesheet()


def test_the_palette_is_derived_not_compared() -> None:
    assert "palette" not in {field.name for field in fields(th.Theme)}
    assert th.Theme() == NORMAL
    assert hash(th.Theme(high_contrast=True)) == hash(HIGH)


def test_high_contrast_keeps_the_colours_it_does_not_change() -> None:
    for name in ("accent", "on_colour", "blue", "green", "violet", "orange", "cyan", "overlay_backdrop"):
        assert getattr(th.HIGH_CONTRAST_PALETTE, name) == getattr(th.NORMAL_PALETTE, name)


def _pixel(widget: QWidget, x: int, y: int) -> str:
    return QColor(widget.grab().toImage().pixel(x, y)).name().upper()


def test_widgets_keep_the_colours_of_their_own_theme(qtbot: QtBot) -> None:
    language = LanguageState(("zh", "en"), "zh")
    # Built high contrast first, normal second, and painted only after both exist: colours read
    # from anything shared would show in both.
    cards: dict[th.Theme, EntryCard] = {}
    chips: dict[th.Theme, TouchButton] = {}
    for theme in (HIGH, NORMAL):
        card = EntryCard(language, theme, lambda _lang: "A", lambda _lang: "", "#4C8DFF", None)
        chip = TouchButton(language, theme, lambda _lang: "B")
        chip.setCheckable(True)
        chip.setChecked(True)
        for widget in (card, chip):
            qtbot.addWidget(widget)
            widget.resize(widget.sizeHint())
        cards[theme], chips[theme] = card, chip
    for theme in (HIGH, NORMAL):
        card, chip = cards[theme], chips[theme]
        assert _pixel(card, card.width() - 12, card.height() // 2) == theme.palette.surface
        # A chosen option is filled in the button's colour, by default the theme's text colour.
        assert _pixel(chip, chip.width() // 2, 6) == theme.palette.text.upper()
    assert th.HIGH_CONTRAST_PALETTE.surface != th.NORMAL_PALETTE.surface
    assert th.HIGH_CONTRAST_PALETTE.text != th.NORMAL_PALETTE.text


def test_plots_take_their_text_colour_from_their_theme(qtbot: QtBot) -> None:
    plots = {theme: KioskPlot(theme) for theme in (HIGH, NORMAL)}
    for theme, plot in plots.items():
        qtbot.addWidget(plot)
        axis = plot.getPlotItem().getAxis("bottom")
        assert axis.pen().color().name().upper() == theme.palette.text
        assert axis.textPen().color().name().upper() == theme.palette.text
