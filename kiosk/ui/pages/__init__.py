"""One module per page type, and the registry from a page's type to its class.

A page type's module is imported when its first page is built (`page_class`): the first screen
needs only the home page's. `import_page_modules` loads the rest, after the first frame.
"""

from __future__ import annotations

import importlib

from kiosk.ui.pages.base import Page

# page type -> (module, class)
PAGE_TYPES: dict[str, tuple[str, str]] = {
    "home": ("kiosk.ui.pages.home", "HomePage"),
    "vision": ("kiosk.ui.pages.vision", "VisionPage"),
    "tour": ("kiosk.ui.pages.tour", "TourPage"),
    "figures": ("kiosk.ui.pages.figures", "FiguresPage"),
    "voices": ("kiosk.ui.pages.voices", "VoicesPage"),
}


def page_class(page_type: str) -> type[Page]:
    module, name = PAGE_TYPES[page_type]
    cls: type[Page] = getattr(importlib.import_module(module), name)
    return cls


def import_page_modules() -> None:
    for module, _name in PAGE_TYPES.values():
        importlib.import_module(module)


__all__ = ["PAGE_TYPES", "Page", "import_page_modules", "page_class"]
