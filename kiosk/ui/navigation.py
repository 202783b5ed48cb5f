"""The navigation bar at the bottom edge: home, back, previous / position / next, the visitor's
accessibility settings, language. Everything a visitor needs is within reach of a wheelchair."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from kiosk.i18n.direction import native_name
from kiosk.i18n.strings import language_name
from kiosk.system.resources import icon_path
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.dots import PositionDots


def language_button_label(language: LanguageState) -> str:
    """Two languages: the one a tap switches to. More: the one on screen, by its own name (a
    tap opens the picker, where the others are)."""
    if language.needs_picker:
        return native_name(language.current)
    return language_name(language.next_language())


class NavigationBar(QFrame):
    home_requested = Signal()
    back_requested = Signal()
    step_requested = Signal(int)
    language_requested = Signal()
    accessibility_requested = Signal()

    def __init__(self, language: LanguageState, theme: th.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nav-bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedHeight(theme.nav_height)
        self._high_contrast = theme.high_contrast
        layout = QHBoxLayout(self)
        side = theme.margin
        layout.setContentsMargins(side - theme.px(12), 0, side - theme.px(12), 0)
        layout.setSpacing(theme.target_gap())
        # Portrait is narrow: home and back show their icons only, so the dots keep their room.
        short = theme.portrait
        self.home_button = TouchButton(
            language, theme, None if short else ui("home"), icon_path("home"), spoken=ui("home")
        )
        self.home_button.setObjectName("nav-home")
        self.back_button = TouchButton(
            language, theme, None if short else ui("back"), icon_path("back"), spoken=ui("back")
        )
        self.back_button.setObjectName("nav-back")
        self.previous_button = TouchButton(
            language, theme, None, icon_path("chevron-left"), spoken=ui("previous")
        )
        self.previous_button.setObjectName("nav-previous")
        self.next_button = TouchButton(language, theme, None, icon_path("chevron-right"), spoken=ui("next"))
        self.next_button.setObjectName("nav-next")
        self.dots = PositionDots(theme)
        # Its label only where the bar has room for it beside home and back.
        self.accessibility_button = TouchButton(
            language,
            theme,
            None if short or theme.compact else ui("accessibility"),
            icon_path("accessibility"),
            spoken=ui("accessibility"),
        )
        self.accessibility_button.setObjectName("nav-accessibility")
        self.language_button = TouchButton(
            language,
            theme,
            lambda _: language_button_label(language),
            icon_path("language"),
            filled=True,
            colour=theme.palette.text,
        )
        self.language_button.setObjectName("nav-language")
        layout.addWidget(self.home_button)
        layout.addWidget(self.back_button)
        layout.addStretch(1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.dots)
        layout.addWidget(self.next_button)
        layout.addStretch(1)
        layout.addWidget(self.accessibility_button)
        layout.addWidget(self.language_button)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.home_button.clicked.connect(self.home_requested)
        self.back_button.clicked.connect(self.back_requested)
        self.previous_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.step_requested.emit(1))
        self.language_button.clicked.connect(self.language_requested)
        self.accessibility_button.clicked.connect(self.accessibility_requested)

    def set_position(self, index: int, count: int, colour: str, at_home: bool) -> None:
        """Show previous / dots / next only where a page has siblings or steps."""
        has_siblings = count > 1
        self.dots.setVisible(has_siblings)
        self.dots.set_position(index, count, colour)
        self._offer(self.previous_button, index > 0, has_siblings)
        self._offer(self.next_button, index < count - 1, has_siblings)
        self._offer(self.home_button, not at_home)
        self._offer(self.back_button, not at_home)

    def _offer(self, button: TouchButton, enabled: bool, shown: bool = True) -> None:
        """Greyed out where it does nothing; in high contrast, where a faint button reads as
        noise, not drawn at all (its place kept, so that nothing else moves)."""
        button.setEnabled(enabled)
        if self._high_contrast:
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(shown)
            button.setSizePolicy(policy)
            button.setVisible(shown and enabled)
        else:
            button.setVisible(shown)
