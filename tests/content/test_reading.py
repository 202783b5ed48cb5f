"""Reading time by language: what a tour playing by itself waits on each stop."""

from __future__ import annotations

import pytest

from kiosk.i18n.reading import reading_seconds


def test_chinese_is_read_character_by_character() -> None:
    # 255 characters a minute: 51 characters take 12 s, punctuation takes no time.
    assert reading_seconds(["中" * 51 + "。，"], "zh") == pytest.approx(12.0)


def test_words_are_read_at_the_languages_rate() -> None:
    sentence = " ".join(["word"] * 38)
    assert reading_seconds([sentence], "en") == pytest.approx(10.0)  # 228 words a minute
    assert reading_seconds([sentence], "de") > reading_seconds([sentence], "en")
    assert reading_seconds([sentence], "ar") > reading_seconds([sentence], "de")


def test_numbers_and_joined_words_count_once() -> None:
    assert reading_seconds(["over 1,000 km, fuel-cell trucks don’t stop"], "en") == pytest.approx(
        reading_seconds(["a b c d e f g"], "en")
    )


def test_latin_names_in_chinese_text_count_as_words() -> None:
    mixed = reading_seconds(["海珀特与墨西哥Azteca物流"], "zh")
    assert mixed == pytest.approx(reading_seconds(["海珀特与墨西哥物流"], "zh") + 60 / 180)


def test_a_longer_text_takes_longer_and_several_texts_add_up() -> None:
    assert reading_seconds(["one two three"], "fr") < reading_seconds(["one two three four"], "fr")
    assert reading_seconds(["one", "two"], "en") == pytest.approx(reading_seconds(["one two"], "en"))
