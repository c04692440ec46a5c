"""Who the parties are: read the preamble (缔约方基本信息), the member list and the signature block.

闽科政〔2009〕46号 附件1 二.1 asks for each party's full name, 住所地 and 法定代表人, the name
agreeing with the seal in the signature block (六). The rules in checker/rules/checks/ compare
what is read here; this module only reads. Layouts handled: "甲方：XX\n住所：…", one-line
"甲方：XX，住所地：…，法定代表人：…", numbered lists, tables (cells split by tabs / wide spaces /
"|"), and a 成员单位名单.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field

from checker.facts.party_labelvalue import labelvalue_entries
from checker.facts.party_names import ORG_WORD, classify_member, is_org_name, normalize, same_party, similarity  # noqa: F401
from checker.facts.party_texts import (ROLE, ROLE_WORD, alliance_name, chair_unit, member_list_names,  # noqa: F401
                                 preamble_region, signature_names, split_cells, unspace)

FIELD = re.compile(
    r"(?P<label>住所地|住所|注册地址|通讯地址|通信地址|办公地址|地址|住址|法定代表人|法人代表|负责人|"
    r"授权代表|委托代理人|代理人|统一社会信用代码|组织机构代码|联系人|联系电话|电话|传真|邮编|邮政编码|"
    r"电子邮箱|邮箱|单位名称|名称)\s*[:：]?\s*")
_FIELD_KEY = {"住所地": "domicile", "住所": "domicile", "注册地址": "domicile", "通讯地址": "domicile",
              "通信地址": "domicile", "办公地址": "domicile", "地址": "domicile", "住址": "domicile",
              "法定代表人": "legal_rep", "法人代表": "legal_rep", "负责人": "legal_rep",
              "授权代表": "agent", "委托代理人": "agent", "代理人": "agent",
              "单位名称": "name", "名称": "name"}
_ALIAS = re.compile(r"[（(]\s*(?:以下|下文)?(?:简称|称|统称)\s*[:：]?\s*[“\"「『]?([^”\"」』）)]{1,20})[”\"」』]?\s*[）)]")
_NUMBERED = re.compile(r"^\s*(?:[（(]\s*\d{1,3}\s*[)）]|\d{1,3}\s*[.．、)）]|[①-⑳])\s*")
_BARE_NAME = re.compile(rf"(?:{ORG_WORD.pattern})$")
_NOT_PARTY = re.compile(r"协议书?$|章程$|鉴于|协商|达成|签订|本协议|联盟$")
_SEP = re.compile(r"[，,；;。\t]|\s{2,}|\|")
# The role written alone on its line, the party's fields under it ("甲方" / "单位名称：…" / "住所：…").
_BARE_ROLE = re.compile(rf"^\s*(?P<role>{ROLE_WORD})\s*$")
# The role and the name label run together: "甲方名称：…", "乙方单位全称：…".
_ROLE_NAME = re.compile(rf"^\s*(?P<role>{ROLE_WORD})\s*(?:单位)?(?:名称|全称)\s*[:：]\s*")


@dataclass
class Party:
    name: str
    role: str | None = None
    domicile: str | None = None
    legal_rep: str | None = None
    agent: str | None = None
    member_type: str = "other"
    aliases: list[str] = field(default_factory=list)
    span: tuple[int, int] | None = None           # the whole preamble entry
    source: str = "preamble"                      # preamble | member_list | signature
    name_span: tuple[int, int] | None = None      # the name itself (where findings point)
    rep_label: str | None = None                  # 法定代表人 / 负责人 … as written

    def to_dict(self) -> dict:
        d = asdict(self)
        for k in ("span", "name_span"):
            d[k] = list(d[k]) if d[k] else None
        return d


def _value_end(text: str, start: int) -> int:
    m = _SEP.search(text, start)
    n = FIELD.search(text, start)
    ends = [x.start() for x in (m, n) if x] + [len(text)]
    return min(ends)


def _take_name(party: Party, text: str, pos: int, base: int) -> int:
    """Read a name (with an optional 简称 definition) at ``pos``; return where it ends."""
    end = _value_end(text, pos)
    raw = text[pos:end]
    alias = _ALIAS.search(raw)
    if alias:
        party.aliases.append(alias.group(1).strip())
        if ROLE.match(alias.group(1).strip() + "：") and not party.role:
            party.role = alias.group(1).strip()
        raw = raw[:alias.start()]
    name = raw.strip(" \u3000:：_＿").rstrip("（( \u3000")     # "名称（住所：…）": the bracket opens the fields
    lead = len(raw) - len(raw.lstrip(" \u3000:：_＿"))
    party.name = name
    party.name_span = (base + pos + lead, base + pos + lead + len(name))
    party.member_type = classify_member(name)
    return end


def _fill_fields(party: Party, text: str, base: int) -> None:
    for m in FIELD.finditer(text):
        key = _FIELD_KEY.get(m.group("label"))
        if key is None:
            continue
        if key == "name":
            if not party.name:
                _take_name(party, text, m.end(), base)
            continue
        value = text[m.end():_value_end(text, m.end())].strip(" \u3000")
        if value.endswith(("）", ")")) and not re.search(r"[（(]", value):
            value = value[:-1].rstrip()       # the bracket that held the fields closes after the last one
        if value and not getattr(party, key):
            setattr(party, key, value)
            if key == "legal_rep":
                party.rep_label = m.group("label")


def _table_parties(lines: list[tuple[str, int]]) -> list[Party]:
    out: list[Party] = []
    cols: dict[str, int] | None = None
    pending: tuple[list[tuple[str, int]], int] | None = None   # a row whose name cell is cut short
    for text, base in lines:
        cells = split_cells(text)
        if pending is not None and cols is not None and cells:
            # A PDF table wraps a long cell onto the next line ("天津市合成生物技" / "术研究院"): the
            # continuation line carries the rest of the name cell and of the cells after it.
            prev, prev_base = pending
            k = cols.get("name", 0)
            joined = [(c, o) for c, o in prev]
            for j, (c, _) in enumerate(cells):
                if k + j < len(joined):
                    joined[k + j] = (joined[k + j][0] + c.strip(), joined[k + j][1])
            name_cell = joined[k][0] if k < len(joined) else ""
            if len(cells) < len(prev) and is_org_name(_ALIAS.sub("", name_cell)):
                p = _row_party(joined, cols, prev_base, text)
                if p is not None:
                    out.append(p)
                    pending = None
                    continue
        pending = None
        if len(cells) < 2:
            # a blank line or a rule line under the header ("---", "———") keeps the table's columns
            cols = cols if cols is not None and not text.strip(" \t-—_=|:：\u3000") else None
            continue
        labels = [c for c, _ in cells]
        if any("名称" in c for c in labels) and any(re.search("住所|地址|法定代表人|负责人", c) for c in labels):
            cols = {}
            for i, c in enumerate(labels):
                for word, key in (("名称", "name"), ("住所", "domicile"), ("地址", "domicile"),
                                  ("法定代表人", "legal_rep"), ("负责人", "legal_rep"), ("代表", "agent")):
                    if word in c and key not in cols:
                        cols[key] = i
                        break
            continue
        if cols is None:
            p = _headerless_row(cells, text, base)
            if p:
                out.append(p)
            continue
        if "name" not in cols or cols["name"] >= len(cells):
            continue
        p = _row_party(cells, cols, base, text)
        if p is None:
            if cells[cols["name"]][0].strip():
                pending = (cells, base)
            continue
        out.append(p)
    return out


def _row_party(cells, cols: dict[str, int], base: int, text: str) -> Party | None:
    """The party of one table row under a header whose columns are ``cols``; None without a unit name."""
    p = Party(name="", source="preamble", span=(base, base + len(text)))
    cell, off = cells[cols["name"]]
    _take_name(p, cell, 0, base + off)
    if not is_org_name(p.name):
        return None
    for key in ("domicile", "legal_rep", "agent"):
        if key in cols and cols[key] < len(cells) and cells[cols[key]][0].strip():
            setattr(p, key, cells[cols[key]][0].strip())
    p.rep_label = "法定代表人" if p.legal_rep else None
    for i, (c, _) in enumerate(cells):          # a role column (甲方 / 缔约方一 / 成员单位1)
        if i != cols["name"] and ROLE.match(c.strip() + "：") and len(c.strip()) <= 8:
            p.role = c.strip()
            break
    return p


_ADDRESS = re.compile(r"[省市区县镇乡街路道号园楼]")


def _headerless_row(cells, text, base) -> Party | None:
    """A table row whose header the outline put elsewhere: 甲方 | 名称 | 住所 | 法定代表人."""
    idx = next((i for i, (c, _) in enumerate(cells) if is_org_name(_ALIAS.sub("", c))), None)
    if idx is None or len(cells) < 3 or re.search(r"[:：]", text):
        return None          # "名称  地址：…  法定代表人：…" is a labelled line, not a table row
    p = Party(name="", source="preamble", span=(base, base + len(text)))
    cell, off = cells[idx]
    _take_name(p, cell, 0, base + off)
    if idx > 0 and ROLE.match(cells[idx - 1][0] + "："):
        p.role = cells[idx - 1][0]
    for c, _ in cells[idx + 1:]:
        if not p.domicile and len(c) > 5 and _ADDRESS.search(c):
            p.domicile = c
        elif not p.legal_rep and 2 <= len(c) <= 5 and re.fullmatch(r"[\u4e00-\u9fa5·]+", c):
            p.legal_rep, p.rep_label = c, "法定代表人"
    return p


def _labelvalue_parties(lines: list[tuple[str, int]]) -> list[Party]:
    """Parties of a label/value table (单位名称 | … / 住所 | … / 法定代表人 | …, role in a merged column)."""
    out = []
    for e in labelvalue_entries(lines) or []:
        p = Party(name="", role=e.role, span=(e.start, e.end), rep_label=e.rep_label)
        if "name" in e.items:
            value, off = e.items["name"]
            _take_name(p, value, 0, off)
        for key in ("domicile", "legal_rep", "agent"):
            if key in e.items:
                setattr(p, key, e.items[key][0])
        out.append(p)
    return out


def _side_by_side(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Party blocks set side by side ("甲方：A公司            乙方：B大学", then "住所：…    住所：…"): a row
    whose every cell opens with a role label starts such columns, and the rows under it with as many cells
    (up to a blank line or the next role row) fill them; each column is returned as lines of its own, in
    column order, so the blocks read like blocks written one under the other."""
    out: list[tuple[str, int]] = []
    cols: list[list[tuple[str, int]]] | None = None

    def flush():
        if cols:
            for col in cols:
                out.extend(col)

    for text, base in lines:
        cells = split_cells(text)
        if len(cells) >= 2 and all(ROLE.match(c) for c, _ in cells):
            flush()
            cols = [[(c, base + off)] for c, off in cells]
            continue
        if cols is not None and len(cells) == len(cols) and all(FIELD.match(c) for c, _ in cells):
            for col, (c, off) in zip(cols, cells):
                col.append((c, base + off))
            continue
        flush()
        cols = None
        out.append((text, base))
    flush()
    return out


def parse_party_lines(lines: list[tuple[str, int]]) -> list[Party]:
    """Parties from preamble lines given as (text, document offset). Spaced-out labels and names
    ("甲　　方：", "住　　所：") are read closed up; the parties' spans point at the text as written."""
    closed, maps = [], []
    for text, base in lines:
        t, pos = unspace(text)
        closed.append((t, base))
        maps.append((base, pos))
    if all(t == text for (t, _), (text, _) in zip(closed, lines)):
        return _parse_lines(lines)
    maps.sort()
    starts = [b for b, _ in maps]

    def back(o: int) -> int:
        i = bisect_right(starts, o) - 1
        if i < 0:
            return o
        base, pos = maps[i]
        k = o - base
        return base + (pos[k] if k < len(pos) else (pos[-1] + 1 + k - len(pos) if pos else k))

    parties = _parse_lines(closed)
    for p in parties:
        if p.span:
            p.span = (back(p.span[0]), back(p.span[1] - 1) + 1 if p.span[1] > p.span[0] else back(p.span[1]))
        if p.name_span:
            a, b = p.name_span
            p.name_span = (back(a), back(b - 1) + 1 if b > a else back(b))
    return parties


def _parse_lines(lines: list[tuple[str, int]]) -> list[Party]:
    lines = _side_by_side(lines)
    labelled = _labelvalue_parties(lines)
    if labelled:
        return labelled
    table = _table_parties(lines)
    if table:
        return table
    parties: list[Party] = []
    cur: Party | None = None
    for text, base in lines:
        if not text.strip():
            continue
        num = _NUMBERED.match(text)
        lead = num.end() if num else 0
        bare = _BARE_ROLE.match(text)
        if bare:
            # 闽科政〔2009〕46号 附件1 二.1: the block under the role gives 名称、住所地、法定代表人
            cur = Party(name="", role=bare.group("role").replace(" ", ""), span=(base, base + len(text)))
            parties.append(cur)
            continue
        # "（1）甲方：XX" — the list number, then the role label; "甲方名称：XX" — role and name label in one
        role = ROLE.match(text[lead:]) or _ROLE_NAME.match(text[lead:])
        if role:
            cur = Party(name="", role=role.group("role").replace(" ", ""), span=(base, base + len(text)))
            parties.append(cur)
            rest = lead + role.end()
            if FIELD.match(text, rest) is None:
                rest = _take_name(cur, text, rest, base)
            _fill_fields(cur, text[rest:], base + rest)
            continue
        if num and is_org_name(text[num.end():_value_end(text, num.end())]):
            cur = Party(name="", span=(base, base + len(text)))
            parties.append(cur)
            rest = _take_name(cur, text, num.end(), base)
            _fill_fields(cur, text[rest:], base + rest)
            continue
        # "XX有限公司（住所：…；法定代表人：…）": the name's fields may follow it inside brackets
        head = text[:_value_end(text, 0)]
        head = re.sub(r"[（(]\s*$", "", head) if FIELD.match(text, len(head)) else head
        if not FIELD.match(text) and _BARE_NAME.search(_ALIAS.sub("", head).strip()) \
                and is_org_name(_ALIAS.sub("", head)) and not _NOT_PARTY.search(text):
            cur = Party(name="", span=(base, base + len(text)))
            parties.append(cur)
            rest = _take_name(cur, text, 0, base)
            _fill_fields(cur, text[rest:], base + rest)
            continue
        first = FIELD.match(text)
        if first and _FIELD_KEY.get(first.group("label")) == "name" and (cur is None or cur.name):
            cur = Party(name="", span=(base, base + len(text)))
            parties.append(cur)
        if cur is not None and FIELD.search(text):
            _fill_fields(cur, text, base)
            cur.span = (cur.span[0], base + len(text))
    out, seen = [], set()
    for p in parties:
        key = normalize(p.name)
        if (p.name or p.domicile or p.legal_rep) and (not key or key not in seen):
            seen.add(key)
            out.append(p)
    return out


def extract_parties(document, units) -> list[Party]:
    """The parties named in the preamble (units of section ``parties``, else the text before the
    first article / 鉴于)."""
    return parse_party_lines(preamble_region(document, units))

