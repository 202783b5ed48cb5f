"""SVG artwork rendered to crisp pixmaps, tinted to one colour, cached by size."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer


@lru_cache(maxsize=32)
def _renderer(path: str) -> QSvgRenderer:
    return QSvgRenderer(path)


def render_svg(path: Path, width: int, height: int, ratio: float = 1.0) -> QImage:
    """The SVG at `path` drawn into a transparent image of width x height logical px."""
    image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    renderer = _renderer(str(path))
    if renderer.isValid():
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()
    image.setDevicePixelRatio(ratio)
    return image


@lru_cache(maxsize=256)
def _tinted(path: str, size: int, rgba: int, ratio: float) -> QPixmap:
    image = render_svg(Path(path), size, size, ratio)
    painter = QPainter(image)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(image.rect(), QColor.fromRgba(rgba))
    painter.end()
    return QPixmap.fromImage(image)


def icon_pixmap(path: Path, size: int, colour: QColor | str, ratio: float = 1.0) -> QPixmap:
    """The icon at `path`, `size` logical px square, every stroke in `colour`."""
    return _tinted(str(path), size, QColor(colour).rgba(), ratio)


def clear_icon_caches() -> None:
    """Forget rendered artwork: after a content reload the files may have changed."""
    _renderer.cache_clear()
    _tinted.cache_clear()
