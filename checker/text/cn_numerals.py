"""Chinese numerals in both directions: to_chinese(12) == "十二", from_chinese("一百零五") == 105.

Used by ingest (rendering Word auto-numbering such as 第%1条 with numFmt chineseCounting) and by the
segmenter (reading written clause numbers such as 第二十一条 back into integers).
"""
from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ["", "十", "百", "千"]
_BIG_UNITS = ["", "万", "亿", "万亿"]

# Every character that may stand for a digit, including capital (financial) forms, 〇, 两 and Arabic digits.
_DIGIT_VALUE: dict[str, int] = {c: i for i, c in enumerate(DIGITS)}
_DIGIT_VALUE.update({"〇": 0, "○": 0, "两": 2, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
                     "陆": 6, "柒": 7, "捌": 8, "玖": 9, "貳": 2, "參": 3, "陸": 6})
_DIGIT_VALUE.update({str(i): i for i in range(10)})
_DIGIT_VALUE.update({chr(0xFF10 + i): i for i in range(10)})   # full-width ０–９
_UNIT_VALUE = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_VALUE = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def _below_10000(n: int, leading_one_ten: bool) -> str:
    """0 < n < 10000 in counting form; zeros inside become a single 零 (一百零一, 一千零一十)."""
    out, zero_pending = [], False
    for pos in (3, 2, 1, 0):
        d = n // 10 ** pos % 10
        if d == 0:
            if out:
                zero_pending = True
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        if not (pos == 1 and d == 1 and not out and not leading_one_ten):
            out.append(DIGITS[d])
        out.append(_SMALL_UNITS[pos])
    return "".join(out)


def to_chinese(n: int) -> str:
    """Counting form as written in Chinese agreements: 1→一, 10→十, 11→十一, 20→二十, 101→一百零一,
    110→一百一十, 10001→一万零一. Negative numbers get 负; 0 is 零."""
    if n < 0:
        return "负" + to_chinese(-n)
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10_000)
        n //= 10_000
    out: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            continue
        higher = bool(out)
        # a zero must be read when a group below a higher one has fewer than four digits (一万零五)
        if higher and g < 1000 and not out[-1].endswith("零"):
            out.append("零")
        out.append(_below_10000(g, leading_one_ten=higher) + _BIG_UNITS[i])
    return "".join(out)


def to_chinese_digits(n: int) -> str:
    """Digit-by-digit form (Word numFmt ideographDigital): 10→一〇, 2024→二〇二四."""
    return "".join("〇" if c == "0" else DIGITS[int(c)] for c in str(n))


def from_chinese(s: str) -> int:
    """Read a Chinese (or Arabic / full-width) numeral: 十二→12, 二十→20, 一百零五→105, 两百→200,
    二〇二四→2024, １２→12. Raises ValueError when ``s`` is not a numeral."""
    s = s.strip()
    if not s:
        raise ValueError("empty numeral")
    if any(c not in _DIGIT_VALUE and c not in _UNIT_VALUE and c not in _BIG_VALUE for c in s):
        raise ValueError(f"not a Chinese numeral: {s!r}")
    if all(c in _DIGIT_VALUE for c in s):          # positional: 二〇二四, 12, １２
        v = 0
        for c in s:
            v = v * 10 + _DIGIT_VALUE[c]
        return v
    total, section, digit = 0, 0, None
    for c in s:
        if c in _DIGIT_VALUE:
            digit = _DIGIT_VALUE[c]
        elif c in _UNIT_VALUE:
            section += (1 if digit is None else digit) * _UNIT_VALUE[c]   # 十二: bare 十 means 一十
            digit = None
        else:
            big = _BIG_VALUE[c]
            section += digit or 0
            if section == 0 and total == 0:
                raise ValueError(f"not a Chinese numeral: {s!r}")
            total = (total + section) * big if big > 10_000 else total + section * big
            section, digit = 0, None
    return total + section + (digit or 0)
