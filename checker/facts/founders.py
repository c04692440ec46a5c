"""A charter's founding units (发起单位 / 首批成员), wherever the charter lists them: in its preamble (plain
lines or party blocks), in its 成员 clause (a table, or one sentence "联盟首批成员为A、B和C。"), or only in an
attachment 发起单位名单 / 成员单位名单 — one list, read the same in every layout.

A charter has no 缔约方 preamble with 住所 and 法定代表人 (闽科政〔2009〕46号 附件1 二.1 is about the agreement); the
units that found the alliance are its parties (国科发政〔2008〕770号 八（一）; 津滨科发〔2012〕8号 附件2 第五条（三）5).
"""
from __future__ import annotations

import re

from checker.facts.parties import Party, extract_parties
from checker.facts.party_names import ORG_WORD, classify_member, is_org_name, normalize
from checker.facts.party_texts import lines_of, member_list_names, signature_names, split_cells

_LEAD = re.compile(r"(?:为|包括|有|如下|[：:])\s*")
_ITEM_SPLIT = re.compile(r"、|以及|和|及|，|,")
_ORG_END = re.compile(rf"(?:{ORG_WORD.pattern})$")
_NUM = re.compile(r"^\s*(?:[（(]?\d{1,3}[)）.．、]?|[①-⑳])\s*")


def _sentence_names(text: str, base: int) -> list[tuple[str, tuple[int, int]]]:
    """Names listed in one sentence after 为 / 包括 / ： ("联盟成员为A、B和C。"): every item a unit name."""
    for m in _LEAD.finditer(text):
        end = min([i for i in (text.find(ch, m.end()) for ch in "。；;\n") if i >= 0] or [len(text)])
        seg = text[m.end():end]
        out, pos = [], 0
        for piece in _ITEM_SPLIT.split(seg):
            at = seg.find(piece, pos)
            pos = at + len(piece)
            name = piece.strip()
            if not name:
                continue
            # every item must end in an organisation's head word: "…有" in "股份有限公司" is no list lead,
            # and "XX公司牵头装备研制" is a sentence about a unit, not its name
            if not is_org_name(name) or not _ORG_END.search(name) or re.search(r"[，。；]|本章程|联盟|单位$", name):
                out = []
                break
            s = base + m.end() + at + (len(piece) - len(piece.lstrip()))
            out.append((name, (s, s + len(name))))
        if len(out) >= 2:
            return out
    return []


def _table_names(text: str, base: int) -> list[tuple[str, tuple[int, int]]]:
    """Names in the rows of a member table inside a clause (序号 | 单位名称 | 类型)."""
    out = []
    for line, off in lines_of(text, base):
        cells = split_cells(line)
        if len(cells) < 2 or re.search(r"序号|单位名称", line):
            continue
        for cell, c_off in cells:
            num = _NUM.match(cell)
            name = cell[num.end():] if num else cell
            if is_org_name(name) and not re.search(r"[，。；：:]", name):
                s = off + c_off + (num.end() if num else 0)
                out.append((name, (s, s + len(name))))
                break
    return out


def _is_row(line: str) -> bool:
    cells = split_cells(line)
    return len(cells) >= 2 and any(is_org_name(_NUM.sub("", c)) or re.fullmatch(r"序号|单位名称|类型|\d{1,3}", c)
                                   for c, _ in cells)


def founding_units(document, units) -> list[Party]:
    """The charter's founding units in the order first listed, each once (source: preamble | member_list, or
    signature when the charter lists them nowhere but where they sign)."""
    found = [p for p in extract_parties(document, units) if p.name and is_org_name(p.name)]
    seen = {normalize(p.name) for p in found}

    def add(name: str, span: tuple[int, int], source: str) -> None:
        key = normalize(name)
        if key and key not in seen:
            seen.add(key)
            found.append(Party(name=name, member_type=classify_member(name), span=span, name_span=span,
                               source=source))

    text = document.text
    for u in units or []:
        if getattr(u, "section", None) != "members" and "members" not in (getattr(u, "also_covers", None) or []):
            continue
        rows = _table_names(u.text, u.span[0])
        if rows and _is_row(u.text.rstrip("\n").rsplit("\n", 1)[-1]):
            # the member table runs on after the unit: rows the outline read as clauses of their own
            # ("7    北洋海洋大学    高校" taken for item 7) are rows of the same table
            for line, off in lines_of(text[u.span[1]:], u.span[1]):
                if not line.strip():
                    continue
                if not _is_row(line):
                    break
                rows += _table_names(line, off)
        for name, span in rows or _sentence_names(u.text, u.span[0]):
            add(name, span, "member_list")
    for name, span in member_list_names(document, units):
        add(name, span, "member_list")
    if not found:
        # listed nowhere else: the units that sign the charter ("发起单位（盖章）：" / "1. XX有限公司  法定代表人…")
        # are its founding units (国科发政〔2008〕770号 八（一）: the charter is signed by the units founding it)
        signed = [(n, sp) for n, sp in signature_names(document, units) if is_org_name(n)]
        if len(signed) >= 2:
            for name, span in signed:
                add(name, span, "signature")
    return found


def founders_cover_parties(sections, parties, units) -> None:
    """A charter that lists its founding units has its parties: the reference outline's 缔约方 section is
    present (in place) — it needs no 住所 and 法定代表人 there, the agreement carries those."""
    if not parties:
        return
    for st in sections:
        if st.key != "parties":
            continue
        if all(p.source == "signature" for p in parties):
            # named only where they sign: the charter has no list of its parties, but it needs none — the
            # agreement carries the 缔约方 particulars (附件1 二.1); the units are named, nothing is missing
            st.required = False
            continue
        ids = [u.id for u in units or [] if any(p.name_span and u.span[0] <= p.name_span[0] < u.span[1]
                                                 for p in parties)]
        st.status, st.missing_elements = "present", []
        st.clause_ids = list(dict.fromkeys(list(st.clause_ids) + ids))
