"""2,000 seeded random real-input events at the kiosk in kiosk mode on Xvfb 1920x1080:
afterwards it still runs, alone on the screen (no second window, menu or tooltip), and its
log has no traceback and no error. bench/monkey_x11.py runs the same for 100,000 events.
"""

from __future__ import annotations

import contextlib
import re

from x11_monkey import monkey
from xserver import KioskRun, LaunchKiosk, XServer

EVENTS = 2_000
SEED = 20251207
BAD_LOG_LINE = re.compile(r"Traceback|ERROR")


def alone(run: KioskRun) -> str | None:
    """None when the kiosk runs with exactly one mapped window and nothing else is mapped;
    else what is wrong. Override-redirect windows (menus, tooltips, popups) count too."""
    if not run.alive():
        return f"the kiosk exited with {run.process.returncode}"
    mapped = run.x.mapped_windows()
    own = [window for window in mapped if window.pid == run.pid]
    if len(own) != 1 or len(mapped) != 1:
        return "expected exactly one mapped window, the kiosk's:\n" + run.describe()
    return None


def test_monkey_leaves_the_kiosk_running_alone(kiosk: LaunchKiosk, xvfb: XServer) -> None:
    run = kiosk(server=xvfb)
    window = run.window()
    problems: list[str] = []
    pictures: set[bytes] = set()

    def check(done: int) -> None:
        problem = alone(run)
        if problem is not None and len(problems) < 5:
            problems.append(f"after {done} events: {problem}")
            run.save(f"problem-{done}")
        screen = run.screenshot()
        pictures.add(screen[::40, ::40].tobytes())
        if done % 500 == 0:
            run.save(f"during-{done}", screen)

    counts = monkey(run.x, EVENTS, SEED, check)
    # The kiosk may still be working through the last events; a settled screen says it is
    # done (a growing counter on a figures page never settles: then stop waiting).
    with contextlib.suppress(TimeoutError):
        run.settle(quiet_s=0.5, timeout=5)
    run.save("after-monkey")
    assert all(counts.values()), f"every kind of event was sent: {counts}"
    # Input that reached nothing would leave the home screen as it was all along.
    assert len(pictures) >= 10, f"only {len(pictures)} different screens during the monkey"
    assert problems == [], "\n".join(problems)
    assert alone(run) is None, alone(run)
    final = run.window()
    assert final.id == window.id, "the kiosk's window was replaced"
    assert (final.x, final.y, final.width, final.height) == (0, 0, 1920, 1080), run.describe()
    bad = [line for line in run.log().splitlines() if BAD_LOG_LINE.search(line)]
    assert bad == [], "the kiosk logged:\n" + "\n".join(bad[:20]) + f"\nfull log: {run.kiosk.stderr_path}"
