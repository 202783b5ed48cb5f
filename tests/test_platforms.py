"""The kiosk on Windows and macOS, as far as a Linux machine can tell.

Each case starts a fresh interpreter that says it is `win32` or `darwin` (sys.platform patched
once the standard library modules that choose their implementation at import are loaded) and
refuses every POSIX-only module to the kiosk's own code, at import and at run time. In it the
real kiosk runs in kiosk mode, offscreen: the show floor, the visit log and the content watch
come up after the first frame, a saved change of the content reaches the screen without a
restart, the window refuses to close, and the admin's exit ends it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.system.resources import bundled_dir, default_content_path

# Modules Windows does not have (macOS lacks only the last few), and the kiosk must not need.
POSIX_ONLY = (
    "resource",
    "fcntl",
    "termios",
    "tty",
    "pty",
    "pwd",
    "grp",
    "posix",
    "syslog",
    "crypt",
    "spwd",
    "nis",
    "ossaudiodev",
)

SCRIPT = r"""
import importlib.abc, json, os, sys, time

POSIX_ONLY = set(sys.argv[2].split(","))
# Standard library modules that pick their implementation from sys.platform as they load
# (subprocess would want _winapi): loaded first, as this machine has them.
import asyncio, getpass, mimetypes, platform, selectors, shutil, socket, subprocess, tempfile, uuid
import numpy, platformdirs, pydantic, pyqtgraph
from PySide6 import QtCore, QtGui, QtSvg, QtWidgets


def importer():
    frame = sys._getframe(2)
    while frame is not None and frame.f_globals.get("__name__", "").startswith(("importlib", "_frozen")):
        frame = frame.f_back
    return frame.f_globals.get("__name__", "") if frame is not None else ""


class RefusePosixOnly(importlib.abc.MetaPathFinder):
    refused = []

    def find_spec(self, name, path=None, target=None):
        if name in POSIX_ONLY and importer().split(".")[0] == "kiosk":
            self.refused.append(f"{importer()} imports {name}")
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


finder = RefusePosixOnly()
sys.meta_path.insert(0, finder)
for name in POSIX_ONLY:
    sys.modules.pop(name, None)
sys.platform = sys.argv[1]

# The refusal works: a module of the kiosk that asks for one is told there is none.
try:
    exec("import resource", {"__name__": "kiosk.probe"})
except ImportError:
    probe = "refused"
else:
    probe = "imported"
finder.refused.clear()

from kiosk.app.boot import create_application
from kiosk.app.kiosk import Kiosk, choose_screen

content = sys.argv[3]
app = create_application()
screen = choose_screen(app, None)
kiosk = Kiosk(app, __import__("pathlib").Path(content), None, False, (1280, 800), False, screen)
kiosk.show(screen)


def wait(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return True


result = {"probe": probe}
result["show_floor"] = wait(lambda: kiosk.floor is not None and kiosk.watcher is not None, 20)
if not result["show_floor"]:
    result["refused"] = finder.refused
    print("RESULT " + json.dumps(result), flush=True)
    os._exit(0)  # nothing more to see; a half-built kiosk need not be torn down
result["visit_log"] = kiosk.floor is not None and kiosk.floor.recorder is not None
result["memory_mib"] = kiosk.floor.diagnostics()[0] if kiosk.floor is not None else ""
with open(content, encoding="utf-8") as stream:
    data = json.load(stream)
data["meta"]["title"]["en"] = "Saved while it ran"
with open(content + ".new", "w", encoding="utf-8") as stream:
    json.dump(data, stream, ensure_ascii=False)
os.replace(content + ".new", content)
result["live_reload"] = wait(
    lambda: kiosk.session.loaded is not None
    and kiosk.session.loaded.content.meta.title["en"] == "Saved while it ran",
    30,
)
kiosk.window.close()
app.processEvents()
result["refused_to_close"] = kiosk.window.isVisible()
QtCore.QTimer.singleShot(0, kiosk.floor.exit_kiosk)
result["exit_code"] = app.exec()
result["closed_by_exit"] = not kiosk.window.isVisible()
result["refused"] = finder.refused
print("RESULT " + json.dumps(result))
"""


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """The bundled content beside its assets, in a folder the test may change."""
    shutil.copytree(bundled_dir("assets") / "icons", tmp_path / "assets" / "icons")
    shutil.copytree(bundled_dir("assets") / "tours", tmp_path / "assets" / "tours")
    (tmp_path / "data").mkdir()
    return Path(shutil.copy(default_content_path(), tmp_path / "data" / "content.json"))


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_kiosk_mode_runs_without_posix_only_modules(
    tmp_path: Path, content_copy: Path, platform: str
) -> None:
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_SETTINGS": str(home / "settings.json"),
        **{f"XDG_{kind}_HOME": str(home / kind.lower()) for kind in ("CONFIG", "DATA", "STATE", "CACHE")},
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, platform, ",".join(POSIX_ONLY), str(content_copy)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert lines, result.stdout[-3000:] + result.stderr[-3000:]
    outcome = json.loads(lines[-1].removeprefix("RESULT "))
    assert outcome["probe"] == "refused"
    assert outcome["refused"] == [], outcome["refused"]
    assert outcome["show_floor"], result.stderr[-3000:]
    assert outcome["visit_log"]
    assert "memory" in outcome["memory_mib"]
    assert outcome["live_reload"], result.stderr[-3000:]
    assert outcome["refused_to_close"]
    assert outcome["exit_code"] == 0
    assert outcome["closed_by_exit"]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert (home / "data" / "zgc-kiosk" / "visits.sqlite3").exists()
