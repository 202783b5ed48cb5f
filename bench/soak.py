"""An accelerated show-floor day: the kiosk's 24 hours in about two minutes, RSS trend and
exceptions.

Each simulated hour: a visitor (the seeded monkey: taps, swipes, holds, keys) → the idle
countdown and reset (timers compressed to 300 ms and 200 ms) → the attract loop cycling its
slides → a tap that wakes it; and, in a second window, the slideshow auto-advancing through its
playlist (per-slide times compressed 500 times). After every hour the RSS (after handing freed
heap back) and the live QObjects are recorded; every exception and every logged error counts.

    .venv/bin/python bench/soak.py [--hours 24] [--json-only]

Prints a table and, last, one line of JSON.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path
from types import TracebackType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ui"), str(ROOT / "bench")]

from monkey_driver import monkey  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from responsiveness import spin_until  # noqa: E402
from touch import tap  # noqa: E402

from kiosk.app.boot import create_application, load_or_report  # noqa: E402
from kiosk.app.slideshow import Presentation  # noqa: E402
from kiosk.showfloor.floor import ShowFloor, memory_mib  # noqa: E402
from kiosk.showfloor.lockdown import Lockdown  # noqa: E402
from kiosk.system.health import read_memory, trim_heap  # noqa: E402
from kiosk.system.settings import Settings  # noqa: E402
from kiosk.ui.main_window import MainWindow  # noqa: E402
from kiosk.ui.session import Session  # noqa: E402


class ErrorCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        print(f"error: {record.getMessage()}", file=sys.stderr)


def run_for(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 (one scripted day, start to end)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=int, default=24)
    parser.add_argument("--json-only", action="store_true")
    args = parser.parse_args(argv)
    app = create_application()
    errors = ErrorCount()
    logging.getLogger().addHandler(errors)
    exceptions: list[str] = []

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        exceptions.append(f"{kind.__name__}: {value}")

    loaded, _ = load_or_report(None)
    window = MainWindow(Session(loaded, None, "zh", size=(1920, 1080)))
    window.setFixedSize(1920, 1080)
    window.show()
    lockdown = Lockdown()
    window.router.add_guard(lockdown.guard)
    floor = ShowFloor(
        window.session, window, Settings(), lambda _s: None, lambda: None, lockdown=lockdown,
        idle_ms=300, countdown_ms=200,
    )  # fmt: skip
    talk = Presentation(Session(loaded, None, "en", size=(1920, 1080)), loop=True, time_scale=1 / 500)
    audience, show = talk.audience, talk.show
    audience.setFixedSize(1920, 1080)
    audience.show()
    sys.excepthook = hook
    run_for(app, 0.5)
    trend: list[dict[str, float]] = []
    problems: list[str] = []
    started = time.perf_counter()
    for hour in range(args.hours):
        monkey(window, 300, 20250917 + hour, lambda: None)
        spin_until(app, lambda: floor.attract is not None and floor.attract.running, 5)
        if floor.attract is None or not floor.attract.running:
            problems.append(f"hour {hour}: the attract loop did not start")
        for _ in range(12):
            if floor.attract is not None:
                floor.attract.next_slide()
            run_for(app, 0.05)
        tap(window, window.rect().center())
        spin_until(app, lambda: floor.attract is None or not floor.attract.running, 3)
        if floor.attract is not None and floor.attract.running:
            problems.append(f"hour {hour}: a tap did not wake the attract loop")
        show.start(0)
        show.set_auto(True)
        run_for(app, 1.0)
        show.set_auto(False)
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        trim_heap()
        trend.append(
            {
                "hour": hour + 1,
                "rss_mib": round(memory_mib(), 1),
                # Growth here is a leak; growth in RSS alone is a fragmented heap.
                "heap_in_use_mib": read_memory().heap_in_use_mib or -1.0,
                "qobjects": len(app.allWidgets()) + len(window.findChildren(QObject)),
            }
        )
    seconds = time.perf_counter() - started
    first, last = trend[0], trend[-1]
    middle = trend[len(trend) // 2]
    result = {
        "hours": args.hours,
        "seconds": round(seconds, 1),
        "rss_mib": {"hour_1": first["rss_mib"], "middle": middle["rss_mib"], "last": last["rss_mib"]},
        "growth_after_hour_1_mib": round(last["rss_mib"] - first["rss_mib"], 1),
        "growth_last_12_hours_mib": round(last["rss_mib"] - middle["rss_mib"], 1),
        "heap_in_use_mib": {
            "hour_1": first["heap_in_use_mib"],
            "middle": middle["heap_in_use_mib"],
            "last": last["heap_in_use_mib"],
        },
        "exceptions": len(exceptions),
        "logged_errors": errors.count,
        "problems": problems + exceptions[:5],
        "trend": trend,
    }
    if not args.json_only:
        for row in trend:
            print(
                f"hour {row['hour']:>2}: RSS {row['rss_mib']:6.1f} MiB,"
                f" heap in use {row['heap_in_use_mib']:6.1f} MiB, {row['qobjects']:>5} objects"
            )
        print(
            f"{args.hours} hours in {seconds:.0f} s;"
            f" RSS hour 1 {first['rss_mib']} MiB -> {last['rss_mib']} MiB;"
            f" exceptions {len(exceptions)}, logged errors {errors.count}, problems {len(problems)}"
        )
    print(json.dumps(result))
    return 1 if exceptions or problems or errors.count else 0


if __name__ == "__main__":
    raise SystemExit(main())
