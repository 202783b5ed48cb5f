"""The presenter's own window: the current slide and the next one (in their final states),
the speaker notes, the time, and the controls. The audience never sees it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n.digits import NATIVE_DIGITS, in_digits
from kiosk.presenter.overview import SlideOverview
from kiosk.presenter.slideshow import Slideshow, TalkClock
from kiosk.system.resources import icon_path
from kiosk.ui.language import LanguageState, layout_direction, ui
from kiosk.ui.session import Session
from kiosk.ui.snapshot import PageSnapshots
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.flow import FlowRow
from kiosk.ui.widgets.text import Paragraph, TextLabel

RESET_HOLD_MS = 1500
DRAW_RETRY_MS = 40  # a picture that waits for the audience's slide looks again this often


def clock_text(seconds: float, lang: str = "en") -> str:
    """Hours, minutes and seconds in `lang`'s own digits (CLDR's: Persian ۱:۰۲:۰۵, Arabic 1:02:05)."""
    seconds = max(0, int(seconds))
    return in_language_digits(f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}", lang)


def in_language_digits(text: str, lang: str) -> str:
    return in_digits(text, NATIVE_DIGITS.get(lang, "latn"))


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


NOTES_SCALES = (0.8, 1.0, 1.25, 1.5, 1.8)


class ElapsedClock(QLabel):
    """The talk's elapsed time. Only a long press (1.5 s) resets it: a tap does nothing."""

    def __init__(self, clock: TalkClock, language: LanguageState, hold_ms: int = RESET_HOLD_MS) -> None:
        super().__init__()
        self._clock = clock
        self._language = language
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", "figure-small")
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(hold_ms)
        self._hold.timeout.connect(clock.reset)
        clock.changed.connect(self.refresh)
        language.changed.connect(self.refresh)
        self.refresh()

    def elapsed(self) -> float:
        return self._clock.elapsed()

    def refresh(self) -> None:
        self.setText(clock_text(self.elapsed(), self._language.current))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._hold.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._hold.stop()
        event.accept()


class PresenterView(QWidget):
    """Laid out for its own screen, whatever its size: the previews scale to the room they
    have, the notes scroll, and the status wraps instead of widening the window."""

    def __init__(
        self,
        show: Slideshow,
        session: Session,
        audience_size: tuple[int, int],
        target_minutes: float | None = None,
    ) -> None:
        super().__init__()
        self.show_ = show
        self.language = language = session.language
        self.theme = self._audience_theme = session.theme
        assert session.loaded is not None
        self.target_s = (target_minutes or 0) * 60
        self.setWindowTitle("Presenter")
        self.setObjectName("presenter")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._audience_size = audience_size
        self.previews = PageSnapshots(session.loaded, language.current, audience_size, slides=True)
        # Slide pictures by (slide, width, language): drawn once, after the key's own turn.
        self._pictures: dict[tuple[int, int, str], QPixmap] = {}
        self._notes_scale = NOTES_SCALES.index(1.0)
        self._rehearsing = False
        self._build()
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self.refresh_times)
        self._tick.start()
        self._draw_later = QTimer(self)
        self._draw_later.setSingleShot(True)
        self._draw_later.setInterval(0)
        # Whether a picture may be drawn now (the show says: not while the audience's slide moves).
        self.may_draw: Callable[[], bool] = lambda: True
        self._draw_later.timeout.connect(self._draw_previews)
        self._end_armed = False
        self._closed = False
        self._connect_signals()

    def _build(self) -> None:
        """Every control, at the sizes of `self.theme`."""
        theme, language = self.theme, self.language
        self._sheet = theme.stylesheet() + f"\n#presenter {{ background: {theme.palette.background}; }}"
        layout = QGridLayout(self)
        margin = theme.px(32)
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setHorizontalSpacing(theme.px(32))
        layout.setVerticalSpacing(theme.px(12))
        layout.addWidget(TextLabel(language, ui("presenter-current"), "label", tone="secondary"), 0, 0)
        following = QVBoxLayout()
        following.setSpacing(theme.px(12))
        following.addWidget(TextLabel(language, ui("presenter-next"), "label", tone="secondary"))
        self.current_preview = QLabel()
        self.next_preview = QLabel()
        for preview in (self.current_preview, self.next_preview):
            preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            # A picture never sets the window's size: it is drawn for the room it is given.
            preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            preview.setMinimumSize(1, 1)
        layout.addWidget(self.current_preview, 1, 0)
        # Its height is set from the column's width (resizeEvent); the notes take the rest.
        self.next_preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        following.addWidget(self.next_preview)
        following.addWidget(self._notes_panel(), 1)  # the notes take what the next slide leaves
        layout.addLayout(following, 0, 1, 2, 1)
        layout.addLayout(self._status_row(), 2, 0, 1, 2)
        layout.addWidget(self._buttons_row(), 3, 0, 1, 2)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        layout.setRowStretch(1, 1)
        # Set once the controls exist, so that each is styled for this theme's sizes.
        self.setStyleSheet(self._sheet)

    def fit_screen(self, width: int, height: int) -> None:
        """Laid out for the presenter's own screen: on a 1366x768 laptop, the sizes a kiosk of
        that size has (the audience's 1920x1080 sizes would not fit it)."""
        base = self._audience_theme
        theme = replace(
            Theme.for_size(width, height, base.reduced_motion, base.motion_scale),
            text_scale=base.text_scale,
            high_contrast=base.high_contrast,
        )
        if theme == self.theme:
            return
        self.theme = theme
        old = self.layout()
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if not isinstance(child, SlideOverview):  # the overview is the show's, not the view's
                child.hide()
                child.deleteLater()
        if old is not None:
            QWidget().setLayout(old)  # a layout is deleted with the widget that takes it
        self._build()
        self.set_rehearsing(self._rehearsing)
        self.change_notes_size(0)
        self._on_show_slide_changed(self.show_.index)

    def _connect_signals(self) -> None:
        show = self.show_
        show.slide_changed.connect(self._on_show_slide_changed)
        show.blank_changed.connect(lambda _colour: self.refresh_times())
        show.auto_changed.connect(lambda _on: self.refresh_times())
        show.countdown_restarted.connect(self.refresh_times)
        show.typed_changed.connect(lambda _typed: self.refresh_times())
        show.clock.changed.connect(self.refresh_times)
        show.end_armed.connect(self._on_show_end_armed)
        show.notes_size_requested.connect(self.change_notes_size)
        self._follow_language_direction(self.language.current)  # now, then with every change
        self.language.changed.connect(self._on_language_changed)

    def _follow_language_direction(self, lang: str) -> None:
        # The presenter reads the talk's language too: an Arabic talk mirrors this window.
        self.setLayoutDirection(layout_direction(lang))

    def _on_language_changed(self, lang: str) -> None:
        self._follow_language_direction(lang)
        self._on_show_slide_changed(self.show_.index)

    def _notes_panel(self) -> QFrame:
        notes = QFrame()
        notes.setObjectName("panel")
        notes_layout = QVBoxLayout(notes)
        notes_layout.addWidget(TextLabel(self.language, ui("presenter-notes"), "label", tone="secondary"))
        self.notes = Paragraph(self.language, lambda _lang: "", self.theme, "body")
        self.notes_area = QScrollArea()
        self.notes_area.setWidget(self.notes)
        self.notes_area.setWidgetResizable(True)
        self.notes_area.setFrameShape(QFrame.Shape.NoFrame)
        self.notes_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Scrolled by dragging or the wheel: no desktop scroll bar in the kiosk's look.
        self.notes_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.notes_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the show
        QScroller.grabGesture(
            self.notes_area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        # Small by itself: the notes scroll, they never push the window past its screen.
        self.notes_area.setMinimumHeight(self.theme.px(60))
        notes_layout.addWidget(self.notes_area, 1)
        return notes

    def _status_row(self) -> QHBoxLayout:
        theme = self.theme
        row = QHBoxLayout()
        row.setSpacing(theme.px(24))
        self.elapsed = ElapsedClock(self.show_.clock, self.language)
        row.addWidget(self.elapsed)
        self.time_left = QLabel()
        self.time_left.setTextFormat(Qt.TextFormat.PlainText)
        self.time_left.setProperty("role", "h3")
        row.addWidget(self.time_left)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setProperty("role", "body")
        self.status.setWordWrap(True)
        # Whatever it says, the status never widens the window past its screen, and it keeps two
        # lines' height (three on an upright screen): a wrapped label measured at no width would
        # otherwise ask for a tower.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        lines = 3 if self.theme.portrait else 2
        self.status.setFixedHeight(
            QFontMetrics(self.theme.font("body")).lineSpacing() * lines + self.theme.px(6)
        )
        row.addWidget(self.status, 1)
        return row

    def _buttons_row(self) -> FlowRow:
        """The controls in rows that wrap: as many to a row as the presenter's screen allows
        (two rows of five on a 1366x768 laptop in English, three in German)."""
        theme, show = self.theme, self.show_
        row = FlowRow(theme.target_gap())  # 16 px apart even on a small screen
        self.swap_button = self._button(ui("presenter-swap"), None, show.rehearsal_toggled.emit)
        for button in (
            self._button(ui("previous"), "chevron-left", show.back),
            self._button(ui("next"), "chevron-right", show.forward),
            self._button(ui("presenter-black"), "pause", lambda: show.toggle_blank("black")),
            self._button(ui("presenter-auto"), "play", lambda: show.set_auto(not show.auto)),
            self._button(ui("presenter-overview"), None, show.overview_toggled.emit),
            self._button(ui("presenter-pause"), None, show.clock.toggle_pause),
            self._button(ui("presenter-reset"), None, show.clock.reset),
            self._button(ui("presenter-smaller"), None, lambda: self.change_notes_size(-1)),
            self._button(ui("presenter-larger"), None, lambda: self.change_notes_size(1)),
            self.swap_button,
        ):
            row.add(button)
        return row

    def _button(
        self, label: Callable[[str], str], icon: str | None, action: Callable[[], object]
    ) -> TouchButton:
        button = TouchButton(self.language, self.theme, label, icon_path(icon) if icon else None)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the show
        button.clicked.connect(action)
        return button

    def set_rehearsing(self, rehearsing: bool) -> None:
        """With one screen the swap button leaves the rehearsal view for the slides."""
        self._rehearsing = rehearsing
        self.swap_button.set_label(ui("presenter-rehearsal-end" if rehearsing else "presenter-swap"))

    # ---- following the show ---------------------------------------------------------------

    def change_notes_size(self, step: int) -> None:
        self._notes_scale = max(0, min(len(NOTES_SCALES) - 1, self._notes_scale + step))
        size = round(self.theme.font_px("body") * NOTES_SCALES[self._notes_scale])
        self.notes.setStyleSheet(f"font-size: {size}px;")

    def _fitting_width(self, preview: QLabel) -> int:
        """The widest picture of a slide that fits the room `preview` has, height included."""
        width, height = self._audience_size
        room = preview.contentsRect()
        return max(64, min(room.width(), round(room.height() * width / height)))

    def _on_show_slide_changed(self, index: int) -> None:
        if index < 0:
            return
        notes = self.show_.current.notes
        self.notes.set_source(notes if notes is not None else (lambda _lang: ""))
        self.notes_area.verticalScrollBar().setValue(0)
        self.refresh_times()
        if self.isVisible():  # hidden (one screen), it draws when it is shown
            self._draw_later.start()  # the key's turn only moves the audience's slide

    def previews_pending(self) -> bool:
        """Whether the slide pictures for the current slide are still to be drawn."""
        return self._draw_later.isActive()

    def _draw_previews(self) -> None:
        self._draw_later.setInterval(0)  # after a wait for the audience's slide, at once again
        show = self.show_
        if show.index < 0 or self._closed or not self.isVisible():
            return
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the pictures are sized for the room the labels have now
        if self.pictures_missing(show.index) and not self.may_draw():
            # A picture not drawn ahead waits for the audience's slide to end (drawing one
            # is a page rendered at the audience's size: frames the slide would lose).
            self._draw_later.start(DRAW_RETRY_MS)
            return
        current_width, next_width = (
            self._fitting_width(self.current_preview),
            self._fitting_width(self.next_preview),
        )
        self.current_preview.setPixmap(self._picture(show.index, current_width))
        following = self._following(show.index)
        if following is None:
            self.next_preview.setText(self.language.text(ui("presenter-end")))
        else:
            self.next_preview.setPixmap(self._picture(following, next_width))

    def _following(self, index: int) -> int | None:
        show = self.show_
        if index + 1 < show.count:
            return index + 1
        return 0 if show.loop else None

    def pictures_missing(self, index: int) -> list[tuple[int, int]]:
        """(slide, width) of the pictures this view shows with slide `index` (it, and the one
        after it) that are not drawn yet; none while the view is hidden."""
        if self._closed or not self.isVisible() or not 0 <= index < self.show_.count:
            return []
        wanted = [(index, self._fitting_width(self.current_preview))]
        following = self._following(index)
        if following is not None:
            wanted.append((following, self._fitting_width(self.next_preview)))
        lang = self.language.current
        return [(slide, width) for slide, width in wanted if (slide, width, lang) not in self._pictures]

    def slide_picture(self, index: int, width: int) -> QPixmap:
        """Slide `index` drawn `width` pixels wide, in the current language (cached)."""
        return self._picture(index, width)

    def _picture(self, index: int, width: int) -> QPixmap:
        key = (index, width, self.language.current)
        picture = self._pictures.get(key)
        if picture is None:
            slide = self.show_.slides[index]
            image = self.previews.pixmap(slide.page, slide.step, self.language.current)
            picture = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            self._pictures[key] = picture
        return picture

    def _on_show_end_armed(self, armed: bool) -> None:
        self._end_armed = armed
        self.refresh_times()

    def refresh_times(self) -> None:
        self.elapsed.refresh()
        lang, show = self.language.current, self.show_
        parts = [
            ui("presenter-slide", n=show.index + 1, total=show.count)(lang),
            ui("presenter-clock", time=in_language_digits(time.strftime("%H:%M"), lang))(lang),
        ]
        if self._end_armed:
            parts.insert(0, ui("presenter-end-armed")(lang))
        if show.typed:
            parts.insert(0, ui("presenter-typed", n=show.typed)(lang))
        if not show.clock.started:
            parts.append(ui("presenter-waiting")(lang))
        elif not show.clock.running:
            parts.append(ui("presenter-paused")(lang))
        remaining = show.remaining_ms()
        if show.auto and remaining >= 0:
            parts.append(ui("presenter-auto-on", s=(remaining + 999) // 1000)(lang))
        elif not show.auto:
            parts.append(ui("presenter-auto-off")(lang))
        if show.blanked:
            parts.append(ui("presenter-blanked")(lang))
        self.status.setText("   ·   ".join(parts))
        self._refresh_time_left(lang)

    def _refresh_time_left(self, lang: str) -> None:
        if not self.target_s:
            self.time_left.hide()
            return
        left = self.target_s - self.elapsed.elapsed()
        key = "presenter-left" if left >= 0 else "presenter-over"
        self.time_left.setText(ui(key, time=clock_text(abs(left), lang))(lang))
        # Overtime shows in the warning colour of the vision palette's orange.
        colour = self.theme.palette.text if left >= 0 else self.theme.palette.orange
        self.time_left.setStyleSheet(f"color: {colour};")
        self.time_left.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The next slide's picture as tall as the column's width asks, at most 30 % of the window
        # (the notes below keep room for a few lines on a 1366x768 laptop).
        column = round((self.width() - 3 * self.theme.px(32)) * 2 / 5)
        width, height = self._audience_size
        self.next_preview.setFixedHeight(
            max(64, min(round(column * height / width), self.height() * 3 // 10))
        )
        self._draw_later.start()  # previews for the new room

    def sizeHint(self) -> QSize:
        return QSize(1280, 800)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._draw_later.start()  # the slides as they are now

    def closeEvent(self, event: QCloseEvent) -> None:
        self._tick.stop()
        self._draw_later.stop()
        self._closed = True
        self.previews.close()
        super().closeEvent(event)
