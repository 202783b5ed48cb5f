"""Holds the pages and changes between them with a 280 ms slide and fade.

The new page is live underneath at once (a tap during the slide reaches it); an overlay
paints the two snapshots sliding. Its first frame is painted in the same event-loop turn
as the input that caused it, not one timer tick later.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui import theme as th
from kiosk.ui.frame_clock import Tween

TRANSITION_MS = 280
SLIDE_SHARE = 0.18  # of the width: enough to read as a direction, short enough to stay calm


class TransitionOverlay(QWidget):
    finished = Signal()

    def __init__(self, parent: QWidget, duration_ms: int = TRANSITION_MS) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._old: QPixmap | None = None
        self._new: QPixmap | None = None
        self._backdrop = QColor()
        self._direction = 1
        self._progress = 0.0
        self.animation = Tween(duration_ms, easing=QEasingCurve.Type.OutCubic, parent=self)
        self.animation.value_changed.connect(self._on_animation_value_changed)
        self.animation.finished.connect(self._on_animation_finished)
        self.hide()

    def start(self, old: QPixmap, new: QPixmap, direction: int, backdrop: QColor) -> None:
        """Slide from `old` to `new`; `backdrop` shows where the two fade into each other."""
        self.animation.stop()
        self._old, self._new, self._direction, self._progress = old, new, direction, 0.0
        self._backdrop = backdrop
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.repaint()  # the first frame now, in the input's own turn
        self.animation.start()

    def finish(self) -> None:
        self.animation.stop()
        self._on_animation_finished()

    @property
    def running(self) -> bool:
        return self.isVisible()

    def _on_animation_value_changed(self, value: float) -> None:
        self._progress = float(value)
        self.update()

    def _on_animation_finished(self) -> None:
        was_visible = self.isVisible()
        self.hide()
        self._old = self._new = None
        if was_visible:
            self.finished.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._backdrop)
        # Forward is towards the reading direction: in Arabic the next page comes from the left.
        mirror = -1 if self.isRightToLeft() else 1
        shift = self.width() * SLIDE_SHARE * self._direction * mirror
        p = self._progress
        if self._old is not None:
            painter.setOpacity(1.0 - p)
            painter.drawPixmap(QPointF(-shift * p, 0), self._old)
        if self._new is not None:
            painter.setOpacity(p)
            painter.drawPixmap(QPointF(shift * (1.0 - p), 0), self._new)
        painter.end()


class PageStack(QWidget):
    page_entered = Signal(QWidget)  # the page is current and on screen, any slide over

    def __init__(
        self,
        reduced_motion: bool = False,
        transition_ms: int = TRANSITION_MS,
        parent: QWidget | None = None,
        *,
        theme: th.Theme,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page-stack")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.reduced_motion = reduced_motion
        # The stack outlives a change of theme: its owner sets this again with each new one.
        self.theme = theme
        self._current: QWidget | None = None
        self.overlay = TransitionOverlay(self, transition_ms)
        self.overlay.finished.connect(self._on_overlay_finished)

    @property
    def current(self) -> QWidget | None:
        return self._current

    def add(self, page: QWidget) -> None:
        page.setParent(self)
        page.setGeometry(self.rect())
        page.hide()

    def show_page(self, page: QWidget, direction: int = 0) -> None:
        """Make `page` current; slide in from where the reading goes on (+1), from where it came
        from (-1), or not at all (0): right and left in a left-to-right language."""
        old = self._current
        page.setGeometry(self.rect())
        animate = (
            old is not None
            and old is not page
            and direction != 0
            and not self.reduced_motion
            and self.isVisible()
        )
        if animate and old is not None:
            before = old.grab()
            page.show()
            page.raise_()
            layout = page.layout()
            if layout is not None:
                layout.activate()
            after = page.grab()
            old.hide()
            self._current = page
            self.overlay.start(before, after, direction, QColor(self.theme.palette.background))
            return
        self.overlay.finish()
        if old is not None and old is not page:
            old.hide()
        page.show()
        page.raise_()
        self._current = page
        self.page_entered.emit(page)

    def _on_overlay_finished(self) -> None:
        if self._current is not None:
            self.page_entered.emit(self._current)

    def resizeEvent(self, event: QResizeEvent) -> None:
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child is not self.overlay:
                child.setGeometry(self.rect())
        super().resizeEvent(event)
