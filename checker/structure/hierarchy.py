"""Chooses the body's numbering levels from evidence: which numbering runs consistently.

Every block's label is a candidate (markers.py: 第X章/第X节/第X条, 一、, （一）, 1 / 1. / 1、 / 1) /
1.1 / 1.1.1, (1), ⑴, ①, (a), a., Roman). Only blocks of the main body count: party lines, 鉴于
items, the signature block and attachments are read on their own and never decide the unit level
(a party list numbered （1）…（8） is not the body). For each level the longest *run* is measured —
1, 2, 3 … in order, 1.1, 1.2, 2.1 … continuing under the next parent, ⑴ ⑵ … restarting under each
第X章 / 第X部分 / 第X节 — and the level with the
longest run is the clause unit; numbered or formatted headings above it are containers (chapters).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.model import Block
from checker.structure.labels import Marker
from checker.structure.markers import (BARE_ROLE_LINE, PREAMBLE_CLOSE, RECITAL_START, is_attachment_head, is_toc_line,
                                       looks_like_heading)

_PARTY_FIELD = re.compile(r"(住\s*所|地\s*址|法定代表人|统一社会信用代码)\s*[：:]")
# A party's role label at a line start: 甲方：, 第一方：, 缔约方一：, 协议方（一）：, 成员单位1：, 发起单位：…
ROLE_LABEL = re.compile(
    r"^(?:[甲乙丙丁戊己庚辛壬癸]方|第[一二三四五六七八九十\d]+方|(?:协议|缔约|签约|合作)方\s*[（(]?[一二三四五六七八九十\d]*[）)]?"
    r"|(?:成员|发起|签约|参与|参加|合作|联盟)(?:单位|成员)\s*[（(]?[一二三四五六七八九十\d]*[）)]?|联盟成员\s*[一二三四五六七八九十\d]+)"
    r"\s*(?:[（(][^）)]{1,10}[）)])?\s*[：:]")
_CHAPTER_WORDS = re.compile(r"^(总\s*则|附\s*则|一般规定|通\s*则)$")
TOP_DECIMAL = ("decimal", "decimal_bare", "decimal_rparen")


@dataclass
class Levels:
    unit: str                                  # marker key of the clause units, or "heading" / "paragraph"
    containers: set[str] = field(default_factory=set)
    body_from: int = 0                         # the body does not start before this block
    runs: dict[str, int] = field(default_factory=dict)   # longest run per marker key (for explanation)
    heading_by: str = "any"                    # "bold": only bold / Heading-style lines are headings;
                                               # "chapter": unnumbered headings are chapters over paragraph units


def _is_party(b: Block, m: Marker) -> bool:
    t = b.text.strip()
    return bool(ROLE_LABEL.match(t) or (m.type and ROLE_LABEL.match(m.rest)) or _PARTY_FIELD.search(t[:80])
                or BARE_ROLE_LINE.match(t))     # "甲方" alone over its party's fields is no heading of the body


def body_mask(blocks: list[Block], markers: list[Marker], signature_start) -> list[bool]:
    """True for blocks that may belong to the main body (not preamble parties/鉴于, signature, attachments)."""
    n = len(blocks)
    mask = [bool(b.text.strip()) and b.kind != "table_row" and not is_toc_line(b.text) for b in blocks]
    # 鉴于 … up to the preamble's closing sentence ("…达成如下协议")
    for i, b in enumerate(blocks):
        if RECITAL_START.match(b.text.strip()):
            for j in range(i, min(n, i + 25)):
                if PREAMBLE_CLOSE.search(blocks[j].text) and (markers[j].type is None or j == i):
                    for k in range(i, j + 1):
                        mask[k] = False
                    break
            else:
                # no closing sentence: the labelled sentences right after 鉴于 are its items
                mask[i] = False
                for k in range(i + 1, min(n, i + 12)):
                    t = blocks[k].text.strip()
                    if markers[k].type and re.search(r"[；;。]$", t) and not looks_like_heading(markers[k].rest):
                        mask[k] = False
                    else:
                        break
            break
    for i, (b, m) in enumerate(zip(blocks, markers)):
        if mask[i] and _is_party(b, m):
            mask[i] = False
    start = n // 3
    for i in range(start, n):
        t = blocks[i].text.strip()
        if signature_start(t, blocks[i].kind == "table_row") or (is_attachment_head(t) and i > n // 2):
            for k in range(i, n):
                mask[k] = False
            break
    return mask


def _runs(blocks: list[Block], markers: list[Marker], mask: list[bool]) -> dict[str, tuple[int, int]]:
    """Longest run per key: (length, index of its first block)."""
    best: dict[str, tuple[int, int]] = {}
    cur: dict[str, list] = {}      # key → [length, start, last value, last parent, index of its last label]
    chapters: list[int] = []       # 第X章 / 第X部分 / 第X节 headings of the body
    for i, m in enumerate(markers):
        if not mask[i] or not m.type:
            continue
        k, v, par = m.key, m.value, m.parent_value
        if v is None:
            continue
        if k in ("chapter", "section"):
            chapters.append(i)
        c = cur.get(k)
        # items that restart at 1 under each new 第X部分 / 第X章 (⑴ ⑵ … ⑴ ⑵ …) still run through the body
        restart = (c is not None and v == 1 and k not in ("chapter", "section") and c[0] > 0
                   and any(c[4] < j < i for j in chapters))
        follows = c is not None and ((par == c[3] and v == c[2] + 1) or restart
                                     or (par and c[3] and v == 1 and par[:-1] == c[3][:-1] and par[-1] == c[3][-1] + 1))
        if follows:
            c[0] += 1
            c[2], c[3], c[4] = v, par, i
        else:
            c = cur[k] = [1, i, v, par, i] if v == 1 else [0, i, v, par, i]
        if c[0] > best.get(k, (0, 0))[0]:
            best[k] = (c[0], c[1])
    return best


def chapters_over_paragraphs(blocks: list[Block], markers: list[Marker], mask: list[bool], heading_block) -> bool:
    """Unnumbered headings are chapters (总则 … 附则) and the paragraphs under them the clauses: a heading set
    that names a chapter (总则/附则), one heading level only (no heading right after another) and a heading with
    two or more paragraphs under it ("## 总则" then three sentences). Headed clauses ("联盟名称和宗旨" + its
    text) have no 总则; chapter and clause headings shown alike ("总则" then "联盟名称") follow one another."""
    seq = [(heading_block(b, m), b.text.strip()) for i, (b, m) in enumerate(zip(blocks, markers))
           if mask[i] and not m.type]
    first = next((k for k, (h, t) in enumerate(seq) if h and _CHAPTER_WORDS.match(t)), None)
    if first is None:
        return False
    seq = seq[first:]
    under, most = 0, 0
    for k, (h, _) in enumerate(seq):
        if h:
            if k and seq[k - 1][0]:
                return False
            under = 0
        else:
            under += 1
            most = max(most, under)
    return most >= 2 and sum(h for h, _ in seq) >= 3


def choose(blocks: list[Block], markers: list[Marker], signature_start, heading_block) -> Levels:
    mask = body_mask(blocks, markers, signature_start)
    runs = _runs(blocks, markers, mask)
    lengths = {k: v[0] for k, v in runs.items()}
    count = {}
    for i, m in enumerate(markers):
        if mask[i] and m.type:
            count[m.key] = count.get(m.key, 0) + 1
    headings = sum(1 for i, (b, m) in enumerate(zip(blocks, markers)) if mask[i] and heading_block(b, m))
    if lengths.get("article", 0) >= 2:
        start = runs["article"][1]
        start = min((i for i, m in enumerate(markers) if mask[i] and m.key == "article" and m.value == 1
                     and i <= start), default=start)
        return Levels("article", {"chapter", "section"}, start, lengths)
    cands = {k: v for k, v in runs.items() if k not in ("chapter", "section") and v[0] >= 3}
    if not cands:
        if count.get("chapter", 0) >= 2:
            return Levels("chapter", set(), 0, lengths)
        if headings >= 3 and chapters_over_paragraphs(blocks, markers, mask, heading_block):
            return Levels("paragraph", set(), 0, lengths, "chapter")
        bold_heads = sum(1 for i, b in enumerate(blocks) if mask[i] and markers[i].type is None and b.bold
                         and heading_block(b, markers[i]))
        return Levels("heading" if headings >= 3 else "paragraph", set(), 0, lengths,
                      "bold" if bold_heads >= 3 else "any")
    unit = max(cands, key=lambda k: (cands[k][0], -cands[k][1]))
    length, start = cands[unit]
    bold_heads = sum(1 for i, b in enumerate(blocks) if mask[i] and markers[i].type is None and b.bold
                     and heading_block(b, markers[i]))
    if bold_heads >= 4 and bold_heads > length:
        # headings shown only by formatting outnumber the longest numbered run (items restart per heading)
        return Levels("heading", set(), 0, lengths, "bold")
    plain_heads = sum(1 for i, b in enumerate(blocks) if mask[i] and markers[i].type is None and heading_block(b, markers[i]))
    if plain_heads >= 4 and plain_heads > length and (count.get(unit, 0) >= 1.5 * length or plain_heads >= 2 * length):
        # short unnumbered lines each followed by items that restart at 1: the lines are the clause headings
        return Levels("heading", set(), 0, lengths, "any")
    containers: set[str] = {"chapter", "section"}
    if unit.startswith("decimal_multi"):
        depth = int(unit[len("decimal_multi"):])
        parents = [k for k in ((TOP_DECIMAL if depth == 2 else ()) + (f"decimal_multi{depth - 1}",)) if count.get(k, 0) >= 2]
        if parents:
            top = max(parents, key=lambda k: count[k])
            tops = [i for i, m in enumerate(markers) if mask[i] and m.key == top]
            chapter_like = any(_CHAPTER_WORDS.match(markers[i].rest.strip()) for i in tops)
            heading_only = all(looks_like_heading(markers[i].rest) for i in tops)
            if heading_only and not chapter_like and top in runs:   # (make fuzz: no run of top → KeyError)
                unit = top                          # 1. 联盟名称 / 1.1 … : the numbered headings are the clauses
                length, start = runs[top]
            else:
                containers.add(top)                 # 1 总则 / 1.1 … : chapters numbered in decimal
    first_unit = min((i for i, m in enumerate(markers) if mask[i] and m.key == unit), default=start)
    # the body starts at the first "1" of the unit level (a run may break on a missed label later)
    start = min((i for i, m in enumerate(markers) if mask[i] and m.key == unit and m.value == 1 and i <= start),
                default=start)
    for k in count:
        if k == unit or k in containers:
            continue
        idx = [i for i, m in enumerate(markers) if mask[i] and m.key == k]
        if len(idx) >= 2 and idx[0] < first_unit and all(looks_like_heading(markers[i].rest) for i in idx) \
                and lengths.get(k, 0) >= 2:
            containers.add(k)                       # 一、总则 above （1）… : numbered chapters
    return Levels(unit, containers, start, lengths)
