"""Which colour an item is drawn in: the colour of the vision the content ties it to, else a
neutral one. Every page and overlay asks here, so a colour always means the same vision."""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.content import Content, Figure, FigureGroup, Tour, Vision, Voice
from kiosk.ui import theme as th

Item = Vision | Figure | FigureGroup | Tour | Voice


def neutral(theme: th.Theme) -> str:
    """The colour of what no vision claims: the text's own ink, which no vision uses. Full
    strength, not the captions' grey: a figure of the whole park reads as stated, not as off."""
    return theme.palette.text


def colour_of(content: Content, item: Item, theme: th.Theme) -> str:
    return content.colour_of(item) or neutral(theme)


def figure_colour(content: Content, figure: Figure, group: FigureGroup, theme: th.Theme) -> str:
    """A figure shown in a group: its own vision's colour where the content ties it to one (the
    same as on that vision's page), else the group's."""
    return content.colour_of(figure) or colour_of(content, group, theme)


def shared_colour(content: Content, items: Iterable[Item], theme: th.Theme) -> str:
    """The colour of several items shown as one (a speaker's quotes): theirs when they agree."""
    colours = {colour_of(content, item, theme) for item in items}
    return colours.pop() if len(colours) == 1 else neutral(theme)
