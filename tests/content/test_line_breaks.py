"""Where Chinese text may not break: between a number and its unit, inside a name or a written
fraction, before a paragraph's last character. Pure Python: the joiners are placed by rule."""

from __future__ import annotations

import pytest

from kiosk.i18n.line_breaks import WORD_JOINER, keep_together, without_joiners

J = WORD_JOINER


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ("平均每天诞生科技型企业近130家。", f"平均每天诞生科技型企业近{J}130{J}家。"),
        ("覆盖全球60多个国家和地区", f"覆盖全球60{J}多{J}个国家和地{J}区"),
        ("约三分之一", f"约{J}三{J}分{J}之{J}一"),
        ("总部116家，独角兽企业93家", f"总部116{J}家，独角兽企业93{J}家"),
        ("截至2024年8月", f"截至2024{J}年{J}8{J}月"),
        ("技术合同成交额6465亿元", f"技术合同成交额6465{J}亿{J}元"),
        ("借鉴。", f"借{J}鉴。"),
        ("IASP全球主席艾巴·伦德）", f"IASP全球主{J}席{J}艾{J}巴{J}·{J}伦{J}德）"),
        ("百余位国际嘉宾", f"百{J}余{J}位国际嘉{J}宾"),
        # A Chinese name in English, in brackets, stays whole ("海珀 | 特" split it on a chip).
        ("Chairman (华高莱斯)", f"Chairman ({J}华{J}高{J}莱{J}斯{J})"),
        ("A Haipote (海珀特) representative", f"A Haipote ({J}海{J}珀{J}特{J}) representative"),
    ],
)
def test_joiners_where_a_line_may_not_break(text: str, glued: str) -> None:
    assert keep_together(text) == glued
    assert without_joiners(keep_together(text)) == text


def test_digits_stay_as_written() -> None:
    """Digits never break among themselves: no joiner between them, so "1000" is still found."""
    assert "1000" in keep_together("研发中心超过1000家")
    assert "174.7" in keep_together("授权量达到174.7件……")


def test_text_without_chinese_is_untouched() -> None:
    assert keep_together("over 1,000 km of range") == "over 1,000 km of range"
    assert keep_together("Ebba Lund, IASP") == "Ebba Lund, IASP"


def test_each_line_of_a_text_keeps_its_last_two_characters() -> None:
    assert keep_together("第一段。\n第二段。") == f"第一{J}段。\n第二{J}段。"


def test_a_name_too_long_for_a_line_breaks_only_at_its_dot() -> None:
    assert keep_together("汤姆·本特利", whole_names=False) == f"汤{J}姆{J}·本{J}特{J}利"
    assert keep_together("艾巴·伦德") == f"艾{J}巴{J}·{J}伦{J}德"


def test_a_name_keeps_together_but_not_the_sentence_after_it() -> None:
    """No spaces mark where a name ends: its parts are glued, at most four characters each,
    and the rest of the sentence still breaks as it may (else its full stop ends up alone)."""
    glued = keep_together("IASP全球主席艾巴·伦德在开幕式上指出。")
    assert "艾\u2060巴\u2060·\u2060伦\u2060德" in glued
    assert "幕\u2060式" not in glued
    assert "式\u2060上" not in glued
