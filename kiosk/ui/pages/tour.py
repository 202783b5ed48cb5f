"""A guided park tour: the diagram with numbered stops, and the current stop's panel.

Visitors walk it by tapping stops, swiping, or previous / next; it can also play itself,
advancing every `autoplay_s` seconds (the attract loop and the slideshow use this), until
the first touch hands control back to the visitor.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QHideEvent, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.system.resources import icon_path
from kiosk.ui.language import ui
from kiosk.ui.pages.base import Page, PageScrollArea
from kiosk.ui.vision_colours import colour_of
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.figure_card import FigureCard
from kiosk.ui.widgets.quote import QuoteBlock
from kiosk.ui.widgets.text import Paragraph, TextLabel
from kiosk.ui.widgets.tour_diagram import TourDiagram


class TourPage(Page):
    def build(self) -> None:
        ref, theme = self.ref, self.theme
        self.tour = next(t for t in self.content.tours if t.id == ref.key)
        self._index = 0
        self.autoplay_timer = QTimer(self)
        self.autoplay_timer.setInterval(theme.ms(self.tour.autoplay_s * 1000))
        self.autoplay_timer.timeout.connect(self._on_autoplay_timer_timeout)
        self._build()
        self._show_stop(animate=False)

    def kiosk_controls(self) -> list[QWidget]:
        """Auto-play is a visitor's: on a slide the presenter sets the pace."""
        return [self.play_button]

    def accent(self) -> str:
        return colour_of(self.content, self.tour, self.theme)

    def step_count(self) -> int:
        return len(self.tour.stops)

    def step_index(self) -> int:
        return self._index

    def set_step(self, index: int) -> None:
        index = max(0, min(index, len(self.tour.stops) - 1))
        if index != self._index:
            self._index = index
            self._show_stop()
            self.steps_changed.emit()

    # ---- auto-play ------------------------------------------------------------------------

    @property
    def autoplaying(self) -> bool:
        return self.autoplay_timer.isActive()

    def start_autoplay(self) -> None:
        """Advance a stop every `autoplay_s` seconds, from the last stop back to the first."""
        self.autoplay_timer.start()
        self.play_button.set_label(ui("autoplay-pause"))
        self.play_button.set_icon(icon_path("pause"))

    def stop_autoplay(self) -> None:
        self.autoplay_timer.stop()
        self.play_button.set_label(ui("autoplay"))
        self.play_button.set_icon(icon_path("play"))

    def interrupt(self, target: QWidget | None) -> None:
        if target is not self.play_button:
            self.stop_autoplay()

    def _on_autoplay_timer_timeout(self) -> None:
        self.set_step((self._index + 1) % len(self.tour.stops))

    def _on_play_button_clicked(self) -> None:
        if self.autoplaying:
            self.stop_autoplay()
        else:
            self.start_autoplay()

    def hideEvent(self, event: QHideEvent) -> None:
        self.stop_autoplay()
        super().hideEvent(event)

    def reset(self) -> None:
        self.stop_autoplay()
        self.diagram.reset_view()
        super().reset()

    # ---- building -------------------------------------------------------------------------

    def _build(self) -> None:
        theme, tour = self.theme, self.tour
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(theme.px(4))
        titles.addWidget(TextLabel(self.language, ui("tour"), "caption", tone="secondary"))
        self.title = TextLabel(self.language, tour.title, "h2")
        titles.addWidget(self.title)
        titles.addWidget(TextLabel(self.language, tour.subtitle, "body", tone="secondary"))
        header.addLayout(titles, 1)
        self.play_button = TouchButton(self.language, theme, ui("autoplay"), icon_path("play"))
        self.play_button.setObjectName("tour-autoplay")
        self.play_button.clicked.connect(self._on_play_button_clicked)
        header.addWidget(self.play_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.body.addLayout(header)

        direction = QBoxLayout.Direction.TopToBottom if theme.portrait else QBoxLayout.Direction.LeftToRight
        columns = QBoxLayout(direction)
        columns.setSpacing(theme.px(40))
        self.diagram = TourDiagram(
            tour,
            self.loaded.asset(tour.diagram),
            self.language,
            theme,
            fit_width=theme.portrait,
            colour=self.accent(),
        )
        self.diagram.stop_tapped.connect(self._on_diagram_stop_tapped)
        self.diagram.swiped.connect(self._on_diagram_swiped)
        self.panel = panel = QFrame()
        panel.setObjectName("panel")
        self._panel_body = QWidget()
        self._panel_layout = QVBoxLayout(self._panel_body)
        pad = theme.px(36)
        self._panel_layout.setContentsMargins(pad, pad, pad, pad)
        self._panel_layout.setSpacing(theme.px(12))
        self.panel_scroll = PageScrollArea(self._panel_body, theme, fade=theme.palette.surface)
        self.panel_scroll.content_height_changed.connect(self._on_panel_content_height_changed)
        panel_layout = QHBoxLayout(panel)
        # Inset by the corner radius: the scrolled text and its fade never square the corners.
        inset = theme.radius // 2
        panel_layout.setContentsMargins(0, inset, 0, inset)
        panel_layout.addWidget(self.panel_scroll)
        # The map and the top of the stop panel stay put from stop to stop; the panel is as
        # tall as its stop (up to the room there is), so nothing jumps as the visitor walks.
        top = Qt.AlignmentFlag.AlignTop
        if theme.portrait:
            columns.addWidget(self.diagram, 0)
            columns.addWidget(panel, 0, top)
            self.body.addLayout(columns, 0)
            self.body.addStretch(1)
        else:
            columns.addWidget(self.diagram, 1, top)
            columns.addWidget(panel, 1, top)
            self.body.addLayout(columns, 1)
        self._panel_content = 0
        self.diagram.view_changed.connect(self._fit_panel)

    def _show_stop(self, animate: bool = True) -> None:
        while self._panel_layout.count():
            item = self._panel_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from this frame on, not only after the deferred delete
                widget.deleteLater()
        theme, stop = self.theme, self.tour.stops[self._index]
        layout = self._panel_layout
        counter = ui("stop", n=self._index + 1, total=len(self.tour.stops))
        position = TextLabel(self.language, counter, "label")
        position.setStyleSheet(f"color: {self.accent()};")
        layout.addWidget(position)
        self.stop_title = TextLabel(self.language, stop.title, "h2")
        layout.addWidget(self.stop_title)
        self.stop_text = Paragraph(self.language, stop.text, theme, line_height=1.38)
        layout.addWidget(self.stop_text)
        if stop.figure is not None:
            figure = self.content.figure(stop.figure)
            layout.addSpacing(theme.px(4))
            card = FigureCard(self.language, figure, theme, self.accent(), flat=True)
            card.tapped.connect(self.open_figure_detail)
            layout.addWidget(card)
        if stop.voice is not None:
            layout.addSpacing(theme.px(12))
            layout.addWidget(QuoteBlock(self.language, self.content.voice(stop.voice), theme, self.accent()))
        layout.addStretch(1)
        for index in range(layout.count()):
            item = layout.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.show()  # now, not by Qt's queued call: the panel is measured below
        self.panel_scroll.fit_body()
        self.panel_scroll.verticalScrollBar().setValue(0)
        self.diagram.set_current(self._index, animate)

    def _on_panel_content_height_changed(self, height: int) -> None:
        self._panel_content = height
        self._fit_panel()

    def _fit_panel(self) -> None:
        """The panel is as tall as its stop needs, up to the room left on the page (then it
        scrolls inside)."""
        inset = self.theme.radius // 2
        wanted = self._panel_content + 2 * inset
        top = self.panel.mapTo(self._body_widget, QPoint(0, 0)).y()
        room = self.scroll_area.viewport().height() - top - self.body.contentsMargins().bottom()
        height = max(self.theme.px(160), min(wanted, room))
        if self.panel.height() != height or self.panel.minimumHeight() != height:
            self.panel.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_panel()

    def _on_diagram_stop_tapped(self, index: int) -> None:
        self.set_step(index)

    def _on_diagram_swiped(self, delta: int) -> None:
        self.set_step(self._index + delta)

    def current_stop_title(self) -> str:
        return self.stop_title.text()
