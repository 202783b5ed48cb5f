"""What every chart shares: its figures, the language, a tap on a figure, animation progress."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content import Figure
from kiosk.ui import theme as th
from kiosk.ui.language import LanguageState


class Chart(QWidget):
    """A figure group drawn as a chart. `show_progress` gets one 0..1 value per figure."""

    figure_tapped = Signal(str)

    def __init__(
        self,
        figures: Sequence[Figure],
        language: LanguageState,
        theme: th.Theme,
        accent: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.figures = tuple(figures)
        self.language = language
        self.theme = theme
        self.accent = accent
        self._progress = [1.0] * len(self.figures)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        language.changed.connect(self._on_language_changed)

    def show_progress(self, progress: Sequence[float]) -> None:
        self._progress = list(progress)
        self._draw()

    def show_final_state(self) -> None:
        """For pictures (render, handout, previews): the chart as it ends, still."""
        self.show_progress([1.0] * len(self.figures))

    def shown_values(self) -> list[float]:
        """The values drawn now, in each figure's unit (the content's values when complete)."""
        return [
            f.value if p >= 1.0 else f.value * p for f, p in zip(self.figures, self._progress, strict=True)
        ]

    def _on_language_changed(self, lang: str) -> None:
        self._draw()

    def _draw(self) -> None:
        raise NotImplementedError
