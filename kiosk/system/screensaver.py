"""Keeps the display awake while the kiosk runs: no screensaver, no blanking, no power-off.

On X11 this uses `xset` (Debian's x11-xserver-utils), and undoes it when the kiosk exits.
Wayland desktops and other systems: switch blanking off in the system's own settings (README).
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


def _xset(arguments: list[str]) -> bool:
    try:
        subprocess.run(["xset", *arguments], check=True, capture_output=True, timeout=5)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("xset %s failed: %s", " ".join(arguments), error)
        return False
    return True


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
