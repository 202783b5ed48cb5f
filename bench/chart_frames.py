"""Frame times while the figure screens animate, at 1920x1080 offscreen.

Two measurements for every screen with an entrance (figures screens and visions):

- stepped: the entrance is driven frame by frame on a 16 ms timeline; each frame's time is
  split into our update code (count-ups, bar widths, cell colours: `GrowAnimation.seek`) and
  painting the whole window (`repaint()`, synchronous, the worst case: every pixel).
- live: the real animation runs in the event loop; the gaps between frames it asks for tell
  whether the 16 ms timer cadence holds.

    .venv/bin/python bench/chart_frames.py [--runs 5] [--lang zh] [--json-only]

Prints a table (milliseconds; p50 / p95 / max over all frames of all runs) and, last, one line
of JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import itertools

from percentiles import percentile
from PySide6.QtCore import QCoreApplication, QElapsedTimer

from kiosk.app.boot import create_application, load_or_report
from kiosk.ui.main_window import MainWindow
from kiosk.ui.session import Session

FRAME_MS = 16


def summary(values: list[float]) -> dict[str, float]:
    return {
        "p50": round(statistics.median(values), 2),
        "p95": round(percentile(values, 0.95), 2),
        "max": round(max(values), 2),
        "frames": len(values),
    }


def stepped(window: MainWindow, page_id: str, runs: int) -> dict[str, list[float]]:
    update: list[float] = []
    paint: list[float] = []
    window.session.go_to(page_id, direction=0, remember=False)
    page = window.current_page
    assert page is not None
    assert page.entrance is not None
    QCoreApplication.processEvents()
    for _ in range(runs):
        for moment in range(0, page.entrance.total_ms + FRAME_MS, FRAME_MS):
            start = time.perf_counter()
            page.entrance.seek(moment)
            middle = time.perf_counter()
            window.repaint()
            end = time.perf_counter()
            update.append((middle - start) * 1000)
            paint.append((end - middle) * 1000)
    return {"update": update, "paint": paint, "frame": [u + p for u, p in zip(update, paint, strict=True)]}


def live(window: MainWindow, page_id: str, runs: int) -> list[float]:
    """Gaps between the animation's frames with the real event loop and timers."""
    gaps: list[float] = []
    window.session.go_to(page_id, direction=0, remember=False)
    page = window.current_page
    assert page is not None
    assert page.entrance is not None
    clock = QElapsedTimer()
    stamps: list[float] = []

    def on_frame() -> None:
        stamps.append(clock.nsecsElapsed() / 1e6)

    page.entrance.progressed.connect(on_frame)
    for _ in range(runs):
        stamps.clear()
        clock.start()
        page.enter()
        while page.entrance.running:
            QCoreApplication.processEvents()
        gaps += [b - a for a, b in itertools.pairwise(stamps)][1:]
    page.entrance.progressed.disconnect(on_frame)
    return gaps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--lang", default="zh")
    parser.add_argument("--json-only", action="store_true")
    args = parser.parse_args()

    app = create_application()
    loaded, error = load_or_report(None)
    if loaded is None:
        print(error.lines() if error else "no content", file=sys.stderr)
        return 1
    window = MainWindow(Session(loaded, None, args.lang, size=(1920, 1080)))
    window.setFixedSize(1920, 1080)
    window.show()
    app.processEvents()
    pages = [ref.id for ref in window.session.refs if ref.type in ("figures", "vision")]
    rows: dict[str, dict[str, dict[str, float]]] = {}
    everything: dict[str, list[float]] = {"update": [], "paint": [], "frame": [], "gap": []}
    for page_id in pages:
        times = stepped(window, page_id, args.runs)
        gaps = live(window, page_id, 1)
        for key, values in times.items():
            everything[key] += values
        everything["gap"] += gaps
        rows[page_id] = {key: summary(values) for key, values in times.items()}
        rows[page_id]["gap"] = summary(gaps) if gaps else {}
    total = {key: summary(values) for key, values in everything.items() if values}
    machine = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "platform": os.environ["QT_QPA_PLATFORM"],
        "size": "1920x1080",
    }
    if not args.json_only:
        header = f"{'page':28} {'update p50/p95/max':>22} {'paint p50/p95/max':>22}"
        print(f"{header} {'frame p95':>10} {'gap p95':>8}")
        for page_id, row in rows.items():
            u, p, f, g = row["update"], row["paint"], row["frame"], row.get("gap", {})
            print(
                f"{page_id:28} {u['p50']:6.2f}/{u['p95']:6.2f}/{u['max']:6.2f}   "
                f"{p['p50']:6.2f}/{p['p95']:6.2f}/{p['max']:6.2f}   {f['p95']:8.2f} {g.get('p95', 0):8.2f}"
            )
        t = total
        print(
            f"{'all':28} {t['update']['p50']:6.2f}/{t['update']['p95']:6.2f}/{t['update']['max']:6.2f}   "
            f"{t['paint']['p50']:6.2f}/{t['paint']['p95']:6.2f}/{t['paint']['max']:6.2f}   "
            f"{t['frame']['p95']:8.2f} {t['gap']['p95']:8.2f}"
        )
        share = statistics.median(everything["update"]) / statistics.median(everything["frame"])
        print(
            f"update code is {share:.0%} of a median frame; frames over 50 ms: "
            f"{sum(1 for v in everything['frame'] if v > 50)}"
        )
    print(json.dumps({"benchmark": "chart_frames", "machine": machine, "all": total, "pages": rows}))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
