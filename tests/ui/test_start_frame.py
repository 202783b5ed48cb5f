"""The starting window's rules: the stored frame is the live home screen to the pixel, and is
shown only for what it was drawn from (content, screen, language, kiosk version, settings, no
crash loop); touches and keys on it reach the live window, in order. The real screen, start to
settled, is checked on a real X server (tests/display/test_start_frame_x11.py)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from touch import tap
from visible import visible_texts

from kiosk.app import start_frame
from kiosk.app.start_frame import (
    FILE_NAME,
    StartFrame,
    StartFrameStore,
    StartRequest,
    StoredFrame,
    crash_loop_in,
    process_inputs,
    screen_inputs,
    show_stored_frame,
)
from kiosk.app.start_window import StartWindow
from kiosk.system.settings import APP_NAME
from kiosk.system.start_journal import CRASH_WINDOW_S, StartJournal
from kiosk.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def shown(qtbot: QtBot) -> Iterator[list[StartFrame]]:
    """Starts whose window is on screen, closed after the test."""
    starts: list[StartFrame] = []
    yield starts
    for start in starts:
        if start.window is not None:
            qtbot.addWidget(start.window)


class Kiosk:
    """What a stored frame is drawn from, in a test's folder: the content file, a settings
    file, the start journal; `store` keeps the live window's home screen as the kiosk does."""

    def __init__(self, folder: Path, content: Path) -> None:
        self.folder = folder
        self.content = content
        self.settings = folder / "settings.json"
        self.settings.write_text('{"pin_hash": "x"}', encoding="utf-8")
        self.journal = folder / "start-journal.log"
        self.request = StartRequest(content, None, False, False, None, False)

    def start(self, request: StartRequest | None = None) -> StartFrame:
        chosen = request or self.request
        return StartFrame(chosen, process_inputs(chosen))

    def store(self, window: MainWindow) -> QImage:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        store = StartFrameStore(
            self.start(), [self.content, self.settings], (self.journal, CRASH_WINDOW_S), self.folder
        )
        picture = window.grab().toImage()
        writer = store.store(picture, screen_inputs(app, window.screen()))
        assert writer is not None
        writer.join()
        return picture

    def show(self, request: StartRequest | None = None) -> StartFrame:
        return show_stored_frame(request or self.request, self.folder)


@pytest.fixture
def kiosk(tmp_path: Path, write_content: Callable[..., Path], content_dict: dict[str, object]) -> Kiosk:
    return Kiosk(tmp_path, write_content(content_dict))


@pytest.fixture
def live(make_window: MakeWindow, qapp: QApplication) -> MainWindow:
    """The live window as the kiosk shows it: the whole screen."""
    geometry = qapp.primaryScreen().geometry()
    return make_window(size=(geometry.width(), geometry.height()))


def test_the_stored_frame_is_the_live_home_screen(
    kiosk: Kiosk, live: MainWindow, qtbot: QtBot, shown: list[StartFrame]
) -> None:
    drawn = kiosk.store(live)
    start = kiosk.show()
    shown.append(start)
    assert start.not_shown is None
    assert start.window is not None
    assert start.window.isVisible()
    # What the starting window puts on screen is, pixel for pixel, the live window's home.
    on_screen = start.window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert on_screen == drawn.convertToFormat(QImage.Format.Format_RGB32)
    assert on_screen == live.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_changed_content_is_never_shown(
    kiosk: Kiosk, live: MainWindow, content_dict: dict[str, object]
) -> None:
    kiosk.store(live)
    changed = json.loads(json.dumps(content_dict))
    changed["home"]["title"]["zh"] += "!"
    kiosk.content.write_text(json.dumps(changed), encoding="utf-8")
    start = kiosk.show()
    assert start.window is None
    assert start.not_shown == f"{kiosk.content} changed"


def test_settings_written_again_with_the_same_bytes_still_show_it(
    kiosk: Kiosk, live: MainWindow, shown: list[StartFrame]
) -> None:
    kiosk.store(live)
    kiosk.settings.write_text('{"pin_hash": "x"}', encoding="utf-8")
    written = kiosk.settings.stat()
    os.utime(kiosk.settings, ns=(written.st_atime_ns, written.st_mtime_ns + 1_000_000))
    start = kiosk.show()
    shown.append(start)
    assert start.not_shown is None


def test_other_settings_are_never_shown(kiosk: Kiosk, live: MainWindow) -> None:
    kiosk.store(live)
    kiosk.settings.write_text('{"pin_hash": "y"}', encoding="utf-8")
    start = kiosk.show()
    assert start.window is None
    assert start.not_shown == f"{kiosk.settings} changed"


@pytest.mark.parametrize(
    "change",
    [
        {"lang": "en"},
        {"reduced_motion": True},
        {"screen": 1},
        {"allow_default_pin": True},
    ],
)
def test_other_choices_are_never_shown(kiosk: Kiosk, live: MainWindow, change: dict[str, object]) -> None:
    kiosk.store(live)
    start = kiosk.show(replace(kiosk.request, **change))  # type: ignore[arg-type]
    assert start.window is None
    assert start.not_shown == "stored by another version or with other choices"


def test_another_kiosk_version_is_never_shown(
    kiosk: Kiosk, live: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    kiosk.store(live)
    monkeypatch.setattr(start_frame, "__version__", "99.0")
    start = kiosk.show()
    assert start.window is None
    assert start.not_shown == "stored by another version or with other choices"


def test_another_screen_size_is_never_shown(kiosk: Kiosk, make_window: MakeWindow) -> None:
    # Drawn for a screen of another size than the one the kiosk would fill now.
    geometry = QApplication.primaryScreen().geometry()
    other = make_window(size=(geometry.width() // 2, geometry.height()))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    inputs = screen_inputs(app, other.screen())
    inputs["geometry"] = [0, 0, geometry.width() // 2, geometry.height()]
    store = StartFrameStore(kiosk.start(), [kiosk.content], (kiosk.journal, CRASH_WINDOW_S), kiosk.folder)
    writer = store.store(other.grab().toImage(), inputs)
    assert writer is not None
    writer.join()
    start = kiosk.show()
    assert start.window is None
    assert start.not_shown == "drawn for another screen or Qt"


def test_a_crash_loop_shows_no_frame(kiosk: Kiosk, live: MainWindow) -> None:
    kiosk.store(live)
    journal = StartJournal(kiosk.journal)
    journal.start("a")
    journal.start("a")  # died twice: the safe start shows other content
    start = kiosk.show()
    assert start.window is None
    assert start.not_shown == "a crash loop: the safe start shows other content"


@pytest.mark.parametrize(
    "lines",
    [
        [],
        ["{now} starting a"],
        ["{now} starting a", "{now} ran well a"],
        ["{now} starting a", "{now} starting a"],
        ["{old} starting a", "{now} starting a"],
        ["{now} starting a", "{now} ran well a", "{now} starting b", "{now} starting b"],
        ["{now} starting a", "garbage", "{now} starting a"],
        ["{now} starting a", "{now} starting"],
    ],
)
def test_the_crash_loop_reading_agrees_with_the_start_journal(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "start-journal.log"
    now = time.time()
    text = "".join(line.format(now=now, old=now - CRASH_WINDOW_S - 60) + "\n" for line in lines)
    path.write_text(text, encoding="utf-8")
    assert crash_loop_in(path, CRASH_WINDOW_S) == StartJournal(path).crash_loop()


def test_a_damaged_file_is_no_frame(kiosk: Kiosk, live: MainWindow) -> None:
    kiosk.store(live)
    path = kiosk.folder / FILE_NAME
    path.write_bytes(path.read_bytes()[:1_000_000])  # cut short
    start = kiosk.show()
    assert start.window is None
    assert start.not_shown == "its pixels are unreadable"
    path.write_bytes(b"not a frame")
    assert StoredFrame.read_header(path) is None


def test_the_cache_folder_is_the_kiosks() -> None:
    assert start_frame.CACHE_FOLDER_NAME == APP_NAME


def test_taps_on_the_picture_reach_the_live_window_once_there_is_one(live: MainWindow, qtbot: QtBot) -> None:
    picture = live.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = bytes(picture.constBits())
    image = QImage(
        pixels, picture.width(), picture.height(), picture.bytesPerLine(), QImage.Format.Format_RGB32
    )
    starting = StartWindow(image, pixels)
    qtbot.addWidget(starting)
    starting.setGeometry(live.geometry())
    starting.show()
    qtbot.waitExposed(starting)
    assert live.nav is not None
    button = live.nav.language_button
    before = visible_texts(live)
    # A visitor taps the language button on the picture, before the live window is there.
    tap(starting, button.mapTo(live, button.rect().center()))
    assert starting.held > 0
    assert live.session.language.current == "zh"  # nothing reached it yet
    starting.pass_input_to(live)
    assert starting.held == 0
    qtbot.waitUntil(lambda: live.session.language.current == "en")
    qtbot.waitUntil(lambda: visible_texts(live) != before)
    assert "The Zhongguancun Initiative" in visible_texts(live)
