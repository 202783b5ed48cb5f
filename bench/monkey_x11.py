"""The real-input monkey at length: the kiosk in kiosk mode on its own Xvfb, 100,000 seeded
random XTEST events (taps, swipes, long presses, right and middle clicks, keys), then whether
it still runs alone on the screen with a clean log, the pace, and its memory curve: every
`--sample-every` events the kiosk is asked (SIGUSR1) for its health line, which gives the
resident set, glibc's heap in use and held, Python's objects and Qt's objects and widgets.

    .venv/bin/python bench/monkey_x11.py [--events 100000] [--seed 20251207] [--out DIR]

Prints one line of JSON (the curve under "memory"); with --out, also memory.csv there.
Reuses the display tests' helpers (tests/display/xserver.py and tests/display/x11_monkey.py),
loaded from their files.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib.util
import json
import os
import re
import signal
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DISPLAY_TESTS = ROOT / "tests" / "display"
BAD_LOG_LINE = re.compile(r"Traceback|ERROR")
HEALTH_LINE = re.compile(r"health: (rss_mib=.*)$", re.MULTILINE)


def load(name: str) -> ModuleType:
    """A helper module of the display tests, by its path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, DISPLAY_TESTS / f"{name}.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {name} from {DISPLAY_TESTS}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # x11_monkey imports xserver by this name
    spec.loader.exec_module(module)
    return module


sys.path.insert(0, str(ROOT))  # the display helpers give the kiosk they start a PIN of its own
xserver = load("xserver")
x11_monkey = load("x11_monkey")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _number(text: str) -> float | None:
    return None if text == "-" else float(text)


def health_readings(log: str) -> list[dict[str, float | None]]:
    """Every health line of the kiosk's log, as numbers by name."""
    readings = []
    for match in HEALTH_LINE.finditer(log):
        pairs = (item.split("=", 1) for item in match.group(1).split())
        readings.append({key: _number(value) for key, value in pairs})
    return readings


def ask_health(run: object, pid: int, count_before: int, timeout: float = 10.0) -> dict[str, float | None]:
    """Send SIGUSR1 and wait for the kiosk's next health line."""
    os.kill(pid, signal.SIGUSR1)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        readings = health_readings(run.log())  # type: ignore[attr-defined]
        if len(readings) > count_before:
            return readings[-1]
        time.sleep(0.05)  # polling a log file written by another process
    raise RuntimeError("the kiosk wrote no health line within 10 s of SIGUSR1")


def keep_pictures_and_table(run: object, folder: Path, rows: list[dict[str, float | None]]) -> None:
    """The screen after the run, and the memory curve as a table."""
    run.save("after-monkey")  # type: ignore[attr-defined]
    if rows:
        with (folder / "memory.csv").open("w", newline="") as table:
            writer = csv.DictWriter(table, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20251207)
    parser.add_argument("--out", type=Path, help="keep the kiosk's log, screenshots and memory.csv here")
    parser.add_argument("--sample-every", type=int, default=1000, help="events between memory readings")
    return parser.parse_args()


def main() -> int:
    # A stopped benchmark still stops its Xvfb and kiosk (they are not in its process group).
    signal.signal(signal.SIGTERM, _interrupt)
    args = parse_arguments()
    with contextlib.ExitStack() as stack:
        folder = args.out or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kiosk-monkey-")))
        folder.mkdir(parents=True, exist_ok=True)
        server = stack.enter_context(xserver.start_xvfb(1920, 1080, folder / "xvfb.log"))
        run = xserver.launch_kiosk(server, [], folder)
        stack.callback(run.stop)
        window = run.window()
        before = rss_mib(run.pid)
        problems: list[str] = []
        trend: list[tuple[int, float]] = []
        memory: list[dict[str, float | None]] = []
        progress = [0]

        def sample(done: int) -> None:
            reading = ask_health(run, run.pid, len(health_readings(run.log())))
            memory.append({"events": done, **reading})

        sample(0)

        def check(done: int) -> None:
            progress[0] = done
            if not run.alive():
                raise RuntimeError(f"the kiosk exited with {run.process.returncode} after {done} events")
            mapped = run.x.mapped_windows()
            if [w.id for w in mapped] != [window.id] and len(problems) < 20:
                problems.append(f"after {done} events: " + "; ".join(w.describe() for w in mapped))
            if done % 10_000 == 0:
                trend.append((done, round(rss_mib(run.pid), 1)))
            if done % args.sample_every == 0:
                sample(done)

        started = time.perf_counter()
        interrupted = False
        counts: dict[str, int] = {}
        try:
            x11_monkey.monkey(run.x, args.events, args.seed, check, check_every=100, counts=counts)
            progress[0] = args.events
        except RuntimeError as error:
            problems.append(str(error))
        except KeyboardInterrupt:
            interrupted = True  # Ctrl+C or SIGTERM: report what ran, then stop what was started
        seconds = time.perf_counter() - started
        alive = run.alive()
        with contextlib.suppress(TimeoutError):
            run.settle(quiet_s=0.5, timeout=5)
        after = rss_mib(run.pid) if alive else 0.0
        if args.out:
            keep_pictures_and_table(run, folder, memory)
        bad = [line for line in run.log().splitlines() if BAD_LOG_LINE.search(line)]
        result = {
            "benchmark": "monkey_x11",
            "events": progress[0],
            "interrupted": interrupted,
            "seconds": round(seconds, 1),
            "events_per_second": round(progress[0] / seconds) if seconds else 0,
            "kinds": counts,
            "alive": alive,
            "alone": alive and [w.id for w in run.x.mapped_windows()] == [window.id],
            "rss_mib": {"before": round(before, 1), "after": round(after, 1)},
            "trend": trend,
            "memory": memory,
            "problems": problems,
            "log_errors": bad[:20],
        }
    print(json.dumps(result, ensure_ascii=False))
    return 0 if alive and not problems and not bad and not interrupted else 1


if __name__ == "__main__":
    sys.exit(main())
