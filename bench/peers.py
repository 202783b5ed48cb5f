"""Start-up beside its peers, seen from outside: the kiosk, a Chromium kiosk on an equivalent
static home page and a minimal PySide6 window with a similar home screen, interleaved run by
run under the black-box timer of the shared tools (`firstpaint.py`: screenshots of a private
Xvfb), so that every figure comes from the same minutes of the same machine.

    .venv/bin/python bench/peers.py --tools DIR [--runs 6] [--baseline CHECKOUT]

`--tools` is the shared tools' folder (firstpaint.py and subjects/); the kiosk's own bench does
not need it. `--baseline` adds another checkout of the kiosk (before a change) to the rounds.
Each kiosk keeps its settings (its own PIN) and cache folder over the runs, as an installed
kiosk does; a first, unmeasured round fills them. Prints, per subject, the medians of "content
on screen" (text and tiles drawn, not only a background) and of the PSS when settled, the
kiosk's ratios to each peer, and one line of JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_WITH_PIN = {
    "pin_salt": "ab" * 16,
    "pin_hash": "f0c3d03e6f8e2f1512f53307ba08d47a24f6c3173578ac8819a0bb0dfd02e64f",
}
CHROMIUM_FLAGS = [
    "--kiosk", "--no-first-run", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--window-position=0,0", "--user-data-dir={tmp}/p",
]  # fmt: skip


def subjects(
    tools: Path, size: str, home: Path, baseline: Path | None
) -> dict[str, tuple[list[str], Path, dict[str, str]]]:
    """name -> (command, working folder, environment additions)."""
    width, height = size.split("x")

    def kiosk(name: str) -> dict[str, str]:
        folder = home / name
        settings = folder / "config" / "zgc-kiosk" / "settings.json"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(json.dumps(SETTINGS_WITH_PIN), encoding="utf-8")
        return {
            "QT_QPA_PLATFORM": "xcb",
            **{
                f"XDG_{kind.upper()}_HOME": str(folder / kind)
                for kind in ("config", "cache", "state", "data")
            },
        }

    found: dict[str, tuple[list[str], Path, dict[str, str]]] = {
        "kiosk": ([sys.executable, "-m", "kiosk"], ROOT, kiosk("kiosk")),
    }
    if baseline is not None:
        found["kiosk before"] = ([sys.executable, "-m", "kiosk"], baseline, kiosk("before"))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        page = (tools / "subjects" / "kiosk.html").resolve().as_uri()
        found["chromium kiosk"] = (
            [chromium, *CHROMIUM_FLAGS, f"--window-size={width},{height}", page],
            home,
            {},
        )
    found["minimal PySide6"] = (
        [sys.executable, str(tools / "subjects" / "qt_kiosk.py"), "lazy-after-paint"],
        home,
        {"QT_QPA_PLATFORM": "xcb"},
    )
    return found


def one(
    firstpaint: Path, command: list[str], cwd: Path, env: dict[str, str], size: str, settle: float
) -> dict[str, float]:
    done = subprocess.run(
        [
            "/usr/bin/python3",
            str(firstpaint),
            "--runs",
            "1",
            "--size",
            size,
            "--settle",
            str(settle),
            "--",
            *command,
        ],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"firstpaint failed for {command[0]}: {done.stderr[-1000:]}")
    summary = json.loads(lines[-1])["summary"]
    return {
        "content_ms": summary["content_ms"]["median"],
        "pss_mib": summary.get("pss_at_end_mib", {}).get("median", float("nan")),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tools", type=Path, required=True, help="the shared tools' folder")
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--baseline", type=Path, help="another checkout of the kiosk, before a change")
    args = parser.parse_args(argv)
    firstpaint = args.tools / "firstpaint.py"
    with tempfile.TemporaryDirectory(prefix="kiosk-peers-") as home:
        chosen = subjects(args.tools, args.size, Path(home), args.baseline)
        for command, cwd, env in chosen.values():  # fills the caches, stores the home screen
            one(firstpaint, command, cwd, env, args.size, settle=3.0)
        measured: dict[str, list[dict[str, float]]] = {name: [] for name in chosen}
        for _ in range(args.runs):
            for name, (command, cwd, env) in chosen.items():
                measured[name].append(one(firstpaint, command, cwd, env, args.size, settle=1.0))
    result = {
        name: {
            "content_ms": round(statistics.median(run["content_ms"] for run in runs), 1),
            "pss_mib": round(statistics.median(run["pss_mib"] for run in runs), 1),
            "runs": len(runs),
        }
        for name, runs in measured.items()
    }
    kiosk = result["kiosk"]["content_ms"]
    print(f"content on screen, {args.size} under Xvfb, medians of {args.runs}, interleaved")
    for name, row in result.items():
        ratio = row["content_ms"] / kiosk
        shown, pss = row["content_ms"], row["pss_mib"]
        print(f"  {name:<18}{shown:>8.0f} ms  ({ratio:.2f}x the kiosk){pss:>10.1f} MiB PSS")
    print(json.dumps({"peers": result}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
