"""A visitor's own settings, one tap from home: larger text (1.25x, 1.5x), high contrast and
reduced motion. They last until the visitor leaves (the idle reset restores the defaults)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QWidget

from kiosk.system.resources import icon_path
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.overlays.base import Overlay
from kiosk.ui.preferences import Preferences
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.text import TextLabel

TEXT_SCALES = (1.0, 1.25, 1.5)


class AccessibilityPanel(Overlay):
    chosen = Signal(object)  # Preferences

    def __init__(
        self, window: QWidget, language: LanguageState, theme: th.Theme, current: Preferences
    ) -> None:
        super().__init__(window, theme)
        self.current = current
        self._theme = theme
        layout = self.card(theme, theme.palette.accent, spacing=14)
        layout.addWidget(TextLabel(language, ui("accessibility"), "h2"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.px(12))
        grid.setVerticalSpacing(theme.px(12))
        self.size_buttons: list[TouchButton] = []
        sizes = QButtonGroup(self)
        grid.addWidget(TextLabel(language, ui("text-size"), "label"), 0, 0, 1, 3)
        for column, (scale, key) in enumerate(
            zip(TEXT_SCALES, ("text-normal", "text-large", "text-largest"), strict=True)
        ):
            button = self._choice(language, ui(key), current.text_scale == scale)
            sizes.addButton(button)
            button.clicked.connect(lambda _=False, scale=scale: self._choose(text_scale=scale))
            grid.addWidget(button, 1, column)
            self.size_buttons.append(button)
        self.contrast_buttons = self._toggle(
            grid, 2, language, "high-contrast", current.high_contrast, "high_contrast"
        )
        self.motion_buttons = self._toggle(
            grid, 4, language, "reduced-motion", current.reduced_motion, "reduced_motion"
        )
        layout.addLayout(grid)
        close = TouchButton(language, theme, ui("admin-close"), icon_path("close"))
        close.clicked.connect(self.hide)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignHCenter)
        self.hide()

    def _choice(self, language: LanguageState, label: object, checked: bool) -> TouchButton:
        button = TouchButton(language, self._theme, label, None, colour=self._theme.palette.accent)  # type: ignore[arg-type]
        button.setCheckable(True)
        button.setChecked(checked)
        button.setMinimumWidth(self._theme.target(180))
        return button

    def _toggle(
        self, grid: QGridLayout, row: int, language: LanguageState, key: str, value: bool, name: str
    ) -> tuple[TouchButton, TouchButton]:
        grid.addWidget(TextLabel(language, ui(key), "label"), row, 0, 1, 3)
        group = QButtonGroup(self)
        buttons = (self._choice(language, ui("off"), not value), self._choice(language, ui("on"), value))
        for column, (button, state) in enumerate(zip(buttons, (False, True), strict=True)):
            group.addButton(button)
            button.clicked.connect(lambda _=False, state=state: self._choose(**{name: state}))
            grid.addWidget(button, row + 1, column)
        return buttons

    def _choose(self, **changes: object) -> None:
        values = {**self.current.__dict__, **changes}
        self.current = Preferences(**values)
        self.chosen.emit(self.current)

    def open(self) -> None:
        super().open()
        self.centre_panel(min(self.width() - 2 * self._theme.margin, self._theme.px(900)))
