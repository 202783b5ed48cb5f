"""The layout checker on a second exhibition (tests/other_park: English, German and Arabic;
long German compounds, long paragraphs and quotes): every screen at every size, text scale and
contrast, as `kiosk check-layout --data tests/other_park/content.json` walks them. One case a
size, so that two test workers share the matrix. The default run checks each size at the
design's text size and at the largest text in high contrast (the extremes); the scales between
(x1 in high contrast, x1.25, x1.5) run with the slow tests (`pytest -m slow`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app.layout_check import SIZES, Combination, Failure, check_combination, collapsed
from kiosk.content import LoadedContent, load_content

OTHER_PARK = Path(__file__).resolve().parent.parent / "other_park" / "content.json"
# The extremes, in the default run; the rest of the matrix (`layout_check.matrix`) with -m slow.
# (text scale, high contrast)
EXTREMES = ((1.0, False), (1.5, True))
BETWEEN = ((1.0, True), (1.25, False), (1.5, False))


@pytest.fixture(scope="module")
def other_park() -> LoadedContent:
    return load_content(OTHER_PARK)


def _cases() -> list[object]:
    cases: list[object] = []
    for size in SIZES:
        name = f"{size[0]}x{size[1]}"
        cases.append(pytest.param(size, EXTREMES, id=f"{name}-x1,x1.5hc"))
        cases.append(pytest.param(size, BETWEEN, id=f"{name}-x1hc,x1.25,x1.5", marks=pytest.mark.slow))
    return cases


@pytest.mark.parametrize(("size", "scales"), _cases())
def test_every_screen_of_the_other_park(
    qapp: QApplication,
    other_park: LoadedContent,
    size: tuple[int, int],
    scales: tuple[tuple[float, bool], ...],
) -> None:
    failures: list[Failure] = []
    for text_scale, high_contrast in scales:
        failures += check_combination(other_park, Combination(size, text_scale, high_contrast))
    report = "\n".join(failure.line(screen) for failure, screen in collapsed(failures))
    assert not failures, f"{len(failures)} problems:\n{report}"
