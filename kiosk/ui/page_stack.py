"""Holds the pages and changes between them with a 280 ms slide and fade.

The new page is live underneath at once (a tap during the slide reaches it); an overlay
paints the two snapshots sliding. Its first frame is painted in the same event-loop turn
as the input that caused it, not one timer tick later.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui import theme as th
from kiosk.ui.frame_clock import FRAME_MS, Tween

TRANSITION_MS = 280
SLIDE_SHARE = 0.18  # of the width: enough to read as a direction, short enough to stay calm


def settled_progress(shift_px: float) -> float:
    """The progress of the slide after which no pixel changes any more: the pictures have
    under half a pixel left to move and under half a colour level left to fade.

    An eased slide spends its last eighth of a second moving by less than that; ending it
    there starts the page's own entrance about 35 ms sooner, without a visible jump."""
    still_moving = 0.5 / shift_px if shift_px > 0 else 1.0
    still_fading = 0.5 / 255
    return 1.0 - min(still_moving, still_fading)


class TransitionOverlay(QWidget):
    finished = Signal()

    def __init__(self, parent: QWidget, duration_ms: int = TRANSITION_MS) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._old: QPixmap | QImage | None = None
        self._new: QPixmap | QImage | None = None
        self._backdrop = QColor()
        self._direction = 1
        self._progress = 0.0
        self.animation = Tween(duration_ms, easing=QEasingCurve.Type.OutCubic, parent=self)
        self.animation.value_changed.connect(self._on_animation_value_changed)
        self.animation.finished.connect(self._on_animation_finished)
        self.hide()

    def start(self, old: QPixmap | QImage, new: QPixmap | QImage, direction: int, backdrop: QColor) -> None:
        """Slide from `old` to `new`; `backdrop` shows where the two fade into each other."""
        self.animation.stop()
        self._old, self._new, self._direction, self._progress = old, new, direction, 0.0
        self._backdrop = backdrop
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        # The first frame now, in the input's own turn, and already one frame into the slide:
        # at its start the slide would look exactly like the screen it leaves.
        self.animation.start(ahead_ms=FRAME_MS)
        self.repaint()

    def finish(self) -> None:
        self.animation.stop()
        self._on_animation_finished()

    @property
    def running(self) -> bool:
        return self.isVisible()

    def _on_animation_value_changed(self, value: float) -> None:
        shift = self.width() * SLIDE_SHARE * self.devicePixelRatioF()
        if value < 1.0 and value >= settled_progress(shift):
            self.finish()
            return
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
            _draw(painter, QPointF(-shift * p, 0), self._old)
        if self._new is not None and p > 0:
            painter.setOpacity(p)
            _draw(painter, QPointF(shift * (1.0 - p), 0), self._new)
        painter.end()


def _draw(painter: QPainter, at: QPointF, picture: QPixmap | QImage) -> None:
    if isinstance(picture, QImage):
        painter.drawImage(at, picture)
    else:
        painter.drawPixmap(at, picture)


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
        # Pictures of hidden pages taken while nobody waited, for the next transition to them.
        self._prepared: dict[QWidget, QPixmap] = {}
        self._screen_copy: QImage | None = None
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
            before = self._on_screen() or old.grab()
            prepared = self._prepared.pop(page, None)
            page.show()
            page.raise_()
            layout = page.layout()
            if layout is not None:
                layout.activate()
            after = prepared if prepared is not None else page.grab()
            old.hide()
            self._current = page
            self.overlay.start(before, after, direction, QColor(self.theme.palette.background))
            return
        self.overlay.finish()
        self._prepared.pop(page, None)
        if old is not None and old is not page:
            old.hide()
        page.show()
        page.raise_()
        self._current = page
        self.page_entered.emit(page)

    def prepare(self, page: QWidget) -> None:
        """Take `page`'s picture now, for a transition to it later: the input that asks for
        it then only starts the slide. The page must not change until then, or its owner
        says so with `forget_prepared`."""
        if page is self._current or page.parentWidget() is not self or self.reduced_motion:
            return
        page.setGeometry(self.rect())
        layout = page.layout()
        if layout is not None:
            layout.activate()
        self._prepared[page] = page.grab()

    def forget_prepared(self, page: QWidget | None = None) -> None:
        """`page` (default: every page) changed since its picture was taken."""
        if page is None:
            self._prepared.clear()
        else:
            self._prepared.pop(page, None)

    def is_prepared(self, page: QWidget) -> bool:
        return page in self._prepared

    def _on_screen(self) -> QImage | None:
        """What the stack shows now, copied from its window's backing store (the frame last
        put on the screen) instead of painting the old page once more: at 3840x2160 that
        painting is most of an input's turn. None where the store is not an image."""
        window = self.window()
        store = window.backingStore()
        device = store.paintDevice() if store is not None else None
        if not isinstance(device, QImage) or device.isNull() or not window.isVisible():
            return None
        ratio = device.devicePixelRatio()
        corner = self.mapTo(window, QPoint(0, 0))
        area = QRect(
            round(corner.x() * ratio),
            round(corner.y() * ratio),
            round(self.width() * ratio),
            round(self.height() * ratio),
        )
        if not device.rect().contains(area):
            return None
        # Into the same image each time: a new 33 MB image at 4K costs more in page faults
        # than the copy itself. The overlay holding the last one is restarted with this one.
        copy = self._screen_copy
        if copy is None or copy.size() != area.size() or copy.format() != device.format():
            copy = self._screen_copy = QImage(area.size(), device.format())
        copy.setDevicePixelRatio(ratio)
        painter = QPainter(copy)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawImage(QPoint(0, 0), device, area)
        painter.end()
        return copy

    def _on_overlay_finished(self) -> None:
        if self._current is not None:
            self.page_entered.emit(self._current)

    def resizeEvent(self, event: QResizeEvent) -> None:
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child is not self.overlay:
                child.setGeometry(self.rect())
        super().resizeEvent(event)
