"""100,000 random events at the kiosk (the seeded monkey of the tests), offscreen at 1920x1080,
with memory and live Qt objects before and after.

    .venv/bin/python bench/monkey.py [--events 100000] [--seed 20250917]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ui")]

from monkey_driver import alone, monkey  # noqa: E402
from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app.boot import create_application, load_or_report  # noqa: E402
from kiosk.showfloor.floor import ShowFloor, memory_mib  # noqa: E402
from kiosk.showfloor.lockdown import Lockdown  # noqa: E402
from kiosk.system.settings import Settings  # noqa: E402
from kiosk.ui.main_window import MainWindow  # noqa: E402
from kiosk.ui.session import Session  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20250917)
    args = parser.parse_args()
    app = create_application()
    loaded, _ = load_or_report(None)
    window = MainWindow(Session(loaded, None, "zh", size=(1920, 1080)))
    window.setFixedSize(1920, 1080)
    window.show()
    lockdown = Lockdown()
    window.router.add_guard(lockdown.guard)
    ShowFloor(
        window.session, window, Settings(), lambda _s: None, lambda: None, lockdown=lockdown, idle_ms=10**9
    )
    app.processEvents()
    # Warm up: every page built once, so "before" is the kiosk at work, not at first start.
    for ref in window.session.refs:
        window.session.go_to(ref.id, direction=0)
        app.processEvents()
    window.session.go_home()
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    before = (memory_mib(), len(window.findChildren(QObject)))
    problems: list[str] = []
    trend: list[tuple[int, float, int]] = []  # (events so far, RSS MiB, live Qt objects)
    checks = [0]

    def check() -> None:
        checks[0] += 1
        if not alone(window):
            problems.append("a second window, a menu or a dialog appeared")
        if checks[0] % 40 == 0:  # every 10,000 events
            trend.append((checks[0] * 250, round(memory_mib(), 1), len(window.findChildren(QObject))))

    started = time.perf_counter()
    counts = monkey(window, args.events, args.seed, check)
    seconds = time.perf_counter() - started
    for _ in range(5):
        app.processEvents()
    window.session.go_home()
    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    after = (memory_mib(), len(window.findChildren(QObject)))
    result = {
        "benchmark": "monkey",
        "events": args.events,
        "seconds": round(seconds, 1),
        "events_per_second": round(args.events / seconds),
        "kinds": counts,
        "rss_mib": {"before": round(before[0], 1), "after": round(after[0], 1)},
        "qobjects": {"before": before[1], "after": after[1]},
        "trend": trend,
        "problems": problems,
    }
    for events, rss, objects in trend:
        print(f"after {events:>7,} events: RSS {rss:6.1f} MiB, {objects} Qt objects")
    print(
        f"{args.events} events in {seconds:.0f} s; RSS {before[0]:.0f} -> {after[0]:.0f} MiB; "
        f"Qt objects {before[1]} -> {after[1]}; problems: {len(problems)}"
    )
    print(json.dumps(result))
    QApplication.quit()
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
