"""Reads a party table of label/value cells — one row per item, each party over several rows:

    甲方 | 单位名称   | 厦门海湾电子有限公司
         | 住所       | 厦门市湖里区华光路3号
         | 法定代表人 | 陈某

The role (甲方、缔约方一 …) sits in a first column merged down over the party's rows, so it is written once
(Word keeps it in the first row; a PDF text layer may show it on any of the party's rows, or leave it out on
the rows after a page break). 闽科政〔2009〕46号 附件1 二.1 asks for each party's 名称、住所地、法定代表人 —
this module only finds them; parties.py turns the entries into parties.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.facts.party_texts import ROLE, split_cells

# Item labels of a label/value party table; "name" marks the one that opens a party's rows.
_LABELS = {"单位名称": "name", "单位全称": "name", "名称": "name", "成员单位": "name",
           "住所地": "domicile", "住所": "domicile", "注册地址": "domicile", "通讯地址": "domicile",
           "通信地址": "domicile", "办公地址": "domicile", "地址": "domicile", "住址": "domicile",
           "法定代表人": "legal_rep", "法人代表": "legal_rep", "负责人": "legal_rep",
           "授权代表": "agent", "委托代理人": "agent", "代理人": "agent"}
_OTHER_LABELS = ("统一社会信用代码", "组织机构代码", "联系人", "联系电话", "电话", "传真", "邮编", "邮政编码", "电子邮箱",
                 "邮箱", "职务", "单位性质", "开户银行", "账号")
_LABEL = re.compile(rf"^(?P<label>{'|'.join(sorted(list(_LABELS) + list(_OTHER_LABELS), key=len, reverse=True))})"
                    r"\s*[:：]?$")


@dataclass
class Entry:
    """One party of the table: its role (if written), its item values with their document offsets."""
    role: str | None
    start: int
    end: int
    items: dict[str, tuple[str, int]] = field(default_factory=dict)   # key → (value, offset)
    rep_label: str | None = None


def _label_of(cell: str) -> str | None:
    m = _LABEL.match(re.sub(r"[\s\u3000]", "", cell))
    return m.group("label") if m else None


def _role_of(cell: str) -> str | None:
    t = cell.strip()
    m = ROLE.match(t + "：")
    return t if m and m.end() >= len(t) and len(t) <= 10 else None


def labelvalue_entries(lines: list[tuple[str, int]]) -> list[Entry] | None:
    """The parties of a label/value table in ``lines`` ((text, document offset) pairs); None when the lines
    are not such a table (fewer than two label rows, no 单位名称 row)."""
    rows = []
    for text, base in lines:
        cells = [(c, base + off) for c, off in split_cells(text)]
        found = [i for i, (c, _) in enumerate(cells) if _label_of(c)]
        if len(found) >= 2:
            return None          # a header row naming columns (序号 | 单位名称 | 住所 …): a column table
        rows.append((text, base, cells, found[0] if found else None))
    labelled = [r for r in rows if r[3] is not None]
    if len(labelled) < 2 or not any(_LABELS.get(_label_of(r[2][r[3]][0]) or "") == "name" for r in labelled):
        return None
    entries: list[Entry] = []
    cur: Entry | None = None
    last_key: str | None = None
    for text, base, cells, k in rows:
        if not cells:
            continue
        if k is None:
            # a cell the PDF wrapped onto a line of its own continues the value above ("厦门钨能正极材料" / "有限公司")
            if cur is not None and last_key and len(cells) == 1 and not _role_of(cells[0][0]):
                value, off = cur.items[last_key]
                cur.items[last_key] = (value + cells[0][0], off)
                cur.end = base + len(text)
                continue
            cur, last_key = None, None     # the table has ended
            continue
        roles = [r for r in (_role_of(c) for c, _ in cells[:k]) if r]
        label = _label_of(cells[k][0])
        key = _LABELS.get(label)
        value, off = (cells[k + 1] if k + 1 < len(cells) else ("", cells[k][1] + len(cells[k][0])))
        if len(cells) > k + 2:                      # a value that itself held a wide gap
            value = "".join(c for c, _ in cells[k + 1:])
        opens = key == "name" and (cur is None or "name" in cur.items)
        if roles and cur is not None and cur.role is None and not opens:
            cur.role = roles[0]                     # the merged role cell shown on a later row of its party
        elif opens or (roles and (cur is None or cur.role is not None)):
            cur = Entry(role=roles[0] if roles else None, start=base, end=base + len(text))
            entries.append(cur)
        if cur is None:
            continue
        cur.end = base + len(text)
        last_key = None
        if key and value.strip() and key not in cur.items:
            cur.items[key] = (value.strip(), off)
            last_key = key
            if key == "legal_rep":
                cur.rep_label = label
    entries = [e for e in entries if e.items]
    return entries or None
