"""The presenter's own window: the current slide and the next one (in their final states),
the speaker notes, the time, and the controls. The audience never sees it."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.pages import SlideRef
from kiosk.presenter.slideshow import Slideshow
from kiosk.system.resources import icon_path
from kiosk.ui.language import ui
from kiosk.ui.session import Session
from kiosk.ui.snapshot import PageSnapshots
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.text import Paragraph, TextLabel

RESET_HOLD_MS = 1500


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Blank(QWidget):
    """A black or white screen over the audience window while the show is blanked."""

    def __init__(self, window: QWidget, show: Slideshow) -> None:
        super().__init__(window)
        self.colour = QColor("black")
        show.blank_changed.connect(self._on_show_blank_changed)
        self.hide()

    def _on_show_blank_changed(self, colour: str) -> None:
        if not colour:
            self.hide()
            return
        self.colour = QColor(colour)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        painter.end()


class ElapsedClock(QLabel):
    """Elapsed time since the talk began. Only a long press (1.5 s) resets it."""

    def __init__(self, clock: Callable[[], float], hold_ms: int = RESET_HOLD_MS) -> None:
        super().__init__()
        self._clock = clock
        self.started = clock()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", "figure-small")
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(hold_ms)
        self._hold.timeout.connect(self.reset)
        self.refresh()

    def elapsed(self) -> float:
        return self._clock() - self.started

    def reset(self) -> None:
        self.started = self._clock()
        self.refresh()

    def refresh(self) -> None:
        self.setText(clock_text(self.elapsed()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._hold.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._hold.stop()  # a tap is not enough: the timer keeps running
        event.accept()


class PresenterView(QWidget):
    def __init__(
        self,
        show: Slideshow,
        session: Session,
        audience_size: tuple[int, int],
        target_minutes: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.show_ = show
        self.language = language = session.language
        self.theme = theme = session.theme
        assert session.loaded is not None
        self.target_s = (target_minutes or 0) * 60
        self.setWindowTitle("Presenter")
        self.setObjectName("presenter")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(theme.stylesheet() + f"\n#presenter {{ background: {theme.palette.background}; }}")
        self.previews = PageSnapshots(session.loaded, language.current, audience_size, navigation=False)
        layout = QGridLayout(self)
        margin = theme.px(32)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setHorizontalSpacing(theme.px(32))
        layout.setVerticalSpacing(theme.px(12))
        layout.addWidget(TextLabel(language, ui("presenter-current"), "label", tone="secondary"), 0, 0)
        layout.addWidget(TextLabel(language, ui("presenter-next"), "label", tone="secondary"), 0, 1)
        self.current_preview = QLabel()
        self.next_preview = QLabel()
        for preview in (self.current_preview, self.next_preview):
            preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.current_preview, 1, 0, 2, 1)
        layout.addWidget(self.next_preview, 1, 1)
        notes = QFrame()
        notes.setObjectName("panel")
        notes_layout = QVBoxLayout(notes)
        notes_layout.addWidget(TextLabel(language, ui("presenter-notes"), "label", tone="secondary"))
        self.notes = Paragraph(language, lambda _lang: "", theme, "body")
        notes_layout.addWidget(self.notes)
        notes_layout.addStretch(1)
        layout.addWidget(notes, 2, 1)
        layout.addLayout(self._status_row(clock), 3, 0, 1, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        layout.setRowStretch(2, 1)
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self.refresh_times)
        self._tick.start()
        show.slide_changed.connect(self._on_show_slide_changed)
        show.blank_changed.connect(lambda _colour: self.refresh_times())
        show.auto_changed.connect(lambda _on: self.refresh_times())

    def _status_row(self, clock: Callable[[], float]) -> QHBoxLayout:
        theme, language = self.theme, self.language
        row = QHBoxLayout()
        row.setSpacing(theme.px(24))
        self.elapsed = ElapsedClock(clock)
        row.addWidget(self.elapsed)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setProperty("role", "body")
        row.addWidget(self.status, 1)
        for label, icon, action in (
            (ui("previous"), "chevron-left", self.show_.back),
            (ui("next"), "chevron-right", self.show_.forward),
            (ui("presenter-black"), "pause", lambda: self.show_.set_blank("black")),
            (ui("presenter-auto"), "play", lambda: self.show_.set_auto(not self.show_.auto)),
        ):
            button = TouchButton(language, theme, label, icon_path(icon))
            button.clicked.connect(action)
            row.addWidget(button)
        return row

    def preview_width(self) -> tuple[int, int]:
        width = max(320, self.width() - 2 * self.theme.px(32) - self.theme.px(32))
        return int(width * 0.6), int(width * 0.4)

    def _on_show_slide_changed(self, index: int) -> None:
        current_width, next_width = self.preview_width()
        self.current_preview.setPixmap(self._preview(self.show_.current, current_width))
        following = self.show_.next_slide()
        if following is None:
            self.next_preview.setText(self.language.text(ui("presenter-end")))
        else:
            self.next_preview.setPixmap(self._preview(following, next_width))
        notes = self.show_.current.notes
        self.notes.set_source(notes if notes is not None else (lambda _lang: ""))
        self.refresh_times()

    def _preview(self, slide: SlideRef, width: int) -> QPixmap:
        image = self.previews.pixmap(slide.page, slide.step, self.language.current)
        return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)

    def refresh_times(self) -> None:
        self.elapsed.refresh()
        lang = self.language.current
        parts = [
            ui("presenter-slide", n=self.show_.index + 1, total=self.show_.count)(lang),
            ui("presenter-clock", time=time.strftime("%H:%M"))(lang),
        ]
        if self.target_s:
            left = self.target_s - self.elapsed.elapsed()
            key = "presenter-left" if left >= 0 else "presenter-over"
            parts.append(ui(key, time=clock_text(abs(left)))(lang))
        if not self.show_.auto:
            parts.append(ui("presenter-auto-off")(lang))
        if self.show_.blanked:
            parts.append(ui("presenter-blanked")(lang))
        self.status.setText("   ·   ".join(parts))

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)

    def closeEvent(self, event: object) -> None:
        self._tick.stop()
        self.previews.close()
        super().closeEvent(event)  # type: ignore[arg-type]
