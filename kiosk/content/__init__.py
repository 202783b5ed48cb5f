"""The content layer: typed models, loading and validation. Never imports Qt.

Reading the model is free to import; the validator (pydantic) is imported by `load_content`
when it first runs, so a kiosk starting from its validated-content cache never loads it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.content.errors import ContentError, ContentProblem
from kiosk.content.model import (
    Content,
    Figure,
    FigureGroup,
    ImageCheck,
    LoadedContent,
    LocalText,
    Tour,
    TourStop,
    Vision,
    Voice,
)


def load_content(
    path: str | Path,
    check_image: ImageCheck | None = None,
    parse: Callable[[str, str], Content] | None = None,
) -> LoadedContent:
    """Read, parse and validate `path`; raise `ContentError` listing every problem. `parse`
    stands in for the loader's `parse_content` (the live reload's runs in a child process)."""
    from kiosk.content import loader  # noqa: PLC0415 (the validator: about 100 ms to import)

    return loader.load_content(path, check_image, parse)


__all__ = [
    "Content",
    "ContentError",
    "ContentProblem",
    "Figure",
    "FigureGroup",
    "ImageCheck",
    "LoadedContent",
    "LocalText",
    "Tour",
    "TourStop",
    "Vision",
    "Voice",
    "load_content",
]
