"""Touch and key response, frames during transitions, UI-thread stalls, memory over use, and
content load time: the kiosk in one process at 1920x1080 (the response rows at `--size`).

Run under Xvfb (`DISPLAY` set, the xcb platform) for a real X server, or offscreen (the
default when there is no display). Measured:

- response: 200 inputs (Right/Left keys, taps on next / previous / language) across every page,
  from the input being delivered to the end of the first frame painted after it (the frame is
  flushed to the window system at the end of that event-loop turn); p50 / p95.
- transition frames: while each input's response animates (the slide, the page's entrance, a
  tour's route: until the window's animations end), the time between frames on screen; the
  worst gap of each transition, p50 / p95 / max over transitions.
- stalls: a 5 ms timer measuring its own lateness, during 20 content reloads (the live watcher:
  validation on a worker thread, the swap on the UI thread) and while every page is built for
  the first time; the longest lateness.
- memory: RSS, the heap in use (malloc's live bytes: growth there is a leak, growth only in
  RSS is a fragmented heap) and live QObjects after start, after 10,000 navigations, 1,000 language switches
  and 100 content reloads.
- content: load and validate the bundled file, and a synthetic one 100 times larger; medians.

    .venv/bin/python bench/responsiveness.py [--inputs 200] [--json-only]

Prints a table and, last, one line of JSON.
"""

from __future__ import annotations

import argparse
import copy
import gc
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from percentiles import percentile  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from kiosk.app import boot  # noqa: E402
from kiosk.app.boot import create_application, load_or_report  # noqa: E402
from kiosk.content import load_content  # noqa: E402
from kiosk.showfloor.floor import memory_mib  # noqa: E402
from kiosk.system.content_watcher import ContentWatcher  # noqa: E402
from kiosk.system.health import read_memory, trim_heap  # noqa: E402
from kiosk.system.resources import default_content_path  # noqa: E402
from kiosk.ui.frame_clock import Tween  # noqa: E402
from kiosk.ui.main_window import MainWindow  # noqa: E402
from kiosk.ui.session import Session  # noqa: E402


class TimedApplication(QApplication):
    """Notes the end of every paint: frames are the bursts of paints in one event-loop turn."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.frames: list[float] = []

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        handled = super().notify(receiver, event)
        if event.type() == QEvent.Type.Paint:
            now = time.perf_counter()
            if not self.frames or now - self.frames[-1] > 0.002:
                self.frames.append(now)
            else:
                self.frames[-1] = now
        return handled


def heap_in_use_mib() -> float:
    """Bytes malloc has handed out and not had back (glibc): what is live, without the freed
    memory a fragmented heap keeps in RSS. -1 where glibc's mallinfo2 is missing."""
    reading = read_memory().heap_in_use_mib
    return -1.0 if reading is None else reading


def spin_until(app: QApplication, done: Callable[[], bool], timeout_s: float) -> None:
    end = time.perf_counter() + timeout_s
    while not done() and time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)


def settle(app: TimedApplication, quiet_s: float = 0.08, cap_s: float = 1.6) -> None:
    """Until nothing has been painted for `quiet_s` (the transition and its counters are over)."""
    start = time.perf_counter()
    while time.perf_counter() - start < cap_s:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        last = app.frames[-1] if app.frames else start
        if time.perf_counter() - max(last, start) > quiet_s:
            return
        time.sleep(0.002)


class StallMeter(QObject):
    """A 5 ms timer that records how late it fires: the UI thread's longest stall."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.worst_ms = 0.0
        self._last = 0.0

    def start(self) -> None:
        self.worst_ms = 0.0
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst_ms

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst_ms = max(self.worst_ms, (now - self._last) * 1000 - 5)
        self._last = now


def make_window(
    app: QApplication, data: Path | None = None, size: tuple[int, int] = (1920, 1080)
) -> MainWindow:
    loaded, error = load_or_report(data)
    window = MainWindow(Session(loaded, error, "zh", size=size))
    window.first_frame.connect(boot.preload_later_modules)  # as the kiosk does
    window.setFixedSize(*size)
    window.show()
    spin_until(app, lambda: window.frames_painted_count() > 0, 5)
    return window


def animating(window: QWidget) -> bool:
    return any(tween.running for tween in window.findChildren(Tween))


def tap(widget: QWidget) -> None:
    QTest.mouseClick(
        widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget.rect().center()
    )


def response(app: TimedApplication, window: MainWindow, inputs: int) -> dict[str, object]:
    nav = window.nav
    actions: list[tuple[str, Callable[[], None]]] = [
        ("key Right", lambda: QTest.keyClick(window, Qt.Key.Key_Right)),
        ("tap next", lambda: tap(nav.next_button)),
        ("tap language", lambda: tap(nav.language_button)),
        ("key Left", lambda: QTest.keyClick(window, Qt.Key.Key_Left)),
        ("tap previous", lambda: tap(nav.previous_button)),
    ]
    refs = [ref.id for ref in window.session.refs]
    language_changes: list[int] = []  # frames painted when the language changed
    window.session.language.changed.connect(lambda _lang: language_changes.append(len(app.frames)))
    latencies: list[float] = []
    latencies_by_action: dict[str, list[float]] = {}
    worst_gaps: list[float] = []
    by_action: dict[str, list[float]] = {}
    slowest: list[tuple[float, str, str, str]] = []
    for index in range(inputs):
        window.session.go_to(refs[index % len(refs)], direction=0)
        settle(app)
        name, action = actions[index % len(actions)]
        frames_before = len(app.frames)
        language_changes.clear()
        sent = time.perf_counter()
        action()
        spin_until(app, lambda count=frames_before: len(app.frames) > count, 2.0)  # type: ignore[misc]
        if language_changes:
            # A tap's first frame shows the button pressed; the language's is the one after
            # the texts changed.
            changed_at = language_changes[0]
            spin_until(app, lambda count=changed_at: len(app.frames) > count, 2.0)  # type: ignore[misc]
            frames_before = changed_at
        if len(app.frames) == frames_before:
            continue  # nothing to change (e.g. next on the last page): no frame to time
        latencies.append((app.frames[frames_before] - sent) * 1000)
        latencies_by_action.setdefault(name, []).append(latencies[-1])
        # The transition lasts while the window's animations run (the slide, the entrance, a
        # tour's route), and its last frame is painted within a few ms of their end. Later
        # frames are the page's own life (the rate chart's counter ticks on), not the transition.
        spin_until(app, lambda: not animating(window), 5.0)
        ended = time.perf_counter() + 0.010
        settle(app)
        frames = [frame for frame in app.frames[frames_before:] if frame <= ended]
        if len(frames) > 2:
            worst_gaps.append(max(b - a for a, b in itertools.pairwise(frames)) * 1000)
            by_action.setdefault(name, []).append(worst_gaps[-1])
            slowest.append(
                (round(worst_gaps[-1], 1), name, refs[index % len(refs)], window.session.current_id)
            )
    return {
        "inputs": len(latencies),
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "max_ms": round(max(latencies), 1),
        "transitions": len(worst_gaps),
        "worst_gap_p50_ms": round(statistics.median(worst_gaps), 1) if worst_gaps else 0.0,
        "worst_gap_p95_ms": round(percentile(worst_gaps, 0.95), 1),
        "worst_gap_max_ms": round(max(worst_gaps, default=0.0), 1),
        "slowest_transitions": sorted(slowest, reverse=True)[:5],
        "worst_gap_p95_by_input_ms": {
            name: round(percentile(gaps, 0.95), 1) for name, gaps in by_action.items()
        },
        "p50_p95_by_input_ms": {
            name: (round(statistics.median(times), 1), round(percentile(times, 0.95), 1))
            for name, times in latencies_by_action.items()
        },
    }


def stalls(app: TimedApplication, data_dir: Path) -> dict[str, float]:
    meter = StallMeter()
    # Building every page for the first time, as a visitor's first walk does.
    window = make_window(app, data_dir / "content.json")
    # Just after the first frame the chart library loads on a worker thread.
    meter.start()
    spin_until(
        app,
        lambda: boot._preload is not None and not boot._preload.is_alive(),
        30,
    )
    preloading = meter.stop()
    meter.start()
    for ref in window.session.refs:
        window.session.go_to(ref.id, direction=0)
        app.processEvents()
    building = meter.stop()
    # Content reloads through the live watcher, as a save on the show floor does.
    watcher = ContentWatcher(data_dir / "content.json", parent=window)
    watcher.loaded.connect(window.session.set_content)  # as the kiosk wires it
    reloaded = [0]
    window.content_shown.connect(lambda: reloaded.__setitem__(0, reloaded[0] + 1))
    meter.start()
    for count in range(1, 21):
        watcher.check_now()
        spin_until(app, lambda count=count: reloaded[0] >= count, 10)  # type: ignore[misc]
    reloading = meter.stop()
    window.close()
    window.deleteLater()
    return {
        "chart_preload_ms": round(preloading, 1),
        "page_builds_ms": round(building, 1),
        "content_reload_ms": round(reloading, 1),
        "reloads": reloaded[0],
    }


def memory(app: TimedApplication, data: Path) -> list[tuple[str, float, float, int]]:
    window = make_window(app, data)
    refs = [ref.id for ref in window.session.refs]
    rows: list[tuple[str, float, float, int]] = []

    def row(name: str) -> None:
        for _ in range(3):
            app.processEvents()
        spin_until(app, lambda: window.pages_retiring == 0, 10)  # replaced pages go one per turn
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        trim_heap()
        rows.append(
            (name, round(memory_mib(), 1), round(heap_in_use_mib(), 1), len(window.findChildren(QObject)))
        )

    for ref in refs:  # every page built once
        window.session.go_to(ref, direction=0)
    window.session.go_home()
    row("after start (every page built)")
    chooser = random.Random(20250917)
    for count in range(10_000):
        # Every tenth one slides (two full-window grabs); the rest switch at once.
        window.session.go_to(
            chooser.choice(refs), direction=chooser.choice((-1, 1)) if count % 10 == 0 else 0
        )
        app.processEvents()
    window.session.go_home()
    row("after 10,000 navigations")
    for count in range(1_000):
        window.session.language.toggle()
        if count % 10 == 0:
            app.processEvents()
    row("after 1,000 language switches")
    for _ in range(100):
        window.session.set_content(load_content(data))
        app.processEvents()
    for ref in refs:  # every page built again, so the count compares like with like
        window.session.go_to(ref, direction=0)
    window.session.go_home()
    row("after 100 content reloads")
    window.close()
    return rows


def relocated(data: Path, folder: Path) -> dict[str, object]:
    """The content of `data` as it must read from `folder` (its assets folder still found)."""
    content: dict[str, object] = json.loads(data.read_text(encoding="utf-8"))
    meta = content["meta"]
    assert isinstance(meta, dict)
    meta["assets_root"] = os.path.relpath(data.parent / meta["assets_root"], folder)
    return content


def synthetic(data: Path, folder: Path, factor: int) -> str:
    """The bundled content `factor` times larger: figures and voices repeated up to the model's
    limits (unique ids), then their texts repeated until the file is `factor` times the size."""
    content = relocated(data, folder)
    for key, limit in (("figures", 200), ("voices", 40)):
        items = content[key]
        assert isinstance(items, list)
        originals = list(items)
        copy_index = 1
        while len(items) + len(originals) <= limit:
            for item in originals:
                twin = copy.deepcopy(item)
                twin["id"] = f"{item['id'][:40]}-x{copy_index}"
                items.append(twin)
            copy_index += 1

    def lengthen(node: object, times: int) -> object:
        if isinstance(node, dict):
            if node and set(node) <= {"zh", "en"} and all(isinstance(v, str) for v in node.values()):
                return {lang: " ".join([text] * times) for lang, text in node.items()}
            return {key: node[key] if key == "id" else lengthen(node[key], times) for key in node}
        if isinstance(node, list):
            return [lengthen(item, times) for item in node]
        return node

    target = data.stat().st_size * factor
    times = 1
    text = json.dumps(content, ensure_ascii=False, indent=2)
    while len(text.encode("utf-8")) < target:
        times += max(1, int(times * (target / len(text.encode("utf-8")) - 1)))
        longer = dict(content)
        for key in ("figures", "voices"):
            longer[key] = lengthen(content[key], times)
        text = json.dumps(longer, ensure_ascii=False, indent=2)
    return text


def content_load(data: Path, folder: Path) -> dict[str, float]:
    big = folder / "content.json"
    big.write_text(synthetic(data, folder, 100), encoding="utf-8")
    times: dict[str, list[float]] = {"bundled": [], "100x": []}
    for _ in range(10):
        for name, path in (("bundled", data), ("100x", big)):
            started = time.perf_counter()
            load_content(path)
            times[name].append((time.perf_counter() - started) * 1000)
    return {
        "bundled_ms": round(statistics.median(times["bundled"]), 1),
        "bundled_kib": round(data.stat().st_size / 1024),
        "100x_ms": round(statistics.median(times["100x"]), 1),
        "100x_kib": round(big.stat().st_size / 1024),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=200)
    parser.add_argument("--json-only", action="store_true")
    parser.add_argument("--size", default="1920x1080", help="the window's size for the response rows")
    parser.add_argument(
        "--only", choices=("content", "stalls", "response", "memory"), help="run one part (all by default)"
    )
    args = parser.parse_args(argv)
    parts = {args.only} if args.only else {"content", "stalls", "response", "memory"}
    app = TimedApplication(sys.argv[:1])
    create_application()  # the kiosk's style and fonts on this application
    data = default_content_path()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        folder = Path(tmp)
        copy_dir = folder / "live"
        copy_dir.mkdir()
        live = relocated(data, copy_dir)
        (copy_dir / "content.json").write_text(json.dumps(live, ensure_ascii=False), encoding="utf-8")
        loads = content_load(data, folder) if "content" in parts else {}
        stall = stalls(app, copy_dir) if "stalls" in parts else {}
        answer: dict[str, object] = {}
        if "response" in parts:
            width, height = (int(side) for side in args.size.split("x"))
            window = make_window(app, size=(width, height))
            answer = response(app, window, args.inputs)
            window.close()
        rows = memory(app, data) if "memory" in parts else []
    result = {
        "platform": QApplication.platformName(),
        "size": args.size,
        "response": answer,
        "stalls": stall,
        "memory": [
            {"when": name, "rss_mib": rss, "heap_in_use_mib": heap, "qobjects": objects}
            for name, rss, heap, objects in rows
        ],
        "content_load": loads,
    }
    if not args.json_only:
        print(f"platform: {result['platform']}")
    if not args.json_only and answer:
        print(
            f"response to input   p50 {answer['p50_ms']} ms  p95 {answer['p95_ms']} ms"
            f"  max {answer['max_ms']} ms  ({answer['inputs']} inputs)"
        )
        print(
            f"worst frame gap     p50 {answer['worst_gap_p50_ms']} ms  p95 {answer['worst_gap_p95_ms']} ms"
            f"  max {answer['worst_gap_max_ms']} ms  ({answer['transitions']} transitions)"
        )
        by_input = answer["p50_p95_by_input_ms"]
        gaps = answer["worst_gap_p95_by_input_ms"]
        assert isinstance(by_input, dict)
        assert isinstance(gaps, dict)
        for name, (p50, p95) in by_input.items():
            print(
                f"  {name:<16}first frame p50 {p50} ms  p95 {p95} ms  worst gap p95 {gaps.get(name, '-')} ms"
            )
    if not args.json_only and stall:
        print(
            f"longest stall       chart preload {stall['chart_preload_ms']} ms,"
            f" page builds {stall['page_builds_ms']} ms,"
            f" content reloads {stall['content_reload_ms']} ms"
        )
    if not args.json_only:
        for name, rss, heap, objects in rows:
            print(f"memory {name:<32} RSS {rss:6.1f} MiB  heap in use {heap:6.1f} MiB  {objects:>5} QObjects")
    if not args.json_only and loads:
        print(
            f"content load        bundled ({loads['bundled_kib']} KiB) {loads['bundled_ms']} ms,"
            f" 100x ({loads['100x_kib']} KiB) {loads['100x_ms']} ms"
        )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
