"""The attract loop as a visitor sees it from across the hall: full-screen, two languages side
by side, each figure's number in the colour of its vision, calm when motion is reduced."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import LoadedContent, load_content
from kiosk.showfloor.overlays.attract import AttractLoop, slide_languages
from kiosk.system.image_check import check_image
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.text import Paragraph

MakeWindow = Callable[..., MainWindow]
OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"
# Where the report's vision pages list these figures (data/content.json), and the vision's colour.
VISION_OF = {
    "rd-investment": "#4C8DFF",  # Innovative
    "daxing-companies": "#2FC487",  # Green (the hydrogen group)
    "benchmark-platforms": "#9B87FF",  # Smart
    "overseas-rd-centres": "#22C7E6",  # Open
    "international-guests": "#FF9A4D",  # People-centred
}


@pytest.fixture(scope="module")
def other_park() -> LoadedContent:
    return load_content(OTHER_PARK, check_image)


@pytest.fixture
def make_loop(make_window: MakeWindow) -> Iterator[Callable[..., AttractLoop]]:
    loops: list[AttractLoop] = []

    def make(size: tuple[int, int] = (1920, 1080), **window_options: object) -> AttractLoop:
        window = make_window(size=size, reduced_motion=True, **window_options)
        session = window.session
        assert session.loaded is not None
        loop = AttractLoop(window, session.loaded, session.language, session.theme, slide_ms=10**6)
        loops.append(loop)
        loop.start()
        return loop

    yield make
    for loop in loops:
        loop.stop()


def _go_to(loop: AttractLoop, kind: str, item_id: str | None = None) -> None:
    for _ in loop.slides:
        slide_kind, item = loop.slides[loop.index]
        if slide_kind == kind and (item_id is None or getattr(item, "id", None) == item_id):
            return
        loop.next_slide()
    raise AssertionError(f"no {kind} slide {item_id or ''}")


def _shown_texts(loop: AttractLoop) -> list[tuple[str, QRect]]:
    """Every text on screen with where it stands: labels, paragraphs and the big numbers."""
    shown: list[tuple[str, QRect]] = []
    for widget in loop.findChildren(QWidget):
        if not widget.isVisible():
            continue
        text = ""
        if isinstance(widget, QLabel | Paragraph):
            text = widget.text()
        elif type(widget).__name__ == "BigNumber":
            text = widget.text()  # type: ignore[attr-defined]
        if text:
            shown.append((text, QRect(widget.mapTo(loop, widget.rect().topLeft()), widget.size())))
    return shown


def _vision_colour_counts(image: QImage, colours: list[str]) -> Counter[str]:
    """How many pixels (every 3rd in each direction) are each colour, within a small tolerance."""
    targets = {name: QColor(name) for name in colours}
    counts: Counter[str] = Counter()
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            pixel = image.pixelColor(x, y)
            for name, target in targets.items():
                if (
                    abs(pixel.red() - target.red()) < 12
                    and abs(pixel.green() - target.green()) < 12
                    and abs(pixel.blue() - target.blue()) < 12
                ):
                    counts[name] += 1
    return counts


def test_each_figure_number_wears_its_vision_colour(
    qtbot: QtBot, make_loop: Callable[..., AttractLoop]
) -> None:
    loop = make_loop(size=(960, 540))  # a small screen: fewer pixels to count
    colours = sorted({vision.color for vision in loop.loaded.content.visions})
    dominant: dict[str, str] = {}
    for figure_id, expected in VISION_OF.items():
        if not any(kind == "figure" and item.id == figure_id for kind, item in loop.slides):  # type: ignore[attr-defined]
            continue
        _go_to(loop, "figure", figure_id)
        counts = _vision_colour_counts(loop.grab().toImage(), colours)
        assert counts, f"{figure_id}: no vision colour on screen"
        dominant[figure_id] = counts.most_common(1)[0][0]
        assert dominant[figure_id] == expected, figure_id
    assert len(set(dominant.values())) >= 3  # not one colour for all


def test_a_figure_of_no_vision_stays_in_the_text_colour(
    qtbot: QtBot, make_loop: Callable[..., AttractLoop]
) -> None:
    loop = make_loop(size=(960, 540))
    _go_to(loop, "figure", "listed-companies")  # listed on no vision's page
    colours = sorted({vision.color for vision in loop.loaded.content.visions})
    counts = _vision_colour_counts(loop.grab().toImage(), colours)
    text_colour = loop.theme.palette.text
    text = _vision_colour_counts(loop.grab().toImage(), [text_colour])
    assert sum(counts.values()) < text[text_colour] / 10


@pytest.mark.parametrize("kind", ["title", "figure", "tour", "voice"])
def test_every_slide_speaks_both_languages_at_once(
    qtbot: QtBot, make_loop: Callable[..., AttractLoop], kind: str
) -> None:
    loop = make_loop()
    _go_to(loop, kind)
    texts = [text for text, _ in _shown_texts(loop)]
    assert any(any("\u4e00" <= char <= "\u9fff" for char in text) for text in texts)
    assert any(text.isascii() and any(char.isalpha() for char in text) for text in texts)
    # The call to action too.
    assert loop.call_to_action.text() == "轻触开始 · Tap to start"


def test_a_figure_slide_names_the_figure_in_both_languages(
    qtbot: QtBot, make_loop: Callable[..., AttractLoop]
) -> None:
    loop = make_loop()
    _go_to(loop, "figure", "rd-investment")
    figure = loop.loaded.content.figure("rd-investment")
    texts = [text for text, _ in _shown_texts(loop)]
    assert figure.label["zh"] in texts
    assert figure.label["en"] in texts
    assert "4785亿元" in texts
    assert "CNY 478.5 billion" in texts


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
@pytest.mark.parametrize("kind", ["title", "figure", "voice"])
def test_the_slides_fill_the_width_of_the_screen(
    qtbot: QtBot, make_loop: Callable[..., AttractLoop], kind: str, size: tuple[int, int]
) -> None:
    loop = make_loop(size=size)
    _go_to(loop, kind)
    boxes = [box for _, box in _shown_texts(loop) if box.top() < loop.call_to_action.y()]
    left = min(box.left() for box in boxes)
    right = max(box.right() for box in boxes)
    assert right - left >= 0.75 * loop.width()
    # And nothing stands outside the screen or under the call to action.
    assert left >= 0
    assert right <= loop.width()
    assert max(box.bottom() for box in boxes) < loop.call_to_action.y()


def test_portrait_stacks_the_languages(qtbot: QtBot, make_loop: Callable[..., AttractLoop]) -> None:
    loop = make_loop(size=(1080, 1920))
    _go_to(loop, "figure", "rd-investment")
    numbers = {text: box for text, box in _shown_texts(loop) if text in ("4785亿元", "CNY 478.5 billion")}
    assert len(numbers) == 2
    assert numbers["CNY 478.5 billion"].top() > numbers["4785亿元"].bottom()


def test_three_languages_take_turns_beside_the_current_one(
    qtbot: QtBot, make_loop: Callable[..., AttractLoop], other_park: LoadedContent
) -> None:
    loop = make_loop(loaded=other_park, lang="de")
    seen: list[tuple[str, ...]] = []
    for _ in range(4):
        seen.append(loop.languages)
        loop.next_slide()
    assert all(len(pair) == 2 and pair[0] == "de" for pair in seen)
    assert {pair[1] for pair in seen} == {"en", "ar"}
    # The call to action in the slide's two languages, the Arabic one set right to left.
    assert loop.call_to_action.text() in (
        "Zum Starten tippen · Tap to start",
        "Zum Starten tippen · المس للبدء",
    )
    for label in loop.call_to_action.labels:
        assert label.isRightToLeft() == any("\u0600" <= char <= "\u06ff" for char in label.text())


def test_an_arabic_column_is_set_right_to_left_in_a_german_loop(
    qtbot: QtBot, make_loop: Callable[..., AttractLoop], other_park: LoadedContent
) -> None:
    loop = make_loop(loaded=other_park, lang="de")
    while loop.languages[1] != "ar" or loop.current_kind() != "figure":
        loop.next_slide()
    shown = _shown_texts(loop)
    arabic = [
        (text, box)
        for text, box in shown
        if any("\u0600" <= c <= "\u06ff" for c in text) and not any(c.isascii() and c.isalpha() for c in text)
    ]
    german = [(text, box) for text, box in shown if "Unternehmen" in text or "über" in text]
    assert arabic
    assert german
    # German reads first, on the left; the Arabic column stands to its right.
    assert min(box.left() for _, box in arabic) > max(box.left() for _, box in german)


def test_slide_languages() -> None:
    assert slide_languages(("zh", "en"), "zh", 0) == ("zh", "en")
    assert slide_languages(("zh", "en"), "zh", 5) == ("zh", "en")
    assert slide_languages(("zh",), "zh", 3) == ("zh",)
    assert [slide_languages(("de", "en", "ar"), "ar", turn)[1] for turn in range(3)] == ["de", "en", "de"]


def test_reduced_motion_shows_the_figure_at_once_and_keeps_the_call_still(
    qtbot: QtBot, make_loop: Callable[..., AttractLoop]
) -> None:
    loop = make_loop()
    _go_to(loop, "figure", "rd-investment")
    assert "4785亿元" in [text for text, _ in _shown_texts(loop)]  # no count-up frame
    assert loop.call_to_action.graphicsEffect().opacity() == 1.0  # type: ignore[union-attr]
