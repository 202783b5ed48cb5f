"""Cold start: process start to the home page on screen, and memory at rest on the home page.

Each run starts the real kiosk (`python -m kiosk`, kiosk mode, the bundled content) with fresh
data and state folders, and times from just before the fork to two sd_notify messages:
"home on screen" is the first of `STATUS=start frame on screen` (the starting window's picture
is flushed to the screen) and `READY=1` (the live window's first frame is); "live" is `READY=1`.
A second later (at rest on the home page) the PSS of the process is read from /proc, then it is
ended with SIGTERM. The kiosk's cache folder (its validated content and the stored home screen)
and its settings (the kiosk's own PIN) are kept over the runs of a series, as on a kiosk every
start but the very first finds them; an unmeasured first run fills the cache.

"First input answered" (Xvfb, warm, with python-xlib): the moment home is on screen, a tap on
the language button through XTEST; the time from the fork until the screen's title shows the
other language. A picture alone cannot answer it: this is the figure a shortcut cannot hide.

Four series: under a private Xvfb (a real X server) and offscreen, each with a warm disk cache
and a cold one. Cold: before each run every file the start-up reads (the interpreter's library,
the Qt, PySide6 and pydantic packages, the kiosk, its fonts, content and cache) is evicted from the page
cache with posix_fadvise(DONTNEED), the per-file way that needs no root.

    .venv/bin/python bench/startup.py [--runs 10] [--json-only]
    .venv/bin/python bench/startup.py --baseline DIR   # this checkout against another, interleaved

With `--baseline` (another checkout of the kiosk, e.g. `git worktree add /tmp/before <commit>`)
it times the two alternately under Xvfb, warm (home on screen, live, first input answered), and
prints both medians and their ratio: a same-run before/after comparison.

Prints a table (milliseconds, MiB; medians) and, last, one line of JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Kiosk mode starts only with an admin PIN of the kiosk's own: this one's salted hash (4711),
# as `kiosk set-pin` stores it.
SETTINGS_WITH_PIN = {
    "pin_salt": "ab" * 16,
    "pin_hash": "f0c3d03e6f8e2f1512f53307ba08d47a24f6c3173578ac8819a0bb0dfd02e64f",
}
READY_TIMEOUT_S = 30.0
# The unmeasured first run stays this long: the kiosk stores its home screen a second after
# its first frame (on a loaded machine, later).
FILL_S = 4.0
SHOWN = b"STATUS=start frame on screen"
READY = b"READY=1"  # the live window's first frame is on screen
# At 1920x1080: the language button (right end of the navigation bar) and the home title.
LANGUAGE_BUTTON = (1787, 1026)
TITLE = (60, 190, 1440, 24)  # x, y, width, height: a band through the title's letters
AT_REST_S = 3.0  # after the live window's first frame: the start-up's work is done by then
POLL_S = 0.004  # between two looks at the title: the kiosk and Xvfb need the cores


def evict(paths: list[Path]) -> int:
    """Drop these trees from the page cache; returns the number of files evicted."""
    count = 0
    for top in paths:
        for folder, _dirs, files in os.walk(top):
            for name in files:
                try:
                    fd = os.open(os.path.join(folder, name), os.O_RDONLY)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                    count += 1
                finally:
                    os.close(fd)
    return count


def start_up_files(root: Path = ROOT) -> list[Path]:
    purelib = Path(sysconfig.get_paths()["purelib"])
    packages = ["PySide6", "shiboken6", "pydantic", "pydantic_core", "platformdirs", "typing_extensions.py"]
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    return [purelib / name for name in packages] + [stdlib, root / "kiosk", root / "assets", root / "data"]


@contextmanager
def xvfb(size: str) -> Iterator[str]:
    """A private Xvfb; yields its display name."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(5)


def pss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class Run:
    on_screen_ms: float  # the first of the start frame's and the live window's
    live_ms: float
    pss_mib: float
    answered_ms: float | None = None  # first input answered, when a tap was made
    response_ms: float | None = None  # from that tap to its answer on screen


def _kiosk_env(tmp: str, platform: str, display: str | None, address: str, cache_home: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    # As installed, the kiosk's modules are compiled (pip writes their bytecode): let the
    # first, unmeasured run write it here too, whatever this shell says.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        QT_QPA_PLATFORM=platform,
        NOTIFY_SOCKET=address,
        XDG_CONFIG_HOME=f"{cache_home}/config",
        XDG_DATA_HOME=f"{tmp}/data",
        XDG_STATE_HOME=f"{tmp}/state",
        XDG_CACHE_HOME=cache_home,
    )
    settings = Path(cache_home, "config", "zgc-kiosk", "settings.json")
    if not settings.exists():
        settings.parent.mkdir(parents=True)
        settings.write_text(json.dumps(SETTINGS_WITH_PIN), encoding="utf-8")
    if display:
        env["DISPLAY"] = display
    return env


class _Screen:
    """XTEST taps and the title's pixels on `display` (python-xlib, as the display tests)."""

    def __init__(self, display: str) -> None:
        from Xlib import X  # noqa: PLC0415 (only for the first-input series)
        from Xlib import display as xdisplay  # noqa: PLC0415
        from Xlib.ext import xtest  # noqa: PLC0415

        self._x, self._xtest = X, xtest
        self.connection = xdisplay.Display(display)
        self.root = self.connection.screen().root

    def title(self) -> bytes:
        x, y, width, height = TITLE
        return bytes(self.root.get_image(x, y, width, height, self._x.ZPixmap, 0xFFFFFFFF).data)

    def tap(self, x: int, y: int) -> None:
        self._xtest.fake_input(self.connection, self._x.MotionNotify, x=x, y=y)
        self._xtest.fake_input(self.connection, self._x.ButtonPress, 1)
        self.connection.sync()
        time.sleep(0.03)  # a touch is never 0 ms long
        self._xtest.fake_input(self.connection, self._x.ButtonRelease, 1)
        self.connection.sync()

    def close(self) -> None:
        self.connection.close()


def one_run(
    platform: str,
    display: str | None,
    cold: bool,
    cache_home: str,
    root: Path = ROOT,
    tap: bool = False,
    rest_s: float = 1.0,
    tap_at: bytes = SHOWN,
    tap_after_s: float = 0.0,
) -> Run:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        address = os.path.join(tmp, "notify")
        channel = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        channel.bind(address)
        channel.settimeout(READY_TIMEOUT_S)
        env = _kiosk_env(tmp, platform, display, address, cache_home)
        screen = _Screen(display) if tap and display else None
        if cold:
            evict([*start_up_files(root), Path(cache_home)])
        started = time.monotonic()
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "kiosk"],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        on_screen_ms: float | None = None
        answered: list[tuple[float, float]] = []
        answering: threading.Thread | None = None
        try:
            while True:
                message = channel.recv(256)
                now_ms = (time.monotonic() - started) * 1000
                if on_screen_ms is None and (SHOWN in message or READY in message):
                    on_screen_ms = now_ms
                if screen is not None and answering is None and (tap_at in message or READY in message):
                    # Tapped beside this loop, which times READY=1.
                    answering = threading.Thread(
                        target=_answer, args=(screen, started, answered, tap_after_s)
                    )
                    answering.start()
                if READY in message:
                    live_ms = now_ms
                    break
            if answering is not None:
                answering.join(READY_TIMEOUT_S)
            time.sleep(rest_s)  # at rest on the home page
            pss = pss_mib(kiosk.pid)
        finally:
            kiosk.send_signal(signal.SIGTERM)
            try:
                kiosk.wait(10)
            except subprocess.TimeoutExpired:
                kiosk.kill()
                kiosk.wait()
            channel.close()
            if screen is not None:
                screen.close()
    assert on_screen_ms is not None
    answered_ms, response_ms = answered[0] if answered else (None, None)
    return Run(on_screen_ms, live_ms, pss, answered_ms, response_ms)


def _answer(screen: _Screen, started: float, answered: list[tuple[float, float]], after_s: float) -> None:
    time.sleep(after_s)  # 0, or long enough for the start-up to have ended: the same tap at rest
    answered.append(_answer_time(screen, started))


def _answer_time(screen: _Screen, started: float) -> tuple[float, float]:
    """Tap the language button now; ms from the fork until the title shows another language,
    and from the tap (its press) until then."""
    before = screen.title()
    pressed = time.monotonic()
    screen.tap(*LANGUAGE_BUTTON)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while screen.title() == before:
        if time.monotonic() > deadline:
            raise TimeoutError("the tap on the language button was not answered")
        time.sleep(POLL_S)
    answered = time.monotonic()
    return (answered - started) * 1000, (answered - pressed) * 1000


def _summary(runs: list[Run]) -> dict[str, float]:
    on_screen = [run.on_screen_ms for run in runs]
    summary = {
        "median_ms": round(statistics.median(on_screen), 1),
        "min_ms": round(min(on_screen), 1),
        "max_ms": round(max(on_screen), 1),
        "live_ms": round(statistics.median(run.live_ms for run in runs), 1),
        "pss_mib": round(statistics.median(run.pss_mib for run in runs), 1),
        "runs": len(runs),
    }
    answered = [run.answered_ms for run in runs if run.answered_ms is not None]
    if answered:
        summary["answered_ms"] = round(statistics.median(answered), 1)
    responses = [run.response_ms for run in runs if run.response_ms is not None]
    if responses:
        summary["response_ms"] = round(statistics.median(responses), 1)
        summary["response_p95_ms"] = round(_p95(responses), 1)
    return summary


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def series(platform: str, display: str | None, cold: bool, runs: int, tap: bool = False) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-cache-") as cache_home:
        # A first run fills the caches of the OS and fontconfig, and the kiosk's own
        # validated-content cache and stored home screen, as every start but the very first
        # finds them.
        one_run(platform, display, False, cache_home, rest_s=FILL_S)
        return _summary([one_run(platform, display, cold, cache_home, tap=tap) for _ in range(runs)])


def compare(baseline: Path, display: str, runs: int) -> dict[str, dict[str, float] | float]:
    """This checkout and `baseline`, alternately, warm, under Xvfb: medians and their ratio.
    Each round taps the language button once the moment home is on screen (the starting
    window's picture, which keeps the tap for the live window) and once the moment the live
    window's first frame is (`READY=1`: the tap meets whatever the start-up still does), and,
    for reference, once at rest, `AT_REST_S` after that frame."""
    measured: dict[tuple[Path, str], list[Run]] = {
        (root, tap): [] for root in (ROOT, baseline) for tap in ("", ", tap on live", ", tap at rest")
    }
    with (
        tempfile.TemporaryDirectory(prefix="kiosk-bench-cache-") as ours,
        tempfile.TemporaryDirectory(prefix="kiosk-bench-cache-") as theirs,
    ):
        caches = {ROOT: ours, baseline: theirs}
        for root, cache in caches.items():
            one_run("xcb", display, False, cache, root, rest_s=FILL_S)  # fills the caches
        for _ in range(runs):
            for (root, tap), results in measured.items():
                tap_at, after_s = (SHOWN, 0.0) if not tap else (READY, AT_REST_S if "rest" in tap else 0.0)
                results.append(
                    one_run(
                        "xcb",
                        display,
                        False,
                        caches[root],
                        root,
                        tap=True,
                        tap_at=tap_at,
                        tap_after_s=after_s,
                    )
                )
    result: dict[str, dict[str, float] | float] = {}
    for (root, tap), results in measured.items():
        result[("this" if root == ROOT else "baseline") + tap] = _summary(results)
    this, before = result["this"], result["baseline"]
    assert isinstance(this, dict)
    assert isinstance(before, dict)
    result["ratio"] = round(this["median_ms"] / before["median_ms"], 3)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--json-only", action="store_true")
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with, interleaved")
    args = parser.parse_args(argv)
    if args.baseline is not None:
        with xvfb(args.size) as display:
            result = compare(args.baseline.resolve(), display, args.runs)
        print(
            f"xvfb warm, medians of {args.runs}, interleaved: home on screen / live / first input"
            " answered / tap to answer (median, p95)"
        )
        for name, row in result.items():
            if not isinstance(row, dict):
                continue
            print(
                f"  {name:<24}{row['median_ms']:>8.0f} ms{row['live_ms']:>8.0f} ms"
                f"{row.get('answered_ms', float('nan')):>8.0f} ms"
                f"{row.get('response_ms', float('nan')):>8.0f} ms"
                f"{row.get('response_p95_ms', float('nan')):>8.0f} ms"
            )
        print(f"  ratio (home on screen) {result['ratio']:.2f}")
        print(json.dumps({"startup_compare": result}))
        return 0
    results: dict[str, dict[str, float]] = {}
    platforms: list[tuple[str, str | None]] = [("offscreen", None)]
    with xvfb(args.size) if shutil.which("Xvfb") else nullcontext(None) as display:
        if display:
            platforms.insert(0, ("xcb", display))
        for platform, shown_on in platforms:
            for cold in (False, True):
                name = f"{'xvfb' if platform == 'xcb' else platform} {'cold' if cold else 'warm'}"
                # Warm under Xvfb, every run also taps: first input answered.
                tap = platform == "xcb" and not cold
                results[name] = series(platform, shown_on, cold, args.runs, tap=tap)
    if not args.json_only:
        print(
            f"{'start-up to home on screen':<28}{'median':>10}{'min':>10}{'max':>10}{'live':>10}"
            f"{'answered':>10}{'PSS':>12}"
        )
        for name, row in results.items():
            print(
                f"{name:<28}{row['median_ms']:>8.0f}ms{row['min_ms']:>8.0f}ms{row['max_ms']:>8.0f}ms"
                f"{row['live_ms']:>8.0f}ms{row.get('answered_ms', float('nan')):>8.0f}ms"
                f"{row['pss_mib']:>8.1f} MiB"
            )
    print(json.dumps({"startup": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
