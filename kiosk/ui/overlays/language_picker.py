"""The language picker, for content in three or more languages: every language by its own
name (中文, English, Deutsch, العربية), the current one marked, one tap to choose.

Two languages need no picker: the navigation bar's button switches between them at once.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.i18n.direction import native_name
from kiosk.system.resources import icon_path
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, layout_direction, ui
from kiosk.ui.overlays.base import Overlay
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.text import TextLabel


class LanguagePicker(Overlay):
    chosen = Signal(str)  # the language code a visitor tapped

    def __init__(self, window: QWidget, language: LanguageState, theme: th.Theme) -> None:
        super().__init__(window, theme)
        self._theme = theme
        layout = self.card(theme, theme.palette.accent, spacing=20)
        layout.addWidget(TextLabel(language, ui("language"), "h2"))
        grid = QGridLayout()
        spacing = theme.target_gap()
        grid.setHorizontalSpacing(spacing)
        grid.setVerticalSpacing(spacing)
        columns = 1 if theme.portrait else 2
        self.buttons: dict[str, TouchButton] = {}
        for index, code in enumerate(language.languages):
            name = native_name(code)
            current = code == language.current
            # The language on screen is filled: marked without reading a word of it.
            button = TouchButton(
                language,
                theme,
                lambda _lang, name=name: name,
                None,
                filled=current,
                colour=theme.palette.accent,
            )
            # Each name is set in its own direction: العربية from the right, English from the left.
            button.setLayoutDirection(layout_direction(code))
            button.setCheckable(True)
            button.setChecked(current)
            button.setMinimumWidth(theme.target(300))
            button.setObjectName(f"language-{code}")
            button.clicked.connect(lambda _=False, code=code: self._choose(code))
            grid.addWidget(button, index // columns, index % columns)
            self.buttons[code] = button
        layout.addLayout(grid)
        close = TouchButton(language, theme, ui("admin-close"), icon_path("close"), outlined=True)
        close.clicked.connect(self.hide)
        layout.addSpacing(max(0, theme.target_gap() - layout.spacing()))  # 16 px under the names
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignHCenter)
        self.hide()

    def current_marked(self) -> list[str]:
        """The languages shown as chosen (one: the language on screen)."""
        return [code for code, button in self.buttons.items() if button.isChecked()]

    def _choose(self, code: str) -> None:
        self.hide()
        self.chosen.emit(code)

    def open(self) -> None:
        super().open()
        self.centre_panel(min(self.width() - 2 * self._theme.margin, self._theme.px(900)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A tap beside the panel closes it, as a visitor expects of a menu.
        if not self.panel.geometry().contains(QPoint(int(event.position().x()), int(event.position().y()))):
            self.hide()
        event.accept()
