"""The display and the QApplication on it, with nothing of the kiosk's UI: environment
defaults, why no display can be opened (one line an operator can act on, instead of Qt's
abort), the application itself, and the screen a kiosk fills. Light to import, so that the
starting window (`kiosk.app.start_frame`) can open before the UI modules load.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication

from kiosk.system.problems import OperatorError

log = logging.getLogger(__name__)


def prepare_environment() -> None:
    """Defaults Qt expects on a bare machine (it warns when XDG_RUNTIME_DIR is missing)."""
    if not os.environ.get("XDG_RUNTIME_DIR"):
        runtime = Path(tempfile.gettempdir()) / f"kiosk-runtime-{os.getuid() if hasattr(os, 'getuid') else 0}"
        runtime.mkdir(mode=0o700, exist_ok=True)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)


class NoDisplayError(OperatorError):
    """No screen to show the kiosk on: the message says why and what to do."""


_DISPLAY_HELP = (
    "start the kiosk in the machine's graphical session (or under cage: see the README's "
    "'Linux kiosks'), or point DISPLAY or WAYLAND_DISPLAY at a running display"
)


def display_problem(environment: dict[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Why Qt will find no display here, when that is clear before asking it."""
    env = os.environ if environment is None else environment
    if platform in ("win32", "darwin") or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return f"no display: neither DISPLAY nor WAYLAND_DISPLAY is set; {_DISPLAY_HELP}"
    return None


def _platform_failure(messages: Sequence[str]) -> str:
    """Qt's reason for not starting, in words an operator can act on. Qt blames a missing
    libxcb-cursor0 for any failure of its X11 plugin, so the display is asked about first."""
    for message in messages:
        if message.startswith("could not connect to display"):
            display = message.removeprefix("could not connect to display").strip() or "(none)"
            return f"no display: cannot connect to display {display}; {_DISPLAY_HELP}"
        if message.startswith("Failed to create wl_display"):
            shown = os.environ.get("WAYLAND_DISPLAY", "(none)")
            return f"no display: cannot connect to the Wayland display {shown}; {_DISPLAY_HELP}"
    return (
        "Qt could not open the display: a system library of its platform plugin may be missing "
        "(scripts/setup.sh installs them; QT_DEBUG_PLUGINS=1 names the one that failed)"
    )


def new_application(argv: list[str]) -> QApplication:
    """A QApplication; a display Qt cannot open ends the process with one clear line instead of
    Qt's abort (whose message points at libxcb-cursor0 whatever the cause)."""
    problem = display_problem()
    if problem is not None:
        raise NoDisplayError(problem)
    said: list[tuple[QtMsgType, str]] = []

    def watch(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtFatalMsg:
            said.append((kind, message))
            return
        # Qt aborts the process when this handler returns: there is no way back to Python.
        sys.stderr.write(f"kiosk: {_platform_failure([text for _, text in said])}\n")
        sys.stderr.flush()
        os._exit(1)

    previous = qInstallMessageHandler(watch)
    try:
        app = QApplication(argv)
    finally:
        qInstallMessageHandler(previous)
    # Qt's warnings on a start that worked are still said, where they would have been.
    for kind, message in said:
        if previous is not None:
            previous(kind, QMessageLogContext(), message)
        else:
            sys.stderr.write(message + "\n")
    return app


def application(argv: list[str] | None = None) -> QApplication:
    """The process's QApplication: the one there is, else a new one."""
    prepare_environment()
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else new_application(argv or sys.argv[:1])


def choose_screen(app: QApplication, screen: int | None) -> QScreen:
    screens = app.screens()
    if screen is not None and 0 <= screen < len(screens):
        return screens[screen]
    if screen is not None:
        log.warning("no screen %d; using the primary screen", screen)
    return app.primaryScreen()
