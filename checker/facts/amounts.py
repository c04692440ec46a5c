"""Money and number parsing: 大写 amounts (壹贰叁…拾佰仟万亿元角分整), figures with commas and 万元,
Chinese integers (一百二十三) and percentages (40%、百分之四十).

Amounts are returned in 分 (integer) so that a figure and its 大写 can be compared exactly.
"""
from __future__ import annotations

import re

from checker.text.cn_numerals import from_chinese

_DIGITS = {"零": 0, "〇": 0, "○": 0, "壹": 1, "一": 1, "贰": 2, "貳": 2, "二": 2, "两": 2, "兩": 2,
           "叁": 3, "參": 3, "三": 3, "肆": 4, "四": 4, "伍": 5, "五": 5, "陆": 6, "陸": 6, "六": 6,
           "柒": 7, "七": 7, "捌": 8, "八": 8, "玖": 9, "九": 9}
_SMALL = {"拾": 10, "十": 10, "佰": 100, "百": 100, "仟": 1000, "千": 1000}
_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CN_NUM_CHARS = "".join(_DIGITS) + "".join(_SMALL) + "".join(_BIG)
# A 大写 amount: digits/units, then 元/圆 and optional 角/分/整.
DAXIE = re.compile(rf"[{CN_NUM_CHARS}]+(?:元|圆)(?:[{CN_NUM_CHARS}]角)?(?:[{CN_NUM_CHARS}]分)?(?:整|正)?"
                   rf"|[{CN_NUM_CHARS}]+万(?:元|圆)(?:整|正)?")
FIGURE = re.compile(r"(?:¥|￥|RMB|人民币)?\s*(\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|万|亿元|元)?")


def cn_int(s: str) -> int | None:
    """'一百二十三' → 123, '壹拾伍万' → 150000, '十二' → 12, '二〇二四' → 2024; None if not a number.
    One numeral reader for the project: checker.text.cn_numerals."""
    try:
        return from_chinese(s.replace("○", "〇"))
    except ValueError:
        return None


def daxie_to_fen(s: str) -> int | None:
    """'人民币伍拾万元整' → 50_000_000 (分). None if the text is not a 大写 amount."""
    s = re.sub(r"^(人民币|大写[:：]?)+", "", s.strip())
    m = re.fullmatch(rf"([{CN_NUM_CHARS}]*?)(万)?(?:元|圆)(?:([{CN_NUM_CHARS}])角)?(?:([{CN_NUM_CHARS}])分)?(?:整|正)?", s)
    if not m:
        return None
    yuan = cn_int(m.group(1)) if m.group(1) else 0
    if yuan is None:
        return None
    if m.group(2):
        yuan *= 10_000
    jiao = _DIGITS.get(m.group(3), 0) if m.group(3) else 0
    fen = _DIGITS.get(m.group(4), 0) if m.group(4) else 0
    return yuan * 100 + jiao * 10 + fen


def figure_to_fen(number: str, unit: str | None) -> int:
    """'500,000', '元' → 50_000_000; '50', '万元' → 50_000_000 (分)."""
    value = float(number.replace(",", "").replace("，", ""))
    mult = {"万元": 10_000, "万": 10_000, "亿元": 100_000_000}.get(unit or "", 1)
    return round(value * mult * 100)


def percent_value(s: str) -> float | None:
    """'40%' / '40.5％' / '百分之四十' → 40.0 / 40.5 / 40.0."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*[%％]\s*", s)
    if m:
        return float(m.group(1))
    m = re.fullmatch(r"\s*百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?\s*", s)
    if m:
        whole = cn_int(m.group(1))
        if whole is None:
            return None
        frac = m.group(2)
        return float(f"{whole}.{''.join(str(_DIGITS[c]) for c in frac)}") if frac else float(whole)
    return None


PERCENT = re.compile(r"\d+(?:\.\d+)?\s*[%％]|百分之[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?")


def fen_to_text(fen: int) -> str:
    """50_000_000 → '500,000元' (for messages)."""
    yuan, rest = divmod(fen, 100)
    return f"{yuan:,}元" if not rest else f"{yuan:,}.{rest:02d}元"
