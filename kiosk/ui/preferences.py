"""A visitor's accessibility choices (larger text, high contrast, reduced motion)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preferences:
    text_scale: float = 1.0
    high_contrast: bool = False
    reduced_motion: bool = False
