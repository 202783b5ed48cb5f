"""Checks an image the content names, within decoding limits, so a huge or broken file is
refused at validation time instead of stalling or crashing the kiosk when drawn."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QXmlStreamReader

from kiosk.system.artwork import (
    ALLOCATION_LIMIT_MB,
    MAX_SIDE,
    ArtworkError,
    decode_raster,
    decode_svg,
    is_svg,
    read_artwork,
)

__all__ = ["ALLOCATION_LIMIT_MB", "MAX_SIDE", "check_image"]

_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_LENGTH = re.compile(rf"\s*({_NUMBER})\s*(px|pt|pc|mm|cm|in|em|ex|%)?\s*")
_GZIP = b"\x1f\x8b"
_SIZE_ATTRIBUTES = ("width", "height", "viewBox")


def check_image(path: Path) -> str | None:
    """What is wrong with the image at `path`, or None when it will draw."""
    try:
        data = read_artwork(path)
        if is_svg(path):
            return _svg_problem(data) or _size_problem(decode_svg(data).defaultSize())
        return _size_problem(decode_raster(data).size())
    except ArtworkError as error:
        return str(error)


def _size_problem(size: QSize) -> str | None:
    width, height = size.width(), size.height()
    if width < 1 or height < 1:
        return f"draws at {max(0, width)}x{max(0, height)} px; it needs at least 1 px a side"
    if width > MAX_SIDE or height > MAX_SIDE:
        return f"{width}x{height} px is larger than {MAX_SIDE} px a side"
    return None


def _root_attributes(data: bytes) -> dict[str, str] | None:
    """The attributes of the document's first element, or None when there is none to read."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QXmlStreamReader(buffer)
    while not reader.atEnd():
        if reader.readNext() == QXmlStreamReader.TokenType.StartElement:
            found = reader.attributes()
            return {name: found.value(name) for name in _SIZE_ATTRIBUTES if found.hasAttribute(name)}
    return None


def _svg_problem(data: bytes) -> str | None:
    """What in the <svg> element's own size keeps it from being drawn: the renderer accepts a
    zero or negative size and then draws nothing, or falls back to whatever the shapes cover."""
    if data.startswith(_GZIP):
        return "a compressed SVG (svgz); save it as plain SVG"
    attributes = _root_attributes(data)
    if attributes is None:
        return None  # not XML: the renderer's own check says so
    for name in ("width", "height"):
        problem = _length_problem(name, attributes.get(name))
        if problem:
            return problem
    if "viewBox" in attributes:
        return _view_box_problem(attributes["viewBox"])
    # Without a viewBox a percentage is a share of nothing: the renderer then guesses a size.
    if not all(_is_absolute(attributes.get(name)) for name in ("width", "height")):
        return "has no size of its own: give its <svg> element a viewBox, or a width and a height"
    return None


def _is_absolute(value: str | None) -> bool:
    match = _LENGTH.fullmatch(value or "")
    return match is not None and match.group(2) != "%"


def _length_problem(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    match = _LENGTH.fullmatch(value)
    if match is None:
        return f'{name} "{value}" is not a length'
    if float(match.group(1)) <= 0:
        return f'{name} "{value}" is not a positive length'
    return None


def _view_box_problem(box: str) -> str | None:
    numbers = re.split(r"[\s,]+", box.strip())
    if len(numbers) != 4 or not all(re.fullmatch(_NUMBER, n) for n in numbers):
        return f'viewBox "{box}" is not four numbers'
    if float(numbers[2]) <= 0 or float(numbers[3]) <= 0:
        return f'viewBox "{box}" has no area: its width and height must be positive'
    return None
