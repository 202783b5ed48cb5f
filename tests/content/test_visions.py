"""Which vision each item belongs to: declared in the content, as the vision pages group the
report's facts, and never guessed where the report ties an item to no one vision."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import LoadedContent, load_content

OTHER_PARK = Path(__file__).parent.parent / "other_park" / "content.json"


def _listing(loaded: LoadedContent, figure_ids: tuple[str, ...]) -> set[str]:
    """The visions of `figure_ids` that are the key figures of one vision only."""
    visions = loaded.content.visions
    return {
        v.id
        for figure_id in figure_ids
        for v in visions
        if figure_id in v.figures and sum(figure_id in w.figures for w in visions) == 1
    }


@pytest.mark.parametrize("which", ["bundled", "other park"])
def test_a_group_declares_the_one_vision_that_lists_its_figures(bundled: LoadedContent, which: str) -> None:
    """A group whose figures belong to one vision (a figure two visions list decides nothing) is
    that vision's; a group of no vision's figures, or of several visions' (platforms:
    Innovative and Smart), is neutral."""
    loaded = bundled if which == "bundled" else load_content(OTHER_PARK)
    for group in loaded.content.figure_groups:
        listing = _listing(loaded, group.figures)
        assert group.vision == (listing.pop() if len(listing) == 1 else None), group.id


def test_the_bundled_items_and_their_visions(bundled: LoadedContent) -> None:
    content = bundled.content
    vision_of = {
        **{f"group {g.id}": content.vision_of(g) for g in content.figure_groups},
        **{f"tour {t.id}": content.vision_of(t) for t in content.tours},
        **{f"voice {v.id}": content.vision_of(v) for v in content.voices},
    }
    ids = {item: vision.id if vision else None for item, vision in vision_of.items()}
    assert ids["group hydrogen"] == ids["tour daxing"] == ids["voice larsson"] == "green"
    assert ids["group global-reach"] == "open"
    assert ids["group patents"] == ids["group innovation"] == "innovative"
    assert ids["tour yizhuang"] == ids["voice jawad"] == "smart"
    for neutral in ("group companies", "group new-companies", "group funding", "voice tom-bentley"):
        assert ids[neutral] is None
    assert content.colour_of(content.figure_groups[0]) == content.visions[0].color
    assert content.colour_of(content.voice("ebba-lund")) is None


def test_a_figure_takes_its_one_vision_or_that_of_the_groups_showing_it(bundled: LoadedContent) -> None:
    content = bundled.content
    vision_of = content.vision_of
    assert (vision_of(content.figure("truck-range")) or content.visions[0]).id == "green"
    # Foreign employees are key figures of People-centred and of Open; the group showing them is Open's.
    assert (vision_of(content.figure("foreign-employees")) or content.visions[0]).id == "open"
    assert vision_of(content.figure("new-companies-per-day")) is None


def test_a_tour_of_no_vision_keeps_its_own_colour() -> None:
    loaded = load_content(OTHER_PARK)
    tour = loaded.content.tours[0]
    assert tour.vision is None
    assert loaded.content.colour_of(tour) == tour.color
