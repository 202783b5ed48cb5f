"""A presenter's clicker against the slideshow, seen from outside: `kiosk slideshow` alone on
its own Xvfb, `--keys` presses of Right sent through XTEST, and for each press the time from
the key to the first change on the screen, how long the transition ran, and the worst gap
between two different frames in it (in all of it, and in its first 300 ms: the slide).
With `--compare COMMAND` the same for another program on the same kind of server (a reveal.js
deck in Chromium, say), run for run in turn with the kiosk, so that both are measured in one
batch.

    .venv/bin/python bench/slideshow_keys.py [--size 1920x1080] [--keys 9] [--runs 3]
        [--compare "chromium --kiosk ... file:///DIR/deck.html"]

The screen is sampled as a few full-width rows (a slide moves and fades every row), a few
milliseconds apart: a latency is an upper bound by one sample. Prints a line per run and, last,
one line of JSON with the medians and 95th percentiles over every press of each program, and
the machine's load average before and after.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import itertools
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
QUIET_S = 0.3  # a transition is over when the screen has not changed for this long
# The kiosk's slide between pages lasts 280 ms; what follows is the new page's own entrance
# (numbers counting up, bars growing), whose eased ends change few pixels per frame. The
# gaps are also given for this first stretch alone, the same for both programs.
SLIDE_S = 0.3
STATS = ("latency_ms", "transition_ms", "worst_gap_ms", "slide_worst_gap_ms")
KEY_TIMEOUT_S = 5.0


def load(name: str) -> ModuleType:
    """A helper module of the display tests, by its path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "display" / f"{name}.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {name}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


xserver = load("xserver")


class Rows:
    """A few full-width rows of the screen, read in one go."""

    def __init__(self, x: object, width: int, height: int) -> None:
        self.x = x
        self.rects = [(0, height * k // 6, width, 1) for k in range(1, 6)]

    def grab(self) -> np.ndarray:
        return np.concatenate([self.x.screenshot(rect) for rect in self.rects])  # type: ignore[attr-defined]


def differs(a: np.ndarray, b: np.ndarray) -> bool:
    changed = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=-1) > 24
    return bool(changed.mean() > 0.002)


def settle(rows: Rows, timeout: float = 15.0) -> np.ndarray:
    last, since, deadline = rows.grab(), time.perf_counter(), time.perf_counter() + timeout
    while time.perf_counter() - since < QUIET_S:
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen never came to rest")
        now = rows.grab()
        if differs(now, last):
            last, since = now, time.perf_counter()
    return last


def press(rows: Rows, key: str) -> dict[str, float] | None:
    """One key: ms to the first change, the transition's length and its worst frame gap."""
    before = settle(rows)
    sent = time.perf_counter()
    rows.x.key(key)  # type: ignore[attr-defined]
    previous, changes = before, []
    deadline = sent + KEY_TIMEOUT_S
    while time.perf_counter() < deadline:
        now = rows.grab()
        at = time.perf_counter()
        if differs(now, previous):
            changes.append(at)
            previous = now
        elif changes and at - changes[-1] >= QUIET_S:
            break
    if not changes:
        return None
    gaps = [b - a for a, b in itertools.pairwise(changes)] or [0.0]
    in_slide = [at for at in changes if at - changes[0] <= SLIDE_S]
    slide_gaps = [b - a for a, b in itertools.pairwise(in_slide)] or [0.0]
    return {
        "latency_ms": (changes[0] - sent) * 1000,
        "transition_ms": (changes[-1] - changes[0]) * 1000,
        "worst_gap_ms": max(gaps) * 1000,
        "slide_worst_gap_ms": max(slide_gaps) * 1000,
        "frames": len(changes),
    }


def run_once(
    command: list[str] | None, size: tuple[int, int], keys: int, folder: Path, warmup_s: float
) -> list[dict[str, float]]:
    width, height = size
    with contextlib.ExitStack() as stack:
        server = stack.enter_context(xserver.start_xvfb(width, height, folder / "xvfb.log"))
        if command is None:
            run = xserver.launch_kiosk(server, ["slideshow"], folder)
            stack.callback(run.stop)
            session = run.x
        else:
            env = {**os.environ, "DISPLAY": server.display, "HOME": str(folder)}
            env.pop("WAYLAND_DISPLAY", None)
            process = subprocess.Popen(
                command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder
            )
            stack.callback(xserver.stop_process, process)
            session = stack.enter_context(xserver.XSession(server.display))
        rows = Rows(session, width, height)
        settle(rows, timeout=60)
        time.sleep(warmup_s)  # past the start: a browser and the kiosk both finish loading quietly
        results = [press(rows, "Right") for _ in range(keys)]
    return [result for result in results if result is not None]


def summary(presses: list[dict[str, float]]) -> dict[str, object]:
    def stat(name: str) -> dict[str, float]:
        values = sorted(p[name] for p in presses)
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        return {"median": round(statistics.median(values), 1), "p95": round(p95, 1)}

    return {
        "presses": len(presses),
        **{name: stat(name) for name in STATS},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--keys", type=int, default=9)
    parser.add_argument(
        "--warmup", type=float, default=2.0, help="seconds between the first quiet screen and the first key"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare", help="another program to time the same way, as one shell-quoted command")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.split("x"))
    subjects: dict[str, list[str] | None] = {"kiosk": None}
    if args.compare:
        subjects["compare"] = shlex.split(args.compare)
    presses: dict[str, list[dict[str, float]]] = {name: [] for name in subjects}
    # On a shared machine the figures follow its load: it goes with them (1, 5, 15 minutes).
    load_before = [round(value, 2) for value in os.getloadavg()]
    for run in range(args.runs):
        for name, command in subjects.items():  # in turn, run by run: the same load for both
            with tempfile.TemporaryDirectory(prefix="kiosk-keys-") as folder:
                found = run_once(command, (width, height), args.keys, Path(folder), args.warmup)
            presses[name] += found
            latencies = ", ".join(f"{p['latency_ms']:.0f}" for p in found)
            print(f"run {run + 1} {name}: latency ms {latencies}", flush=True)
    result = {
        "benchmark": "slideshow_keys",
        "size": args.size,
        "load_before": load_before,
        "load_after": [round(value, 2) for value in os.getloadavg()],
        **{n: summary(p) for n, p in presses.items()},
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
