"""Shares as cells: 68 of 100 lit for 68 %, one of six for "about one sixth"."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSize
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.content import Figure
from kiosk.ui import theme as th
from kiosk.ui.charts.base import Chart
from kiosk.ui.charts.plot import KioskPlot
from kiosk.ui.language import LanguageState
from kiosk.ui.widgets.figure_card import FigureNumber
from kiosk.ui.widgets.text import TextLabel

CELL = 0.84  # of a grid step: the gap between cells is what makes them countable
CELL_PX = {"percent": 60, "fraction": 120}  # design px per grid step: 100 small cells, or a few big


def grid_for(figure: Figure) -> tuple[int, int, int]:
    """(columns, rows, lit cells) of the figure's waffle."""
    if figure.unit == "fraction" and figure.denominator:
        cells = figure.denominator
        columns = cells if cells <= 6 else math.ceil(math.sqrt(cells))
        return columns, math.ceil(cells / columns), int(figure.value)
    return 10, 10, round(figure.value)


class Waffle(KioskPlot):
    def __init__(self, figure: Figure, accent: str, theme: th.Theme, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.figure = figure
        self._theme = theme
        columns, rows, self.lit_total = grid_for(figure)
        self.aspect = rows / columns
        # As large as the room the chart is given, never more than its design size: the cells
        # stay square (the aspect is locked) and centred in it, and never ask for more height
        # than the page has.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        step = theme.px(CELL_PX["fraction" if figure.unit == "fraction" else "percent"])
        self.widest = step * columns
        self.setMaximumSize(self.widest, round(self.widest * self.aspect))
        cells = figure.denominator if figure.unit == "fraction" and figure.denominator else columns * rows
        index = np.arange(cells)
        self.xs = (index % columns).astype(float)
        self.ys = (rows - 1 - index // columns).astype(float)  # fill from the top left
        self.lit = 0
        self.dots = pg.ScatterPlotItem(pxMode=False, symbol="s", size=CELL, pen=None)
        self.addItem(self.dots)
        self._on = pg.mkBrush(accent)
        self._off = pg.mkBrush(th.color(theme.palette.text_secondary, 0.18))
        self.set_range((-0.5, columns - 0.5), (-0.5, rows - 0.5))
        self.view.setAspectLocked(True)
        self.set_lit(self.lit_total)

    def sizeHint(self) -> QSize:
        return QSize(self.widest, min(round(self.widest * self.aspect), self._theme.px(200)))

    def minimumSizeHint(self) -> QSize:
        side = self._theme.px(120)
        return QSize(side, min(side, round(self.widest * self.aspect)))

    def set_lit(self, lit: int) -> None:
        self.lit = lit
        brushes = [self._on if i < lit else self._off for i in range(len(self.xs))]
        self.dots.setData(x=self.xs, y=self.ys, brush=brushes)


class ShareChart(Chart):
    """Each share figure: its number, its label, and its cells lighting up."""

    def __init__(
        self,
        figures: Sequence[Figure],
        language: LanguageState,
        theme: th.Theme,
        accent: str,
        number_role: str = "figure-small",
        beside: bool = True,
        roles: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(figures, language, theme, accent, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.px(64))
        self.waffles: list[Waffle] = []
        self.numbers: list[FigureNumber] = []
        # One share alone on a landscape screen: its number beside its cells; else number above.
        beside = beside and len(self.figures) == 1 and not theme.portrait
        for index, figure in enumerate(self.figures):
            unit = QHBoxLayout() if beside else QVBoxLayout()
            unit.setSpacing(theme.px(48) if beside else theme.px(8))
            if not beside:  # number over cells, in the middle of the height the cells leave
                unit.addStretch(0)
            header = QVBoxLayout()
            header.setSpacing(theme.px(8))
            role = roles[index] if roles is not None else number_role
            number = FigureNumber(language, figure, theme, role, accent)
            self.numbers.append(number)
            header.addWidget(number)
            header.addWidget(TextLabel(language, figure.label, "label"))
            header.addStretch(1)
            unit.addLayout(header, 1 if beside else 0)
            waffle = Waffle(figure, accent, theme)
            waffle.tapped.connect(lambda _point, f=figure: self.figure_tapped.emit(f.id))
            self.waffles.append(waffle)
            unit.addWidget(waffle, 1)
            if not beside:
                unit.addStretch(0)
            layout.addLayout(unit, 1)
        self._draw()

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(1200), self.theme.px(420))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.theme.px(400), self.theme.px(240))

    def _draw(self) -> None:
        for waffle, number, progress in zip(self.waffles, self.numbers, self._progress, strict=True):
            waffle.set_lit(round(waffle.lit_total * progress))
            number.set_value(None if progress >= 1.0 else waffle.figure.value * progress)

    def tap_point(self, index: int) -> QPointF:
        """The centre of a figure's first cell, in its waffle's data coordinates (for tests)."""
        return QPointF(self.waffles[index].xs[0], self.waffles[index].ys[0])
