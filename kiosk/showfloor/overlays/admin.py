"""The admin's way in and what they find there: a PIN pad (five wrong PINs lock it for a
minute), then a panel to exit, reload the content, start the attract loop, set the default
language, and read the diagnostics.

Both close by themselves when nobody touches them (the pad after 30 s, the panel after 60 s,
counting down its last 15 s on screen): a pad opened by an accidental hold in the corner, or a
panel an admin walked away from, must not stay up for the next visitor, whose Exit would
close the kiosk. Exit asks for a second tap for the same reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.i18n.strings import language_name
from kiosk.showfloor.admin_pin import PinGate
from kiosk.system.resources import icon_path
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, TextSource, ui
from kiosk.ui.overlays.base import Overlay
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.text import TextLabel

DELETE, OK = "⌫", "OK"  # the keys' names (what they show is an icon and the localised OK)
KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", DELETE, "0", OK)
KEY_SIDE = 96  # a key's side at the design's size (never under the 64 px touch target)
KEY_GAP = 24  # between keys: at least the brief's 16 px at every size
MIN_SLOTS = 4
PANEL_WIDTH = 1300  # the admin panel's, at the design's size
EXIT_COLOUR = th.NORMAL_PALETTE.error  # a warning's colour: Exit closes the kiosk
PIN_TIMEOUT_MS = 30_000
ADMIN_TIMEOUT_MS = 60_000
ADMIN_WARNING_MS = 15_000  # the panel's last seconds, counted down on screen
EXIT_CONFIRM_MS = 5_000  # how long "Tap again to exit" waits for the second tap


def key_side(theme: th.Theme, languages: Sequence[str]) -> int:
    """A PIN key's side: the design's, or more where OK in one of `languages` needs it (every
    key the same round size)."""
    metrics = QFontMetrics(theme.font("label"))
    widest = max((metrics.horizontalAdvance(ui("pin-ok")(lang)) for lang in languages), default=0)
    # The drawn ring, inside the key, is the 64 px target a finger aims at.
    return max(theme.drawn_target(KEY_SIDE * theme.text_scale), widest + 2 * theme.px(16))


def _single_shot(parent: QWidget, interval_ms: int) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    return timer


class PinSlots(QWidget):
    """The PIN's places: four empty rings before any digit, each filled as a digit is typed
    (more rings appear for a longer PIN); the digits themselves are never shown."""

    def __init__(self, theme: th.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self.filled = 0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_filled(self, count: int) -> None:
        if count != self.filled:
            self.filled = count
            self.updateGeometry()
            self.update()

    def slot_count(self) -> int:
        return max(MIN_SLOTS, self.filled)

    def _diameter(self) -> int:
        return self._theme.px(24)

    def _gap(self) -> int:
        return self._theme.px(20)

    def sizeHint(self) -> QSize:
        count, side, gap = self.slot_count(), self._diameter(), self._gap()
        return QSize(count * side + (count - 1) * gap + 4, side + self._theme.px(32))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(self._theme.palette.text)
        side, gap = self._diameter(), self._gap()
        top = (self.height() - side) / 2
        painter.setPen(QPen(colour, self._theme.px(2)))
        for index in range(self.slot_count()):
            painter.setBrush(colour if index < self.filled else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QRectF(2 + index * (side + gap), top, side - 2, side - 2))
        painter.end()


class PinPad(Overlay):
    accepted = Signal()
    timed_out = Signal()  # closed after `timeout_ms` without input

    def __init__(
        self,
        window: QWidget,
        language: LanguageState,
        theme: th.Theme,
        gate: PinGate,
        timeout_ms: int = PIN_TIMEOUT_MS,
    ) -> None:
        super().__init__(window, theme)
        self.gate = gate
        self.entered = ""
        self._language, self._theme = language, theme
        layout = self.card(theme)
        layout.addWidget(TextLabel(language, ui("pin-title"), "h2"))
        self.prompt = TextLabel(language, ui("pin-prompt"), "body", tone="secondary")
        layout.addWidget(self.prompt)
        self.slots = PinSlots(theme)
        layout.addWidget(self.slots, 0, Qt.AlignmentFlag.AlignHCenter)
        grid = QGridLayout()
        grid.setSpacing(theme.px(KEY_GAP))
        self.keys: dict[str, TouchButton] = {}
        side = key_side(theme, language.languages)
        for index, key in enumerate(KEYS):
            button = self._key(key)
            button.setFixedSize(side, side)  # round keys: a pill as wide as it is high
            button.clicked.connect(lambda _=False, key=key: self.press(key))
            grid.addWidget(button, *divmod(index, 3))
            self.keys[key] = button
        # A keypad reads 1 2 3 from the left in every language, Arabic and Hebrew included.
        keypad = QWidget()
        keypad.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        keypad.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)  # the keys keep the room they had in the panel
        layout.addWidget(keypad)
        cancel = TouchButton(language, theme, ui("cancel"), icon_path("close"), outlined=True)
        cancel.clicked.connect(self.close_pad)
        layout.addSpacing(max(0, theme.target_gap() - layout.spacing()))  # 16 px under the keys
        layout.addWidget(cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        self._lock_tick = QTimer(self)
        self._lock_tick.setInterval(500)
        self._lock_tick.timeout.connect(self._refresh)
        self._expiry = _single_shot(self, timeout_ms)
        self._expiry.timeout.connect(self._on_expiry_timeout)
        self.hide()

    def _key(self, key: str) -> TouchButton:
        """A digit, or the delete key (an icon) and OK (in the visitor's language)."""
        accent = self._theme.palette.accent
        if key == DELETE:
            return TouchButton(
                self._language,
                self._theme,
                None,
                icon_path("backspace"),
                spoken=ui("pin-delete"),
                outlined=True,
            )
        if key == OK:
            return TouchButton(self._language, self._theme, ui("pin-ok"), None, filled=True, colour=accent)
        return TouchButton(self._language, self._theme, lambda _lang, key=key: key, None, outlined=True)

    def open(self) -> None:
        super().open()
        self.entered = ""
        self._refresh()
        theme = self._theme
        side, gap = key_side(theme, self._language.languages), theme.px(KEY_GAP)
        # The keys' row, the card's padding and border on both sides, and some air.
        needed = 3 * side + 2 * gap + 2 * (theme.px(40) + theme.px(3)) + theme.px(16)
        self.centre_panel(max(theme.px(520), needed))
        self._expiry.start()

    def close_pad(self) -> None:
        self.entered = ""
        self._lock_tick.stop()
        self.hide()

    def hideEvent(self, event: object) -> None:
        self._expiry.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def notice_activity(self) -> None:
        """Input while the pad is up (from the input router): its time starts again."""
        if not self.isHidden():
            self._expiry.start()

    def _on_expiry_timeout(self) -> None:
        self.close_pad()
        self.timed_out.emit()

    def press(self, key: str) -> None:
        self.notice_activity()
        if self.gate.seconds_locked() > 0:
            return
        if key == DELETE:
            self.entered = self.entered[:-1]
        elif key == OK:
            if self.gate.check(self.entered):
                self.close_pad()
                self.accepted.emit()
                return
            self.entered = ""
            self.prompt.set_source(ui("pin-wrong"))
        elif len(self.entered) < 12:
            self.entered += key
        self._refresh()

    def _refresh(self) -> None:
        locked = self.gate.seconds_locked()
        if locked > 0:
            self.prompt.set_source(ui("pin-locked", s=int(locked + 0.999)))
            self._lock_tick.start()
        elif self._lock_tick.isActive():
            self._lock_tick.stop()
            self.prompt.set_source(ui("pin-prompt"))
        for button in self.keys.values():
            button.setEnabled(locked <= 0)
        self.slots.set_filled(len(self.entered))


class AdminPanel(Overlay):
    exit_requested = Signal()  # the second tap on Exit
    reload_requested = Signal()
    attract_requested = Signal()
    default_language_changed = Signal(str)
    timed_out = Signal()  # closed after `timeout_ms` without input

    def __init__(
        self,
        window: QWidget,
        language: LanguageState,
        theme: th.Theme,
        diagnostics: Callable[[str], list[str]],  # in a language
        default_language: Callable[[], str],
        timeout_ms: int = ADMIN_TIMEOUT_MS,
        warning_ms: int = ADMIN_WARNING_MS,
        confirm_ms: int = EXIT_CONFIRM_MS,
    ) -> None:
        super().__init__(window, theme)
        self._language, self._theme = language, theme
        self._diagnostics, self._default_language = diagnostics, default_language
        self._warning_ms = warning_ms
        layout = self.card(theme, theme.palette.accent)
        layout.addWidget(TextLabel(language, ui("pin-title"), "h2"))
        layout.addLayout(self._body())
        # Shown only for the last `warning_ms`, in every language (whoever is at the screen).
        self.closing = QLabel()
        self.closing.setTextFormat(Qt.TextFormat.PlainText)
        self.closing.setProperty("role", "label")
        self.closing.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.closing.setWordWrap(True)
        self.closing.hide()
        layout.addWidget(self.closing)
        layout.addSpacing(theme.px(8))
        layout.addLayout(self._ends())
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(1000)
        self._refresh_timer.timeout.connect(self.refresh)
        self._expiry = _single_shot(self, timeout_ms)
        self._expiry.timeout.connect(self._on_expiry_timeout)
        self._countdown_tick = QTimer(self)
        self._countdown_tick.setInterval(250)
        self._countdown_tick.timeout.connect(self._show_time_left)
        self._exit_armed = _single_shot(self, confirm_ms)
        self._exit_armed.timeout.connect(self._disarm_exit)
        self.hide()

    def _body(self) -> QBoxLayout:
        """The actions and the diagnostics."""
        theme, language = self._theme, self._language
        self._actions = QGridLayout()
        self._actions.setSpacing(theme.px(24))
        self.reload_button = self._action(ui("admin-reload"), "reload", self.reload_requested)
        self.attract_button = self._action(ui("admin-attract"), "play", self.attract_requested)
        self.language_button = self._action(self._language_label, "language", None)
        self.language_button.clicked.connect(self._on_language_button_clicked)
        for index, button in enumerate((self.reload_button, self.attract_button, self.language_button)):
            self._actions.addWidget(button, 0, index)  # rearranged for the panel's width on opening
        # Landscape: the actions in a column beside the diagnostics (the panel stays low enough
        # for a visitor's largest text); portrait: the actions above them.
        self._side_by_side = not theme.portrait
        body = QBoxLayout(
            QBoxLayout.Direction.LeftToRight if self._side_by_side else QBoxLayout.Direction.TopToBottom
        )
        body.setSpacing(theme.px(32))
        body.addLayout(self._actions, 0)
        diagnostics = QVBoxLayout()
        diagnostics.setSpacing(theme.px(8))
        diagnostics.addWidget(TextLabel(language, ui("admin-diagnostics"), "label", tone="secondary"))
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setProperty("role", "caption")
        self.details.setWordWrap(True)
        diagnostics.addWidget(self.details)
        diagnostics.addStretch(1)
        body.addLayout(diagnostics, 1)
        return body

    def _ends(self) -> QHBoxLayout:
        theme, language = self._theme, self._language
        # Close (back to the visitor's screen) and Exit (the kiosk quits) at the two ends of
        # their own row, and Exit in the warning colour with a power icon: never mistaken.
        ends = QHBoxLayout()
        ends.setSpacing(theme.px(24))
        self.close_button = TouchButton(language, theme, ui("admin-close"), icon_path("close"), outlined=True)
        self.close_button.clicked.connect(self.hide)
        self.exit_button = TouchButton(
            language, theme, ui("admin-exit"), icon_path("power"), colour=EXIT_COLOUR, outlined=True
        )
        self.exit_button.setMinimumHeight(theme.target(96))
        self.exit_button.clicked.connect(self._on_exit_button_clicked)
        ends.addWidget(self.close_button)
        ends.addStretch(1)
        ends.addWidget(self.exit_button)
        return ends

    def _action(self, label: TextSource, icon: str, signal: SignalInstance | None) -> TouchButton:
        button = TouchButton(self._language, self._theme, label, icon_path(icon), outlined=True)
        button.setMinimumHeight(self._theme.target(96))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if signal is not None:
            button.clicked.connect(signal)
        return button

    def _language_label(self, lang: str) -> str:
        return ui("admin-language", name=language_name(self._default_language()))(lang)

    def _on_language_button_clicked(self) -> None:
        languages = self._language.languages
        current = self._default_language()
        following = (
            languages[(languages.index(current) + 1) % len(languages)]
            if current in languages
            else languages[0]
        )
        self.default_language_changed.emit(following)
        self.language_button.set_label(self._language_label)

    def _on_exit_button_clicked(self) -> None:
        if self._exit_armed.isActive():
            self._disarm_exit()
            self.exit_requested.emit()
            return
        self._exit_armed.start()
        self.exit_button.set_label(ui("admin-exit-confirm"))
        self.exit_button.set_filled(True)  # armed: the next tap quits

    def _disarm_exit(self) -> None:
        self._exit_armed.stop()
        self.exit_button.set_label(ui("admin-exit"))
        self.exit_button.set_filled(False)

    @property
    def exit_armed(self) -> bool:
        return self._exit_armed.isActive()

    def open(self) -> None:
        super().open()
        self._expiry.start()
        self.closing.hide()
        self.refresh()
        self._place_panel()
        self._refresh_timer.start()
        self._countdown_tick.start()

    def _place_panel(self) -> None:
        room = self.width() - 2 * self._theme.margin
        # A small panel gives the diagnostics all its width: their lines wrap less.
        width = room if self._theme.compact else min(room, self._theme.px(PANEL_WIDTH))
        self._arrange_actions(width)
        self.centre_panel(width)

    def _arrange_actions(self, width: int) -> None:
        """Beside the diagnostics: one under the other. Above them: in one row where they fit,
        else two columns (the last one across both), else one under the other."""
        buttons = (self.reload_button, self.attract_button, self.language_button)
        gap = self._actions.spacing()
        inner = width - 2 * self._theme.px(40)
        widest = max(button.sizeHint().width() for button in buttons)
        columns = 1
        if not self._side_by_side:
            columns = next((n for n in (3, 2) if n * widest + (n - 1) * gap <= inner), 1)
        for button in buttons:
            self._actions.removeWidget(button)
        for index, button in enumerate(buttons):
            row, column = divmod(index, columns)
            last_alone = index == len(buttons) - 1 and column == 0 and columns > 1
            self._actions.addWidget(button, row, column, 1, columns if last_alone else 1)
        self._actions.setRowStretch(len(buttons), 1)  # room to spare goes under the actions
        self._actions.invalidate()
        layout = self.panel.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()

    def hideEvent(self, event: object) -> None:
        self._refresh_timer.stop()
        self._expiry.stop()
        self._countdown_tick.stop()
        self._disarm_exit()
        super().hideEvent(event)  # type: ignore[arg-type]

    def notice_activity(self) -> None:
        """Input while the panel is up (from the input router): its time starts again."""
        if not self.isHidden():
            self._expiry.start()
            self._show_time_left()

    def remaining_ms(self) -> int:
        return self._expiry.remainingTime() if self._expiry.isActive() else -1

    def _show_time_left(self) -> None:
        left = self.remaining_ms()
        warning = 0 <= left <= self._warning_ms
        if warning:
            seconds = (left + 999) // 1000
            self.closing.setText(
                " · ".join(ui("admin-closing", s=seconds)(lang) for lang in self._language.languages)
            )
        if warning == self.closing.isHidden():
            self.closing.setVisible(warning)
            layout = self.panel.layout()
            if layout is not None:
                layout.invalidate()  # the panel's height hint, with or without the line
            self._place_panel()

    def _on_expiry_timeout(self) -> None:
        self.hide()
        self.timed_out.emit()

    def refresh(self) -> None:
        self.details.setText("\n".join(self._diagnostics(self._language.current)))
