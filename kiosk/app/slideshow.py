"""`kiosk slideshow`: the audience window full-screen, the presenter view on another screen
(following screens as they are plugged in or out), or in its own window when there is one."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from kiosk.app.boot import (
    TerminationWatch,
    content_cache,
    create_application,
    load_for_command,
    open_log_file,
    preload_later_modules,
    qt_type_steps,
    setup_logging,
)
from kiosk.presenter.ahead import SlidesAhead
from kiosk.presenter.overview import SlideOverview
from kiosk.presenter.slideshow import Slideshow
from kiosk.presenter.view import Blank, PresenterView
from kiosk.system import screensaver
from kiosk.ui.main_window import MainWindow
from kiosk.ui.session import Session

log = logging.getLogger(__name__)


def choose_screens(
    screens: list[QScreen], primary: QScreen, presenter_screen: int | None
) -> tuple[QScreen, QScreen | None]:
    """(audience screen, presenter screen or None).

    The presenter's notes belong on the presenter's own screen, never on the projector: by
    default that is the primary screen (a laptop's own panel), and the audience gets another.
    With one screen there is no presenter view, as in Keynote or PowerPoint: the slides fill
    it; a screen plugged in later brings the presenter view up on it.
    """
    if len(screens) < 2:
        return screens[0], None
    if presenter_screen is not None and 0 <= presenter_screen < len(screens):
        presenter = screens[presenter_screen]
    else:
        presenter = primary if primary in screens else screens[0]
    audience = next(screen for screen in screens if screen is not presenter)
    return audience, presenter


class Stage:
    """Where the show's two windows are, and how the presenter changes that: S swaps the
    screens when there are two, and with one screen switches between the slides and a
    rehearsal view (the presenter view full-screen, the current slide inside it)."""

    def __init__(
        self, audience: QWidget, presenter: PresenterView, presenter_screen: int | None, windowed: bool
    ) -> None:
        self.audience = audience
        self.presenter = presenter
        self.presenter_screen = presenter_screen
        self.windowed = windowed
        self.swapped = False
        self.rehearsing = False

    def toggle(self) -> None:
        if len(QGuiApplication.screens()) > 1:
            self.swapped = not self.swapped
        else:
            self.rehearsing = not self.rehearsing
        self.place()

    def place(self) -> None:
        audience, presenter = self.audience, self.presenter
        screens = QGuiApplication.screens()
        audience_screen, presenter_on = choose_screens(
            screens, QGuiApplication.primaryScreen(), self.presenter_screen
        )
        if presenter_on is not None and self.swapped:
            audience_screen, presenter_on = presenter_on, audience_screen
        if self.windowed:  # development: two ordinary windows side by side
            audience.show()
            presenter.fit_screen(1280, 800)
            presenter.show()
            presenter.resize(1280, 800)
            return
        _fill(audience, audience_screen)
        rehearsing = presenter_on is None and self.rehearsing
        presenter.set_rehearsing(rehearsing)
        if rehearsing:
            presenter.fit_screen(audience_screen.geometry().width(), audience_screen.geometry().height())
            _fill(presenter, audience_screen)
            presenter.raise_()
            presenter.activateWindow()
            log.info("rehearsal: the presenter view on %s", audience_screen.name())
            return
        if presenter_on is None:
            presenter.hide()
        else:
            presenter.fit_screen(presenter_on.geometry().width(), presenter_on.geometry().height())
            _fill(presenter, presenter_on)
        # The audience window keeps the keyboard: a clicker's keys reach the show from any window,
        # and a presenter view raised last would otherwise sit above the slides on a shared screen.
        audience.raise_()
        audience.activateWindow()
        log.info(
            "audience on %s, presenter on %s",
            audience_screen.name(),
            presenter_on.name() if presenter_on else "no screen (one screen: slides only)",
        )


def _fill(window: QWidget, screen: QScreen) -> None:
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint)
    window.setGeometry(screen.geometry())
    window.showFullScreen()


class Presentation:
    """The show's parts, wired: the audience window (a view of `session` without the kiosk's
    controls), the slideshow driving it, its blank screen, and the presenter view."""

    def __init__(
        self,
        session: Session,
        interval_s: float | None = None,
        loop: bool = False,
        time_scale: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        auto: bool | None = None,
    ) -> None:
        loaded = session.loaded
        assert loaded is not None
        self.session = session
        if auto is None:
            # Slides advance by themselves only when asked: here by the content's
            # `slideshow.auto_advance` (A toggles it during the talk).
            auto = loaded.content.slideshow is not None and loaded.content.slideshow.auto_advance
        self.audience = MainWindow(session, slides=True)
        self.show = Slideshow(
            session, interval_s, loop, time_scale, parent=self.audience, auto=auto, clock=clock
        )
        self.blank = Blank(self.audience, self.show)
        # Keys from every window of the show, before any widget with the focus: a clicker's.
        self.audience.router.add_key_handler(self.show.handle_key_event, first=True)
        target = loaded.content.slideshow.target_minutes if loaded.content.slideshow else None
        self.presenter = PresenterView(self.show, session, session.size, target)
        self.overview = SlideOverview(
            self.show, self.presenter.slide_picture, session.theme, session.language
        )
        self.overview.picked.connect(self._on_overview_picked)
        self.show.overview_toggled.connect(self._on_show_overview_toggled)
        # While it is open, the overview has every key (ahead of the show's handler).
        self.audience.router.add_key_handler(self.overview.handle_key_event, first=True)
        # Every slide's page built, and the pictures of the slides around the current one taken,
        # while the screen is still: no key waits for a page to be built or pictured.
        self.ahead = SlidesAhead(self.audience, self.show, self.presenter)
        # A presenter's picture not drawn ahead waits for the audience's slide to end.
        self.presenter.may_draw = lambda: not self.audience.stack.overlay.running
        self.audience.first_frame.connect(
            self._on_audience_first_frame, Qt.ConnectionType.SingleShotConnection
        )

    def _on_audience_first_frame(self) -> None:
        # The pages' modules and the chart library load on a worker: on the UI thread, the
        # first figures page built ahead would hold a key for as long (over a second). Qt's
        # types are made here first, before any key can arrive (see `qt_type_steps`).
        for step in qt_type_steps():
            step()
        loaded = self.session.loaded
        preload_later_modules(languages=loaded.content.meta.languages if loaded is not None else ())
        self.ahead.start()

    def _on_show_overview_toggled(self) -> None:
        """Over the presenter view when the presenter sees it (their own screen, or rehearsing);
        else over the slides: with one screen the presenter is looking at them."""
        self.overview.toggle(self.presenter if self.presenter.isVisible() else self.audience)

    def _on_overview_picked(self, index: int) -> None:
        self.show.set_blank("")
        self.show.go(index)

    def close(self) -> None:
        self.ahead.stop()
        self.audience.router.stop()
        self.presenter.close()
        self.audience.close()


def run_slideshow(
    data: Path | None,
    lang: str | None,
    interval_s: float | None,
    loop: bool,
    presenter_screen: int | None,
    windowed: bool,
) -> int:
    setup_logging()
    open_log_file()
    app = create_application()
    loaded, code = load_for_command(data, (lang,) if lang else (), content_cache())
    if loaded is None:
        return code
    primary = app.primaryScreen().geometry()
    size = (1920, 1080) if windowed else (primary.width(), primary.height())
    # `--interval` asks for auto-advance; without it, the content says.
    auto = True if interval_s is not None else None
    talk = Presentation(Session(loaded, None, lang, size=size), interval_s, loop, auto=auto)
    audience, presenter, show = talk.audience, talk.presenter, talk.show
    termination = TerminationWatch(app.quit, parent=audience)
    app.aboutToQuit.connect(termination.close)
    app.aboutToQuit.connect(talk.close)
    show.ended.connect(app.quit)
    show.fullscreen_toggled.connect(
        lambda: audience.showNormal() if audience.isFullScreen() else audience.showFullScreen()
    )
    stage = Stage(audience, presenter, presenter_screen, windowed)
    show.rehearsal_toggled.connect(stage.toggle)
    stage.place()
    # Screens come and go (a projector is plugged in late): the windows follow.
    app.screenAdded.connect(lambda _screen: stage.place())
    app.screenRemoved.connect(lambda _screen: stage.place())
    if not windowed:  # a talk keeps the display awake, as the kiosk does
        restore = screensaver.inhibit(QGuiApplication.platformName())
        app.aboutToQuit.connect(restore)
    show.start()
    return app.exec()
