"""normalize_text: half-width letters/digits, Chinese punctuation kept, blanks collapsed."""
from checker.text.normalize import normalize_text


def test_fullwidth_letters_and_digits_become_halfwidth():
    assert normalize_text("ＡＢＣ公司２０２４年ｘ") == "ABC公司2024年x"


def test_chinese_punctuation_stays_full_width():
    s = "甲方（盖章）：某某；日期。乙方，丙方、丁方！？“引号”"
    assert normalize_text(s) == s


def test_blanks_zero_width_and_breaks():
    assert normalize_text("\u3000\u3000第一条\u00a0\u00a0 总则\t\t内容\u200b\ufeff") == "第一条 总则 内容"
    assert normalize_text("名称：某公司\n住所：福州") == "名称：某公司 住所：福州"
    assert normalize_text("a\x07b") == "ab"
    assert normalize_text(" \u3000\t") == ""
