"""Artwork (SVG, PNG, JPEG, WebP) rendered to crisp pixmaps, icons tinted to one colour,
cached by size. Artwork that cannot be drawn (gone, unreadable, of no size) draws nothing."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from kiosk.system.artwork import Artwork, ArtworkError, decode_artwork, is_svg

log = logging.getLogger(__name__)


def _artwork(path: str) -> Artwork | None:
    return _decoded_svg(path) if is_svg(Path(path)) else _decoded_raster(path)


@lru_cache(maxsize=64)
def _decoded_svg(path: str) -> Artwork | None:
    return _decoded(path)


# A decoded photograph may take up to ALLOCATION_LIMIT_MB: only the few on screen are kept.
@lru_cache(maxsize=4)
def _decoded_raster(path: str) -> Artwork | None:
    return _decoded(path)


def _decoded(path: str) -> Artwork | None:
    try:
        artwork = decode_artwork(Path(path))
    except ArtworkError as error:
        log.warning("artwork %s not drawn: %s", path, error)
        return None
    if isinstance(artwork, QSvgRenderer):
        artwork.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    return artwork


def _natural_size(artwork: Artwork) -> QSize:
    return artwork.defaultSize() if isinstance(artwork, QSvgRenderer) else artwork.size()


def artwork_size(path: Path) -> QSize | None:
    """The artwork's own size, or None when it has none to draw at (nothing is drawn then)."""
    artwork = _artwork(str(path))
    if artwork is None:
        return None
    size = _natural_size(artwork)
    return size if size.width() >= 1 and size.height() >= 1 else None


def paint_artwork(painter: QPainter, path: Path, target: QRectF) -> None:
    """The artwork at `path` drawn into `target`, its aspect kept and centred there."""
    artwork = _artwork(str(path))
    if artwork is not None:
        _paint(painter, artwork, target)


def _paint(painter: QPainter, artwork: Artwork, target: QRectF) -> None:
    size = _natural_size(artwork)
    if size.width() < 1 or size.height() < 1 or not target.isValid():
        return
    if isinstance(artwork, QSvgRenderer):
        artwork.render(painter, target)
        return
    fitted = QSizeF(artwork.size()).scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    drawn = QRectF(target.topLeft(), fitted)
    drawn.moveCenter(target.center())
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(drawn, artwork)
    painter.restore()


def render_artwork(path: Path, width: int, height: int, ratio: float = 1.0) -> QImage:
    """The artwork at `path` drawn into a transparent image of width x height logical px."""
    pixels = QSize(max(1, round(width * ratio)), max(1, round(height * ratio)))
    image = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():  # more than memory allows: nothing to draw into
        return image
    image.fill(Qt.GlobalColor.transparent)
    artwork = _artwork(str(path))
    if width >= 1 and height >= 1 and artwork is not None:
        if isinstance(artwork, QImage) and not artwork.isNull():
            # Scaled once, smoothly: drawn straight down, a large photograph shimmers.
            artwork = artwork.scaled(
                pixels, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint(painter, artwork, QRectF(0, 0, pixels.width(), pixels.height()))
        painter.end()
    image.setDevicePixelRatio(ratio)
    return image


# Icons that point somewhere: in a right-to-left language they point the other way.
DIRECTIONAL_ICONS = frozenset({"back", "chevron-left", "chevron-right"})


@lru_cache(maxsize=256)
def _tinted(path: str, size: int, rgba: int, ratio: float, mirrored: bool) -> QPixmap:
    image = render_artwork(Path(path), size, size, ratio)
    if mirrored and not image.isNull():
        image = image.flipped(Qt.Orientation.Horizontal)
        image.setDevicePixelRatio(ratio)
    artwork = _artwork(path)
    # An opaque photograph tinted would be a square of one colour: it is shown as it is.
    if image.isNull() or (isinstance(artwork, QImage) and not artwork.hasAlphaChannel()):
        return QPixmap.fromImage(image)
    painter = QPainter(image)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(image.rect(), QColor.fromRgba(rgba))
    painter.end()
    return QPixmap.fromImage(image)


def icon_pixmap(
    path: Path, size: int, colour: QColor | str, ratio: float = 1.0, *, right_to_left: bool = False
) -> QPixmap:
    """The icon at `path`, `size` logical px square, every stroke in `colour` (an opaque raster
    icon keeps its own colours); an arrow or chevron mirrored for a right-to-left language."""
    mirrored = right_to_left and path.stem in DIRECTIONAL_ICONS
    return _tinted(str(path), max(1, size), QColor(colour).rgba(), ratio, mirrored)


def clear_icon_caches() -> None:
    """Forget rendered artwork: after a content reload the files may have changed."""
    _decoded_svg.cache_clear()
    _decoded_raster.cache_clear()
    _tinted.cache_clear()
