"""The starting window on a real X server: the second start of a kiosk puts up the home screen
its first start drew, pixel for pixel what the live window then shows, and the live window
answers a tap made while only the picture was on screen. Changed content is never shown as
its old picture."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from xserver import (
    ROOT,
    Image,
    XServer,
    XSession,
    changed_fraction,
    is_black,
    launch_kiosk,
    save_png,
    start_kiosk,
    wait_until,
)

# The language button at the right end of the navigation bar (as in test_kiosk_mode_x11).
LANGUAGE_BUTTON = (1787, 1026)
TITLE = (slice(120, 280), slice(60, 1500))  # the home page's title: its largest text


def first_start(server: XServer, folder: Path, *arguments: str) -> None:
    """A start that leaves its home screen stored for the next one (the log says when)."""
    run = launch_kiosk(server, arguments, folder)
    try:
        wait_until(lambda: "start frame stored" in run.log(), 20, "the home screen to be stored")
    finally:
        run.stop()


def frames_of_a_start(
    server: XServer, folder: Path, arguments: tuple[str, ...] = (), tap_first: bool = False
) -> tuple[list[Image], Image, str]:
    """Start the kiosk and take screenshots until it has settled: every distinct screen seen
    (the empty server's black left out), the settled one, and the log. With `tap_first`, the
    language button is tapped as soon as anything is on screen, and the screen has settled
    once the title has changed and then nothing for a second."""
    x = XSession(server.display)
    kiosk = start_kiosk(server.display, arguments, folder)
    try:
        seen: list[Image] = []

        def something_shown() -> bool:
            if not kiosk.alive():
                raise AssertionError(f"the kiosk exited:\n{kiosk.log()}")
            shot = x.screenshot()
            if is_black(shot):
                return False
            seen.append(shot)
            return True

        wait_until(something_shown, 30, "anything on screen", poll=0)
        if tap_first:
            x.tap(*LANGUAGE_BUTTON)
        quiet_since, last = time.monotonic(), seen[-1]
        deadline = time.monotonic() + 15
        while time.monotonic() - quiet_since < 1.0 or (
            tap_first and changed_fraction(seen[0][TITLE], last[TITLE]) == 0
        ):
            assert time.monotonic() < deadline, "the screen did not settle (or a tap was not answered)"
            shot = x.screenshot()
            if changed_fraction(last, shot, threshold=0) > 0:
                seen.append(shot)
                last, quiet_since = shot, time.monotonic()
        return seen, last, kiosk.log()
    finally:
        kiosk.stop()
        x.close()


def test_the_second_start_shows_the_home_screen_the_first_drew(xvfb: XServer, tmp_path: Path) -> None:
    first_start(xvfb, tmp_path)
    seen, settled, log = frames_of_a_start(xvfb, tmp_path)
    assert "start frame shown" in log, log
    for index, shot in enumerate(seen):
        save_png(shot, tmp_path / f"seen-{index}.png")
    # What a person sees from the first picture on is one screen: the picture, then the live
    # window over it, identical to the pixel; nothing flashes between them.
    assert all(changed_fraction(shot, settled, threshold=0) == 0 for shot in seen), (
        f"{len(seen)} screens during the start, not all the settled one: see {tmp_path}"
    )


def test_a_tap_on_the_picture_is_answered_by_the_live_window(xvfb: XServer, tmp_path: Path) -> None:
    first_start(xvfb, tmp_path)
    seen, settled, log = frames_of_a_start(xvfb, tmp_path, tap_first=True)
    assert "start frame shown" in log, log
    first = seen[0]
    save_png(first, tmp_path / "first.png")
    save_png(settled, tmp_path / "settled.png")
    # The tap switched the language: the title is another one now.
    assert changed_fraction(first[TITLE], settled[TITLE]) > 0.02


def test_changed_content_is_never_shown_as_its_old_picture(xvfb: XServer, tmp_path: Path) -> None:
    content = tmp_path / "data" / "content.json"
    content.parent.mkdir()
    source = json.loads((ROOT / "data" / "content.json").read_text("utf-8"))
    content.write_text(json.dumps(source), encoding="utf-8")
    for folder in ("icons", "tours"):  # the artwork it names, where it looks for it
        shutil.copytree(ROOT / "assets" / folder, tmp_path / "assets" / folder)
    first_start(xvfb, tmp_path, "--data", str(content))
    source["meta"]["title"] = {lang: f"{text} (2027)" for lang, text in source["meta"]["title"].items()}
    source["home"]["title"] = {lang: f"{text} 2027" for lang, text in source["home"]["title"].items()}
    content.write_text(json.dumps(source), encoding="utf-8")
    seen, settled, log = frames_of_a_start(xvfb, tmp_path, ("--data", str(content)))
    assert "start frame not shown" in log, log
    assert "content.json changed" in log, log
    assert all(changed_fraction(shot, settled, threshold=0) == 0 for shot in seen)
