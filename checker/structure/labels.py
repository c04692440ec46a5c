"""Candidate numbering labels of every family a drafter uses, with their level key and number.

第X章 / 第X编 / 第X部分 / 第X节 / 第X条; 一、 一. 一．; （一）(一); 1 / 1. / 1、 / 1) / 1.1 / 1.1.1 followed by an ASCII or
full-width space, a tab, 、 ． . or nothing; (1)（1）; ⑴; ①; (a)（a）; a. A.; Roman numerals. The
segmenter (hierarchy.py) decides which of them number the clauses; this module only reads one line.
(markers.py keeps the labels the classifier's training text is stripped of.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.structure.markers import NUM, CN

# Words that follow a bare number in a sentence ("3年内", "5家以上"): such a number is no label.
_QUANTITY = "年月日号个家名人次天周届倍万亿元%％级种件份层台套位岁"
ROMAN_RX = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
# Separators drafters put after a label: ASCII or full-width space, tab, 、 ． . or nothing.
# (type, regex) — order matters: the first match wins. The label is group "label".
_MARKERS = [
    # 第X部分 (第一部分 总则) is a chapter as 第X章/第X编 are
    ("chapter", re.compile(rf"^(?P<label>第\s*{NUM}\s*(?:[章编]|部分))(?=[\s\u3000:：、．.]|$|[^\d])")),
    ("section", re.compile(rf"^(?P<label>第\s*{NUM}\s*节)(?=[\s\u3000:：、．.]|$|[^\d])")),
    ("article", re.compile(rf"^(?P<label>第\s*{NUM}\s*条)")),
    ("part", re.compile(rf"^(?P<label>[{CN}]+)\s*[、.．](?!\d)")),
    ("paren_cn", re.compile(rf"^(?P<label>[（(]\s*[{CN}]+\s*[）)])")),
    ("decimal_multi", re.compile(r"^(?P<label>\d{1,2}(?:[.．]\d{1,2})+)[.．]?(?=[\s\u3000、]|[^\d.．])")),
    ("decimal", re.compile(r"^(?P<label>\d{1,2})\s*[.．、](?![\d])")),
    ("decimal_rparen", re.compile(r"^(?P<label>\d{1,2})\s*[)）]")),
    ("decimal_bare", re.compile(rf"^(?P<label>\d{{1,2}})(?=[ \u3000\t]+[^\d\s{_QUANTITY}]|[\u4e00-\u9fff])(?![{_QUANTITY}]|项(?!目))")),
    ("paren_num", re.compile(r"^(?P<label>[（(]\s*\d+\s*[）)])")),
    ("paren_digit", re.compile(r"^(?P<label>[⑴-⒇])")),
    ("circled", re.compile(r"^(?P<label>[①-⑳])")),
    ("paren_alpha", re.compile(r"^(?P<label>[（(][a-zA-Z][）)])")),
    ("roman", re.compile(rf"^(?P<label>(?=[IVXⅠ-Ⅻ])({ROMAN_RX}|[Ⅰ-Ⅻ]))\s*[.．、](?![\dA-Za-z])")),
    ("alpha", re.compile(r"^(?P<label>[a-zA-Z])\s*[.．、](?![\dA-Za-z])")),
]
_ROMAN_VAL = {"I": 1, "V": 5, "X": 10}

@dataclass
class Marker:
    type: str | None          # one of the _MARKERS types, or None
    label: str | None         # visible label, e.g. "第十二条", "（三）", "3.1"
    rest: str                 # text after the label
    depth: int = 0            # decimal_multi depth (1.1 → 2)

    @property
    def key(self) -> str | None:
        """The numbering level this label belongs to: its type, and the depth for 1.1 / 1.1.1."""
        return f"{self.type}{self.depth}" if self.type == "decimal_multi" else self.type

    @property
    def value(self) -> int | None:
        """The label's own number (第十二条 → 12, 3.2 → 2, ⑶ → 3, c. → 3, IV. → 4)."""
        return label_value(self.type, self.label)

    @property
    def parent_value(self) -> tuple[int, ...]:
        """For 3.2.1: (3, 2); empty for one-level labels."""
        if self.type != "decimal_multi" or not self.label:
            return ()
        return tuple(int(x) for x in re.split(r"[.．]", self.label)[:-1] if x.isdigit())


def label_value(typ: str | None, label: str | None) -> int | None:
    if not typ or not label:
        return None
    core = re.sub(r"[第条章编节、.．（）()\s]|部分", "", label)
    if typ == "decimal_multi":
        core = re.split(r"[.．]", label)[-1]
    try:
        if core.isdecimal():
            return int(core)
        if typ in ("circled",):
            return ord(core[0]) - ord("①") + 1
        if typ == "paren_digit":
            return ord(core[0]) - ord("⑴") + 1
        if typ in ("alpha", "paren_alpha"):
            return ord(core[0].lower()) - ord("a") + 1
        if typ == "roman":
            if "Ⅰ" <= core[0] <= "Ⅻ":
                return ord(core[0]) - 0x2160 + 1
            total, prev = 0, 0
            for ch in reversed(core):
                v = _ROMAN_VAL[ch]
                total, prev = (total - v, prev) if v < prev else (total + v, v)
            return total
        from checker.text.cn_numerals import from_chinese
        return from_chinese(core)
    except (KeyError, ValueError, IndexError):
        return None


def label_of(text: str) -> Marker:
    t = text.lstrip(" \u3000\t")
    for typ, rx in _MARKERS:
        m = rx.match(t)
        if m:
            label = m.group("label").replace(" ", "")
            if typ == "roman" and not label:
                continue
            rest = t[m.end():].lstrip(" \u3000\t、.．:：")
            depth = label.count(".") + label.count("．") + 1 if typ == "decimal_multi" else 0
            return Marker(typ, label, rest, depth)
    return Marker(None, None, t)


