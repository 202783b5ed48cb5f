"""The talk's slides built and pictured ahead of the presenter's keys, one slice at a time and
never in their way.

A slice is one page built, one page's picture taken for the slide to it (the key that asks for
that slide then only starts the slide), or one of the presenter view's pictures drawn. Building
a page takes 15-300 ms and a picture at 3840x2160 up to 150 ms: a key that arrives during a
slice waits for it. So slices run only once the audience screen has been still for a moment (no
slide moving, no entrance counting up: a presenter who presses twice in a row does so within a
few tenths of a second), input that has arrived is handled before each one, and the slides
nearest the current one come first. Most of the work is done once, while the first slide is up.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QTimer, Signal

from kiosk.content.pages import SlideRef
from kiosk.presenter.slideshow import Slideshow
from kiosk.presenter.view import PresenterView
from kiosk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# While the screen moves, how often to look again: short against a slide's 280 ms, long
# enough that the looking costs nothing.
RETRY_MS = 40
# How long the screen stays still before a slice runs: longer than a presenter takes between
# two quick presses.
STILL_MS = 500
# Pictures of the slides ahead (and the one before) kept ready, as many as fit in this much
# memory: 30 at 1920x1080, 7 at 3840x2160 (33 MB each); at least the next and the previous.
PICTURE_BUDGET_BYTES = 256 * 1024 * 1024


class SlidesAhead(QObject):
    """Builds every slide's page and keeps the pictures of the slides around the current one,
    a slice per event-loop turn while the audience screen is still."""

    # ("build", page id), ("picture", page id) or ("preview", "slide@width"): one slice done
    sliced = Signal(str, str)

    def __init__(
        self,
        audience: MainWindow,
        show: Slideshow,
        presenter: PresenterView | None = None,
        retry_ms: int = RETRY_MS,
        still_ms: int = STILL_MS,
    ) -> None:
        super().__init__(audience)
        self.audience = audience
        self.show = show
        self.presenter = presenter
        self._started = False
        # Slices that changed nothing (a picture refused while new content is on its way, or
        # with reduced motion): not tried again until the slide changes.
        self._tried: set[tuple[str, str]] = set()
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.timeout.connect(self.run_slice)
        self._retry_ms = retry_ms
        self._still_ms = still_ms
        self._moved = False  # the presenter has moved on from the opening slide
        self._still = QElapsedTimer()  # since when the screen has been still (invalid: moving)
        self._since_start = QElapsedTimer()
        show.slide_changed.connect(self._on_show_slide_changed)
        audience.stack.page_entered.connect(self._on_stack_page_entered)
        # Pictures are of one language: a new one needs them again.
        show.session.language.changed.connect(lambda _lang: self._on_show_slide_changed(show.index))

    def start(self) -> None:
        self._started = True
        self._since_start.start()
        self._schedule(0)

    def stop(self) -> None:
        self._started = False
        self._turn.stop()

    @property
    def pending(self) -> bool:
        """Whether work is left for slices (some may wait for the screen to be still)."""
        return self._started and self._next_slice() is not None

    def screen_is_still(self) -> bool:
        """No slide moving and no entrance playing on the audience screen."""
        if self.audience.stack.overlay.running:
            return False
        page = self.audience.current_page
        return page is None or page.entrance is None or not page.entrance.running

    def _on_show_slide_changed(self, _index: int) -> None:
        self._moved = self._moved or self._started
        self._tried.clear()
        self._still.invalidate()
        self._schedule(self._retry_ms)

    def _on_stack_page_entered(self, _page: object) -> None:
        self._still.invalidate()
        self._schedule(self._retry_ms)

    def _schedule(self, ms: int) -> None:
        if self._started and not self._turn.isActive():
            self._turn.start(ms)

    def run_slice(self) -> None:
        """The next slice, if the screen is still (an event-loop turn of its own)."""
        # A key that reached the window before this turn is handled first: the slide it asks
        # for starts, and the screen is no longer still.
        QCoreApplication.processEvents()
        if not self._started:
            return
        work = self._next_slice()
        if work is None:  # all done until the next slide changes what is needed
            if self._since_start.isValid():
                log.info("every slide ready %.1f s after the first frame", self._since_start.elapsed() / 1000)
                self._since_start.invalidate()
            return
        if not self.screen_is_still():
            self._still.invalidate()
            self._turn.start(self._retry_ms)
            return
        if not self._still.isValid():
            self._still.start()
        # Before the first key there is no quick second press to wait for.
        still_for, wait_ms = self._still.elapsed(), self._still_ms if self._moved else 0
        if still_for < wait_ms:
            self._turn.start(wait_ms - still_for)
            return
        kind, subject = work
        self._tried.add(work)
        if kind == "build":
            if self.show.session.ref(subject) is not None:  # gone with new content: nothing to build
                self.audience.page(subject)
        elif kind == "picture":
            self.audience.prepare(subject)
        elif self.presenter is not None:
            slide, width = (int(part) for part in subject.split("@"))
            self.presenter.slide_picture(slide, width)
        self.sliced.emit(kind, subject)
        self._turn.start(0)

    def _next_slice(self) -> tuple[str, str] | None:
        """The most useful slice now, nearest the current slide first (the presenter goes on
        more than back): the audience's pictures of the slides around it, the presenter's
        pictures for the next and previous slide, then every page not built yet."""
        if self.show.index < 0:
            return None
        candidates = itertools.chain(self._audience_work(), self._presenter_work(), self._build_work())
        return next((work for work in candidates if work not in self._tried), None)

    def _audience_work(self) -> Iterator[tuple[str, str]]:
        audience = self.audience
        for slide in self._around(self.show.index):
            if not self._on_its_step(slide):
                continue
            if slide.page not in audience.pages:
                yield ("build", slide.page)
            elif not audience.stack.is_prepared(audience.pages[slide.page]):
                yield ("picture", slide.page)

    def _presenter_work(self) -> Iterator[tuple[str, str]]:
        if self.presenter is None:
            return
        for index in (self.show.index + 1, self.show.index - 1):
            for slide, width in self.presenter.pictures_missing(index):
                yield ("preview", f"{slide}@{width}")

    def _build_work(self) -> Iterator[tuple[str, str]]:
        show, built = self.show, self.audience.pages
        for offset in range(1, show.count):
            for index in (show.index + offset, show.index - offset):
                if 0 <= index < show.count and show.slides[index].page not in built:
                    yield ("build", show.slides[index].page)

    def _around(self, index: int) -> list[SlideRef]:
        """The slides to keep pictures of: the next, the previous, then further ahead."""
        show, stack = self.show, self.audience.stack
        ratio = self.audience.devicePixelRatioF()
        picture_bytes = max(1, round(stack.width() * stack.height() * 4 * ratio * ratio))
        room = max(2, PICTURE_BUDGET_BYTES // picture_bytes)
        order = [index + 1, index - 1, *range(index + 2, index + show.count)]
        if show.loop:
            order = [i % show.count for i in order]
        slides = [show.slides[i] for i in order if 0 <= i < show.count and i != index]
        return slides[:room]

    def _on_its_step(self, slide: SlideRef) -> bool:
        """A picture of `slide` is its page as it will show: not the page on screen, and at the
        slide's step (a page shown step by step is pictured at the step it is on now)."""
        session = self.show.session
        if slide.page == session.current_id:
            return False
        return slide.step is None or slide.step == session.step_index(slide.page)
