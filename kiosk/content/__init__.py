"""The content layer: typed models, loading and validation. Never imports Qt."""

from kiosk.content.errors import ContentError, ContentProblem
from kiosk.content.loader import LoadedContent, load_content
from kiosk.content.model import Content, Figure, FigureGroup, LocalText, Tour, TourStop, Vision, Voice

__all__ = [
    "Content",
    "ContentError",
    "ContentProblem",
    "Figure",
    "FigureGroup",
    "LoadedContent",
    "LocalText",
    "Tour",
    "TourStop",
    "Vision",
    "Voice",
    "load_content",
]
