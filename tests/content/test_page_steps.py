"""A page's steps from the content and what one screen holds (pure Python, no Qt)."""

from __future__ import annotations

from kiosk.content import LoadedContent
from kiosk.content.pages import FIGURES_PER_STEP, PageRef, StepRoom, figure_steps, page_order, page_steps


def _ref(loaded: LoadedContent, page_id: str) -> PageRef:
    return next(ref for ref in page_order(loaded.content) if ref.id == page_id)


def test_the_voices_take_a_step_for_their_speakers_only_where_the_screen_asks(bundled: LoadedContent) -> None:
    voices = _ref(bundled, "voices")
    count = len(bundled.content.voices)
    assert page_steps(bundled.content, voices) == count
    assert page_steps(bundled.content, voices, StepRoom(speakers_step=True)) == count + 1


def test_a_group_in_fewer_figures_per_screen_keeps_its_headline_on_each(bundled: LoadedContent) -> None:
    group = next(g for g in bundled.content.figure_groups if g.id == "global-reach")
    assert figure_steps(group, FIGURES_PER_STEP) == [group.figures]
    steps = figure_steps(group, 2)
    assert [step[0] for step in steps] == [group.figures[0]] * len(steps)
    assert [f for step in steps for f in step[1:]] == list(group.figures[1:])  # each once, in order
    assert max(len(step) - 1 for step in steps) <= 2
    ref = _ref(bundled, "figures/global-reach")
    assert page_steps(bundled.content, ref, StepRoom(figures_per_step=2)) == len(steps)
    # A chart's group is one screen, however little room.
    bars = next(g for g in bundled.content.figure_groups if g.chart == "bars")
    assert figure_steps(bars, 1) == [bars.figures]
