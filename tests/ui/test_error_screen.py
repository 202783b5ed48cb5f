"""A broken content file never crashes the kiosk: it shows what is wrong, located."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

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
    assert "内容无法加载" in texts
    assert "The content could not be loaded" in texts
    assert "visions[2].name.en: field required" in texts
    assert "tours[0].stops[1].voice: no voice has id 'nobody'" in texts
    assert window.nav is None


def test_syntax_error_is_located_by_line_and_column(qtbot: QtBot, write_content: Callable[..., Path]) -> None:
    path = write_content('{\n  "meta": {,\n}')
    loaded, error = load_or_report(path)
    assert loaded is None
    assert error is not None
    window = MainWindow(Session(None, error, "en", size=(1280, 800)))
    qtbot.addWidget(window)
    window.show()
    assert any(text.startswith("2:12: JSON syntax error") for text in visible_texts(window))


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
    assert "Die Inhalte konnten nicht geladen werden" in texts
    assert "تعذّر تحميل المحتوى" in texts
    assert "内容无法加载" not in texts
    assert "The content could not be loaded" not in texts


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
    assert "Die Inhalte konnten nicht geladen werden" in texts
    assert "The content could not be loaded" in texts
    assert "内容无法加载" not in texts
