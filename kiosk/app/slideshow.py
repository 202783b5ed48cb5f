"""`kiosk slideshow`: the audience window full-screen, the presenter view on another screen
(following screens as they are plugged in or out), or in its own window when there is one."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from kiosk.app.boot import content_cache, create_application, load_or_report, open_log_file, setup_logging
from kiosk.presenter.slideshow import Slideshow
from kiosk.presenter.view import PresenterView
from kiosk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def choose_screens(screens: list[QScreen], presenter_screen: int | None) -> tuple[QScreen, QScreen | None]:
    """(audience screen, presenter screen or None when there is only one)."""
    if len(screens) < 2:
        return screens[0], None
    wanted = presenter_screen if presenter_screen is not None and 0 <= presenter_screen < len(screens) else 1
    presenter = screens[wanted]
    audience = next(screen for screen in screens if screen is not presenter)
    return audience, presenter


def place(audience: QWidget, presenter: QWidget, presenter_screen: int | None, windowed: bool) -> None:
    screens = QGuiApplication.screens()
    audience_screen, presenter_on = choose_screens(screens, presenter_screen)
    if windowed:
        audience.show()
    else:
        audience.setWindowFlag(Qt.WindowType.FramelessWindowHint)
        audience.setGeometry(audience_screen.geometry())
        audience.showFullScreen()
    if presenter_on is None:
        presenter.showNormal()  # one screen: the presenter view is a window of its own
        presenter.resize(1280, 800)
    else:
        presenter.setGeometry(presenter_on.geometry())
        presenter.showFullScreen()
    log.info(
        "audience on %s, presenter on %s",
        audience_screen.name(),
        presenter_on.name() if presenter_on else "a window",
    )


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
    loaded, error = load_or_report(data, content_cache())
    if loaded is None:
        for line in error.lines() if error else []:
            print(line)
        return 1
    primary = app.primaryScreen().geometry()
    size = (1920, 1080) if windowed else (primary.width(), primary.height())
    audience = MainWindow(loaded, None, lang, False, size)
    show = Slideshow(audience, interval_s, loop)
    target = loaded.content.slideshow.target_minutes if loaded.content.slideshow else None
    presenter = PresenterView(show, loaded, audience.language, audience.theme, size, target)
    show.ended.connect(app.quit)
    show.fullscreen_toggled.connect(
        lambda: audience.showNormal() if audience.isFullScreen() else audience.showFullScreen()
    )
    place(audience, presenter, presenter_screen, windowed)
    # Screens come and go (a projector is plugged in late): the windows follow.
    app.screenAdded.connect(lambda _screen: place(audience, presenter, presenter_screen, windowed))
    app.screenRemoved.connect(lambda _screen: place(audience, presenter, presenter_screen, windowed))
    show.start()
    return app.exec()
