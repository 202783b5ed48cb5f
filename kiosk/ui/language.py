"""The visitor's current language, shared by every widget that shows text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from kiosk.content import LocalText
from kiosk.ui.strings import ui_text

TextSource = LocalText | Callable[[str], str]


def resolve(source: TextSource, lang: str) -> str:
    return source[lang] if isinstance(source, LocalText) else source(lang)


def ui(key: str, **values: object) -> Callable[[str], str]:
    """A text source for a UI string: `TextLabel(language, ui("home"))`."""
    return lambda lang: ui_text(key, lang, **values)


class LanguageState(QObject):
    """Which language is showing; `changed` fires once per switch, every text follows it."""

    changed = Signal(str)

    def __init__(self, languages: Sequence[str], current: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.languages = tuple(languages)
        self._current = current if current in self.languages else self.languages[0]

    @property
    def current(self) -> str:
        return self._current

    def set(self, lang: str) -> None:
        if lang in self.languages and lang != self._current:
            self._current = lang
            self.changed.emit(lang)

    def toggle(self) -> None:
        """The next language of the content (zh -> en -> zh)."""
        index = self.languages.index(self._current)
        self.set(self.languages[(index + 1) % len(self.languages)])

    def text(self, source: TextSource) -> str:
        return resolve(source, self._current)
