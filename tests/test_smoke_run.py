"""The real entry point, as `kiosk` starts it in kiosk mode: it comes up, keeps running, and
stops cleanly when told to (SIGTERM, as systemd does)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def test_kiosk_mode_starts_and_keeps_running(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_SETTINGS": str(tmp_path / "settings.json"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    # As deployed: the staff's own PIN first (kiosk mode refuses the published default).
    subprocess.run(
        [sys.executable, "-m", "kiosk", "set-pin", "--pin", "4711"], env=env, check=True, capture_output=True
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        with pytest.raises(subprocess.TimeoutExpired):  # still running after 6 s: it came up and stayed
            process.wait(timeout=6)
    finally:
        process.terminate()
        output = process.communicate(timeout=10)[0]
    assert process.returncode == 0, output[-3000:]  # SIGTERM (as systemd stops it) ends it cleanly
    assert "Traceback" not in output, output[-3000:]
    assert " ERROR " not in output, output[-3000:]
    # What waits for the first frame ran too: the content watch, the show floor, the blanking.
    assert "display blanking left to the system" in output, output[-3000:]
    # The log file holds it all, the lines logged before it was opened (after the first frame) first.
    log_file = tmp_path / "state" / "zgc-kiosk" / "log" / "kiosk.log"
    logged = log_file.read_text(encoding="utf-8")
    assert logged.index(": validated") < logged.index("display blanking left to the system")
