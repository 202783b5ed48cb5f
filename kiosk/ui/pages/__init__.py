"""One module per page type, and the registry from a page's type to its class."""

from __future__ import annotations

from kiosk.ui.pages.base import Page
from kiosk.ui.pages.figures import FiguresPage
from kiosk.ui.pages.home import HomePage
from kiosk.ui.pages.tour import TourPage
from kiosk.ui.pages.vision import VisionPage
from kiosk.ui.pages.voices import VoicesPage

PAGE_TYPES: dict[str, type[Page]] = {
    "home": HomePage,
    "vision": VisionPage,
    "tour": TourPage,
    "figures": FiguresPage,
    "voices": VoicesPage,
}

__all__ = ["PAGE_TYPES", "Page"]
