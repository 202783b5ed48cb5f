"""A rate made tangible: "nearly 130 a day", and a counter growing at that rate while you watch.

The counter starts at zero each time the page appears and is labelled as an illustration at
the report's average: it is never passed off as live data.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import Figure
from kiosk.ui import theme as th
from kiosk.ui.charts.base import Chart
from kiosk.ui.charts.plot import KioskPlot
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.widgets.figure_card import FigureNumber
from kiosk.ui.widgets.text import TextLabel

SECONDS_PER = {"day": 86_400.0}
WINDOW_S = 60.0  # the plot shows at least the first minute
TICK_MS = 100


class RateChart(Chart):
    def __init__(
        self,
        figures: Sequence[Figure],
        language: LanguageState,
        theme: th.Theme,
        accent: str,
        clock: Callable[[], float] = time.monotonic,
        tick_ms: int = TICK_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(figures, language, theme, accent, parent)
        self.figure = self.figures[0]
        self.per_second = self.figure.value / SECONDS_PER[self.figure.per or "day"]
        self._clock = clock
        self._started = clock()
        self._elapsed = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self._on_timer_timeout)

        direction = QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        layout = QBoxLayout(direction, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.px(64))
        rate = QVBoxLayout()
        rate.setSpacing(theme.px(8))
        self.number = FigureNumber(language, self.figure, theme, "figure", accent)
        per = TextLabel(language, ui("per-day"), "h2", tone="secondary")
        headline = QHBoxLayout()
        headline.addWidget(self.number)
        headline.addWidget(per, 0, Qt.AlignmentFlag.AlignBottom)
        headline.addStretch(1)
        rate.addLayout(headline)
        rate.addWidget(TextLabel(language, self.figure.label, "label"))
        rate.addSpacing(theme.px(24))
        rate.addWidget(TextLabel(language, ui("rate-since-open"), "body", tone="secondary"))
        running = QHBoxLayout()
        self.counter = TextLabel(language, self._counter_text, "figure")
        self.counter.setStyleSheet(f"color: {accent};")
        running.addWidget(self.counter)
        if self.figure.measure is not None:
            unit = TextLabel(language, self.figure.measure, "h3")
            running.addWidget(unit, 0, Qt.AlignmentFlag.AlignBottom)
        running.addStretch(1)
        rate.addLayout(running)
        rate.addWidget(TextLabel(language, ui("rate-note"), "caption", tone="secondary"))
        rate.addStretch(1)
        layout.addLayout(rate, 1)

        self.plot = KioskPlot(theme, mirrored_right_to_left=False)
        self.plot.tapped.connect(lambda _point: self.figure_tapped.emit(self.figure.id))
        self._style_axes()
        self.line = pg.PlotDataItem(pen=pg.mkPen(accent, width=theme.px(5)), antialias=True)
        self.fill_base = pg.PlotDataItem(pen=None)
        self.area = pg.FillBetweenItem(self.line, self.fill_base, brush=th.color(accent, 0.18))
        self.plot.addItem(self.area)
        self.plot.addItem(self.line)
        layout.addWidget(self.plot, 1)
        self._draw()

    def _style_axes(self) -> None:
        """Seconds on this page across, companies at the report's rate up: the chart's promise
        is visible before its line has grown."""
        item = self.plot.getPlotItem()
        item.layout.setContentsMargins(0, self.theme.px(8), self.theme.px(16), 0)
        secondary = self.theme.palette.text_secondary
        for name in ("bottom", "left"):
            item.showAxis(name)
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(secondary, width=self.theme.px(2)))
            axis.setTextPen(pg.mkPen(secondary))
            axis.setTickFont(self.theme.font("caption"))
            axis.setStyle(tickTextOffset=self.theme.px(10), maxTickLevel=0)
            axis.enableAutoSIPrefix(False)  # "0.02 companies", never "20 (x0.001)"
        caption = self.theme.font_px("caption")
        item.getAxis("left").setWidth(round(caption * 5.6))
        item.getAxis("bottom").setHeight(round(caption * 3.6))
        self._label_axes()

    def _label_axes(self) -> None:
        item = self.plot.getPlotItem()
        style = {
            "color": self.theme.palette.text_secondary,
            "font-size": f"{self.theme.font_px('caption')}px",
        }
        item.setLabel("bottom", self.language.text(ui("axis-seconds")), **style)
        if self.figure.measure is not None:
            item.setLabel("left", self.language.text(self.figure.measure), **style)

    def _on_language_changed(self, lang: str) -> None:
        self._label_axes()
        super()._on_language_changed(lang)

    def sizeHint(self) -> QSize:
        return QSize(self.theme.px(1200), self.theme.px(480))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.theme.px(400), self.theme.px(360))

    @property
    def elapsed_s(self) -> float:
        return self._elapsed

    def running_count(self) -> float:
        """Companies at the report's average rate over the time this page has been visible."""
        return self.per_second * self._elapsed

    def _counter_text(self, lang: str) -> str:
        return f"{self.running_count():.3f}"

    def restart(self) -> None:
        self._started = self._clock()
        self._elapsed = 0.0
        self._draw()

    def show_final_state(self) -> None:
        """A still picture of the illustration: its first minute drawn, the counter stopped
        there (a picture taken as the page opens would show an empty chart and 0.000)."""
        self.timer.stop()
        self._elapsed = WINDOW_S
        super().show_final_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.restart()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def _on_timer_timeout(self) -> None:
        self._elapsed = max(0.0, self._clock() - self._started)
        self._draw()

    def _draw(self) -> None:
        progress = self._progress[0] if self._progress else 1.0
        self.number.set_value(None if progress >= 1.0 else self.figure.value * progress)
        # A constant rate is a straight line: its two ends are all it takes (memory stays flat).
        times = np.array([0.0, self._elapsed], dtype=float)
        counts = times * self.per_second
        self.line.setData(times, counts)
        self.fill_base.setData(times, np.zeros_like(times))
        span = max(WINDOW_S, self._elapsed)
        self.plot.set_range((0.0, span), (0.0, span * self.per_second * 1.15))
        self.counter.set_source(self._counter_text)
