"""Shown instead of the exhibit when the content cannot be loaded: what is wrong, in the content's
languages (the machine's and English when the file names none)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kiosk.content import ContentError
from kiosk.i18n.strings import error_languages, ui_text
from kiosk.ui import theme as th
from kiosk.ui.pages.base import PageScrollArea

MAX_LISTED = 200


class ContentErrorPage(QWidget):
    def __init__(self, error: ContentError, theme: th.Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.error = error
        outer = QVBoxLayout(self)
        margin = theme.margin
        outer.setContentsMargins(margin, margin, margin, margin)
        outer.setSpacing(theme.px(12))
        languages = error_languages(error.languages)
        for lang in languages:
            title = QLabel(ui_text("error-title", lang))
            title.setProperty("role", "h1" if lang == languages[0] else "h2")
            outer.addWidget(title)
        for lang in languages:
            body = QLabel(ui_text("error-body", lang))
            body.setProperty("role", "body")
            body.setProperty("tone", "secondary")
            body.setWordWrap(True)
            outer.addWidget(body)
        source = QLabel(error.source)
        source.setProperty("role", "caption")
        source.setProperty("tone", "secondary")
        source.setWordWrap(True)
        outer.addWidget(source)
        panel = QFrame()
        panel.setObjectName("panel")
        problems = QVBoxLayout(panel)
        pad = theme.px(28)
        problems.setContentsMargins(pad, pad, pad, pad)
        problems.setSpacing(theme.px(8))
        self.problem_labels: list[QLabel] = []
        for problem in error.problems[:MAX_LISTED]:
            line = QLabel(str(problem))
            line.setProperty("role", "caption")
            line.setWordWrap(True)
            line.setStyleSheet(f"color: {theme.palette.error};")
            problems.addWidget(line)
            self.problem_labels.append(line)
        if len(error.problems) > MAX_LISTED:
            more = QLabel(f"… +{len(error.problems) - MAX_LISTED}")
            more.setProperty("role", "caption")
            problems.addWidget(more)
        problems.addStretch(1)
        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)  # problems quote content: never markup
        outer.addWidget(PageScrollArea(panel, theme), 1)
