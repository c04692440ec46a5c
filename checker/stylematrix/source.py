"""Reads a corpus source (tests/corpus/src/<id>.txt, markup in scripts/build_corpus.py) into the
agreement's content apart from its drafting style: title, party blocks, 鉴于, chapters, clause units
(heading, text, sub-items by depth), signature block and attachments — numbering labels removed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

PRE_KEYS = ("title", "parties", "recitals")
TAIL_KEYS = ("signature", "attachments")
_UNIT = re.compile(r"^@(\w+)\s*")
_AUTONUM = re.compile(r"^\{([123])(!?)\}\s*")
_CN = "一二三四五六七八九十百"
_FIRST_CHAPTER = re.compile(r"^(总\s*则|一般规定|通\s*则)$")
# Printed labels the corpus sources use, longest family first; group "fam" names the family.
_LABEL = re.compile(
    rf"^(?:(?P<chap>第[{_CN}]+[章节])|(?P<art>第[{_CN}]+条)|(?P<cnpart>[{_CN}]+、)|(?P<pcn>[（(][{_CN}]+[）)])"
    r"|(?P<multi>\d+(?:\.\d+)+\.?)|(?P<dec>\d+[.、．])|(?P<pnum>[（(]\d+[）)])|(?P<circ>[①-⑳]))[ \u3000\t]*")
ROLE = re.compile(r"^(?P<role>[甲乙丙丁戊己庚辛壬癸]方|协议方[一二三四五六七八九十]+|签约单位[一二三四五六七八九十]+)"
                  r"(?P<tail>[（(][^）)]*[）)])?(?P<colon>[：:])")


@dataclass
class Line:
    text: str                      # visible text, label removed for units and sub-items
    kind: str = "para"             # para | row | center
    depth: int = 0                 # sub-item depth inside a unit (0 = plain continuation)
    cells: list[str] | None = None
    page_break: bool = False       # a page break precedes this line


@dataclass
class Node:
    kind: str                      # title | parties | recitals | chapter | unit | signature | attachments | other
    key: str | None
    lines: list[Line] = field(default_factory=list)
    heading: str | None = None     # unit heading (a heading-only first line), chapter title
    region: str = "pre"            # pre | body | tail
    from_unit: bool = False        # an @-unit of the source (one gold clause)


@dataclass
class Source:
    id: str
    meta: dict
    nodes: list[Node]

    @property
    def body_units(self) -> list[Node]:
        return [n for n in self.nodes if n.kind == "unit"]

    def all_headed(self) -> bool:
        return all(n.heading for n in self.body_units)


def _md(text: str, fmt: str) -> str:
    if fmt == "md":
        text = re.sub(r"^#+\s*", "", text).replace("**", "")
    return text


def strip_label(text: str) -> tuple[str | None, str]:
    m = _LABEL.match(text)
    if not m:
        return None, text
    return m.lastgroup, text[m.end():]


def _heading_only(text: str) -> bool:
    t = text.strip()
    return 2 <= len(t) <= 22 and not re.search(r"[。；;，,：:！？]", t)


def parse_source(path: Path) -> Source:
    raw = path.read_text(encoding="utf-8")
    head, _, body = raw.partition("\n---\n")
    meta: dict = {}
    for ln in head.splitlines():
        if ln.strip() and not ln.lstrip().startswith("#"):
            k, _, v = ln.partition(":")
            if k.strip() not in ("finding", "section"):
                meta[k.strip()] = v.strip()
    fmt = meta.get("format", "txt")
    nodes: list[Node] = []
    cur: Node | None = None
    region = "pre"
    pending_break = False
    fams: list[str] = []
    unit_level = 0
    for ln in (x.rstrip() for x in body.splitlines() if x.strip()):
        if ln.strip() == "~~~":
            pending_break = True
            continue
        key, unit = None, False
        m = _UNIT.match(ln)
        if m:
            unit, key = True, (None if m.group(1) == "null" else m.group(1))
            ln = ln[m.end():]
        auto = _AUTONUM.match(ln)
        level = int(auto.group(1)) if auto else 0
        if auto:
            ln = ln[auto.end():]
        if ln.startswith("= "):
            text = _md(ln[2:], fmt)
            fam, rest = strip_label(text)
            if region == "pre" and fam != "chap" and not _FIRST_CHAPTER.match(text.strip()):
                # a heading inside the preamble ("协议各方", "背景") stays as written; an unnumbered
                # "总则" opens the body's first chapter (a charter whose chapters carry no 第X章)
                cur = Node("chapter", None, [Line(text)], heading=text, region="pre")
            else:
                region = "body" if region == "pre" else region
                cur = Node("chapter", None, [Line(text)], heading=rest.strip() or text, region=region)
            nodes.append(cur)
            cur = None
            pending_break = False
            continue
        kind, cells = "para", None
        if ln.startswith("> "):
            kind, ln = "center", ln[2:]
        if ln.startswith("|"):
            kind = "row"
            cells = [c.strip() for c in ln.strip().strip("|").split("|")]
            ln = " ".join(cells)
        text = _md(ln, fmt)
        line = Line(text, kind, 0, cells, pending_break)
        pending_break = False
        if unit:
            seen_sig = any(n.kind == "signature" for n in nodes)
            if key == "signature" or (key == "attachments" and (seen_sig or region != "body")) or region == "tail":
                region = "tail"
                nk = "signature" if key == "signature" else ("attachments" if key == "attachments" else "other")
            elif key in PRE_KEYS and region == "pre":
                nk = key
            else:
                region = "body"
                nk = "unit"
            cur = Node(nk, key, [], region=region, from_unit=True)
            nodes.append(cur)
            fams = []
            unit_level = level
            if nk == "unit" and kind == "para":
                _, rest = strip_label(text)
                line.text = rest
                if _heading_only(rest):
                    cur.heading = rest.strip()
            cur.lines.append(line)
            continue
        if cur is None:
            cur = Node("other", None, [], region=region)
            nodes.append(cur)
        if cur.kind == "unit" and kind == "para":
            fam, rest = strip_label(text)
            if auto and level > unit_level:
                line.depth, line.text = min(level - unit_level, 2), text
            elif fam:
                if fam not in fams:
                    fams.append(fam)
                line.depth, line.text = min(fams.index(fam) + 1, 2), rest
        cur.lines.append(line)
    return Source(meta.get("id") or path.stem, meta, nodes)


def party_roles(src: Source) -> list[str]:
    """Role labels of line-form party blocks in order (甲方, 乙方 … / 协议方一 …); [] for table-form."""
    roles = []
    for n in src.nodes:
        if n.kind == "parties" and n.lines and n.lines[0].kind == "para":
            m = ROLE.match(n.lines[0].text)
            if m:
                roles.append(m.group("role"))
    return roles
