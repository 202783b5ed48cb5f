"""The "content could not be loaded" screen on a real X server speaks the broken file's own
languages: a German and Arabic exhibition is told in German and Arabic, not Chinese and English."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from xserver import Image, LaunchKiosk, XServer, changed_fraction

TOP = (0, 0, 1920, 420)  # the titles and the explanation, above the list of problems


def _broken(content_dict: dict[str, Any], languages: list[str]) -> dict[str, Any]:
    """The bundled content declaring `languages`: every text then lacks them (the same problems)."""
    data: dict[str, Any] = json.loads(json.dumps(content_dict))
    data["meta"]["languages"] = languages
    data["meta"]["default_language"] = languages[0]
    return data


def _error_screen(kiosk: LaunchKiosk, xvfb: XServer, path: Path, name: str) -> Image:
    run = kiosk("--data", str(path), server=xvfb)
    screen = run.settle()
    run.save(name, screen)
    top = run.settle(TOP)
    run.stop()
    return top


def test_the_error_screen_is_in_the_files_languages(
    kiosk: LaunchKiosk, xvfb: XServer, write_content: Callable[..., Path], content_dict: dict[str, Any]
) -> None:
    german_arabic = _error_screen(
        kiosk, xvfb, write_content(_broken(content_dict, ["de", "ar"]), "de-ar.json"), "de-ar"
    )
    german_english = _error_screen(
        kiosk, xvfb, write_content(_broken(content_dict, ["de", "en"]), "de-en.json"), "de-en"
    )
    chinese_english = _error_screen(
        kiosk, xvfb, write_content(_broken(content_dict, ["zh", "en"]), "zh-en.json"), "zh-en"
    )
    # The German title leads both German screens; the second language's lines differ.
    half = german_arabic.shape[0] // 4
    assert changed_fraction(german_arabic[:half], german_english[:half]) < 0.002
    assert changed_fraction(german_arabic, german_english) > 0.005
    assert changed_fraction(german_english[:half], chinese_english[:half]) > 0.005
