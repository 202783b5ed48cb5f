"""`kiosk slideshow` on a real X server: clicker keys, and where the audience and presenter
windows end up on one screen and on a laptop with a projector.

Input is real XTEST input; what is checked is the screen's pixels and the X windows'
geometry and stacking order, as the audience and the presenter would see them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from xserver import (
    LAPTOP,
    PRESENTER_TITLE,
    PROJECTOR,
    KioskRun,
    LaunchKiosk,
    MakeXvfb,
    Monitor,
    Window,
    XServer,
    changed_fraction,
    changed_within,
    is_black,
    visible_mask,
    wait_until,
)

ADVANCE_TIMEOUT_S = 5.0


@pytest.fixture
def slides_content(write_content: Callable[[object], Path], content_dict: dict[str, object]) -> Path:
    """The bundled content with every slide's own time at the maximum (600 s): a slide that
    changes during a test was moved by a key, never by auto-advance. (`--interval` alone is not
    enough: the playlist's own times win over it.)"""
    data = copy.deepcopy(content_dict)
    show = data["slideshow"]
    assert isinstance(show, dict)
    show["interval_s"] = 600
    for slide in show["slides"]:
        slide["duration_s"] = 600
    return write_content(data)


def start_slideshow(kiosk: LaunchKiosk, server: XServer, content: Path, windows: int = 1) -> KioskRun:
    """One screen: the slides alone; two: the slides and the presenter view. Returns once the
    audience window shows its first slide (on a busy machine a window is mapped well before
    its first picture)."""
    run = kiosk("slideshow", "--interval", "600", "--data", str(content), server=server, windows=windows)

    def shows_a_slide() -> bool:
        audience = audience_window(run)
        picture = run.screenshot((audience.x, audience.y, audience.width, audience.height)).astype(int)
        return int((picture.max(axis=(0, 1)) - picture.min(axis=(0, 1))).max()) > 60

    wait_until(shows_a_slide, 20, "the first slide on the audience screen")
    return run


def audience_window(run: KioskRun) -> Window:
    return run.window(not_title=PRESENTER_TITLE)


def focus_the_show(run: KioskRun, audience: Window) -> None:
    """What a presenter does when the keys go nowhere: click once on the audience window,
    at a corner of it that is visible (a margin of the slide, not a button)."""
    focus = run.focus()
    if focus is not None and focus.pid == run.pid:
        return
    mask = visible_mask(run.x.mapped_windows(), audience, run.x.width, run.x.height)
    corners = [
        (audience.x + 8, audience.y + audience.height - 8),
        (audience.x + audience.width - 8, audience.y + audience.height - 8),
        (audience.x + audience.width - 8, audience.y + 8),
    ]
    spot = next(((x, y) for x, y in corners if mask[y, x]), None)
    assert spot is not None, f"no corner of the audience window is visible to click\n{run.describe()}"
    run.x.tap(*spot)
    wait_until(lambda: (f := run.focus()) is not None and f.pid == run.pid, 3, "focus after a click")


def press_and_watch_audience(run: KioskRun, key: str, click_to_focus: bool = True) -> float:
    """Press `key`; return how much of the visible audience picture changed (0..1). Without
    `click_to_focus` the key goes wherever the X server sends it, as a clicker's does."""
    audience = audience_window(run)
    if click_to_focus:
        focus_the_show(run, audience)
    mask = visible_mask(run.x.mapped_windows(), audience, run.x.width, run.x.height)
    assert mask.mean() > 0.1, f"too little of the audience window is visible to compare\n{run.describe()}"
    # The audience's screen is what must be still (the presenter's clock may be ticking).
    run.settle((audience.x, audience.y, audience.width, audience.height))
    before = run.screenshot()
    run.save(f"before-{key}", before)
    run.x.key(key)
    changed = 0.0

    def advanced() -> bool:
        nonlocal changed
        changed = changed_within(before, run.screenshot(), mask)
        return changed > 0.05

    try:
        wait_until(advanced, ADVANCE_TIMEOUT_S, f"the audience picture to change after {key}")
    except TimeoutError:
        pass
    finally:
        run.save(f"after-{key}")
    return changed


def test_n_key_advances_the_slide(kiosk: LaunchKiosk, xvfb: XServer, slides_content: Path) -> None:
    # The control for the clicker tests: the same comparison sees a slide change.
    run = start_slideshow(kiosk, xvfb, slides_content)
    changed = press_and_watch_audience(run, "n")
    assert changed > 0.05, f"N did not change the audience picture; see {run.folder}"


@pytest.mark.parametrize("key", ["Next", "Right"])
def test_clicker_key_advances_the_slide(
    kiosk: LaunchKiosk, xvfb: XServer, slides_content: Path, key: str
) -> None:
    """A clicker's PageDown (X's `Next`) or Right moves the audience to the next slide."""
    run = start_slideshow(kiosk, xvfb, slides_content)
    changed = press_and_watch_audience(run, key)
    focus = run.focus()
    assert changed > 0.05, (
        f"{key} left the audience picture as it was ({changed:.1%} changed) with the focus on "
        f"{focus.describe() if focus else 'no window'}; see {run.folder}"
    )


def test_one_screen_the_audience_window_is_on_top(
    kiosk: LaunchKiosk, xvfb: XServer, slides_content: Path
) -> None:
    """With one screen the slide fills it: the presenter view does not cover the audience."""
    run = start_slideshow(kiosk, xvfb, slides_content)
    audience = audience_window(run)
    screen = run.settle()
    run.save("screen", screen)
    assert (audience.x, audience.y, audience.width, audience.height) == (0, 0, 1920, 1080), run.describe()
    top = run.x.topmost_at(960, 540)
    assert top is not None, run.describe()
    assert top.id == audience.id, f"on top at the centre of the screen: {top.describe()}\n{run.describe()}"
    mask = visible_mask(run.x.mapped_windows(), audience, run.x.width, run.x.height)
    assert mask.mean() >= 0.9, f"the slide shows on {mask.mean():.0%} of the screen\n{run.describe()}"
    assert not is_black(screen[mask]), "the slide's part of the screen is black"


def test_two_screens_presenter_on_the_laptop_audience_on_the_projector(
    two_screens: XServer, kiosk: LaunchKiosk, slides_content: Path
) -> None:
    """Laptop (primary) and projector: the presenter view on the laptop, the slides on the
    projector, each filling its screen."""
    run = start_slideshow(kiosk, two_screens, slides_content, windows=2)
    run.save("screens", run.settle())
    presenter = run.window(title=PRESENTER_TITLE)
    audience = audience_window(run)

    def rect(window: Window) -> tuple[int, int, int, int]:
        return window.x, window.y, window.width, window.height

    assert rect(presenter) == (LAPTOP.x, LAPTOP.y, LAPTOP.width, LAPTOP.height), (
        f"presenter view at {rect(presenter)}, not on the laptop (primary) screen\n{run.describe()}"
    )
    assert rect(audience) == (PROJECTOR.x, PROJECTOR.y, PROJECTOR.width, PROJECTOR.height), (
        f"audience window at {rect(audience)}, not on the projector\n{run.describe()}"
    )


def test_quick_clicks_leave_the_presenter_preview_on_the_projected_slide(
    two_screens: XServer, kiosk: LaunchKiosk, slides_content: Path
) -> None:
    """Two clicks in quick succession: the presenter's "current" preview shows the slide the
    room sees (the vision's colour band in the preview is the projector's), never the one after."""
    run = start_slideshow(kiosk, two_screens, slides_content, windows=2)
    run.settle()
    run.x.key("Next")
    run.x.key("Next")  # the second arrives while the presenter view draws the first's previews
    # The talk's clock now ticks every second in the presenter's status row at the bottom: what
    # must be still is the projector and the previews above it.
    run.settle(PROJECTOR.rect)
    run.settle((LAPTOP.x, LAPTOP.y, LAPTOP.width, LAPTOP.height * 3 // 5))
    screen = run.screenshot()
    run.save("after-two-clicks", screen)
    # The hero band of a vision page: near the top, a third across (the projector's slide, and
    # the current-slide preview at the top left of the laptop's presenter view).
    projected = screen[PROJECTOR.y + 150, PROJECTOR.x + 1000].astype(int)
    preview = screen[LAPTOP.y + 150, LAPTOP.x + 600].astype(int)
    assert abs(projected - preview).max() < 40, (
        f"the current-slide preview {tuple(preview)} is not the projected slide {tuple(projected)}"
        f"\n{run.describe()}"
    )


def test_a_click_on_the_projector_changes_nothing_and_the_clicker_still_works(
    two_screens: XServer, kiosk: LaunchKiosk, slides_content: Path
) -> None:
    """The projected slide takes no clicks: a tap on a tile of the projected home page opens
    nothing; the clicker's next key still moves the show."""
    run = start_slideshow(kiosk, two_screens, slides_content, windows=2)
    before = run.settle()
    run.x.tap(PROJECTOR.x + 500, PROJECTOR.y + 900)  # where home's tiles and entries are
    after = run.settle()
    projector = (
        slice(PROJECTOR.y, PROJECTOR.y + PROJECTOR.height),
        slice(PROJECTOR.x, PROJECTOR.x + PROJECTOR.width),
    )
    assert changed_fraction(before[projector], after[projector]) < 0.01, "a tap changed the projected slide"
    changed = press_and_watch_audience(run, "Next")
    assert changed > 0.05, (
        f"Next after a tap on the projector left the slide ({changed:.1%}); see {run.folder}"
    )


def test_the_projector_never_shows_the_presenter_view(
    two_screens: XServer, kiosk: LaunchKiosk, slides_content: Path
) -> None:
    """Blanked, the projector is black to its last pixel; after A (auto-advance) it shows a
    slide, never a pixel of the notes or the buttons."""
    run = start_slideshow(kiosk, two_screens, slides_content, windows=2)
    run.settle()
    run.x.key("b")
    screen = run.settle()
    projector = screen[
        PROJECTOR.y : PROJECTOR.y + PROJECTOR.height, PROJECTOR.x : PROJECTOR.x + PROJECTOR.width
    ]
    run.save("blanked", screen)
    assert int(projector.max()) == 0, "something shows on the projector while it is blank"
    run.x.key("b")
    run.x.key("a")
    run.settle()
    presenter = run.window(title=PRESENTER_TITLE)
    assert presenter.x + presenter.width <= PROJECTOR.x, (
        f"the presenter view reaches the projector: {run.describe()}"
    )


def test_rehearsal_on_one_small_screen_fits_it(
    kiosk: LaunchKiosk,
    make_xvfb: MakeXvfb,
    write_content: Callable[[object], Path],
    content_dict: dict[str, object],
) -> None:
    """One 1366x768 laptop, a slide with 150 words of notes: S shows the presenter view
    (rehearsal) inside the screen, never larger; S again brings the slides back on top."""
    data = copy.deepcopy(content_dict)
    show = data["slideshow"]
    assert isinstance(show, dict)
    words = " ".join(["Remind the room of the figures and the parks"] * 17)  # 153 words
    show["slides"][0]["notes"] = {"zh": "讲稿" * 150, "en": words}
    for slide in show["slides"]:
        slide["duration_s"] = 600
    server = make_xvfb(1366, 768)
    run = kiosk("slideshow", "--data", str(write_content(data)), "--lang", "en", server=server)
    run.settle()
    run.x.key("s")
    wait_until(lambda: any(w.name == PRESENTER_TITLE for w in run.windows()), 5, "the rehearsal view")
    run.save("rehearsal", run.settle())
    presenter = run.window(title=PRESENTER_TITLE)
    assert (presenter.x, presenter.y, presenter.width, presenter.height) == (0, 0, 1366, 768), run.describe()
    top = run.x.topmost_at(683, 384)
    assert top is not None
    assert top.id == presenter.id, run.describe()
    run.x.key("s")
    wait_until(
        lambda: (t := run.x.topmost_at(683, 384)) is not None and t.name != PRESENTER_TITLE,
        5,
        "the slides again",
    )


def test_the_clicker_keeps_working_after_f_and_when_the_projector_comes_and_goes(
    two_screens: XServer, kiosk: LaunchKiosk, slides_content: Path
) -> None:
    """Nobody clicks anywhere: after F (the slides leave full screen and come back), with the
    projector unplugged (the slides move to the laptop) and plugged in again (the presenter
    view back on the laptop), the clicker's next key moves the show every time."""
    run = start_slideshow(kiosk, two_screens, slides_content, windows=2)
    run.settle()

    def clicker_moves_the_show(when: str) -> None:
        changed = press_and_watch_audience(run, "Next", click_to_focus=False)
        assert changed > 0.05, (
            f"{when}: Next left the slide ({changed:.1%}); see {run.folder}\n{run.describe()}"
        )

    def placed(audience_on: Monitor, presenter_on: Monitor | None) -> bool:
        windows = run.windows()
        want = 1 if presenter_on is None else 2
        if len(windows) != want:
            return False
        audience = audience_window(run)
        if (audience.x, audience.y, audience.width, audience.height) != audience_on.rect:
            return False
        if presenter_on is None:
            return True
        presenter = run.window(title=PRESENTER_TITLE)
        return (presenter.x, presenter.y, presenter.width, presenter.height) == presenter_on.rect

    run.x.key("f")
    run.settle()
    clicker_moves_the_show("after F")
    run.x.key("f")
    wait_until(lambda: placed(PROJECTOR, LAPTOP), 5, "the slides full-screen again after F twice")
    two_screens.unplug(PROJECTOR)
    wait_until(lambda: placed(LAPTOP, None), 10, "the slides alone on the laptop once unplugged")
    run.save("unplugged", run.settle())
    clicker_moves_the_show("with the projector unplugged")
    two_screens.plug(PROJECTOR)
    wait_until(lambda: placed(PROJECTOR, LAPTOP), 10, "slides on the projector, presenter on the laptop")
    # The presenter's clock ticks every second on the laptop: the projector is what must be still.
    run.save("plugged-again", run.settle(PROJECTOR.rect))
    clicker_moves_the_show("with the projector plugged in again")


def test_the_overview_opens_on_the_laptop_and_sends_the_chosen_slide_to_the_projector(
    two_screens: XServer, kiosk: LaunchKiosk, slides_content: Path
) -> None:
    """G shows every slide on the presenter's screen while the room keeps its slide; the
    arrows and Enter send the chosen one to the projector."""
    run = start_slideshow(kiosk, two_screens, slides_content, windows=2)
    before = run.settle()
    laptop = (slice(LAPTOP.y, LAPTOP.y + LAPTOP.height), slice(LAPTOP.x, LAPTOP.x + LAPTOP.width))
    projector = (
        slice(PROJECTOR.y, PROJECTOR.y + PROJECTOR.height),
        slice(PROJECTOR.x, PROJECTOR.x + PROJECTOR.width),
    )
    run.x.key("g")
    overview = run.settle()
    run.save("overview", overview)
    assert changed_fraction(before[laptop], overview[laptop]) > 0.2, "G showed no overview on the laptop"
    assert changed_fraction(before[projector], overview[projector]) < 0.01, "the room saw the overview"
    for key in ("Right", "Right", "Return"):
        run.x.key(key)
    wait_until(
        lambda: changed_fraction(overview[projector], run.screenshot()[projector]) > 0.05,
        10,
        "the chosen slide on the projector",
    )
    run.settle(PROJECTOR.rect)  # the talk's clock may tick on the laptop from here on
    run.settle((LAPTOP.x, LAPTOP.y, LAPTOP.width, LAPTOP.height * 3 // 5))
    chosen = run.screenshot()
    run.save("chosen", chosen)
    assert changed_fraction(overview[projector], chosen[projector]) > 0.05, "Enter sent no slide to the room"
    assert changed_fraction(overview[laptop], chosen[laptop]) > 0.1, "the overview stayed on the laptop"
