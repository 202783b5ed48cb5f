"""Whatever `kiosk validate` accepts renders on every page at every size: valid variants of the
bundled content (artwork from 1x1 to 8192 px a side, as SVG, PNG, JPEG and WebP; texts of one
character or hundreds without a space; lists empty, of one item or as long as the schema
allows) are validated and every page is drawn offscreen.

The drawing runs in a separate process (`render_worker.py`), one for the whole run: a
segmentation fault there fails the example with its description and the worker's last words,
instead of killing pytest without saying which content did it. A Python error or a Qt warning
while drawing fails the example too.
"""

from __future__ import annotations

import copy
import json
import os
import select
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QBuffer, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from kiosk.system.resources import bundled_dir, default_content_path

BUNDLED: dict[str, Any] = json.loads(default_content_path().read_text(encoding="utf-8"))
WORKER = Path(__file__).with_name("render_worker.py")
CHECKOUT = Path(__file__).resolve().parents[2]
SIZES = ((1920, 1080), (1080, 1920), (1280, 800))
ANSWER_TIMEOUT_S = 300

LIMITS = {"visions": 8, "tours": 8, "stops": 20, "figures": 200, "figure_groups": 40, "voices": 40}
LIMITS |= {"calls": 6, "vision_figures": 4, "group_figures": 8}
COUNTS = ("bundled", "empty", "one", "max")
TEXTS = {
    "one character": ("字", "A"),
    "long Chinese": ("中关村科技园区创新发展" * 60, "Zhongguancun Science Park " * 24),
    "one long word": ("氢" * 400, "Supercalifragilistic" * 20),
}
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}">{body}</svg>'
SHAPES = '<rect x="0" y="0" width="{w}" height="{h}" fill="#3a7"/><circle cx="{cx}" cy="{cy}" r="{r}"/>'


def _svg(width: int, height: int) -> bytes:
    body = SHAPES.format(w=width, h=height, cx=width / 2, cy=height / 2, r=min(width, height) / 3)
    return SVG.format(w=width, h=height, body=body).encode()


def _raster(width: int, height: int, kind: str) -> bytes:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setBrush(QColor("#d04020"))
    painter.drawEllipse(QPointF(width / 2, height / 2), width / 2, height / 2)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, kind)
    return bytes(buffer.data().data())


# Degenerate but valid: every one of these passes `kiosk validate` (checked by the worker).
ARTWORK = {
    "art/one.svg": lambda: _svg(1, 1),
    "art/largest.svg": lambda: _svg(8192, 8192),
    "art/wide.svg": lambda: _svg(8192, 1),
    "art/tall.svg": lambda: _svg(1, 8192),
    "art/one.png": lambda: _raster(1, 1, "PNG"),
    "art/strip.png": lambda: _raster(3000, 2, "PNG"),
    "art/photo.jpg": lambda: _raster(640, 400, "JPEG"),
    "art/mark.webp": lambda: _raster(96, 96, "WEBP"),
}


@dataclass(frozen=True)
class Variant:
    """What was changed from the bundled content: hypothesis prints this for a failure."""

    counts: tuple[tuple[str, str], ...]
    languages: tuple[str, ...]
    artwork: tuple[tuple[str, str], ...]
    texts: tuple[tuple[str, str], ...]
    content: str  # the JSON, left out of the printed description

    def __repr__(self) -> str:
        return (
            f"Variant(counts={dict(self.counts)}, languages={self.languages}, "
            f"artwork={dict(self.artwork)}, texts={dict(self.texts)})"
        )


def _resized(items: list[Any], how: str, limit: int, minimum: int = 0) -> list[Any]:
    """`items` emptied, cut to one or grown to `limit` with copies under new ids."""
    if how == "bundled" or not items:
        return items
    if how == "empty":
        return items[:minimum]
    if how == "one":
        return items[:1]
    grown = []
    for index in range(limit):
        item = copy.deepcopy(items[index % len(items)])
        if index >= len(items) and isinstance(item, dict) and "id" in item:
            item["id"] = f"{item['id'][:40]}-{index}"
        grown.append(item)
    return grown


def _figure_ids(own: list[str], how: str, limit: int, known: list[str]) -> list[str]:
    """A vision's or a group's figures: those still there, then none, one or as many as allowed."""
    kept = [f for f in own if f in known]
    if how == "max":
        return list(dict.fromkeys(kept + known))[:limit]
    if how == "one":
        return (kept or known)[:1]
    return [] if how == "empty" else kept


def _with_counts(data: dict[str, Any], counts: dict[str, str]) -> None:
    data["figures"] = _resized(data["figures"], counts["figures"], LIMITS["figures"])
    figure_ids = [f["id"] for f in data["figures"]]
    data["voices"] = _resized(data["voices"], counts["voices"], LIMITS["voices"])
    voice_ids = {v["id"] for v in data["voices"]}
    data["visions"] = _resized(data["visions"], counts["visions"], LIMITS["visions"], minimum=1)
    for vision in data["visions"]:
        how = counts["vision_figures"]
        vision["figures"] = _figure_ids(vision["figures"], how, LIMITS["vision_figures"], figure_ids)
    groups = []
    for group in data["figure_groups"]:
        how = counts["group_figures"]
        # A group needs one figure at least: "empty" leaves it one, and one with none goes.
        own = _figure_ids(
            group["figures"], "one" if how == "empty" else how, LIMITS["group_figures"], figure_ids
        )
        if own:
            groups.append({**group, "figures": own})
    data["figure_groups"] = _resized(groups, counts["figure_groups"], LIMITS["figure_groups"])
    data["tours"] = _resized(data["tours"], counts["tours"], LIMITS["tours"])
    for tour in data["tours"]:
        tour["stops"] = _resized(tour["stops"], counts["stops"], LIMITS["stops"], minimum=1)
        for index, stop in enumerate(tour["stops"]):
            stop["id"] = f"stop-{index}"
            if stop.get("figure") not in figure_ids:
                stop.pop("figure", None)
            if stop.get("voice") not in voice_ids:
                stop.pop("voice", None)
    vision_ids = {v["id"] for v in data["visions"]}
    for item in [*data["figure_groups"], *data["tours"], *data["voices"]]:
        if item.get("vision") not in vision_ids:  # its vision is gone: it is drawn neutral
            item.pop("vision", None)
    data["home"]["calls"] = _resized(data["home"]["calls"], counts["calls"], LIMITS["calls"], minimum=1)
    if any(how != "bundled" for how in counts.values()):
        data["slideshow"]["slides"] = []  # the playlist names pages that may be gone


def _text_paths(node: Any, languages: set[str], prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every visitor-facing text: an object whose keys are the content's languages."""
    if isinstance(node, dict):
        if node and set(node) <= languages | {"zh", "en"} and all(isinstance(v, str) for v in node.values()):
            return [prefix]
        return [p for key, value in node.items() for p in _text_paths(value, languages, (*prefix, key))]
    if isinstance(node, list):
        return [
            p for index, value in enumerate(node) for p in _text_paths(value, languages, (*prefix, index))
        ]
    return []


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def _label(path: tuple[Any, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


@st.composite
def variants(draw: st.DrawFn) -> Variant:
    data = copy.deepcopy(BUNDLED)
    counts = {name: draw(st.sampled_from(COUNTS)) for name in LIMITS}
    _with_counts(data, counts)
    languages = draw(st.sampled_from([("zh", "en"), ("en",), ("zh",)]))
    data["meta"]["languages"] = list(languages)
    data["meta"]["default_language"] = languages[0]
    artwork = {}
    fields = [("visions", i, "icon") for i in range(len(data["visions"]))]
    fields += [("tours", i, part) for i in range(len(data["tours"])) for part in ("icon", "diagram")]
    for field in fields:
        chosen = draw(st.sampled_from([None, *ARTWORK]))
        if chosen is not None:
            _at(data, field[:-1])[field[-1]] = chosen
            artwork[_label(field)] = chosen
    texts = {}
    paths = _text_paths(data, set(languages))
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        path = draw(st.sampled_from(paths))
        style = draw(st.sampled_from(list(TEXTS)))
        zh, en = TEXTS[style]
        _at(data, path).update({lang: zh if lang == "zh" else en for lang in _at(data, path)})
        texts[_label(path)] = style
    return Variant(
        tuple(sorted((k, v) for k, v in counts.items() if v != "bundled")),
        languages,
        tuple(artwork.items()),
        tuple(texts.items()),
        json.dumps(data, ensure_ascii=False),
    )


class Renderer:
    """The worker process; started again after it died."""

    def __init__(self, log: Path) -> None:
        self._log = log
        self._process: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        if self._process is not None and self._process.poll() is not None:
            self.stop()
        if self._process is None:
            environment = {**os.environ, "PYTHONFAULTHANDLER": "1", "QT_QPA_PLATFORM": "offscreen"}
            environment["PYTHONPATH"] = os.pathsep.join([str(CHECKOUT), environment.get("PYTHONPATH", "")])
            with self._log.open("w", encoding="utf-8") as log:
                self._process = subprocess.Popen(
                    [sys.executable, str(WORKER)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=log,
                    text=True,
                    env=environment,
                )
        return self._process

    def render(self, request: dict[str, Any]) -> dict[str, Any]:
        process = self._start()
        assert process.stdin is not None
        assert process.stdout is not None
        process.stdin.write(json.dumps(request) + "\n")
        process.stdin.flush()
        ready, _, _ = select.select([process.stdout], [], [], ANSWER_TIMEOUT_S)
        line = process.stdout.readline() if ready else ""
        if line:
            answer: dict[str, Any] = json.loads(line)
            return answer
        if process.poll() is None:
            process.kill()
            cause = f"no answer within {ANSWER_TIMEOUT_S} s"
        else:
            cause = f"the renderer died (exit status {process.returncode})"
        self.stop()
        last_words = self._log.read_text(encoding="utf-8", errors="replace")[-4000:]
        pytest.fail(f"{cause}; its last output:\n{last_words}")

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        assert process.stdin is not None
        assert process.stdout is not None
        process.stdin.close()  # the worker's end of input: it returns
        process.wait(timeout=30)
        process.stdout.close()


@pytest.fixture(scope="module")
def folder(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled artwork with the degenerate artwork beside it; content goes in data/."""
    root = tmp_path_factory.mktemp("render-fuzz")
    for part in ("icons", "tours"):
        (root / "assets" / part).mkdir(parents=True)
        for source in (bundled_dir("assets") / part).iterdir():
            (root / "assets" / part / source.name).write_bytes(source.read_bytes())
    (root / "assets" / "art").mkdir()
    for name, make in ARTWORK.items():
        (root / "assets" / name).write_bytes(make())
    (root / "data").mkdir()
    return root


@pytest.fixture(scope="module")
def renderer(folder: Path) -> Iterator[Renderer]:
    worker = Renderer(folder / "worker.log")
    yield worker
    worker.stop()


def _render(renderer: Renderer, folder: Path, variant: Variant, request: dict[str, Any]) -> None:
    path = folder / "data" / "content.json"
    path.write_text(variant.content, encoding="utf-8")
    answer = renderer.render({"content": str(path), **request})
    assert answer["problems"] == [], "the variant should be valid content"
    assert answer["drawn"] > 0
    assert answer["errors"] == []


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(variant=variants(), size=st.sampled_from(SIZES), which=st.integers(min_value=0, max_value=1))
def test_valid_content_renders_on_every_page(
    renderer: Renderer, folder: Path, variant: Variant, size: tuple[int, int], which: int
) -> None:
    """Short: one size and one language an example, every page, each tour's and the voices'
    first and last step."""
    lang = variant.languages[which % len(variant.languages)]
    _render(renderer, folder, variant, {"sizes": [size], "languages": [lang], "steps": "ends"})


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(variant=variants())
def test_valid_content_renders_on_every_page_long_run(
    renderer: Renderer, folder: Path, variant: Variant
) -> None:
    """Every size, every language, every step."""
    _render(renderer, folder, variant, {"sizes": [list(s) for s in SIZES], "languages": None, "steps": "all"})
