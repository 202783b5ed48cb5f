"""Text that follows the visitor's language; always plain text, never HTML."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, TextSource

RIGHT_TO_LEFT_MARK = "\u200f"


class TextLabel(QLabel):
    """A label styled by its `role` (display, h1, h2, body, caption ...), in the current language."""

    def __init__(
        self,
        language: LanguageState,
        source: TextSource,
        role: str = "body",
        tone: str | None = None,
        wrap: bool = True,
        fit_floor_px: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._source = source
        # With a floor, a one-line title shrinks (not below the floor) to stay on one line.
        self._fit_floor_px = fit_floor_px
        self._role_px = 0
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setProperty("role", role)
        if tone:
            self.setProperty("tone", tone)
        self.setWordWrap(wrap)
        self._show_text()
        language.changed.connect(self._on_language_changed)

    def set_source(self, source: TextSource) -> None:
        self._source = source
        self._show_text()
        self._fit()

    def _show_text(self) -> None:
        text = self._language.text(self._source)
        # A plain-text QLabel takes its direction from its first strong letter, so an Arabic
        # line opening with "IBM" would read left to right; a right-to-left mark before it
        # gives it the language's direction and alignment.
        self.setText(RIGHT_TO_LEFT_MARK + text if self.isRightToLeft() and text else text)

    def _on_language_changed(self, lang: str) -> None:
        self._show_text()
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._show_text()
        super().changeEvent(event)

    def _fit(self) -> None:
        if not self._fit_floor_px or self.width() <= 0:
            return
        if not self._role_px:
            self._role_px = self.font().pixelSize()
        font = QFont(self.font())
        font.setPixelSize(self._role_px)
        natural = QFontMetrics(font).horizontalAdvance(self.text())
        size = (
            self._role_px
            if natural <= self.width()
            else max(self._fit_floor_px, int(self._role_px * self.width() / natural))
        )
        if size != self.font().pixelSize():
            self.setStyleSheet(f"font-size: {size}px;")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class Paragraph(QWidget):
    """Body text with the exhibit's 1.45 line height, wrapped to the width it gets."""

    def __init__(
        self,
        language: LanguageState,
        source: TextSource,
        theme: th.Theme,
        role: str = "body",
        colour: str | None = None,
        line_height: float = 1.45,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._source = source
        self._colour = QColor(colour or theme.palette.text)
        # Qt's proportional line height is relative to the font's own line (ascent + descent,
        # 1.45 em for Noto Sans CJK); the design speaks of multiples of the font size.
        font = theme.font(role)
        natural = QFontMetricsF(font).height() / max(1, font.pixelSize())
        self._line_height = round(100 * line_height / natural)
        self._document = QTextDocument(self)
        self._document.setDocumentMargin(0)
        self._ink_margin = round(0.1 * font.pixelSize())
        self._document.setDefaultFont(theme.font(role))
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._document.setDefaultTextOption(option)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._set_text(language.text(source))
        language.changed.connect(self._on_language_changed)

    def text(self) -> str:
        return self._document.toPlainText()

    def set_source(self, source: TextSource) -> None:
        self._source = source
        self._set_text(self._language.text(source))

    def _set_text(self, text: str) -> None:
        # The paragraph's base direction is the language's, not its first letter's: an Arabic
        # note that opens with "IBM" still reads from the right.
        option = self._document.defaultTextOption()
        option.setTextDirection(self.layoutDirection())
        self._document.setDefaultTextOption(option)
        self._document.setPlainText(text)
        # Arabic letters reach past the line box: below the last line (the UI font keeps Latin
        # line heights) and past the right edge where a line starts. Small margins there keep
        # their ink inside the widget, adding as little height as they can. (Set after the
        # text: setting plain text resets the document's frame.)
        frame = self._document.rootFrame().frameFormat()
        ink = self._ink_margin if self.isRightToLeft() else 0
        frame.setLeftMargin(ink)
        frame.setRightMargin(ink)
        frame.setBottomMargin(ink)
        self._document.rootFrame().setFrameFormat(frame)
        cursor = QTextCursor(self._document)
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(self._line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block)
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def _on_language_changed(self, lang: str) -> None:
        self._set_text(self._language.text(self._source))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._set_text(self.text())
        super().changeEvent(event)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Layouts ask with the cell's width even when our maximum width is smaller.
        self._document.setTextWidth(min(width, self.maximumWidth()))
        return int(self._document.size().height() + 0.999)

    def sizeHint(self) -> QSize:
        width = self.maximumWidth() if self.maximumWidth() < 10_000 else 900
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(max(200, self.width())))

    def paintEvent(self, event: QPaintEvent) -> None:
        self._document.setTextWidth(self.width())
        painter = QPainter(self)
        painter.setPen(self._colour)
        context = self._document.documentLayout().PaintContext()
        context.palette.setColor(context.palette.ColorRole.Text, self._colour)
        self._document.documentLayout().draw(painter, context)
        painter.end()
