"""Artwork files read and decoded within limits: SVG as a renderer, PNG/JPEG/WebP as an image.

The one way the kiosk opens the content's images, for the validation (`image_check`) and for
drawing (`kiosk.ui.widgets.icons`): the bytes are read by the content layer's safe reader (a
named pipe or device put where an image was cannot block the screen), then decoded from
memory, so no decoder ever opens a path itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtSvg import QSvgRenderer

from kiosk.content.files import UnsafeFileError, read_limited

MAX_SIDE = 8192  # px: larger than any screen the kiosk drives at 2x
ALLOCATION_LIMIT_MB = 128  # what one decoded image may take
MAX_FILE_BYTES = 64 * 1024 * 1024  # a photograph at MAX_SIDE fits; a runaway file does not

Artwork = QSvgRenderer | QImage


class ArtworkError(Exception):
    """Why a file cannot be drawn, in words for the content's editor."""


def is_svg(path: Path) -> bool:
    return path.suffix.lower() == ".svg"


def read_artwork(path: Path) -> bytes:
    try:
        return read_limited(path, MAX_FILE_BYTES)
    except UnsafeFileError as error:
        raise ArtworkError(str(error)) from None
    except OSError as error:
        raise ArtworkError(f"cannot be read: {error.strerror or error}") from None


def decode_svg(data: bytes) -> QSvgRenderer:
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        raise ArtworkError("not a valid SVG image")
    return renderer


def decode_raster(data: bytes) -> QImage:
    """The image in `data`, refused before decoding when its header claims too many pixels."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    if not reader.canRead():
        raise ArtworkError(f"not a readable image ({reader.errorString()})")
    size = reader.size()
    if size.width() > MAX_SIDE or size.height() > MAX_SIDE:
        raise ArtworkError(f"{size.width()}x{size.height()} px is larger than {MAX_SIDE} px a side")
    image = reader.read()
    if image.isNull():
        raise ArtworkError(f"cannot be decoded ({reader.errorString()})")
    return image


def decode_artwork(path: Path) -> Artwork:
    """The artwork at `path`, ready to draw; `ArtworkError` says why not."""
    data = read_artwork(path)
    return decode_svg(data) if is_svg(path) else decode_raster(data)
