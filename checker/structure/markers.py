"""Recognises the numbering label and the role of one block: 第X章 / 第X条 / 一、/（一）/ 1. /
1.1 / (1) / ①, title lines, party lines, 鉴于, signature lines, attachment headings, TOC lines.

Pure functions of a block's text, used by the segmenter to build the clause tree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CN = "零〇一二三四五六七八九十百千两"
NUM = rf"[{CN}\d０-９]+"

# (type, regex) — order matters: the first match wins. The label is group "label".
_MARKERS = [
    ("chapter", re.compile(rf"^(?P<label>第\s*{NUM}\s*[章编])(?=[\s\u3000:：、．.]|$|[^\d])")),
    ("article", re.compile(rf"^(?P<label>第\s*{NUM}\s*条)")),
    ("part", re.compile(rf"^(?P<label>[{CN}]+)\s*[、.．](?!\d)")),
    ("paren_cn", re.compile(rf"^(?P<label>[（(]\s*[{CN}]+\s*[）)])")),
    ("decimal_multi", re.compile(r"^(?P<label>\d+(?:[.．]\d+)+)[.．]?(?=[\s\u3000、]|[^\d.．])")),
    ("decimal", re.compile(r"^(?P<label>\d+)\s*[.．、](?![\d])")),
    ("paren_num", re.compile(r"^(?P<label>[（(]\s*\d+\s*[）)])")),
    ("circled", re.compile(r"^(?P<label>[①-⑳])")),
]

TOC_LINE = re.compile(r"(\.{4,}|…{2,}|·{4,}|-{4,}|_{4,})\s*\d+\s*$|\t\s*\d+\s*$")
PARTY_LINE = re.compile(
    r"^(?:[甲乙丙丁戊己庚辛壬癸]方|第[一二三四五六七八九十\d]+方|协议[一二三四五六七八九十\d]*方|"
    r"成员单位[一二三四五六七八九十\d]*|发起单位[一二三四五六七八九十\d]*|缔约方[一二三四五六七八九十\d]*|"
    r"联盟成员[一二三四五六七八九十\d]*|(?:签约|合作|参与|参加|联盟)(?:单位|方)[一二三四五六七八九十\d]*)\s*[（(]?[^：:）)]{0,8}[）)]?\s*[：:]")
# A party block's role written alone on its line, its fields below ("甲方" / "单位名称：…" / "住所：…").
_ROLE_WORD = (r"(?:[甲乙丙丁戊己庚辛壬癸]方|第[一二三四五六七八九十\d]+方|(?:协议|缔约|签约|合作|参与)方\s*[（(]?[一二三四五六七八九十\d]+[）)]?"
              r"|(?:成员|发起|签约|参与|参加|合作)单位\s*[（(]?[一二三四五六七八九十\d]+[）)]?|联盟成员\s*[一二三四五六七八九十\d]+)")
BARE_ROLE_LINE = re.compile(rf"^{_ROLE_WORD}\s*$")
# A party written name first, its role after it: "福州某某科技有限公司（以下简称“甲方”）".
ALIAS_ROLE_LINE = re.compile(rf"^[^，。；：:]{{2,60}}?[（(]\s*(?:以下|下文)?(?:简称|称)\s*[:：]?\s*[“\"「『]?{_ROLE_WORD}"
                             r"[”\"」』]?\s*[）)]")
# The name line under a role written alone: "单位名称：…" / "名称：…".
NAME_FIELD_LINE = re.compile(r"^(?:单位)?(?:名\s*称|全\s*称)\s*[:：]")
# A preamble sentence that puts the parties' particulars in an attachment: "各成员单位（名称、住所、法定代表人见附件1）…".
PARTIES_IN_ATTACHMENT = re.compile(r"(?:名称|住所|法定代表人|基本信息|基本情况|名单|名录).{0,16}(?:详见|见|列于|载于|列入)\s*(?:本协议)?附\s*件")
# A header row of a party table: the name column and the 住所 / 法定代表人 columns (闽科政〔2009〕46号 附件1 二.1).
PARTY_TABLE_HEADER = re.compile(r"(?:名\s*称|单\s*位).{0,12}(?:住\s*所|地\s*址|法定代表人)")
RECITAL_START = re.compile(r"^\s*鉴于")
# The sentence that closes a preamble: what follows is the main body.
PREAMBLE_CLOSE = re.compile(r"(达成|订立|签订|签署|缔结)(如下|以下|本)(协议|条款)|协议如下|约定如下|特?订立本协议|以资(共同)?遵守")
SIGNATURE_LINE = re.compile(
    r"(盖章|公章|签章|签字|签署页|签字页|以下无正文|以下为签署|（签名）|\(签名\))")
ATTACHMENT_HEAD = re.compile(rf"^\s*附\s*件\s*(?:{NUM}|[A-Za-z])?\s*(?:[：:、.．\s]|$|《)")
TITLE_WORDS = re.compile(r"(协议|章程|合同|契约|联盟.*(书|约定))")
SENTENCE_END = re.compile(r"[。；;！？!?]\s*$")


@dataclass
class Marker:
    type: str | None          # one of the _MARKERS types, or None
    label: str | None         # visible label, e.g. "第十二条", "（三）", "3.1"
    rest: str                 # text after the label
    depth: int = 0            # decimal_multi depth (1.1 → 2)


def marker_of(text: str) -> Marker:
    t = text.lstrip(" \u3000\t")
    for typ, rx in _MARKERS:
        m = rx.match(t)
        if m:
            label = m.group("label").replace(" ", "")
            rest = t[m.end():].lstrip(" \u3000\t、.．:：")
            depth = label.count(".") + label.count("．") + 1 if typ == "decimal_multi" else 0
            return Marker(typ, label, rest, depth)
    return Marker(None, None, t)


def split_heading(rest: str) -> tuple[str | None, str]:
    """'争议解决：因本协议…' → ('争议解决', '因本协议…'); a short line alone is a heading."""
    rest = rest.strip()
    if not rest:
        return None, ""
    m = re.match(r"^([^：:。；，,]{2,18})[：:]\s*(.*)$", rest, re.S)
    if m and not re.search(r"[方]$", m.group(1)):
        return m.group(1).strip(), m.group(2)
    m = re.match(r"^([^\s：:。；，,]{2,18})[\s\u3000]+(\S.*)$", rest, re.S)
    if m and looks_like_heading(m.group(1)) and not re.match(r"^(本|各|联盟|甲|乙|凡|如|若|为)", m.group(2)[:1] or ""):
        return m.group(1), m.group(2)
    if looks_like_heading(rest):
        return rest, ""
    return None, rest


def looks_like_heading(text: str) -> bool:
    """A short line without sentence punctuation, e.g. '联盟的组织机构及职责'."""
    t = text.strip()
    if not (2 <= len(t) <= 24):
        return False
    if SENTENCE_END.search(t) or "，" in t or "," in t:
        return False
    if re.search(r"[：:]\s*\S", t):
        return False
    return bool(re.search(r"[\u4e00-\u9fff]", t))


def is_toc_line(text: str) -> bool:
    return bool(TOC_LINE.search(text.strip()))


def is_signature_line(text: str) -> bool:
    t = text.strip()
    if len(t) > 120:
        return False
    return bool(SIGNATURE_LINE.search(t))


def is_attachment_head(text: str) -> bool:
    t = text.strip()
    return len(t) <= 60 and bool(ATTACHMENT_HEAD.match(t)) and not SENTENCE_END.search(t[-1:] or "")
