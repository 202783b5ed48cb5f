"""Quotes are set with the kiosk's own mark: marks an author put around the words are dropped,
marks inside them stay."""

from __future__ import annotations

import pytest

from kiosk.i18n.quotes import quote_words


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("Science parks connect.", "Science parks connect."),
        ("“Science parks connect.”", "Science parks connect."),
        ("„Wissenschaftsparks verbinden.“", "Wissenschaftsparks verbinden."),
        ("« Les parcs relient. »", "Les parcs relient."),
        ("«الحدائق تربط»", "الحدائق تربط"),
        ("「科学园连接世界。」", "科学园连接世界。"),
        ('"Plain marks."', "Plain marks."),
        ("“Only an opening mark", "Only an opening mark"),
        ("“A “nested” quote.”", "A “nested” quote."),
        ("He said “yes” to it.", "He said “yes” to it."),
        ("“Yes” was all he said.", "“Yes” was all he said."),
        ("“A” and “B”", "“A” and “B”"),
    ],
)
def test_quote_words(given: str, shown: str) -> None:
    assert quote_words(given) == shown
