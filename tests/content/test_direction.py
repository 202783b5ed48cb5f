"""The writing direction of a language code agrees with CLDR's for every locale Babel knows,
without Babel at start-up."""

from __future__ import annotations

import subprocess
import sys

import pytest
from babel import Locale, localedata

from kiosk.i18n.direction import is_right_to_left


def test_every_cldr_locale_has_cldr_s_direction() -> None:
    wrong = []
    for identifier in localedata.locale_identifiers():
        expected = Locale.parse(identifier).text_direction == "rtl"
        for code in (identifier, identifier.replace("_", "-")):
            if is_right_to_left(code) is not expected:
                wrong.append(code)
    assert wrong == []


@pytest.mark.parametrize(
    ("code", "rtl"),
    [("ar", True), ("AR-eg", True), ("he", True), ("iw", True), ("fa-IR", True), ("ur", True),
     ("pa-Arab", True), ("pa", False), ("ks-Deva", False), ("zh-Hant-TW", False), ("en", False),
     ("x-klingon", False), ("", False)],
)  # fmt: skip
def test_codes_content_files_use(code: str, rtl: bool) -> None:
    assert is_right_to_left(code) is rtl


def test_deciding_the_direction_loads_no_library() -> None:
    code = (
        "import sys; from kiosk.i18n.direction import is_right_to_left; is_right_to_left('ar'); "
        "print('babel' in sys.modules)"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"
