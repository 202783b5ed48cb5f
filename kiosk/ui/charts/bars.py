"""Bars for comparable amounts, and tracks to 100 % for shares ("proportion"), drawn to scale."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content import Figure
from kiosk.i18n.numbers import count_up_frame, format_figure
from kiosk.ui import theme as th
from kiosk.ui.charts.base import Chart
from kiosk.ui.charts.plot import KioskPlot
from kiosk.ui.language import LanguageState
from kiosk.ui.widgets.figure_card import SECONDARY_ROLE

BAR_THICKNESS = 0.42  # of a row
LABEL_LIFT = 0.26  # label baseline above the bar centre, in rows


class BarsChart(Chart):
    """One row per figure: its label, a bar growing from zero, its value at the bar's end.

    With `proportion`, each bar is a share of a full track (0-100 %), so "under 3 %" and
    "about one third" stand side by side to scale.
    """

    def __init__(
        self,
        figures: Sequence[Figure],
        language: LanguageState,
        theme: th.Theme,
        accent: str,
        proportion: bool = False,
        colours: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(figures, language, theme, accent, parent)
        self.proportion = proportion
        # Each bar in its figure's colour (a figure of another vision keeps that vision's).
        self.colours = list(colours) if colours is not None else [accent] * len(self.figures)
        self.amounts = np.array([self._amount(f) for f in self.figures], dtype=float)
        self.full = 1.0 if proportion else float(self.amounts.max() or 1.0)
        count = len(self.figures)
        self.rows = np.arange(count - 1, -1, -1, dtype=float)  # the first figure at the top
        self._gap = self.full * 0.02  # between a bar and its value, in axis units
        self.plot = KioskPlot(theme)
        self.plot.tapped.connect(self._on_plot_tapped)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        if proportion:
            track = pg.BarGraphItem(
                x0=np.zeros(count),
                y=self.rows,
                height=BAR_THICKNESS,
                width=np.ones(count),
                brush=th.color(theme.palette.text_secondary, 0.16),
                pen=None,
            )
            self.plot.addItem(track)
        self.bars = pg.BarGraphItem(
            x0=np.zeros(count),
            y=self.rows,
            height=BAR_THICKNESS,
            width=np.zeros(count),
            brushes=[pg.mkBrush(colour) for colour in self.colours],
            pen=None,
        )
        self.plot.addItem(self.bars)
        self.labels: list[pg.TextItem] = []
        self.values: list[pg.TextItem] = []
        for index, row in enumerate(self.rows):
            label = pg.TextItem(color=theme.palette.text, anchor=(0, 1))
            label.setFont(theme.font("label"))
            label.setPos(0, row + LABEL_LIFT)
            self.plot.addItem(label)
            self.labels.append(label)
            value = pg.TextItem(color=self.colours[index], anchor=(0, 0.5))
            value.setFont(self._value_font())
            self.plot.addItem(value)
            self.values.append(value)
        self._fit_range()
        # Rows never grow past a comfortable height: tall screens get space, not slabs. A few
        # rows may take more of it than many.
        self.setMaximumHeight(max(self._row_height(), theme.px(220 if count <= 3 else 170)) * count)
        self._draw()

    def _amount(self, figure: Figure) -> float:
        if self.proportion:
            return figure.share if figure.share is not None else 0.0
        return figure.value

    def _value_font(self) -> QFont:
        """Values in the size of every secondary number on a screen of figures, however many
        bars (the screen's headline number is drawn apart, larger); a narrow screen steps it
        down until the longest fits (`_fit_range`)."""
        return self.theme.font(SECONDARY_ROLE)

    def _row_height(self, value_font: QFont | None = None) -> int:
        """Least height of a row: its label above, and the bar with its value beside it."""
        label = QFontMetrics(self.theme.font("label")).height()
        value = QFontMetrics(value_font or self._value_font()).height()
        return round((label + value * 0.8) / (1 - LABEL_LIFT))

    def _value_end(self, index: int) -> float:
        """Where a value's text starts: after its bar, or after the whole track for shares."""
        return 1.0 if self.proportion else float(self.amounts[index])

    def _fit_range(self) -> None:
        """Scale the axis so the longest value text fits after its bar, at this width."""
        width = max(1, self.plot.width())
        lang = self.language.current
        gap_px = self.theme.px(16)
        # The values' size steps down until the longest fits beside the quarter of the width the
        # bars keep (a narrow portrait screen, a long currency in English).
        font = self._value_font()
        texts = [format_figure(figure, lang).text for figure in self.figures]
        floor = self.theme.font("label").pixelSize()
        # So does a short screen in a visitor's larger text, until every row has its height.
        height = self.height() if self.testAttribute(Qt.WidgetAttribute.WA_Resized) else 0
        while font.pixelSize() > floor and (
            max(QFontMetrics(font).horizontalAdvance(text) + 2 * gap_px for text in texts) > 0.75 * width
            or 0 < height < self._row_height(font) * len(self.figures)
        ):
            font.setPixelSize(font.pixelSize() - 2)
        for value in self.values:
            value.setFont(font)
        metrics = QFontMetrics(font)
        need = 1.05 * self.full
        for index, figure in enumerate(self.figures):
            text_px = metrics.horizontalAdvance(format_figure(figure, lang).text) + 2 * gap_px
            room = max(0.25 * width, width - text_px)  # the bars keep a quarter of the width
            need = max(need, self._value_end(index) * width / room)
        self._gap = need * gap_px / width
        self.plot.set_range((0.0, need), (-0.62, len(self.figures) - 0.3))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            # The plot mirrors its axis; each text hangs from its point towards the reading end.
            leading = 1.0 if self.isRightToLeft() else 0.0
            for label, value in zip(self.labels, self.values, strict=True):
                label.setAnchor((leading, 1))
                value.setAnchor((leading, 0.5))
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_range()
        self._draw()

    def sizeHint(self) -> QSize:
        # In a visitor's larger text the rows ask for no more than their least: the values step
        # down before the page would scroll.
        row = self._least_row_height() if self.theme.text_scale > 1 else self._row_height()
        return QSize(self.theme.px(1200), max(row, self.theme.px(130)) * len(self.figures))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.theme.px(400), self._least_row_height() * len(self.figures))

    def _least_row_height(self) -> int:
        """Rows as low as values at the labels' size allow (`_fit_range` steps them down to it
        on a short screen, in a visitor's larger text), never lower than the brief's rows."""
        least = QFont(self._value_font())
        least.setPixelSize(self.theme.font("label").pixelSize())
        return self._row_height(least)

    def drawn_widths(self) -> list[float]:
        return [float(w) for w in self.bars.opts["width"]]

    def _draw(self) -> None:
        lang = self.language.current
        progress = np.array(self._progress, dtype=float)
        widths = self.amounts * progress
        self.bars.setOpts(width=widths)
        gap = self._gap
        for index, figure in enumerate(self.figures):
            self.labels[index].setText(figure.label[lang])
            shown = None if progress[index] >= 1.0 else figure.value * progress[index]
            self.values[index].setText(count_up_frame(figure, lang, shown).text)
            end = 1.0 if self.proportion else widths[index]
            self.values[index].setPos(end + gap, self.rows[index])

    def _on_language_changed(self, lang: str) -> None:
        self._fit_range()
        super()._on_language_changed(lang)

    def _on_plot_tapped(self, point: QPointF) -> None:
        row = round(point.y())
        count = len(self.figures)
        if 0 <= row < count and abs(point.y() - row) <= 0.5:
            self.figure_tapped.emit(self.figures[count - 1 - row].id)
