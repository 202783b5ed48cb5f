"""The kiosk's pages derived from the content, in navigation order (pure Python).

A page id is "<type>" or "<type>/<key>": "home", "vision/green", "tour/daxing",
"figures/companies", "voices". Pages of one `group` are siblings: swipe and
previous / next move between them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import Content, FigureGroup, LocalText

FIGURES_PER_STEP = 4  # figures beside a group's first on one screen: what 1366x768 holds in German


@dataclass(frozen=True)
class StepRoom:
    """What one screen holds where that decides a page's steps (the screen's size and a
    visitor's text size, told by the interface): home's steps, how many figures stand
    beside a group's first on one screen, and whether the voices' speakers are a step of their
    own before the quotes (where they do not fit beside a quote)."""

    home_steps: int = 1
    figures_per_step: int = FIGURES_PER_STEP
    speakers_step: bool = False


@dataclass(frozen=True)
class PageRef:
    id: str
    type: str
    key: str = ""
    group: str = ""


def page_order(content: Content) -> tuple[PageRef, ...]:
    pages = [PageRef("home", "home")]
    pages += [PageRef(f"vision/{v.id}", "vision", v.id, "visions") for v in content.visions]
    pages += [PageRef(f"tour/{t.id}", "tour", t.id, "tours") for t in content.tours]
    pages += [PageRef(f"figures/{g.id}", "figures", g.id, "figures") for g in content.figure_groups]
    if content.voices:
        pages.append(PageRef("voices", "voices"))
    return tuple(pages)


def siblings(pages: tuple[PageRef, ...], page: PageRef) -> tuple[PageRef, ...]:
    if not page.group:
        return (page,)
    return tuple(p for p in pages if p.group == page.group)


@dataclass(frozen=True)
class SlideRef:
    """One slide of a slideshow: a page, maybe one of its steps, its time and its notes."""

    page: str
    step: int | None
    duration_s: float
    notes: LocalText | None


def figure_steps(group: FigureGroup, per_step: int = FIGURES_PER_STEP) -> list[tuple[str, ...]]:
    """A group of figures as its screens: the group's first figure heads every one, followed
    by at most `per_step` of the others (a group of any size is read screen by screen, never
    scrolled)."""
    rest = group.figures[1:]
    if group.chart != "counters" or len(rest) <= per_step:
        return [group.figures]
    # As even as the screens can be: ten figures are 1 + 5 and 1 + 4, not 1 + 6 and 1 + 3.
    steps = -(-len(rest) // per_step)
    size = -(-len(rest) // steps)
    return [(group.figures[0], *rest[start : start + size]) for start in range(0, len(rest), size)]


def page_steps(content: Content, ref: PageRef, room: StepRoom = StepRoom()) -> int:
    """How many steps a page has: a tour's stops, the voices, a large group's screens, home's
    steps, else 1. Home, a group of figures and the voices take more where the screen's size
    or a visitor's larger text leaves less `room`."""
    if ref.type == "home":
        home_steps = room.home_steps
        # The ways in (tours, figures, voices) have a step of their own from three steps on:
        # a content without any has none.
        entries = bool(content.tours or content.figure_groups or content.voices)
        return home_steps if entries or home_steps < 3 else home_steps - 1
    if ref.type == "tour":
        return len(next(t for t in content.tours if t.id == ref.key).stops)
    if ref.type == "voices":
        return len(content.voices) + (1 if room.speakers_step else 0)
    if ref.type == "figures":
        group = next(g for g in content.figure_groups if g.id == ref.key)
        return len(figure_steps(group, room.figures_per_step))
    return 1


def slide_list(content: Content, interval_s: float | None = None) -> tuple[SlideRef, ...]:
    """The slideshow's slides: the content's playlist, else every page (and every stop and
    voice) in navigation order."""
    show = content.slideshow
    default = interval_s or (show.interval_s if show else 20.0)
    if show is not None and show.slides:
        return tuple(SlideRef(s.page, s.step, s.duration_s or default, s.notes) for s in show.slides)
    slides: list[SlideRef] = []
    for ref in page_order(content):
        steps = page_steps(content, ref)
        for step in range(steps):
            slides.append(SlideRef(ref.id, step if steps > 1 else None, default, None))
    return tuple(slides)
