"""Text that follows the visitor's language; always plain text, never HTML."""

from __future__ import annotations

import math
import re
from functools import lru_cache

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
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QWidget

from kiosk.i18n.hyphenation import (
    HYPHEN,
    SOFT_HYPHEN,
    has_dictionary,
    shown_line,
    syllable_breaks,
    with_soft_hyphens,
)
from kiosk.i18n.line_breaks import keep_together, without_joiners
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState, TextSource

RIGHT_TO_LEFT_MARK = "\u200f"
NO_BREAK_SPACE = "\u00a0"
# Where a text may be split (into columns, or parts of a panel): after a sentence's end.
# Latin and Arabic marks with the space after them ("646.5" is no end); Chinese marks alone.
_SENTENCE_END = re.compile(r"(?<=[.!?;؟])\s+|(?<=[。！？；])")


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of `text` but the last ends (the offset of what follows it)."""
    return [match.end() for match in _SENTENCE_END.finditer(text) if 0 < match.end() < len(text)]


def wrapped_lines(
    text: str, font: QFont, width: float, mode: QTextOption.WrapMode = QTextOption.WrapMode.WordWrap
) -> list[str]:
    """The lines of one paragraph `text` at `width`, broken as a word-wrapped label breaks it."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(mode)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def balanced_lines(text: str, font: QFont, width: float) -> list[str]:
    """`text` in as few lines as `width` allows, of even length: the narrowest width that
    still needs no more lines (a search with QTextLayout), so a heading never ends on a
    short last line ("Innovative and Open | vision").

    Where the last line would still be one word of several, the last two words go down
    together when they fit.
    """
    lines = wrapped_lines(text, font, width)
    if len(lines) < 2:
        return lines
    low, high = width / len(lines), width
    while high - low > 1.0:
        middle = (low + high) / 2
        if len(wrapped_lines(text, font, middle)) > len(lines):
            low = middle
        else:
            high = middle
    balanced = wrapped_lines(text, font, high)
    last = balanced[-1].strip()
    lone_word = " " not in last and NO_BREAK_SPACE not in last and not any(_is_wide(c) for c in last)
    if lone_word and " " in balanced[-2].strip():
        head, _, tail = text.rstrip().rpartition(" ")
        glued = f"{head}{NO_BREAK_SPACE}{tail}"
        widest = max(QFontMetricsF(font).horizontalAdvance(word) for word in glued.split(" "))
        if widest <= width:
            return balanced_lines(glued, font, width)
    return balanced


def kept_together(text: str, font: QFont, width: float) -> str:
    """`text` glued where a line may not break (`keep_together`), where every glued piece fits
    `width`; else a long name broken at its dots; else as it is: breaking a number from its unit
    beats cutting it off."""
    for glued in (keep_together(text), keep_together(text, whole_names=False)):
        if glued == text or _widest_piece(glued, font.key(), font) <= width:
            return glued
    return text


@lru_cache(maxsize=4096)
def _widest_piece(text: str, font_key: str, font: QFont) -> float:
    """The widest piece of `text` no line may break (a line each at width 1). Keyed by the
    font's key: QFont's own hash does not tell every size apart."""
    metrics = QFontMetricsF(font)
    pieces = (line for paragraph in text.split("\n") for line in wrapped_lines(paragraph, font, 1))
    return max((metrics.horizontalAdvance(piece.rstrip()) for piece in pieces), default=0.0)


def widest_word(label: QLabel, hyphenate_in: str | None = None) -> float:
    """The widest piece of a label's text no line may break (a long word, a number with its
    unit), in the font the label is set in: the narrowest the label may be without a cut.
    With `hyphenate_in` (a language), a word its dictionary hyphenates may break once: it
    counts as the wider of its two most even parts, the first with its hyphen."""
    label.ensurePolished()  # the role's font comes from the style sheet
    font = label.font()
    glued = keep_together(label.text())
    if hyphenate_in is None or not has_dictionary(hyphenate_in):
        return _widest_piece(glued, font.key(), font)
    metrics = QFontMetricsF(font)
    widest = 0.0
    for piece in (line.strip() for line in wrapped_lines(glued, font, 1)):
        whole = metrics.horizontalAdvance(piece)
        halves = (
            max(metrics.horizontalAdvance(piece[:cut] + HYPHEN), metrics.horizontalAdvance(piece[cut:]))
            for cut in syllable_breaks(piece, hyphenate_in)
        )
        widest = max(widest, min(halves, default=whole))
    return widest


def broken_text(text: str, font: QFont, width: float) -> str:
    """`text` in the lines it takes at `width`, glued where a line may not break (where the
    pieces fit), ended by line breaks and without the joiners: for text a widget draws itself."""
    glued = kept_together(text, font, width)
    if glued == text:
        return text
    lines = (
        line.rstrip(" ") for paragraph in glued.split("\n") for line in wrapped_lines(paragraph, font, width)
    )
    return without_joiners("\n".join(lines))


def hyphenated(text: str, lang: str, font: QFont, width: float) -> str:
    """`text` with soft hyphens in the words wider than `width` in `font` (`with_soft_hyphens`)."""
    metrics = QFontMetricsF(font)
    return with_soft_hyphens(text, lang, lambda word: metrics.horizontalAdvance(word) <= width)


def _is_wide(char: str) -> bool:
    return ord(char) >= 0x2E80  # CJK and other scripts written without spaces


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
        self._words = ""
        self._balanced: tuple[tuple[str, int, str], str] | None = None
        self.setWordWrap(wrap)
        self._show_text()
        language.changed.connect(self._on_language_changed)

    def text(self) -> str:
        """The words as written (QLabel holds them with the joiners of `keep_together`)."""
        return self._words

    def setText(self, text: str) -> None:
        self._words = text
        self._break_lines()

    def painted_text(self) -> str:
        """The text as it is painted, each line of a wrapped label ending in a line break."""
        glued = QLabel.text(self)
        width = self.contentsRect().width() - 2 * self.margin()
        if not self.wordWrap() or width <= 0:
            return glued
        if "\n" in glued:  # a text with its own lines keeps them, broken only where they are too long
            if SOFT_HYPHEN not in glued:
                return glued
            lines = [line for part in glued.split("\n") for line in wrapped_lines(part, self.font(), width)]
            return "\n".join(shown_line(line).rstrip(" ") for line in lines)
        key = (glued, width, self.font().key())
        if self._balanced is None or self._balanced[0] != key:  # once per text, width and font
            lines = balanced_lines(glued, self.font(), width)
            self._balanced = (key, "\n".join(shown_line(line).rstrip(" ") for line in lines))
        return self._balanced[1]

    def _break_lines(self) -> None:
        """Where a wrapped label may break its lines: numbers kept with their units and names
        whole. QLabel holds the glued text, so its size hints and heights count the lines the
        glue makes; the lines are balanced when painted (`painted_text`): balancing never adds
        a line, only moves where they break. A word wider than the label breaks at a syllable,
        with a hyphen, where its language has a dictionary."""
        text = self._words
        if self.wordWrap():
            width = self.contentsRect().width() - 2 * self.margin()
            if width > 0:
                text = kept_together(text, self.font(), width)
                # Hyphens only at a width a layout gave: a label measured before it is placed
                # (its default width) would keep them, and count fewer lines than it shows.
                if self.testAttribute(Qt.WidgetAttribute.WA_Resized):
                    text = hyphenated(text, self._language.current, self.font(), width)
            else:
                text = keep_together(text)
        if text != QLabel.text(self):
            QLabel.setText(self, text)
            self.setAccessibleName(self._words)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.wordWrap() or self.width() <= 0:
            super().paintEvent(event)
            return
        # As QLabel paints plain text: the balanced lines, and no joiners (no font has a glyph
        # for them: one drawn takes a fallback font, into a handout's PDF too).
        margin = self.margin()
        painter = QPainter(self)
        # A painter takes the application's direction, not the widget's: an Arabic line must be
        # set right to left even where it opens with a Latin word.
        painter.setLayoutDirection(self.layoutDirection())
        self.style().drawItemText(
            painter,
            self.contentsRect().adjusted(margin, margin, -margin, -margin),
            int(QStyle.visualAlignment(self.layoutDirection(), self.alignment()) | Qt.TextFlag.TextWordWrap),
            self.palette(),
            self.isEnabled(),
            without_joiners(self.painted_text()),
            self.foregroundRole(),
        )
        painter.end()

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
        if event.type() == QEvent.Type.FontChange:
            self._break_lines()

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
        self._break_lines()


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
        # Lines set closer than the font's own keep the last line's descenders inside the widget.
        self._tight_margin = max(0, round(QFontMetricsF(font).height() * (100 - self._line_height) / 100))
        self._words = ""
        self._glued = ""
        self._laid_out_width = -1.0
        self._heights: dict[int, int] = {}
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
        return self._words

    @property
    def source(self) -> TextSource:
        return self._source

    def set_source(self, source: TextSource) -> None:
        self._source = source
        self._set_text(self._language.text(source))

    def _set_text(self, text: str) -> None:
        # The paragraph's base direction is the language's, not its first letter's: an Arabic
        # note that opens with "IBM" still reads from the right.
        option = self._document.defaultTextOption()
        option.setTextDirection(self.layoutDirection())
        self._document.setDefaultTextOption(option)
        self._words = text
        self._glued = keep_together(text)
        self._laid_out_width = -1.0  # laid out when asked for a height or painted
        self._heights.clear()
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def _lay_out(self, width: float) -> None:
        """The document at `width`, its lines broken where `keep_together` allows. The lines are
        set with line separators and the joiners dropped: no font has a glyph for them, and
        one drawn would take a fallback font (into a handout's PDF too)."""
        if width == self._laid_out_width:
            return
        self._laid_out_width = width
        # Arabic letters reach past the line box: below the last line (the UI font keeps Latin
        # line heights) and past the right edge where a line starts. Small margins there keep
        # their ink inside the widget, adding as little height as they can.
        ink = self._ink_margin if self.isRightToLeft() else 0
        # Left to right, a Latin line opening with "j" reaches a few pixels left of its box (a
        # third of the margin keeps it in); Chinese keeps its full width, every pixel of a
        # column counts where a last character may not stand alone.
        latin = not any(_is_wide(char) for char in self._glued)
        lead = ink if self.isRightToLeft() else (math.ceil(self._ink_margin / 3) if latin else 0)
        font, anywhere = self._document.defaultFont(), QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
        line_width = width - ink - lead
        # A word wider than the line breaks at a syllable, with a hyphen (not after any letter).
        glued = hyphenated(self._glued, self._language.current, font, line_width)
        paragraphs = (
            "\u2028".join(
                shown_line(line).rstrip(" ") for line in wrapped_lines(paragraph, font, line_width, anywhere)
            )
            for paragraph in glued.split("\n")
        )
        self._document.setPlainText(without_joiners("\n".join(paragraphs)))
        # Set after the text: setting plain text resets the document's frame.
        frame = self._document.rootFrame().frameFormat()
        frame.setLeftMargin(lead)
        frame.setRightMargin(ink)
        frame.setBottomMargin(ink + self._tight_margin)
        self._document.rootFrame().setFrameFormat(frame)
        cursor = QTextCursor(self._document)
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(self._line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block)
        self._document.setTextWidth(width)

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
        width = min(width, self.maximumWidth())
        height = self._heights.get(width)
        if height is None:  # layouts ask again and again, for a few widths: each laid out once
            self._lay_out(width)
            height = self._heights[width] = int(self._document.size().height() + 0.999)
        return height

    def sizeHint(self) -> QSize:
        width = self.maximumWidth() if self.maximumWidth() < 10_000 else 900
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(max(200, self.width())))

    def paintEvent(self, event: QPaintEvent) -> None:
        self._lay_out(self.width())
        painter = QPainter(self)
        painter.setPen(self._colour)
        context = self._document.documentLayout().PaintContext()
        context.palette.setColor(context.palette.ColorRole.Text, self._colour)
        self._document.documentLayout().draw(painter, context)
        painter.end()
