"""The preload's worker only reads Qt's Python types: every one is made on the UI thread first.
PySide makes a type the first time its name is read, and two threads making types at once
crashed the kiosk inside libshiboken6 (see `kiosk.app.boot.qt_type_steps`)."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

from kiosk.app import kiosk as kiosk_app
from kiosk.app import slideshow

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, importlib
from kiosk.app.boot import PRELOAD_QT_MODULES, qt_type_steps
def unmade():
    return {name: len(set(dir(m)) - set(vars(m))) for name in PRELOAD_QT_MODULES
            for m in [importlib.import_module(name)]}
before = unmade()
steps = qt_type_steps()
for step in steps:
    step()
print(json.dumps({"before": before, "after": unmade(), "steps": len(steps)}))
"""


def test_the_type_steps_make_every_type_the_preload_reads() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    # Freshly imported, most types are still to be made (this is what can fail) ...
    assert report["before"]["PySide6.QtWidgets"] > 100
    # ... and after the steps none is.
    assert set(report["after"].values()) == {0}
    assert report["steps"] >= 10  # small steps: the visitor's input waits for one at most


def test_the_kiosk_and_the_slideshow_make_the_types_before_the_preload_starts() -> None:
    for source in (inspect.getsource(kiosk_app.Kiosk._after_first_frame), inspect.getsource(slideshow)):
        assert source.index("qt_type_steps()") < source.index("preload_later_modules(")


def test_the_preload_reads_the_contents_hyphenation_dictionaries() -> None:
    """Read at first use, English's took 110 ms of a visitor's first tap on the language button."""
    from kiosk.app.boot import _later_modules  # noqa: PLC0415
    from kiosk.i18n import hyphenation  # noqa: PLC0415

    hyphenation._dictionary.cache_clear()
    _later_modules(("de", "en", "zh"))[-1]()
    assert hyphenation._dictionary.cache_info().currsize == 3  # zh: read as none
    assert hyphenation._dictionary.cache_info().misses == 3
