"""A broken content file never crashes the kiosk: visitors read that the exhibit takes a break,
staff read how many problems which file has and where they are listed; no place in the file
(a JSON path) is ever on the visitor's screen."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFrame, QLabel
from pytestqt.qtbot import QtBot
from visible import visible_texts

from kiosk.app.boot import load_or_report
from kiosk.ui.main_window import MainWindow
from kiosk.ui.session import Session


def test_invalid_content_shows_the_problems(
    qtbot: QtBot, write_content: Callable[..., Path], content_dict: dict
) -> None:
    broken = json.loads(json.dumps(content_dict))
    del broken["visions"][2]["name"]["en"]
    broken["tours"][0]["stops"][1]["voice"] = "nobody"
    path = write_content(broken)
    loaded, error = load_or_report(path)
    assert loaded is None
    assert error is not None
    window = MainWindow(Session(None, error, "zh", size=(1920, 1080)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    texts = visible_texts(window)
    assert "展台暂停服务" in texts
    assert "This exhibit is taking a short break" in texts
    assert "请联系现场工作人员。" in texts
    assert "工作人员须知 · 内容无法加载" in texts
    assert "For staff · The content could not be loaded" in texts
    assert f"The content file has 2 problem(s): \u2066{path}\u2069" in texts  # isolated: left to right
    shown = "\n".join(texts)
    for place in ("visions[2]", "name.en", "tours[0]", "stops[1]", "nobody"):
        assert place not in shown
    assert window.nav is None


def test_the_staff_panel_is_as_large_as_its_text(
    qtbot: QtBot, write_content: Callable[..., Path], content_dict: dict
) -> None:
    """No panel mostly empty: the staff's panel ends under its last line, and every line of it
    is drawn whole (nothing elided or cut)."""
    broken = json.loads(json.dumps(content_dict))
    broken["tours"][0]["stops"][1]["voice"] = "nobody"
    # A long path, as an operator's may be: it wraps, and its second line is not lost.
    _, error = load_or_report(write_content(broken, name=f"exhibition-{'content-' * 16}1.json"))
    assert error is not None
    for size in ((1920, 1080), (1280, 800), (1080, 1920)):
        window = MainWindow(Session(None, error, "zh", size=size))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        page = window.error_page
        assert page is not None
        panel = page.staff_panel
        margin = panel.layout().contentsMargins().bottom()

        def room_under_the_text(panel: QFrame = panel) -> int:
            labels = [label for label in panel.findChildren(QLabel) if label.isVisible()]
            return panel.height() - max(label.geometry().bottom() for label in labels)

        # Wrapped labels settle over a layout pass or two after the window is shown; a few px of
        # rounding aside, the panel ends under its text.
        qtbot.waitUntil(lambda margin=margin: 0 < room_under_the_text() <= margin + 8, timeout=3000)
        labels = [label for label in panel.findChildren(QLabel) if label.isVisible()]
        for label in labels:
            assert label.height() >= label.heightForWidth(label.width()), label.text()
        window.close()


def test_syntax_error_is_located_by_line_and_column(qtbot: QtBot, write_content: Callable[..., Path]) -> None:
    path = write_content('{\n  "meta": {,\n}')
    loaded, error = load_or_report(path)
    assert loaded is None
    assert error is not None
    window = MainWindow(Session(None, error, "en", size=(1280, 800)))
    qtbot.addWidget(window)
    window.show()
    texts = visible_texts(window)
    assert not any("2:12" in text or "JSON" in text for text in texts)  # for staff, not on screen
    assert any(text.startswith("The content file has 1 problem(s)") for text in texts)
    assert str(error.problems[0]).startswith("2:12: JSON syntax error")  # the admin panel lists it


def test_a_syntax_error_message_ends_in_words_not_mid_sentence(write_content: Callable[..., Path]) -> None:
    """The decoder says "Invalid control character at" and puts the place after it: the place is
    given as line:column, so the message must not end in a dangling "at"."""
    _, error = load_or_report(write_content('{\n  "meta": "a\tb"\n}'))
    assert error is not None
    assert str(error.problems[0]) == "2:13: JSON syntax error: Invalid control character"


def test_the_error_screen_speaks_the_contents_languages(
    qtbot: QtBot, write_content: Callable[..., Path], content_dict: dict
) -> None:
    """A German and Arabic exhibition that fails to load explains itself in German and Arabic."""
    broken = json.loads(json.dumps(content_dict))
    broken["meta"]["languages"] = ["de", "ar"]
    broken["meta"]["default_language"] = "de"
    loaded, error = load_or_report(write_content(broken))
    assert loaded is None
    assert error is not None
    window = MainWindow(Session(None, error, "de", size=(1920, 1080)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    texts = visible_texts(window)
    assert "Diese Station macht eine kurze Pause" in texts
    assert "هذا المعروض في استراحة قصيرة" in texts
    assert "Für das Personal · Die Inhalte konnten nicht geladen werden" in texts
    assert "للموظفين · تعذّر تحميل المحتوى" in texts
    assert "展台暂停服务" not in texts
    assert "This exhibit is taking a short break" not in texts


def test_without_readable_languages_the_error_screen_uses_the_machines_and_english(
    qtbot: QtBot, write_content: Callable[..., Path], monkeypatch
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    _, error = load_or_report(write_content('{\n  "meta": {,\n}'))
    assert error is not None
    window = MainWindow(Session(None, error, "en", size=(1280, 800)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    texts = visible_texts(window)
    assert "Diese Station macht eine kurze Pause" in texts
    assert "This exhibit is taking a short break" in texts
    assert "展台暂停服务" not in texts
