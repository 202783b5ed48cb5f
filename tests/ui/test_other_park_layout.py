"""The layout checker on a second exhibition (tests/other_park: English, German and Arabic;
long German compounds, long paragraphs and quotes): every screen at every size, text scale and
contrast, as `kiosk check-layout --data tests/other_park/content.json` walks them. One case a
size, so that two test workers share the matrix."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app.layout_check import SIZES, Failure, check_combination, collapsed, matrix
from kiosk.content import LoadedContent, load_content

OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"
ISSUE = "issue 18"
# The figures and voices pages (and a figure's detail over them) are left out: their fit on this
# content is open work of issue 18 in those pages' own modules (figures.py, voices.py).
CHECKED_ELSEWHERE = ("figures/", "figure-detail/", "voices")
# Pages that still fail here, by size: a long stop with a quote needs more height than a
# landscape panel has (tour), and a paragraph of a thousand characters does not fit a small
# landscape screen's height even in the vision page's compact form. Anything else failing is a
# regression; a page listed that passes everywhere fails the test too, to be struck off.
STILL_FAILING: dict[tuple[int, int], frozenset[str]] = {
    (1920, 1080): frozenset({"tour/rundgang"}),
    (3840, 2160): frozenset({"tour/rundgang"}),
    (1080, 1920): frozenset({"tour/rundgang"}),
    (1280, 800): frozenset({"tour/rundgang", "vision/forschung", "vision/klima", "vision/nachbarschaft"}),
    (1366, 768): frozenset({"tour/rundgang", "vision/forschung", "vision/klima", "vision/nachbarschaft"}),
}


@pytest.fixture(scope="module")
def other_park() -> LoadedContent:
    return load_content(OTHER_PARK)


def _page(screen: str) -> str:
    return screen.split("#", 1)[0]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_of_the_other_park(
    qapp: QApplication, other_park: LoadedContent, size: tuple[int, int]
) -> None:
    failures: list[Failure] = []
    for combination in matrix([size]):
        failures += check_combination(other_park, combination)
    checked = [failure for failure in failures if not failure.screen.startswith(CHECKED_ELSEWHERE)]
    known = STILL_FAILING.get(size, frozenset())
    unexpected = [failure for failure in checked if _page(failure.screen) not in known]
    report = "\n".join(failure.line(screen) for failure, screen in collapsed(unexpected))
    assert not unexpected, f"{len(unexpected)} problems:\n{report}"
    fixed = known - {_page(failure.screen) for failure in checked}
    assert not fixed, f"{ISSUE}: {sorted(fixed)} pass at {size} now: strike them off STILL_FAILING"
