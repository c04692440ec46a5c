"""checker.facts.amounts: Chinese integers, 大写 amounts, figures with commas and 万元, percentages."""
import pytest

from checker.facts.amounts import cn_int, daxie_to_fen, figure_to_fen, percent_value, fen_to_text


@pytest.mark.parametrize("s,n", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105),
                                 ("一千零五", 1005), ("两千", 2000), ("壹拾伍万", 150000), ("三亿五千万", 350000000),
                                 ("二〇二四", 2024), ("12", 12)])
def test_cn_int(s, n):
    assert cn_int(s) == n


def test_cn_int_rejects_words():
    assert cn_int("条款") is None and cn_int("") is None


@pytest.mark.parametrize("s,fen", [("人民币伍拾万元整", 50_000_000), ("伍拾万元", 50_000_000), ("拾万元", 10_000_000),
                                   ("壹佰贰拾万零叁佰元", 120_030_000), ("壹万贰仟叁佰肆拾伍元陆角柒分", 1_234_567),
                                   ("伍仟万元", 5_000_000_000), ("五十万元", 50_000_000), ("叁拾元伍角", 3_050)])
def test_daxie(s, fen):
    assert daxie_to_fen(s) == fen


def test_daxie_rejects_non_amount():
    assert daxie_to_fen("联盟经费") is None


def test_figures():
    assert figure_to_fen("500,000", "元") == 50_000_000
    assert figure_to_fen("500，000", None) == 50_000_000
    assert figure_to_fen("50", "万元") == 50_000_000
    assert figure_to_fen("12,345.67", "元") == 1_234_567
    assert figure_to_fen("1.5", "亿元") == 15_000_000_000


def test_percent_and_text():
    assert percent_value("40%") == 40.0 and percent_value("40.5％") == 40.5
    assert percent_value("百分之二十五") == 25.0 and percent_value("百分之十二点五") == 12.5
    assert percent_value("四十") is None
    assert fen_to_text(50_000_000) == "500,000元"
