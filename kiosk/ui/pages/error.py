"""Shown instead of the exhibit when the content cannot be loaded, in the content's languages
(the machine's and English when the file names none).

A visitor reads that the exhibit is taking a break and whom to ask. Staff read, in a framed
panel below, how many problems the file has, which file, where each one is listed (the admin
panel, behind the PIN, and `kiosk validate`) and that a fixed file is loaded by itself. The
problems themselves name places in the file (`tours[0].stops[1].voice`): they are for staff,
never on the screen a visitor sees.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content import ContentError
from kiosk.i18n.direction import is_right_to_left
from kiosk.i18n.strings import error_languages, ui_text
from kiosk.ui import theme as th


class _WrappingLabel(QLabel):
    """A word-wrapped label that asks for the height of its lines at the width it was given: a
    layout sizes a wrapped label from a guessed width, and a long file path then loses its
    second line."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


def _label(text: str, role: str, lang: str, tone: str | None = None) -> QLabel:
    label = _WrappingLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a file name is never markup
    label.setProperty("role", role)
    if tone is not None:
        label.setProperty("tone", tone)
    label.setWordWrap(True)
    # Each language is set in its own direction, whatever the window's.
    label.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if is_right_to_left(lang) else Qt.LayoutDirection.LeftToRight
    )
    label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
    return label


class ContentErrorPage(QWidget):
    def __init__(self, error: ContentError, theme: th.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.error = error
        outer = QVBoxLayout(self)
        margin = theme.margin
        outer.setContentsMargins(margin, margin, margin, margin)
        outer.setSpacing(theme.px(16))
        languages = error_languages(error.languages)
        outer.addStretch(1)
        if len(languages) > 2:
            outer.addLayout(self._visitor_columns(languages, theme))
        else:
            for lang in languages:
                first = lang == languages[0]
                outer.addWidget(_label(ui_text("error-visitor-title", lang), "h1" if first else "h2", lang))
            outer.addSpacing(theme.px(8))
            for lang in languages:
                outer.addWidget(_label(ui_text("error-visitor-body", lang), "lead", lang, "secondary"))
        outer.addStretch(1)
        self.staff_panel = self._staff_panel(error, languages, theme)
        outer.addWidget(self.staff_panel)

    @staticmethod
    def _visitor_columns(languages: tuple[str, ...], theme: th.Theme) -> QGridLayout:
        """Three languages or more side by side, a column each, above the staff panel's columns
        of the same languages: one under the other they leave the staff no room."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.px(40) + theme.px(32))
        grid.setVerticalSpacing(theme.px(16))
        for column, lang in enumerate(languages):
            grid.addWidget(_label(ui_text("error-visitor-title", lang), "h2", lang), 0, column)
            grid.addWidget(_label(ui_text("error-visitor-body", lang), "lead", lang, "secondary"), 1, column)
            grid.setColumnStretch(column, 1)
        return grid

    def _staff_panel(self, error: ContentError, languages: tuple[str, ...], theme: th.Theme) -> QFrame:
        """What staff need to put it right, as large as its text and no larger: each language
        below the last, or, for three languages or more, side by side (stacked, three of them
        need more height than a landscape screen has under the visitor's words)."""
        panel = QFrame()
        panel.setObjectName("panel")
        panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        side_by_side = len(languages) > 2
        layout: QBoxLayout = QHBoxLayout(panel) if side_by_side else QVBoxLayout(panel)
        pad = theme.px(32)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(theme.px(40) if side_by_side else theme.px(6))
        for index, lang in enumerate(languages):
            if side_by_side:
                column = QVBoxLayout()
                column.setSpacing(theme.px(6))
                self._staff_text(column, error, lang)
                column.addStretch(1)
                layout.addLayout(column, 1)
                continue
            if index:
                layout.addSpacing(theme.px(16))
            self._staff_text(layout, error, lang)
        return panel

    @staticmethod
    def _staff_text(layout: QBoxLayout, error: ContentError, lang: str) -> None:
        count = len(error.problems)
        # A path and a command read left to right inside a right-to-left sentence too (Unicode
        # isolates).
        source = f"\u2066{error.source}\u2069"
        command = f"\u2066kiosk validate {error.source}\u2069"
        heading = f"{ui_text('error-staff-title', lang)} · {ui_text('error-title', lang)}"
        layout.addWidget(_label(heading, "label", lang))
        layout.addWidget(_label(ui_text("error-staff-count", lang, n=count, source=source), "caption", lang))
        for text in (
            ui_text("error-staff-where", lang),
            ui_text("error-staff-validate", lang, command=command),
            ui_text("error-staff-fix", lang),
        ):
            layout.addWidget(_label(text, "caption", lang, "secondary"))
