"""Under a text too long for its room, shown in parts one at a time: dots for the parts and a
"Read on" button (on the last part "To the text") that turns to the next, round to the first.
A tour's long stop and a vision's long paragraph on a small screen use it alike."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.system.resources import icon_path
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, ui
from kiosk.ui.widgets.buttons import TouchButton
from kiosk.ui.widgets.dots import PositionDots


class ReadOnBar(QWidget):
    """The dots (`dots`) and the button (`button`) on a line under the text, or `beside` it at
    its end (the dots over the button); `turned` when a visitor taps it."""

    turned = Signal()

    def __init__(
        self,
        language: LanguageState,
        theme: th.Theme,
        colour: str,
        parent: QWidget | None = None,
        beside: bool = False,
    ) -> None:
        super().__init__(parent)
        self._colour = colour
        self.dots = PositionDots(theme)
        row: QBoxLayout
        if beside:
            row = QVBoxLayout(self)
            # At the text's end, its last line's level; clear of a tap target under the text.
            row.setContentsMargins(0, 0, 0, theme.gutter)
            row.setSpacing(theme.px(16))
            row.addStretch(1)
            row.addWidget(self.dots, 0, Qt.AlignmentFlag.AlignLeading)
        else:
            row = QHBoxLayout(self)
            # With a visitor's larger text the text above may scroll, the bar then right under
            # it: clear of a tap target above it.
            row.setContentsMargins(0, theme.px(8) if theme.text_scale > 1 else 0, 0, 0)
            row.setSpacing(theme.gutter)
            row.addWidget(self.dots, 0, Qt.AlignmentFlag.AlignVCenter)
            row.addStretch(1)
        self.button = TouchButton(
            language, theme, ui("stop-more"), icon_path("chevron-down"), colour=colour, outlined=True
        )
        self.button.setObjectName("stop-more")
        self.button.clicked.connect(self.turned)
        row.addWidget(self.button)

    def set_position(self, part: int, parts: int) -> None:
        """Part `part` of `parts` shown: the dots say which, the button where it turns to."""
        self.dots.set_position(part, parts, self._colour)
        last = part == parts - 1
        self.button.set_label(ui("stop-back" if last else "stop-more"))
        self.button.set_icon(icon_path("chevron-up" if last else "chevron-down"))
