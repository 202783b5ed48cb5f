"""Checks an image the content names, within decoding limits, so a huge or broken file is
refused at validation time instead of stalling or crashing the kiosk when drawn."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImageReader
from PySide6.QtSvg import QSvgRenderer

MAX_SIDE = 8192  # px: larger than any screen the kiosk drives at 2x
ALLOCATION_LIMIT_MB = 128  # what one decoded image may take


def check_image(path: Path) -> str | None:
    """What is wrong with the image at `path`, or None when it will draw."""
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        return None if renderer.isValid() else "not a valid SVG image"
    reader = QImageReader(str(path))
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    if not reader.canRead():
        return f"not a readable image ({reader.errorString()})"
    size: QSize = reader.size()
    if size.width() > MAX_SIDE or size.height() > MAX_SIDE:
        return f"{size.width()}x{size.height()} px is larger than {MAX_SIDE} px a side"
    if reader.read().isNull():
        return f"cannot be decoded ({reader.errorString()})"
    return None
