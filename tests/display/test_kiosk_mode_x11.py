"""The kiosk in kiosk mode (the default: full-screen, lockdown on) on a real X server: the
escape keys lead nowhere, and a real tap on the navigation bar's language button works.

A tap on the language button also serves as a barrier after a key: the screen changes only
once the kiosk has handled everything sent before it, so a key that closed a window or quit
would be seen.
"""

from __future__ import annotations

import signal
import sqlite3

import pytest
from xserver import (
    KIOSK_BACKGROUND,
    Image,
    KioskRun,
    LaunchKiosk,
    MakeXvfb,
    XServer,
    changed_fraction,
    colour_fraction,
    is_black,
    wait_until,
)

WIDTH, HEIGHT = 1920, 1080
# From assets/screenshots/home_*_1920x1080.png: the language button is at the right end of
# the navigation bar along the bottom edge; the gap between the home page's paragraph and its
# vision tiles holds nothing that reacts to a tap.
LANGUAGE_BUTTON = (1787, 1026)
QUIET_SPOT = (527, 560)


def full_screen(run: KioskRun) -> None:
    window = run.window()
    assert (window.x, window.y, window.width, window.height) == (0, 0, WIDTH, HEIGHT), run.describe()


def take_focus(run: KioskRun) -> None:
    """Keys reach the kiosk only with the focus; with no window manager, a visitor's first
    touch is what gives it."""
    window = run.window()
    focus = run.focus()
    if focus is None or focus.id != window.id:
        run.x.tap(*QUIET_SPOT)
    wait_until(lambda: (f := run.focus()) is not None and f.id == window.id, 3, "the kiosk to have focus")


def switch_language(run: KioskRun, before: Image) -> Image:
    """Tap the language button; return the settled screen once it differs from `before`."""
    run.x.tap(*LANGUAGE_BUTTON)
    wait_until(
        lambda: changed_fraction(before, run.screenshot()) > 0.02, 5, "the screen to change after a tap"
    )
    return run.settle()


@pytest.mark.parametrize("key", ["alt+F4", "ctrl+w", "ctrl+q", "Escape", "F11"])
def test_escape_key_leaves_the_kiosk_in_place(kiosk: LaunchKiosk, xvfb: XServer, key: str) -> None:
    run = kiosk(server=xvfb)
    full_screen(run)
    window = run.window()
    take_focus(run)
    before = run.settle()
    run.x.key(key)
    after = switch_language(run, before)  # the kiosk handled the key and is still answering
    run.save(f"after-{key}", after)
    assert run.alive(), f"the kiosk exited after {key}:\n{run.log()}"
    assert [w.id for w in run.x.mapped_windows()] == [window.id], f"after {key}:\n{run.describe()}"
    full_screen(run)


def test_tap_on_the_language_button_switches_the_screen(kiosk: LaunchKiosk, xvfb: XServer) -> None:
    run = kiosk(server=xvfb)
    first = run.settle()
    run.save("first", first)
    switched = switch_language(run, first)
    run.save("switched", switched)
    assert changed_fraction(first, switched) > 0.05
    # The title (the page's largest text) is among what changed.
    assert changed_fraction(first[120:280, 60:1500], switched[120:280, 60:1500]) > 0.02
    back = switch_language(run, switched)
    run.save("back", back)
    assert changed_fraction(first, back) < 0.01, "a second tap did not bring the first language back"
    assert [w.id for w in run.x.mapped_windows()] == [run.window().id], run.describe()


def test_portrait_screen_is_filled(make_xvfb: MakeXvfb, kiosk: LaunchKiosk) -> None:
    """On a portrait screen (its own server, 1080x1920) the kiosk fills it, edge to edge."""
    run = kiosk(server=make_xvfb(1080, 1920))
    window = run.window()
    assert (window.x, window.y, window.width, window.height) == (0, 0, 1080, 1920), run.describe()
    screen = run.settle()
    run.save("portrait", screen)
    assert colour_fraction(screen, KIOSK_BACKGROUND) > 0.3, "the kiosk's background is not what shows"
    rows_painted = [not is_black(screen[y : y + 40]) for y in range(0, 1920, 40)]
    assert all(rows_painted), "a band of the screen stayed black"


def test_sigterm_ends_the_visit_and_the_kiosk_cleanly(kiosk: LaunchKiosk, xvfb: XServer) -> None:
    """systemd stops the kiosk with SIGTERM: it exits 0 at once, and the visit under way is
    closed in the analytics with its end time (the last visit of the day is not lost)."""
    run = kiosk(server=xvfb)
    before = run.settle()
    run.x.tap(*LANGUAGE_BUTTON)  # a visitor's first touch starts a visit
    wait_until(lambda: changed_fraction(before, run.screenshot()) > 0.01, 5, "the language to switch")
    database = run.folder / "home" / "data" / "zgc-kiosk" / "visits.sqlite3"
    wait_until(database.exists, 5, "the visit log")
    assert run.stop() == 0, run.log()
    assert "kiosk stopped" in run.log()
    with sqlite3.connect(database) as connection:
        visits = connection.execute("SELECT started, ended, language FROM visits").fetchall()
    assert len(visits) == 1, visits
    started, ended, _language = visits[0]
    assert ended is not None, "the visit was left open"
    assert ended >= started


def test_ctrl_c_ends_a_windowed_kiosk(kiosk: LaunchKiosk, xvfb: XServer) -> None:
    """Ctrl+C in the terminal that started `kiosk --windowed` (SIGINT): the window goes and the
    kiosk exits 0, as after SIGTERM."""
    run = kiosk("--windowed", "--size", "1280x800", server=xvfb)
    assert (run.window().width, run.window().height) == (1280, 800), run.describe()
    run.process.send_signal(signal.SIGINT)
    assert run.process.wait(timeout=15) == 0, run.log()
    wait_until(lambda: not run.x.mapped_windows(), 5, "the window to go")
    assert "stopping on signal 2" in run.log()
    assert "Traceback" not in run.log()
