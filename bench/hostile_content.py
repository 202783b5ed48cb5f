"""A content file of 790,000 unknown keys (7 MB, under the 8 MB limit), through `kiosk validate`
and through the live reload of a running window: time, peak memory, lines printed or logged,
and the longest the UI thread stood still (the watchdog is fed from it; systemd restarts the
kiosk after 30 s without a ping).

    .venv/bin/python bench/hostile_content.py [--keys 790000] [--json-only]
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def flood(keys: int) -> bytes:
    data = json.loads((ROOT / "data" / "content.json").read_text(encoding="utf-8"))
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"

    def name(number: int) -> str:
        text = ""
        while True:
            number, digit = divmod(number, 36)
            text = digits[digit] + text
            if not number:
                return text

    data["meta"].update(dict.fromkeys(map(name, range(keys)), 0))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def through_validate(path: Path) -> dict[str, Any]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", str(path)], capture_output=True, cwd=ROOT, check=False
    )
    seconds = time.perf_counter() - started
    return {
        "validate_s": round(seconds, 2),
        "validate_peak_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "validate_lines": done.stdout.count(b"\n"),
        "validate_bytes": len(done.stdout),
    }


def through_live_reload(folder: Path, data: bytes) -> dict[str, Any]:
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from kiosk.content import load_content  # noqa: PLC0415
    from kiosk.system.content_watcher import ContentWatcher  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    path = folder / "data" / "content.json"
    loaded = load_content(path)
    watcher = ContentWatcher(path, loaded.assets_root, settle_ms=50, release_store=folder / "releases")
    lines: list[str] = []

    class Count(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    logging.getLogger("kiosk").addHandler(Count())
    logging.getLogger("kiosk").setLevel(logging.INFO)
    turns = [time.monotonic()]
    beat = QTimer()
    beat.setInterval(20)
    beat.timeout.connect(lambda: turns.append(time.monotonic()))
    beat.start()
    result: dict[str, float] = {}
    watcher.failed.connect(lambda _error: (result.setdefault("s", time.monotonic()), app.quit()))
    start = time.monotonic()
    temporary = path.with_name(".content.json.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    beat.stop()
    watcher.stop()
    gaps = [later - earlier for earlier, later in itertools.pairwise(turns)]
    return {
        "reload_to_report_s": round(result.get("s", float("nan")) - start, 2),
        "reload_longest_ui_stall_s": round(max(gaps), 3),
        "reload_log_lines": len(lines),
        "reload_log": lines[-3:],
        "process_peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=790_000)
    parser.add_argument("--json-only", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "data").mkdir()
        shutil.copytree(ROOT / "assets" / "icons", folder / "assets" / "icons")
        shutil.copytree(ROOT / "assets" / "tours", folder / "assets" / "tours")
        shutil.copyfile(ROOT / "data" / "content.json", folder / "data" / "content.json")
        data = flood(args.keys)
        (folder / "flood.json").write_bytes(data)
        figures: dict[str, Any] = {"keys": args.keys, "file_mib": round(len(data) / 2**20, 1)}
        figures |= through_validate(folder / "flood.json")
        figures |= through_live_reload(folder, data)
    if not args.json_only:
        for key, value in figures.items():
            print(f"{key:28} {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
