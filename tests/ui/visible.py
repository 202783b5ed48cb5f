"""What a person sees: the texts of every visible text widget under a root."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.ui.widgets.figure_card import FigureNumber
from kiosk.ui.widgets.text import Paragraph


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root.window()) or not widget.isVisible():
            continue
        if (
            (isinstance(widget, QLabel) and widget.text())
            or isinstance(widget, (Paragraph, FigureNumber))
            or (isinstance(widget, QAbstractButton) and widget.text())
        ):
            texts.append(widget.text())
    return texts


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def settled(page: QWidget) -> bool:
    """True once the page's entrance (count-ups, growing bars) has reached its end."""
    entrance = getattr(page, "entrance", None)
    return entrance is None or not entrance.running
