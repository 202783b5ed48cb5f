"""Cold start: process start to the home page on screen, and memory at rest on the home page.

Each run starts the real kiosk (`python -m kiosk`, kiosk mode, the bundled content) with fresh
settings and data folders, and times from just before the fork to the kiosk's sd_notify
`READY=1`, which it sends once its first frame has been flushed to the screen. A second later
(at rest on the home page) the PSS of the process is read from /proc, then it is ended with
SIGTERM. The kiosk's cache folder (its validated content) is kept over the runs of a series, as
on a kiosk every start but the very first finds it; an unmeasured first run fills it.

Four series: under a private Xvfb (a real X server) and offscreen, each with a warm disk cache
and a cold one. Cold: before each run every file the start-up reads (the interpreter's library,
the Qt, PySide6 and pydantic packages, the kiosk, its fonts, content and cache) is evicted from the page
cache with posix_fadvise(DONTNEED), the per-file way that needs no root.

    .venv/bin/python bench/startup.py [--runs 10] [--json-only]
    .venv/bin/python bench/startup.py --baseline DIR   # this checkout against another, interleaved

With `--baseline` (another checkout of the kiosk, e.g. `git worktree add /tmp/before <commit>`)
it times the two alternately under Xvfb, warm, and prints both medians and their ratio: a
same-run before/after comparison.

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
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Kiosk mode starts only with an admin PIN of the kiosk's own: this one's salted hash (4711),
# as `kiosk set-pin` stores it.
SETTINGS_WITH_PIN = {
    "pin_salt": "ab" * 16,
    "pin_hash": "f0c3d03e6f8e2f1512f53307ba08d47a24f6c3173578ac8819a0bb0dfd02e64f",
}
READY_TIMEOUT_S = 30.0


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


def one_run(
    platform: str, display: str | None, cold: bool, cache_home: str, root: Path = ROOT
) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        address = os.path.join(tmp, "notify")
        channel = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        channel.bind(address)
        channel.settimeout(READY_TIMEOUT_S)
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        # As installed, the kiosk's modules are compiled (pip writes their bytecode): let the
        # first, unmeasured run write it here too, whatever this shell says.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.update(
            QT_QPA_PLATFORM=platform,
            NOTIFY_SOCKET=address,
            XDG_CONFIG_HOME=f"{tmp}/config",
            XDG_DATA_HOME=f"{tmp}/data",
            XDG_STATE_HOME=f"{tmp}/state",
            XDG_CACHE_HOME=cache_home,
        )
        settings = Path(tmp, "config", "zgc-kiosk", "settings.json")
        settings.parent.mkdir(parents=True)
        settings.write_text(json.dumps(SETTINGS_WITH_PIN), encoding="utf-8")
        if display:
            env["DISPLAY"] = display
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
        try:
            while True:
                message = channel.recv(256)
                if b"READY=1" in message:
                    ready_ms = (time.monotonic() - started) * 1000
                    break
            time.sleep(1.0)  # at rest on the home page
            pss = pss_mib(kiosk.pid)
        finally:
            kiosk.send_signal(signal.SIGTERM)
            try:
                kiosk.wait(10)
            except subprocess.TimeoutExpired:
                kiosk.kill()
                kiosk.wait()
            channel.close()
    return ready_ms, pss


def series(platform: str, display: str | None, cold: bool, runs: int) -> dict[str, float]:
    ready: list[float] = []
    pss: list[float] = []
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-cache-") as cache_home:
        # A first run fills the caches of the OS and fontconfig, and the kiosk's own
        # validated-content cache, as every start but the very first finds them.
        one_run(platform, display, False, cache_home)
        for _ in range(runs):
            ms, mib = one_run(platform, display, cold, cache_home)
            ready.append(ms)
            pss.append(mib)
    return {
        "median_ms": round(statistics.median(ready), 1),
        "min_ms": round(min(ready), 1),
        "max_ms": round(max(ready), 1),
        "pss_mib": round(statistics.median(pss), 1),
        "runs": runs,
    }


def compare(baseline: Path, display: str, runs: int) -> dict[str, float]:
    """This checkout and `baseline`, alternately, warm, under Xvfb: medians and their ratio."""
    times: dict[Path, list[float]] = {ROOT: [], baseline: []}
    with (
        tempfile.TemporaryDirectory(prefix="kiosk-bench-cache-") as ours,
        tempfile.TemporaryDirectory(prefix="kiosk-bench-cache-") as theirs,
    ):
        caches = {ROOT: ours, baseline: theirs}
        for root in times:
            one_run("xcb", display, False, caches[root], root)  # fills the caches
        for _ in range(runs):
            for root, measured in times.items():
                measured.append(one_run("xcb", display, False, caches[root], root)[0])
    now, before = statistics.median(times[ROOT]), statistics.median(times[baseline])
    return {"this_ms": round(now, 1), "baseline_ms": round(before, 1), "ratio": round(now / before, 3)}


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
            f"start-up to home on screen (xvfb warm, medians of {args.runs}): this checkout "
            f"{result['this_ms']:.0f} ms, baseline {result['baseline_ms']:.0f} ms,"
            f" ratio {result['ratio']:.2f}"
        )
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
                results[name] = series(platform, shown_on, cold, args.runs)
    if not args.json_only:
        print(f"{'start-up to home on screen':<28}{'median':>10}{'min':>10}{'max':>10}{'PSS':>12}")
        for name, row in results.items():
            print(
                f"{name:<28}{row['median_ms']:>8.0f}ms{row['min_ms']:>8.0f}ms{row['max_ms']:>8.0f}ms"
                f"{row['pss_mib']:>8.1f} MiB"
            )
    print(json.dumps({"startup": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
