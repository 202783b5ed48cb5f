"""Screenshot tests' helpers: run `kiosk render`, reduce its pictures, compare them, draw the diff."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
REFERENCES = Path(__file__).resolve().parent / "references"
FONTS_CONF = Path(__file__).resolve().parent / "fonts.conf"
LANGUAGES = ("zh", "en")
RENDER_SIZE = (1920, 1080)
REFERENCE_SIZE = (960, 540)
# A channel has to move by more than this (of 255) for a pixel to count as changed: anti-aliased
# edges that land a fraction of a pixel elsewhere stay below it, a changed glyph does not, nor
# does a colour moved by more than this in one channel (a subtler shade passes unseen).
THRESHOLD = 40
# Changed pixels allowed per page after isolated ones are dropped. Two renders on one machine
# differ by 0 pixels; the smallest real change measured (one letter, i for l) changes 166.
BUDGET = 24

# Changed pages and their figures, for the summary at the end of the run; the diff pictures' folder.
CHANGED = pytest.StashKey[list[tuple[str, str]]]()
DIFF_FOLDER = pytest.StashKey[Path]()

Pixels = npt.NDArray[np.uint8]
Mask = npt.NDArray[np.bool_]


def render_env(home: Path) -> dict[str, str]:
    """The caller's environment with Qt offscreen, no inherited Qt tuning, and every per-user
    folder (settings, content cache, logs, analytics) inside `home`, so nothing of the user's leaks in."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("QT_")}
    env.pop("KIOSK_SETTINGS", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["FONTCONFIG_FILE"] = str(FONTS_CONF)
    for kind in ("CACHE", "CONFIG", "DATA", "STATE"):
        folder = home / kind.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[f"XDG_{kind}_HOME"] = str(folder)
    runtime = home / "runtime"
    runtime.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)  # Qt refuses a runtime folder that others can read
    env["XDG_RUNTIME_DIR"] = str(runtime)
    return env


@dataclass
class Render:
    """One `python -m kiosk render` of one language, running in the background."""

    command: list[str]
    process: subprocess.Popen[str]
    out: Path
    lang: str


def start_render(
    out: Path, lang: str, home: Path, data: Path | None = None, pages: tuple[str, ...] = ()
) -> Render:
    command = [sys.executable, "-m", "kiosk", "render", "--out", str(out), "--lang", lang]
    command += ["--size", f"{RENDER_SIZE[0]}x{RENDER_SIZE[1]}"]
    if data is not None:
        command += ["--data", str(data)]
    for page in pages:
        command += ["--page", page]
    process = subprocess.Popen(
        command,
        cwd=ROOT,  # the checkout's kiosk, not a copy installed in the venv
        env=render_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return Render(command, process, out, lang)


def finish_render(render: Render) -> dict[str, Path]:
    """Wait for a render; its pictures by reference name (`home_en`), or AssertionError with its output."""
    stdout, stderr = render.process.communicate(timeout=300)
    tail = "\n".join((stdout + stderr).strip().splitlines()[-25:])
    code = render.process.returncode
    assert code == 0, f"`{' '.join(render.command)}` exited {code}:\n{tail}"
    suffix = f"_{render.lang}_{RENDER_SIZE[0]}x{RENDER_SIZE[1]}.png"
    pictures = {
        path.name.removesuffix(suffix) + f"_{render.lang}": path for path in render.out.glob(f"*{suffix}")
    }
    assert pictures, f"the render of {render.lang!r} wrote no {suffix} files in {render.out}:\n{tail}"
    return pictures


def reduce(path: Path) -> QImage:
    """A render at reference size: smooth scaling averages away most anti-aliasing noise."""
    image = QImage(str(path))
    assert not image.isNull(), f"cannot read {path}"
    size = (image.width(), image.height())
    assert size == RENDER_SIZE, (
        f"{path.name} is {size[0]}x{size[1]}, expected {RENDER_SIZE[0]}x{RENDER_SIZE[1]}"
    )
    small = image.scaled(
        *REFERENCE_SIZE, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return small.convertToFormat(QImage.Format.Format_RGB888)


def save_png(image: QImage, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # The format follows the .png suffix; PNG "quality" 0 is zlib's strongest compression:
    # lossless either way, smaller in the checkout.
    if not image.save(str(path), quality=0):
        raise OSError(f"cannot write {path}")


def load_reference(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull(), f"cannot read reference {path}"
    return image.convertToFormat(QImage.Format.Format_RGB888)


def pixels(image: QImage) -> Pixels:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return rows[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3).copy()


def to_image(array: Pixels) -> QImage:
    height, width, _ = array.shape
    data = np.ascontiguousarray(array)
    return QImage(data.tobytes(), width, height, width * 3, QImage.Format.Format_RGB888).copy()


def _neighbours(mask: Mask) -> npt.NDArray[np.uint8]:
    """How many of each pixel's eight neighbours are set."""
    padded = np.pad(mask, 1).astype(np.uint8)
    height, width = mask.shape
    count = np.zeros((height, width), np.uint8)
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            if (dy, dx) != (1, 1):
                count += padded[dy : dy + height, dx : dx + width]
    return count


@dataclass(frozen=True)
class Difference:
    changed: Mask  # pixels over the threshold with a changed neighbour
    over: int  # pixels over the threshold, isolated ones included
    largest: int  # the largest channel difference anywhere

    @property
    def count(self) -> int:
        return int(self.changed.sum())

    @property
    def passes(self) -> bool:
        return self.count <= BUDGET

    def describe(self) -> str:
        return (
            f"{self.count} changed pixels (budget {BUDGET}; {self.over} over {THRESHOLD}/255 "
            f"before dropping isolated ones; largest channel difference {self.largest})"
        )


def compare(expected: Pixels, actual: Pixels) -> Difference:
    assert expected.shape == actual.shape, f"sizes differ: {expected.shape} and {actual.shape}"
    distance = np.abs(expected.astype(np.int16) - actual.astype(np.int16)).max(axis=2)
    over = distance > THRESHOLD
    # A lone pixel over the threshold is an edge rounded the other way; a real change is a patch.
    changed = over & (_neighbours(over) > 0)
    return Difference(changed, int(over.sum()), int(distance.max()))


def diff_picture(actual: Pixels, difference: Difference) -> Pixels:
    """The actual picture dimmed to grey with the changed pixels in red; a small change also gets
    a yellow halo, so a few pixels can be found at a glance."""
    grey = actual.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
    picture = np.repeat((40 + grey * 0.3)[:, :, None], 3, axis=2).astype(np.uint8)
    if difference.count <= 2000:
        halo = difference.changed.copy()
        for _ in range(4):
            halo |= _neighbours(halo) > 0
        picture[halo] = (255, 214, 0)
    picture[difference.changed] = (255, 0, 64)
    return picture


def write_failure(folder: Path, name: str, expected: Pixels, actual: Pixels, difference: Difference) -> None:
    for kind, array in (
        ("expected", expected),
        ("actual", actual),
        ("diff", diff_picture(actual, difference)),
    ):
        save_png(to_image(array), folder / f"{name}-{kind}.png")
