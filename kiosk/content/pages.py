"""The kiosk's pages derived from the content, in navigation order (pure Python).

A page id is "<type>" or "<type>/<key>": "home", "vision/green", "tour/daxing",
"figures/companies", "voices". Pages of one `group` are siblings: swipe and
previous / next move between them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.model import Content


@dataclass(frozen=True)
class PageRef:
    id: str
    type: str
    key: str = ""
    group: str = ""


def page_order(content: Content) -> tuple[PageRef, ...]:
    pages = [PageRef("home", "home")]
    pages += [PageRef(f"vision/{v.id}", "vision", v.id, "visions") for v in content.visions]
    pages += [PageRef(f"tour/{t.id}", "tour", t.id, "tours") for t in content.tours]
    pages += [PageRef(f"figures/{g.id}", "figures", g.id, "figures") for g in content.figure_groups]
    if content.voices:
        pages.append(PageRef("voices", "voices"))
    return tuple(pages)


def siblings(pages: tuple[PageRef, ...], page: PageRef) -> tuple[PageRef, ...]:
    if not page.group:
        return (page,)
    return tuple(p for p in pages if p.group == page.group)
