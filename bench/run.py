"""Every benchmark, one command: a table of each figure against its goal, then one line of JSON.

    .venv/bin/python bench/run.py [--quick] [--out results.json]

Runs, each in its own process: startup.py (Xvfb and offscreen, warm and cold disk cache),
responsiveness.py (under a private Xvfb when there is one), chart_frames.py and soak.py.
`--quick` makes fewer repetitions (a smoke run, not figures to quote).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from startup import xvfb  # noqa: E402


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    except OSError:
        memory = "0"
    from importlib.metadata import version  # noqa: PLC0415

    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory) / 2**20, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside6": version("PySide6-Essentials"),
        "pyqtgraph": version("pyqtgraph"),
        "pydantic": version("pydantic"),
    }


def run_script(name: str, arguments: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    print(f"running {name} {' '.join(arguments)} …", file=sys.stderr, flush=True)
    done = subprocess.run(
        [sys.executable, str(BENCH / name), *arguments, "--json-only"],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"failed": done.returncode, "stderr": done.stderr[-2000:]}
    result: dict[str, Any] = json.loads(lines[-1])
    result["exit_code"] = done.returncode
    return result


def goals(results: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    """(what, measured, goal, met) for every figure the kiosk has a goal for."""
    rows: list[tuple[str, str, str, bool]] = []
    start = results["startup"].get("startup", {})
    for name, limit in (
        ("xvfb warm", 200),
        ("xvfb cold", 350),
        ("offscreen warm", 200),
        ("offscreen cold", 350),
    ):
        if name in start:
            value = start[name]["median_ms"]
            rows.append(
                (f"start-up to home, {name} (median)", f"{value:.0f} ms", f"≤ {limit} ms", value <= limit)
            )
    if "xvfb warm" in start:
        pss = start["xvfb warm"]["pss_mib"]
        rows.append(("memory at rest on home (PSS)", f"{pss:.0f} MiB", "≤ 150 MiB", pss <= 150))
    answer = results["responsiveness"].get("response", {})
    if answer:
        rows.append(("input → first frame p50", f"{answer['p50_ms']} ms", "", True))
        rows.append(("input → first frame p95", f"{answer['p95_ms']} ms", "≤ 25 ms", answer["p95_ms"] <= 25))
        rows.append(
            (
                "worst frame gap in a transition p95",
                f"{answer['worst_gap_p95_ms']} ms",
                "≤ 20 ms",
                answer["worst_gap_p95_ms"] <= 20,
            )
        )
    frames = results["chart_frames"].get("all", {}).get("frame", {})
    if frames:
        rows.append(("animation frame p95", f"{frames['p95']} ms", "≤ 16.7 ms", frames["p95"] <= 16.7))
        rows.append(("animation frame max", f"{frames['max']} ms", "≤ 50 ms", frames["max"] <= 50))
    stalls = results["responsiveness"].get("stalls", {})
    for key, label in (
        ("chart_preload_ms", "chart library loading after the first frame"),
        ("content_reload_ms", "content reload"),
        ("page_builds_ms", "building pages"),
    ):
        if key in stalls:
            rows.append((f"longest UI stall, {label}", f"{stalls[key]} ms", "≤ 50 ms", stalls[key] <= 50))
    memory = results["responsiveness"].get("memory", [])
    if memory:
        first, last = memory[0], memory[-1]
        peak = max(row["rss_mib"] for row in memory)
        growth = last["rss_mib"] - first["rss_mib"]
        rows.append(
            (
                "RSS after 10k navigations, 1k switches, 100 reloads (peak)",
                f"{peak} MiB",
                "≤ 250 MB",
                peak * 1.048576 <= 250,
            )
        )
        rows.append(("RSS growth over them", f"{growth:+.1f} MiB", "≤ 5 MB", growth * 1.048576 <= 5))
        if first.get("heap_in_use_mib", -1) >= 0:
            heap_growth = last["heap_in_use_mib"] - first["heap_in_use_mib"]
            rows.append(
                (
                    "heap in use, growth over them",
                    f"{heap_growth:+.1f} MiB",
                    "≤ 5 MB",
                    heap_growth * 1.048576 <= 5,
                )
            )
        rows.append(
            (
                "live QObjects before → after",
                f"{first['qobjects']} → {last['qobjects']}",
                "no growth",
                last["qobjects"] <= first["qobjects"],
            )
        )
    soak = results["soak"]
    if "growth_after_hour_1_mib" in soak:
        rows.append(
            (
                f"soak: RSS growth from hour 1 to {soak['hours']}",
                f"{soak['growth_after_hour_1_mib']:+.1f} MiB",
                "flat",
                soak["growth_after_hour_1_mib"] <= 5,
            )
        )
        faults = soak["exceptions"] + soak["logged_errors"]
        rows.append(("soak: exceptions and logged errors", str(faults), "0", faults == 0))
    load = results["responsiveness"].get("content_load", {})
    if load:
        rows.append(
            ("content load, bundled file", f"{load['bundled_ms']} ms", "≤ 50 ms", load["bundled_ms"] <= 50)
        )
        rows.append(
            ("content load, 100× larger file", f"{load['100x_ms']} ms", "≤ 1000 ms", load["100x_ms"] <= 1000)
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    quick = args.quick
    results: dict[str, Any] = {"machine": machine()}
    results["startup"] = run_script("startup.py", ["--runs", "3" if quick else "10"])
    inputs = ["--inputs", "30" if quick else "200"]
    try:
        with xvfb("1920x1080") as display:
            results["responsiveness"] = run_script(
                "responsiveness.py", inputs, {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
            )
    except OSError:
        results["responsiveness"] = run_script("responsiveness.py", inputs, {"QT_QPA_PLATFORM": "offscreen"})
    results["chart_frames"] = run_script("chart_frames.py", ["--runs", "1" if quick else "5"])
    results["soak"] = run_script("soak.py", ["--hours", "3" if quick else "24"])
    rows = goals(results)
    results["goals"] = [{"what": w, "measured": m, "goal": g, "met": ok} for w, m, g, ok in rows]
    described = results["machine"]
    print(
        f"{described['cpu']}, {described['cores']} cores, {described['memory_gib']} GiB;"
        f" Python {described['python']}, PySide6 {described['pyside6']},"
        f" pyqtgraph {described['pyqtgraph']}, pydantic {described['pydantic']}"
    )
    width = max(len(w) for w, _m, _g, _ok in rows)
    for what, measured, goal, met in rows:
        mark = "" if not goal else ("met" if met else "MISSED")
        print(f"{what:<{width}}  {measured:>16}  {goal:>10}  {mark}")
    line = json.dumps(results)
    if args.out:
        args.out.write_text(line + "\n", encoding="utf-8")
    print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
