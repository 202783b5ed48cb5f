"""Lines break where a reader expects at every width: numbers with their units, names whole,
never one character alone on a last line, headings balanced (no single word left over)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.i18n.line_breaks import keep_together, without_joiners
from kiosk.showfloor.floor import ShowFloor
from kiosk.system.settings import Settings
from kiosk.ui import layout_audit as la
from kiosk.ui.language import LanguageState
from kiosk.ui.main_window import MainWindow
from kiosk.ui.preferences import Preferences
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.text import Paragraph, TextLabel, wrapped_lines

MakeWindow = Callable[..., MainWindow]
THEME = Theme()
WIDTHS = range(90, 900, 9)
# The places issue 17 found broken, each in a sentence of its own.
CHINESE = [
    "平均每天诞生科技型企业近130家，数量还在增长",
    "覆盖全球60多个国家和地区",
    "科技园区对全市经济的贡献约三分之一",
    "跨国公司的总部116家，独角兽企业93家",
    "中国科技园区发展模式从学习借鉴。",
    "全球科技园区（IASP全球主席艾巴·伦德）",
    "截至2024年8月，遍及全球60多个国家和地区",
]
NAMES = ["艾巴·伦德"]


def _language(text: str) -> LanguageState:
    return LanguageState(("zh", "en"), "zh")


def _window(qtbot: QtBot, widget: QWidget) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    layout.addStretch(1)
    qtbot.addWidget(window)
    window.show()
    return window


def _at_width(window: QWidget, width: int) -> None:
    """`window` `width` wide, its text given the height it asks for at that width."""
    window.setFixedSize(width, 900)
    QApplication.processEvents()
    for widget in window.findChildren(QWidget):
        widget.setFixedHeight(widget.heightForWidth(width))
    QApplication.processEvents()


def _shown_lines(widget: QWidget) -> list[str]:
    """The lines on screen: as QLabel lays them out, or as a painted widget draws them."""
    if isinstance(widget, QLabel):
        return la.label_lines(widget, widget.contentsRect().width())
    blocks = la._paragraphs(la.drawn_texts(widget))
    return [line for block in blocks for line in block]


def _widest_piece(text: str, font: QFont) -> float:
    """The widest piece of `text` no line may break."""
    runs = wrapped_lines(text, font, 1)
    return max(QFontMetricsF(font).horizontalAdvance(run.strip()) for run in runs)


def _kinds_seen(qtbot: QtBot, widget: QWidget, text: str) -> dict[int, list[str]]:
    """For every width of the sweep: what the layout checker finds, and names torn apart.
    Where a number with its unit is wider than the line, it may break: never cut off."""
    window = _window(qtbot, widget)
    font = widget.font() if isinstance(widget, QLabel) else THEME.font("body")
    glued, plain = _widest_piece(keep_together(text), font), _widest_piece(text, font)
    found: dict[int, list[str]] = {}
    for width in WIDTHS:
        if width < plain:  # narrower than a word of the text itself ("（IASP"): any label cuts it
            continue
        _at_width(window, width)
        kinds = [problem.kind for problem in la.audit(window, must_fit=False)]
        lines = [without_joiners(line) for line in _shown_lines(widget)]
        torn = [name for name in NAMES if name in "".join(lines) and not any(name in line for line in lines)]
        kinds += [f"split {name}" for name in torn]
        if width < glued:
            kinds = [kind for kind in kinds if kind == la.TEXT_CUT]
        if kinds:
            found[width] = kinds
    return found


@pytest.mark.parametrize("text", CHINESE)
def test_a_label_breaks_chinese_where_a_reader_expects(qtbot: QtBot, text: str) -> None:
    label = TextLabel(_language(text), lambda lang: text, "h2")
    label.setFont(THEME.font("h2"))
    assert _kinds_seen(qtbot, label, text) == {}
    assert label.text() == text  # the words as written; only QLabel's copy holds the breaks


@pytest.mark.parametrize("text", CHINESE)
def test_a_paragraph_breaks_chinese_where_a_reader_expects(qtbot: QtBot, text: str) -> None:
    paragraph = Paragraph(_language(text), lambda lang: text, THEME, "body")
    assert _kinds_seen(qtbot, paragraph, text) == {}
    assert paragraph.text() == text


@pytest.mark.parametrize(
    "text", ["Innovative and Open vision", "Returning to the start screen in a moment", "Green"]
)
def test_a_heading_never_ends_on_a_single_word(qtbot: QtBot, text: str) -> None:
    label = TextLabel(LanguageState(("zh", "en"), "en"), lambda lang: text, "h1")
    font = THEME.font("h1")
    label.setFont(font)
    window = _window(qtbot, label)
    widest_word = max(label.fontMetrics().horizontalAdvance(word) for word in text.split())
    greedy_orphans = 0
    for width in WIDTHS:
        if width < 2 * widest_word:
            continue
        _at_width(window, width)
        box = label.contentsRect().width()
        lines = [line.strip() for line in _shown_lines(label)]
        greedy = [line.strip() for line in wrapped_lines(text, font, box)]
        greedy_orphans += len(greedy) > 1 and " " not in greedy[-1]
        assert len(lines) == len(greedy), (width, lines)  # balancing never costs a line
        if len(lines) > 1:
            assert " " in lines[-1] or "\u00a0" in lines[-1], (width, lines)
        assert la.audit(window, must_fit=False) == []
    if " " in text:
        assert greedy_orphans  # the sweep did meet widths where plain wrapping leaves one word


@pytest.mark.parametrize("text_scale", [1.25, 1.5])
def test_the_countdown_never_ends_a_line_on_a_single_word(
    qtbot: QtBot, make_window: MakeWindow, text_scale: float
) -> None:
    """Both languages at once on the idle countdown, on screens from a narrow portrait panel to
    full HD: English lines end on two words at least, Chinese lines break where a reader expects."""
    greedy_orphans = 0
    for width in range(720, 1921, 60):
        window = make_window(size=(width, 1080))
        window.session.set_preferences(Preferences(text_scale=text_scale))
        floor = ShowFloor(window.session, window, Settings(), lambda _s: None, lambda: None, idle_ms=10**9)
        try:
            floor.countdown.open()
            qtbot.waitUntil(floor.countdown.isVisible)
            labels = [label for label in floor.countdown.findChildren(TextLabel) if label.wordWrap()]
            assert len(labels) == 4  # a title and a line in each language
            for label in labels:
                lines = [line.strip() for line in _shown_lines(label)]
                assert la.line_break_problems(lines) == [], lines
                if any(_cjk(char) for char in label.text()):
                    continue
                greedy = wrapped_lines(label.text(), label.font(), label.contentsRect().width())
                greedy_orphans += len(greedy) > 1 and " " not in greedy[-1].strip()
                if len(lines) > 1:
                    assert " " in lines[-1] or "\u00a0" in lines[-1], (width, lines)
        finally:
            floor.close()
            window.close()
    assert greedy_orphans  # widths where plain wrapping would leave one word were met


def _cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


GERMAN = "Das neue Forschungsinfrastrukturförderprogramm beginnt im Eingangsgebäude"


@pytest.mark.parametrize("kind", ["label", "paragraph"])
def test_a_german_word_wider_than_its_line_breaks_at_a_syllable_with_a_hyphen(
    qtbot: QtBot, kind: str
) -> None:
    language = LanguageState(("de", "en"), "de")
    widget: QWidget
    if kind == "label":
        widget = TextLabel(language, lambda lang: GERMAN, "h2")
        widget.setFont(THEME.font("h2"))
        font = THEME.font("h2")
    else:
        widget = Paragraph(language, lambda lang: GERMAN, THEME, "body")
        font = THEME.font("body")
    window = _window(qtbot, widget)
    metrics = QFontMetricsF(font)
    longest = metrics.horizontalAdvance("Forschungsinfrastrukturförderprogramm")
    hyphenated_widths = 0
    for width in range(240, int(longest) + 120, 37):
        _at_width(window, width)
        lines = [line.strip() for line in _shown_lines(widget) if line.strip()]
        # Every letter is shown once, in order; a hyphen only at a line's end.
        assert "".join(line.removesuffix("-") for line in lines).replace(" ", "") == GERMAN.replace(" ", "")
        assert not any("-" in line.removesuffix("-") for line in lines), lines
        assert la.audit(window, must_fit=False) == [], (width, lines)
        if width < longest:
            # The compound is wider than the line: it breaks with a hyphen, no piece a lone letter.
            broken = [line for line in lines if line.endswith("-")]
            assert broken, (width, lines)
            assert all(len(line.split(" ")[-1]) >= 3 for line in broken), lines
            hyphenated_widths += 1
        else:
            # A word that fits its line stays whole.
            assert not any(line.endswith("-") for line in lines), (width, lines)
    assert hyphenated_widths
