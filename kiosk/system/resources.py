"""Where the bundled content, fonts and artwork live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the kiosk package


def bundled_dir(name: str) -> Path:
    """`assets` or `data`: inside the installed package, else beside it in a checkout."""
    inside = _PACKAGE_DIR / name
    return inside if inside.is_dir() else _PACKAGE_DIR.parent / name


def default_content_path() -> Path:
    return bundled_dir("data") / "content.json"


def fonts_dir() -> Path:
    return bundled_dir("assets") / "fonts"


def icon_path(name: str) -> Path:
    """A user-interface icon (not content artwork), e.g. `icon_path("home")`."""
    return bundled_dir("assets") / "icons" / f"{name}.svg"
