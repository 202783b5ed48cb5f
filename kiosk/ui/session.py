"""The visitor's session: what is shown and how, as state with one change signal each.

The session owns the current page and step, the history, the language, the visitor's
accessibility choices, the theme (derived from the screen size and those choices) and the
content. It has no widgets: the main window is a view of it, and the show floor, the
slideshow, the presenter view and the visit recorder read and drive it, never the window.
Navigation, language and reset logic can therefore be tested without showing anything.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from kiosk.content import ContentError, LoadedContent
from kiosk.content.pages import PageRef, page_order, page_steps, siblings
from kiosk.i18n.strings import error_languages, use_content
from kiosk.ui.language import LanguageState
from kiosk.ui.preferences import Preferences
from kiosk.ui.theme import Theme

HOME = "home"


class Session(QObject):
    """Where the visitor is and how the kiosk looks for them."""

    page_changed = Signal(str, int)  # page id, direction of travel: +1 forward, -1 back, 0 none
    step_changed = Signal(str, int, int)  # page id, step, steps
    theme_changed = Signal(object)  # Theme
    preferences_changed = Signal(object)  # Preferences
    content_changed = Signal(object)  # LoadedContent
    problems_changed = Signal(object)  # ContentError | None: the last save's problems
    figure_opened = Signal(str)  # figure id
    visitor_reset = Signal()  # back to a new visitor's start

    def __init__(
        self,
        loaded: LoadedContent | None,
        error: ContentError | None = None,
        lang: str | None = None,
        *,
        size: tuple[int, int] = (1920, 1080),
        reduced_motion: bool = False,
        motion_scale: float = 1.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.loaded = loaded
        self.error = error  # why there is no content to show (the error screen)
        self.problems = error  # the last content save's problems, kept for the admin
        meta = loaded.content.meta if loaded else None
        use_content(loaded.content if loaded else None)  # its own UI strings, its default language
        # Without content: the languages the error screen speaks (the broken file's own, else
        # the machine's and English).
        languages = meta.languages if meta else error_languages(error.languages if error else ())
        self.language = LanguageState(
            languages, lang or (meta.default_language if meta else languages[0]), self
        )
        self.preferences = Preferences()
        self._reduced_motion = reduced_motion  # the machine's setting; a visitor may add theirs
        self._motion_scale = motion_scale
        self._size = size
        self.theme = self._theme_for(size, self.preferences)
        self.refs: tuple[PageRef, ...] = page_order(loaded.content) if loaded else ()
        self._refs_by_id = {ref.id: ref for ref in self.refs}
        self.current_id = HOME if loaded else ""
        self.history: list[str] = []
        self._steps: dict[str, int] = {}

    # ---- what is shown --------------------------------------------------------------------

    @property
    def size(self) -> tuple[int, int]:
        return self._size

    @property
    def current_ref(self) -> PageRef | None:
        return self._refs_by_id.get(self.current_id)

    def ref(self, page_id: str) -> PageRef | None:
        return self._refs_by_id.get(page_id)

    def step_index(self, page_id: str | None = None) -> int:
        return self._steps.get(page_id or self.current_id, 0)

    def step_count(self, page_id: str | None = None) -> int:
        ref = self._refs_by_id.get(page_id or self.current_id)
        if ref is None or self.loaded is None:
            return 0
        return page_steps(self.loaded.content, ref, self.theme.step_room)

    def position(self) -> tuple[int, int]:
        """(index, count) of the current page among its steps, else among its siblings."""
        ref = self.current_ref
        if ref is None:
            return 0, 0
        if self.step_count() > 1:
            return self.step_index(), self.step_count()
        group = siblings(self.refs, ref)
        return next(i for i, other in enumerate(group) if other.id == ref.id), len(group)

    # ---- navigation -----------------------------------------------------------------------

    def go_to(
        self, page_id: str, *, step: int | None = None, direction: int = 1, remember: bool = True
    ) -> None:
        """Show `page_id` (and its step `step`); unknown pages are ignored."""
        if page_id not in self._refs_by_id:
            return
        if page_id != self.current_id:
            if remember and self.current_id:
                self.history.append(self.current_id)
            self.current_id = page_id
            self.page_changed.emit(page_id, direction)
        if step is not None:
            self.set_step(step)

    def go_home(self) -> None:
        self.history.clear()
        self.go_to(HOME, direction=-1, remember=False)

    def go_back(self) -> None:
        target = self.history.pop() if self.history else HOME
        self.go_to(target, direction=-1, remember=False)

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1): the page's own steps first, else its sibling pages."""
        ref = self.current_ref
        if ref is None:
            return
        if self.step_count() > 1:
            self.set_step(self.step_index() + delta)
            return
        group = siblings(self.refs, ref)
        target = next(i for i, other in enumerate(group) if other.id == ref.id) + delta
        if 0 <= target < len(group):
            self.go_to(group[target].id, direction=1 if delta > 0 else -1, remember=False)

    def set_step(self, index: int, page_id: str | None = None) -> None:
        """Step `index` (clamped) of `page_id` (default: the current page)."""
        page_id = page_id or self.current_id
        count = self.step_count(page_id)
        if count == 0:
            return
        index = max(0, min(index, count - 1))
        if index != self._steps.get(page_id, 0):
            self._steps[page_id] = index
            self.step_changed.emit(page_id, index, count)

    def open_figure(self, figure_id: str) -> None:
        """A visitor opened a figure's detail (the visit recorder counts it)."""
        self.figure_opened.emit(figure_id)

    # ---- the visitor ----------------------------------------------------------------------

    def set_preferences(self, preferences: Preferences) -> None:
        """Larger text, high contrast, reduced motion: a new theme for every page and overlay."""
        if preferences == self.preferences:
            return
        self.preferences = preferences
        self.preferences_changed.emit(preferences)
        self._set_theme(self._theme_for(self._size, preferences))

    def set_size(self, width: int, height: int) -> None:
        """The window's size: the theme scales with it (x2 at 3840x2160)."""
        self._size = (width, height)
        self._set_theme(self._theme_for(self._size, self.preferences))

    def default_language(self) -> str:
        return self.loaded.content.meta.default_language if self.loaded else self.language.languages[0]

    def reset(self, lang: str | None = None) -> None:
        """A new visitor's start: home, the default language, every page at its first step,
        the last visitor's own choices undone."""
        self.set_preferences(Preferences())
        self.language.set(lang or self.default_language())
        for page_id in list(self._steps):
            self.set_step(0, page_id)
        self._steps.clear()
        self.go_home()
        self.visitor_reset.emit()

    # ---- content --------------------------------------------------------------------------

    def set_content(self, loaded: LoadedContent) -> None:
        """Newly validated content: the visitor stays where they are when that page still exists."""
        self.loaded, self.error, self.problems = loaded, None, None
        self.refs = page_order(loaded.content)
        self._refs_by_id = {ref.id: ref for ref in self.refs}
        meta = loaded.content.meta
        use_content(loaded.content)
        self.language.set_languages(meta.languages, meta.default_language)
        self.history = [page_id for page_id in self.history if page_id in self._refs_by_id]
        self._steps = {
            page_id: min(step, self.step_count(page_id) - 1)
            for page_id, step in self._steps.items()
            if page_id in self._refs_by_id
        }
        if self.current_id not in self._refs_by_id:
            self.current_id = HOME
        self.content_changed.emit(loaded)
        self.problems_changed.emit(None)

    def report_problems(self, error: ContentError) -> None:
        """A broken content save: the visitor keeps the last good content; the admin sees why."""
        self.problems = error
        if self.loaded is None:
            self.error = error
        self.problems_changed.emit(error)

    # ---- theme ----------------------------------------------------------------------------

    def _theme_for(self, size: tuple[int, int], preferences: Preferences) -> Theme:
        base = Theme.for_size(
            *size,
            reduced_motion=self._reduced_motion or preferences.reduced_motion,
            motion_scale=self._motion_scale,
        )
        return replace(base, text_scale=preferences.text_scale, high_contrast=preferences.high_contrast)

    def _set_theme(self, theme: Theme) -> None:
        if theme != self.theme:
            self.theme = theme
            # A page's steps may follow the theme (home's): each keeps a step it still has.
            self._steps = {
                page_id: min(step, self.step_count(page_id) - 1) for page_id, step in self._steps.items()
            }
            self.theme_changed.emit(theme)
