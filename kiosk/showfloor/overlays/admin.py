"""The admin's way in and what they find there: a PIN pad (five wrong PINs lock it for a
minute), then a panel to exit, reload the content, start the attract loop, set the default
language, and read the diagnostics."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kiosk.i18n.strings import language_name
from kiosk.showfloor.admin_pin import PinGate
from kiosk.system.resources import icon_path
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, TextSource, ui
from kiosk.ui.overlays.base import Overlay
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.text import TextLabel

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK")


class PinPad(Overlay):
    accepted = Signal()

    def __init__(self, window: QWidget, language: LanguageState, theme: th.Theme, gate: PinGate) -> None:
        super().__init__(window, theme)
        self.gate = gate
        self.entered = ""
        self._language, self._theme = language, theme
        layout = self.card(theme)
        layout.addWidget(TextLabel(language, ui("pin-title"), "h2"))
        self.prompt = TextLabel(language, ui("pin-prompt"), "body", tone="secondary")
        layout.addWidget(self.prompt)
        self.dots = QLabel()
        self.dots.setTextFormat(Qt.TextFormat.PlainText)
        self.dots.setProperty("role", "h1")
        self.dots.setMinimumHeight(theme.px(80))
        layout.addWidget(self.dots)
        grid = QGridLayout()
        grid.setSpacing(theme.px(12))
        self.keys: dict[str, TouchButton] = {}
        for index, key in enumerate(KEYS):
            button = TouchButton(
                language,
                theme,
                lambda _l, key=key: key,
                None,
                filled=key == "OK",
                colour=theme.palette.accent,
            )
            button.setMinimumSize(theme.target(104), theme.target(88))
            button.clicked.connect(lambda _=False, key=key: self.press(key))
            grid.addWidget(button, *divmod(index, 3))
            self.keys[key] = button
        layout.addLayout(grid)
        cancel = TouchButton(language, theme, ui("cancel"), icon_path("close"))
        cancel.clicked.connect(self.close_pad)
        layout.addWidget(cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        self._lock_tick = QTimer(self)
        self._lock_tick.setInterval(500)
        self._lock_tick.timeout.connect(self._refresh)
        self.hide()

    def open(self) -> None:
        super().open()
        self.entered = ""
        self._refresh()
        self.centre_panel(self._theme.px(520))

    def close_pad(self) -> None:
        self.entered = ""
        self._lock_tick.stop()
        self.hide()

    def press(self, key: str) -> None:
        if self.gate.seconds_locked() > 0:
            return
        if key == "⌫":
            self.entered = self.entered[:-1]
        elif key == "OK":
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
        self.dots.setText("●" * len(self.entered))


class AdminPanel(Overlay):
    exit_requested = Signal()
    reload_requested = Signal()
    attract_requested = Signal()
    default_language_changed = Signal(str)

    def __init__(
        self,
        window: QWidget,
        language: LanguageState,
        theme: th.Theme,
        diagnostics: Callable[[], list[str]],
        default_language: Callable[[], str],
    ) -> None:
        super().__init__(window, theme)
        self._language, self._theme = language, theme
        self._diagnostics, self._default_language = diagnostics, default_language
        layout = self.card(theme, theme.palette.accent)
        layout.addWidget(TextLabel(language, ui("pin-title"), "h2"))
        actions = QGridLayout()
        actions.setSpacing(theme.px(12))
        self.exit_button = self._action(ui("admin-exit"), "close", self.exit_requested)
        self.reload_button = self._action(ui("admin-reload"), "settings", self.reload_requested)
        self.attract_button = self._action(ui("admin-attract"), "play", self.attract_requested)
        self.language_button = self._action(self._language_label, "language", None)
        self.language_button.clicked.connect(self._on_language_button_clicked)
        for index, button in enumerate(
            (self.reload_button, self.attract_button, self.language_button, self.exit_button)
        ):
            actions.addWidget(button, *divmod(index, 2))
        layout.addLayout(actions)
        layout.addWidget(TextLabel(language, ui("admin-diagnostics"), "label", tone="secondary"))
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setProperty("role", "caption")
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        close = TouchButton(language, theme, ui("admin-close"), icon_path("close"))
        close.clicked.connect(self.hide)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignHCenter)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(1000)
        self._refresh_timer.timeout.connect(self.refresh)
        self.hide()

    def _action(self, label: TextSource, icon: str, signal: SignalInstance | None) -> TouchButton:
        button = TouchButton(self._language, self._theme, label, icon_path(icon), filled=False)
        button.setMinimumHeight(self._theme.target(96))
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

    def open(self) -> None:
        super().open()
        self.refresh()
        self.centre_panel(min(self.width() - 2 * self._theme.margin, self._theme.px(1100)))
        self._refresh_timer.start()

    def hideEvent(self, event: object) -> None:
        self._refresh_timer.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        self.details.setText("\n".join(self._diagnostics()))
