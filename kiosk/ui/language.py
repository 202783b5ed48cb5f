"""The visitor's current language, shared by every widget that shows text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal

from kiosk.content import LocalText
from kiosk.i18n.direction import is_right_to_left
from kiosk.i18n.strings import ui_text

TextSource = LocalText | Callable[[str], str]
PICKER_FROM = 3  # languages; fewer switch with one tap of a toggle


def resolve(source: TextSource, lang: str) -> str:
    return source[lang] if isinstance(source, LocalText) else source(lang)


def layout_direction(lang: str) -> Qt.LayoutDirection:
    """The direction a window showing `lang` lays out and aligns in."""
    return Qt.LayoutDirection.RightToLeft if is_right_to_left(lang) else Qt.LayoutDirection.LeftToRight


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

    def set_languages(self, languages: Sequence[str], default: str) -> None:
        """New content may speak other languages: keep the current one if it still can."""
        self.languages = tuple(languages)
        if self._current not in self.languages:
            self._current = default if default in self.languages else self.languages[0]
            self.changed.emit(self._current)

    @property
    def needs_picker(self) -> bool:
        """From three languages on, a toggle would hide the ones it does not show next."""
        return len(self.languages) >= PICKER_FROM

    def next_language(self) -> str:
        """The language the toggle switches to (zh -> en -> zh; in order for more)."""
        index = self.languages.index(self._current)
        return self.languages[(index + 1) % len(self.languages)]

    def toggle(self) -> None:
        self.set(self.next_language())

    def text(self, source: TextSource) -> str:
        return resolve(source, self._current)
