"""One module per page type, and the registry from a content page's type to its class.

A page type's module is imported when its first page is built (`page_class`): the first screen
needs only the home page's; `import_page_modules` loads the rest after the first frame. Each
entry is a function that imports its class, so tools (and import-linter) follow a page type to
its module.

A new page type: its module here, with a `Page` subclass, and one line in `PAGE_TYPES`.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.ui.pages.base import Page

# The imports below are deferred on purpose: a module is loaded with its first page.


def _home() -> type[Page]:
    from kiosk.ui.pages.home import HomePage  # noqa: PLC0415

    return HomePage


def _vision() -> type[Page]:
    from kiosk.ui.pages.vision import VisionPage  # noqa: PLC0415

    return VisionPage


def _tour() -> type[Page]:
    from kiosk.ui.pages.tour import TourPage  # noqa: PLC0415

    return TourPage


def _figures() -> type[Page]:
    from kiosk.ui.pages.figures import FiguresPage  # noqa: PLC0415

    return FiguresPage


def _voices() -> type[Page]:
    from kiosk.ui.pages.voices import VoicesPage  # noqa: PLC0415

    return VoicesPage


PAGE_TYPES: dict[str, Callable[[], type[Page]]] = {
    "home": _home,
    "vision": _vision,
    "tour": _tour,
    "figures": _figures,
    "voices": _voices,
}


def page_class(page_type: str) -> type[Page]:
    return PAGE_TYPES[page_type]()


def import_page_modules() -> None:
    for load in PAGE_TYPES.values():
        load()


__all__ = ["PAGE_TYPES", "Page", "import_page_modules", "page_class"]
