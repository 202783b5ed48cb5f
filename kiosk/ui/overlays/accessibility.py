"""A visitor's own settings, one tap from the navigation bar: larger text (1.25x, 1.5x), high
contrast and reduced motion. They last until the visitor leaves (the idle reset restores the
defaults).

Each setting is a row of toggle buttons, one of which is chosen: filled in the accent colour
with dark ink and a check mark, where the others are outlined. A choice applies at once and
the panel is drawn again in the new size and colours, so the visitor sees what they chose.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QHBoxLayout, QSizePolicy, QWidget

from kiosk.system.resources import icon_path
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, TextSource, ui
from kiosk.ui.overlays.base import Overlay
from kiosk.ui.preferences import Preferences
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.text import TextLabel

TEXT_SCALES = (1.0, 1.25, 1.5)
PANEL_WIDTH = 1100  # at the design's size; never wider than the window allows


class AccessibilityPanel(Overlay):
    chosen = Signal(object)  # Preferences

    def __init__(
        self, window: QWidget, language: LanguageState, theme: th.Theme, current: Preferences
    ) -> None:
        super().__init__(window, theme)
        self.current = current
        self._theme = theme
        self._language = language
        layout = self.card(theme, theme.palette.accent, spacing=16)
        layout.addWidget(TextLabel(language, ui("accessibility"), "h2"))
        self.size_buttons = self._setting(
            layout,
            ui("text-size"),
            [ui(key) for key in ("text-normal", "text-large", "text-largest")],
            [current.text_scale == scale for scale in TEXT_SCALES],
            [{"text_scale": scale} for scale in TEXT_SCALES],
        )
        self.contrast_buttons = self._on_off(layout, "high-contrast", current.high_contrast, "high_contrast")
        self.motion_buttons = self._on_off(layout, "reduced-motion", current.reduced_motion, "reduced_motion")
        layout.addSpacing(theme.px(8))
        self.close_button = TouchButton(language, theme, ui("admin-close"), icon_path("close"), outlined=True)
        self.close_button.setObjectName("accessibility-close")
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.hide()

    def _setting(
        self,
        layout: QBoxLayout,
        name: TextSource,
        labels: list[TextSource],
        checked: list[bool],
        changes: list[dict[str, object]],
    ) -> tuple[TouchButton, ...]:
        """A setting's name, then its options side by side: one group, one of them chosen (a
        name sits close to its options, further from the options above it)."""
        layout.addSpacing(self._theme.px(12))
        layout.addWidget(TextLabel(self._language, name, "label", tone="secondary"))
        layout.addSpacing(-self._theme.px(8))
        row = QHBoxLayout()
        row.setSpacing(self._theme.px(24))
        group = QButtonGroup(self)
        buttons: list[TouchButton] = []
        for label, on, change in zip(labels, checked, changes, strict=True):
            button = TouchButton(
                self._language, self._theme, label, None, colour=self._theme.palette.accent, outlined=True
            )
            button.setCheckable(True)
            button.setChecked(on)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            group.addButton(button)
            button.clicked.connect(lambda _=False, change=change: self._choose(**change))
            row.addWidget(button, 1)
            buttons.append(button)
        layout.addLayout(row)
        return tuple(buttons)

    def _on_off(self, layout: QBoxLayout, key: str, value: bool, name: str) -> tuple[TouchButton, ...]:
        return self._setting(
            layout, ui(key), [ui("off"), ui("on")], [not value, value], [{name: False}, {name: True}]
        )

    def _choose(self, **changes: object) -> None:
        values = {**self.current.__dict__, **changes}
        self.current = Preferences(**values)
        self.chosen.emit(self.current)

    def open(self) -> None:
        super().open()
        # Wider with larger text: the options' words keep their room inside the buttons.
        self.centre_panel(min(self.width() - 2 * self._theme.margin, self._theme.text_px(PANEL_WIDTH)))
