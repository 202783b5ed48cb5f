"""Keeps the display awake while the kiosk runs: no screensaver, no blanking, no power-off;
and switches it off and on for the opening hours (`DisplayPower`).

On X11 this uses `xset` (Debian's x11-xserver-utils), and undoes it when the kiosk exits.
Wayland desktops and other systems: switch blanking off in the system's own settings (README);
under a wlroots compositor the opening hours switch the outputs with `wlr-randr`.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Callable

log = logging.getLogger(__name__)

_OFF = (["s", "off"], ["s", "noblank"], ["-dpms"])
_ON = (["s", "on"], ["s", "blank"], ["+dpms"])


def _run_tool(tool: str, arguments: list[str]) -> bool:
    """Runs a display tool; a missing or failing tool is logged, never raised: the kiosk goes on
    with the screen as it is."""
    try:
        subprocess.run([tool, *arguments], check=True, capture_output=True, timeout=5)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("%s %s failed: %s", tool, " ".join(arguments), error)
        return False
    return True


def _xset(arguments: list[str]) -> bool:
    return _run_tool("xset", arguments)


def inhibit(platform: str) -> Callable[[], None]:
    """Stop blanking on this display; return what restores it."""
    if platform != "xcb" or not os.environ.get("DISPLAY") or shutil.which("xset") is None:
        log.info("display blanking left to the system (platform %s)", platform)
        return lambda: None
    if not all(_xset(arguments) for arguments in _OFF):
        return lambda: None
    log.info("display blanking off while the kiosk runs")

    def restore() -> None:
        for arguments in _ON:
            _xset(arguments)

    return restore


class DisplayPower:
    """Switches the screen itself off and on (opening hours): DPMS through `xset` on X11, every
    output through `wlr-randr` on a wlroots compositor (cage, sway, labwc). Elsewhere the screen
    stays on, showing black, and the log says so once."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.off_now = False
        self._outputs: list[str] = []
        self._told = False

    def _how(self) -> str:
        if self.platform == "xcb" and os.environ.get("DISPLAY") and shutil.which("xset"):
            return "xset"
        if (
            self.platform.startswith("wayland")
            and os.environ.get("WAYLAND_DISPLAY")
            and shutil.which("wlr-randr")
        ):
            return "wlr-randr"
        return ""

    def off(self) -> None:
        how = self._how()
        if how == "xset":
            done = _xset(["dpms", "force", "off"])
        elif how == "wlr-randr":
            self._outputs = _wayland_outputs()
            done = bool(self._outputs) and all(
                _wlr_randr(["--output", name, "--off"]) for name in self._outputs
            )
        else:
            if not self._told:
                log.info(
                    "the screen cannot be switched off here (platform %s): it shows black", self.platform
                )
                self._told = True
            return
        self.off_now = self.off_now or done
        if done:
            log.info("screen off (%s)", how)

    def on(self) -> None:
        if not self.off_now:
            return
        how = self._how()
        if how == "xset":
            # "force" turns DPMS back on as well: off again while the kiosk runs.
            _xset(["dpms", "force", "on"])
            _xset(["-dpms"])
        elif how == "wlr-randr":
            for name in self._outputs:
                _wlr_randr(["--output", name, "--on"])
        self.off_now = False
        log.info("screen on (%s)", how or self.platform)


def _wlr_randr(arguments: list[str]) -> bool:
    return _run_tool("wlr-randr", arguments)


def _wayland_outputs() -> list[str]:
    """The compositor's outputs, by name: `wlr-randr` lists each on an unindented line."""
    try:
        done = subprocess.run(["wlr-randr"], check=True, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("wlr-randr failed: %s", error)
        return []
    return [line.split()[0] for line in done.stdout.splitlines() if line.strip() and not line[0].isspace()]
