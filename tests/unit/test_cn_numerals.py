"""Chinese numerals both ways, as used for clause numbers (第二十一条) and Word list labels."""
from __future__ import annotations

import pytest

from checker.text.cn_numerals import from_chinese, to_chinese, to_chinese_digits

PAIRS = [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九"), (100, "一百"),
         (101, "一百零一"), (110, "一百一十"), (105, "一百零五"), (1000, "一千"), (1010, "一千零一十"),
         (2024, "二千零二十四"), (10000, "一万"), (10001, "一万零一"), (120000, "十二万")]


@pytest.mark.parametrize("n,s", PAIRS)
def test_round_trip(n, s):
    assert to_chinese(n) == s
    assert from_chinese(s) == n


@pytest.mark.parametrize("s,n", [("十二", 12), ("两百", 200), ("二〇二四", 2024), ("一〇", 10), ("零", 0),
                                 ("〇", 0), ("１２", 12), ("12", 12), ("壹佰零伍", 105), (" 三十 ", 30),
                                 ("两千零一十", 2010)])
def test_variants(s, n):
    assert from_chinese(s) == n


@pytest.mark.parametrize("s", ["", "条", "第三", "三a", "万"])
def test_not_a_numeral(s):
    with pytest.raises(ValueError):
        from_chinese(s)


def test_every_number_round_trips():
    for n in range(0, 3000):
        assert from_chinese(to_chinese(n)) == n


def test_digit_form():
    assert to_chinese_digits(2024) == "二〇二四"
