"""A quote's words without the quotation marks an author typed: the kiosk sets its own mark.

The content schema asks for the words alone; a file that encloses them anyway ("“…”", "„…“",
"«…»", "「…」") would otherwise show the kiosk's mark beside the author's. Marks inside the
text, and a text that only begins with a quoted phrase ("“A” and “B”"), are left alone.
"""

from __future__ import annotations

# Each opening mark and the mark that closes it, in the languages' own conventions.
PAIRS = {
    "\u201c": "\u201d",  # “ ” English, Chinese
    "\u2018": "\u2019",  # ‘ ’
    "\u201e": "\u201c",  # „ “ German
    "\u201a": "\u2018",  # ‚ ‘
    "\u00ab": "\u00bb",  # « » French, Arabic
    "\u2039": "\u203a",  # ‹ ›
    "\u00bb": "\u00ab",  # » « Danish, some German typesetting
    "\u300c": "\u300d",  # 「 」
    "\u300e": "\u300f",  # 『 』
    '"': '"',
    "\uff02": "\uff02",  # ＂ full width
}


def _closes_early(inner: str, opening: str, closing: str) -> bool:
    """Whether the opening mark is closed before the end of the text (so it encloses a phrase)."""
    if opening == closing:
        return inner.count(closing) % 2 == 1
    depth = 0
    for char in inner:
        if char == opening:
            depth += 1
        elif char == closing:
            if depth == 0:
                return True
            depth -= 1
    return False


def quote_words(text: str) -> str:
    """`text` without the quotation marks around the whole of it."""
    words = text.strip()
    opening = words[:1]
    closing = PAIRS.get(opening)
    if closing is None or len(words) < 2:
        return text
    inner = words[1:-1] if words.endswith(closing) else words[1:]
    if _closes_early(inner, opening, closing):
        return text
    return inner.strip()
