"""Renders one corpus agreement (checker.stylematrix.source) in one drafting style (styles.py) as
.txt, .docx or .pdf — the same words, another numbering, heading, party, signature and page layout.

PDF goes through LibreOffice (``soffice --headless --convert-to pdf``) from the rendered .docx, in
one batch per run; rendered files are cached by content hash so repeated runs cost nothing.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from checker.stylematrix.source import ROLE, Line, Node, Source, party_roles, strip_label
from checker.stylematrix.styles import CIRCLED, PAREN_DIGIT, ROMAN, Style
from checker.text.cn_numerals import to_chinese

ROOT = Path(__file__).resolve().parents[2]
HEADER_TEXT = "协议文本（签署稿）"
_FIELD = re.compile(r"^(住\s*所|地\s*址|法定代表人|负责人|联系人|联系电话|电\s*话)[：:]")


@dataclass
class Out:
    """One rendered paragraph or table row."""
    text: str = ""
    cells: list[str] | None = None
    bold: bool = False
    center: bool = False
    heading: int = 0              # Word Heading level (0 = none)
    autonum: int = 0              # Word automatic numbering level (0 = none)
    restart: bool = False
    page_break: bool = False
    indent: bool = False
    node: int | None = None       # index of the source unit this item opens (its anchor)
    anchor: str | None = None
    merge_above: tuple[int, ...] = ()   # table row: columns merged vertically with the row above (w:vMerge)
    space_before: float = 0.0     # paragraph spacing before, in pt (places a party table near a page's foot)


@dataclass
class Rendering:
    style: Style
    source: Source
    items: list[Out] = field(default_factory=list)
    anchors: list[tuple[str, str | None]] = field(default_factory=list)   # per source unit, in gold order
    adds_attachment: bool = False


# Chapters a source without body chapters gets in a style that groups (第X部分 / 第X章 with 第X节 inside): the
# reference outline's usual order (闽科政〔2009〕46号 附件1 四.1–四.11; the charter outline of 津滨科发〔2012〕8号 附件2).
OUTLINE_GROUPS = [
    ("总则", {"definitions", "name_principles", "goals_tasks", "preamble", "purpose", "nature", "principles", "work_scope"}),
    ("组织机构和成员", {"organization", "members", "governance"}),
    ("经费、项目和知识产权", {"funds", "projects", "ip_benefits", "assets", "funds_use", "results", "benefits"}),
    ("解散和责任", {"dissolution", "breach", "force_majeure", "liability", "termination"}),
    ("附则", {"dispute_resolution", "governing_law", "effect_amendment", "notices", "other_matters", "attachments",
            "supplementary"}),
]
# 第X节 titles: the topic of the run of clauses the section holds.
SECTION_TITLES = {
    "definitions": "定义", "name_principles": "名称、宗旨和原则", "goals_tasks": "目标和任务", "organization": "组织机构",
    "members": "成员", "funds": "经费", "projects": "项目管理", "ip_benefits": "知识产权和利益分配",
    "dissolution": "解散和清算", "breach": "违约责任", "force_majeure": "不可抗力", "dispute_resolution": "争议解决",
    "governing_law": "法律适用", "effect_amendment": "生效和变更", "notices": "通知和送达", "other_matters": "其他事项",
    "attachments": "附件说明", "preamble": "制定依据", "purpose": "宗旨", "nature": "性质", "principles": "原则",
    "work_scope": "工作内容", "governance": "组织管理", "assets": "资产管理", "funds_use": "经费使用", "results": "成果管理",
    "liability": "责任分担", "benefits": "利益分配", "termination": "终止程序", "supplementary": "附则",
}


def group_of(key: str | None) -> int | None:
    return next((i for i, (_, keys) in enumerate(OUTLINE_GROUPS) if key in keys), None)


def label(scheme: str, n: int, parents: list[int] | None = None) -> str:
    cn = to_chinese(n)
    if scheme == "article":
        return f"第{cn}条"
    if scheme == "article_arabic":
        return f"第{n}条"
    if scheme.startswith("cn") and len(scheme) == 3:
        return cn + scheme[2]
    if scheme == "pcn":
        return f"（{cn}）"
    if scheme == "pcn_ascii":
        return f"({cn})"
    if scheme == "dec":
        return str(n)
    if scheme.startswith("dec") and len(scheme) == 4:
        return f"{n}{scheme[3]}"
    if scheme == "multi":
        return ".".join(str(x) for x in (parents or []) + [n])
    if scheme == "pnum":
        return f"（{n}）"
    if scheme == "pnum_ascii":
        return f"({n})"
    if scheme == "circ":
        return CIRCLED[n - 1]
    if scheme == "paren_digit":
        return PAREN_DIGIT[n - 1]
    a = "abcdefghijklmnopqrstuvwxyz"[n - 1]
    if scheme == "alpha_paren":
        return f"({a})"
    if scheme == "alpha_fwparen":
        return f"（{a}）"
    if scheme == "alpha.":
        return f"{a}."
    if scheme == "ALPHA.":
        return f"{a.upper()}."
    if scheme == "roman.":
        return f"{ROMAN[n - 1]}."
    raise ValueError(scheme)


def applicable(style: Style, src: Source) -> bool:
    if src.meta.get("kind", "agreement") not in style.kinds:
        return False
    if style.needs_party_lines and not party_roles(src):
        return False
    if style.founders and not founders(src)[1]:
        return False
    return not style.needs_headings or src.all_headed()


_ORG_END = re.compile(r"(公司|大学|学院|研究院|研究所|科学院|协会|学会|中心|医院)$")
_LIST_LEAD = re.compile(r"(?:为|包括|如下|[：:])\s*")


def founders(src: Source) -> tuple[Node | None, list[str]]:
    """A charter's founding units and the 成员 unit that lists them — as table rows ("| 1 | XX公司 | 企业 |")
    or in one sentence ("首批成员为A、B和C。")."""
    for n in src.nodes:
        if n.kind != "unit" or n.key != "members":
            continue
        names = [c for ln in n.lines if ln.kind == "row" for c in ln.cells or [] if _ORG_END.search(c)]
        if len(names) < 2:
            for ln in n.lines:
                span = _sentence_list(ln.text)
                if span:
                    names = [x for x in re.split(r"、|和|及|以及", ln.text[span[0]:span[1]]) if _ORG_END.search(x)]
                    break
        if len(names) >= 2:
            return n, names
    return None, []


def _sentence_list(text: str) -> tuple[int, int] | None:
    """Where the list of unit names of a 成员 sentence lies ("联盟成员为A、B和C。" → the span of "A、B和C")."""
    for m in _LIST_LEAD.finditer(text):
        end = min([i for i in (text.find(ch, m.end()) for ch in "。；;") if i >= 0] or [len(text)])
        items = re.split(r"、|和|及|以及", text[m.end():end])
        if len(items) >= 2 and all(_ORG_END.search(x) for x in items):
            return m.end(), end
    return None


def _role_map(style: Style, src: Source) -> dict[str, str]:
    if not style.role:
        return {}
    return {r: style.role.format(cn=to_chinese(i), n=i) for i, r in enumerate(party_roles(src), 1)}


def _sub(text: str, roles: dict[str, str]) -> str:
    for old in sorted(roles, key=len, reverse=True):
        text = text.replace(old, roles[old])
    return text


def _party_fields(node: Node) -> dict[str, str]:
    """甲方：名称，住所：…，法定代表人：… (one line or several) → role, name, 住所, 法定代表人."""
    f: dict[str, str] = {}
    for i, ln in enumerate(node.lines):
        segs = re.split(r"[，；;,](?=[^，；;,]{1,8}[：:])", ln.text) if i == 0 else [ln.text]
        for j, seg in enumerate(segs):
            lab, _, val = seg.replace(":", "：").partition("：")
            if i == 0 and j == 0:
                m = ROLE.match(seg)
                if m:
                    f["role"], f["name"] = m.group("role"), seg[m.end():].strip()
                else:
                    f["name"] = seg.strip()
                continue
            key = re.sub(r"\s", "", lab)
            key = "住所" if key in ("住所", "地址") else key
            f[key] = val.strip().rstrip("。；;")
    return f


def _name_only(name: str) -> str:
    return re.split(r"[（(]以下", name)[0].strip()


class _Renderer:
    def __init__(self, style: Style, src: Source):
        self.s, self.src = style, src
        self.roles = _role_map(style, src)
        self.r = Rendering(style, src)
        self.unit_no = 0
        self.chap_no = 0
        self.unit_idx = -1          # index among @-units (gold clauses)
        self.sec_no = 0             # 第X节 inside the current chapter
        self.sec_key: str | None = None
        self.group = -1             # OUTLINE_GROUPS index of the current synthesised chapter
        # the groups are the agreement outline's; a charter keeps the layout it has (津滨科发〔2012〕8号 附件2 has its own order)
        agreement = src.meta.get("kind", "agreement") == "agreement"
        self.synth = style.group and agreement and not any(n.kind == "chapter" and n.region == "body" for n in src.nodes)
        self.sections_on = style.sections and agreement     # 第X节 titles are topics of the agreement outline
        self.topics = self._chapter_topics()
        self.sectioned = False      # the current chapter holds clauses on more than one topic: it gets 第X节

    def _chapter_topics(self) -> list[set]:
        """The clause topics (gold keys) of every chapter the rendering will have, in order."""
        out: list[set] = []
        g = -1
        for n in self.src.nodes:
            if n.kind == "chapter" and n.region == "body" and not self.synth:
                out.append(set())
            elif n.kind == "unit":
                if self.synth and (k := group_of(n.key)) is not None and k > g:
                    g = k
                    out.append(set())
                if out and n.key in SECTION_TITLES:
                    out[-1].add(n.key)
        return out

    def emit(self, o: Out) -> None:
        o.text = _sub(o.text, self.roles)
        if o.cells is not None:
            o.cells = [_sub(c, self.roles) for c in o.cells]
            o.text = " ".join(o.cells)
        self.r.items.append(o)

    def anchor(self, text: str, node: Node | None = None) -> None:
        """The text a unit opens with; a short opening (a heading alone) carries the next line too,
        which a locator looks for right after it."""
        nxt = None
        if node is not None and len(re.sub(r"\s", "", text)) < 12 and len(node.lines) > 1:
            ln = node.lines[1]
            nxt = ln.text if ln.kind == "para" else "".join(ln.cells or [])
        self.r.anchors.append((_sub(text, self.roles), _sub(nxt, self.roles) if nxt else None))

    def run(self) -> Rendering:
        nodes = self.src.nodes
        fnode, fnames = founders(self.src) if self.s.founders else (None, [])
        i = 0
        while i < len(nodes):
            n = nodes[i]
            if fnode is not None and n is fnode:
                n = self.founders_referenced(n)
            if n.kind == "title" and fnames and self.s.founders == "preamble":
                self.node(n)
                self.emit(Out("发起单位："))
                for name in fnames:
                    self.emit(Out(name))
                i += 1
                continue
            if n.kind == "parties" and self.s.parties != "lines" and n.lines[0].kind == "para" and ROLE.match(n.lines[0].text):
                group = []
                while i < len(nodes) and nodes[i].kind == "parties":
                    group.append(nodes[i])
                    i += 1
                self.parties(group)
                continue
            self.node(n)
            i += 1
        if self.s.member_attachment:
            self.members()
        if fnames and self.s.founders == "attachment":
            self.r.adds_attachment = True
            self.emit(Out("附件：发起单位名单", bold=True, page_break=True))
            self.emit(Out(cells=["序号", "单位名称"]))
            for k, name in enumerate(fnames, 1):
                self.emit(Out(cells=[str(k), name]))
        return self.r

    def founders_referenced(self, n: Node) -> Node:
        """The 成员 unit with its list of founding units replaced by a reference to where they are now
        listed (the charter's head or the attachment 发起单位名单) — the list is given once, elsewhere."""
        where = "本章程首部所列发起单位" if self.s.founders == "preamble" else "附件《发起单位名单》所列单位"
        if any(ln.kind == "row" for ln in n.lines):
            kept = [ln for ln in n.lines if ln.kind != "row"]
            k = next(i for i, ln in enumerate(n.lines) if ln.kind == "row")
            lines = kept[:k] + [Line(f"联盟首批成员单位为{where}。", page_break=n.lines[k].page_break)] + kept[k:]
            return replace(n, lines=lines)
        lines = []
        for ln in n.lines:
            span = _sentence_list(ln.text) if ln.kind == "para" else None
            if span and not any(x is not ln and _sentence_list(x.text) for x in lines):
                ln = replace(ln, text=ln.text[:span[0]] + where + ln.text[span[1]:])
            lines.append(ln)
        return replace(n, lines=lines)

    def plain(self, n: Node, bold_first: bool = False) -> None:
        for k, ln in enumerate(n.lines):
            if ln.kind == "row":
                self.emit(Out(cells=list(ln.cells), page_break=ln.page_break))
            else:
                self.emit(Out(ln.text, bold=bold_first and k == 0, center=(ln.kind == "center") or (bold_first and k == 0),
                              page_break=ln.page_break))

    def node(self, n: Node) -> None:
        if n.from_unit:
            self.unit_idx += 1
        s = self.s
        if n.kind == "title":
            self.anchor(n.lines[0].text, n)
            self.emit(Out(n.lines[0].text, bold=True, center=True))
            for ln in n.lines[1:]:
                self.emit(Out(ln.text, cells=ln.cells))
            return
        if n.kind == "chapter":
            if n.region == "pre":
                self.emit(Out(n.lines[0].text, bold=True, center=True))
                return
            self.chapter(n.heading)
            return
        if n.kind == "recitals" and s.recitals:
            self.anchor(n.lines[0].text, n)
            k = 0
            for ln in n.lines:
                fam, rest = strip_label(ln.text)
                if fam and ln.kind == "para":
                    k += 1
                    self.emit(Out(label(s.recitals, k) + rest))
                else:
                    self.emit(Out(ln.text, cells=ln.cells))
            return
        if n.kind == "signature" and s.signature == "table":
            self.anchor(n.lines[0].text if n.lines[0].kind == "para" else " ".join(n.lines[0].cells), n)
            self.signature_table(n)
            return
        if n.kind != "unit":
            if n.from_unit:
                ln = n.lines[0]
                self.anchor(ln.text if ln.kind == "para" else "".join(ln.cells), n)
            self.plain(n)
            return
        self.unit(n)

    def chapter(self, h: str) -> None:
        s = self.s
        self.chap_no += 1
        self.unit_no = 0 if s.chapter == "decimal" or s.unit_restart else self.unit_no
        self.sec_no, self.sec_key = 0, None
        self.sectioned = len(self.topics[self.chap_no - 1]) > 1 if self.chap_no <= len(self.topics) else False
        cn = to_chinese(self.chap_no)
        sep = s.sep if s.sep in ("\u3000", "\t") else " "
        text = {"keep": f"第{cn}章 {h}", "decimal": f"{self.chap_no}{s.sep or ''}{h}" if s.sep else f"{self.chap_no}{h}",
                "cnpart": f"{cn}、{h}", "bold": h, "part": f"第{cn}部分{sep}{h}",
                "arabic": f"第{self.chap_no}章{sep}{h}"}.get(s.chapter)
        if s.chapter == "decimal" and s.sep == "":
            text = f"{self.chap_no} {h}" if s.fmt != "pdf" else f"{self.chap_no}{h}"
        if text is not None:
            self.emit(Out(text, bold=True, center=s.chapter != "decimal", heading=1 if s.charter_headings else 0))

    def section(self, key: str | None) -> None:
        """第X节 before a run of clauses on one topic (inside the current chapter)."""
        if not self.sections_on or not self.sectioned or key == self.sec_key or key not in SECTION_TITLES:
            return
        self.sec_no += 1
        self.sec_key = key
        self.emit(Out(f"第{to_chinese(self.sec_no)}节 {SECTION_TITLES[key]}", bold=True, center=True))

    def unit(self, n: Node) -> None:
        s = self.s
        if self.synth:
            g = group_of(n.key)
            if g is not None and g > self.group:
                # a clause out of the usual order stays in the chapter it is in
                self.group = g
                self.chapter(OUTLINE_GROUPS[g][0])
        self.section(n.key)
        self.unit_no += 1
        parents = [self.chap_no] if s.chapter == "decimal" and self.chap_no else []
        first = n.lines[0]
        own = [self.unit_no] if s.unit == "multi" else [self.unit_no]
        rest_lines = n.lines[1:]
        if s.heading_format != "inline" and n.heading:
            self.anchor(n.heading, n)
            self.emit(Out(n.heading, bold=True, heading=2 if s.heading_format == "style" else 0, page_break=first.page_break))
        elif s.autonum:
            self.anchor(first.text, n)
            self.emit(Out(first.text, autonum=1, page_break=first.page_break))
        elif s.unit == "none":
            rest_lines = n.lines
        else:
            lab = label(s.unit, self.unit_no, parents)
            self.anchor(first.text, n)
            self.emit(Out(lab + s.sep + first.text, page_break=first.page_break))
        counters = [0, 0]
        for ln in rest_lines:
            if ln.kind == "row":
                self.emit(Out(cells=list(ln.cells), page_break=ln.page_break))
                continue
            if ln.depth == 0:
                self.emit(Out(ln.text, indent=True, page_break=ln.page_break))
                continue
            d = ln.depth
            counters[d - 1] += 1
            if d == 1:
                counters[1] = 0
            if s.autonum:
                self.emit(Out(ln.text, autonum=d + 1, page_break=ln.page_break))
                continue
            scheme = s.sub1 if d == 1 else s.sub2
            path = (parents + own) if s.unit in ("multi", "dec") or scheme == "multi" else []
            if scheme == "multi":
                lab = label("multi", counters[d - 1], path + ([counters[0]] if d == 2 else []))
            else:
                lab = label(scheme, counters[d - 1])
            self.emit(Out(lab + s.sub_sep + ln.text, page_break=ln.page_break))

    def parties(self, group: list[Node]) -> None:
        s = self.s
        fields = [_party_fields(n) for n in group]
        for n in group:
            self.unit_idx += 1
        if s.parties == "labelvalue":
            self.labelvalue(fields)
            return
        if s.parties == "table":
            for f in fields:
                self.anchor(_name_only(f.get("name", "")))
            self.emit(Out("协议各方基本信息如下："))
            extra = [k for f in fields for k in f if k not in ("role", "name", "住所", "法定代表人")]
            extra = list(dict.fromkeys(extra))
            self.emit(Out(cells=["缔约方", "单位名称", "住所", "法定代表人"] + extra))
            for f in fields:
                self.emit(Out(cells=[f.get("role", ""), f.get("name", ""), f.get("住所", ""), f.get("法定代表人", "")]
                              + [f.get(k, "") for k in extra]))
            return
        for k, (n, f) in enumerate(zip(group, fields), 1):
            lab = f"（{k}）" if s.parties == "numbered" else f"{k}. "
            joined = "，".join(ln.text.rstrip("，,") for ln in n.lines)
            self.anchor(n.lines[0].text)
            self.emit(Out(lab + joined))

    def labelvalue(self, fields: list[dict[str, str]]) -> None:
        """A party table of label/value cells, a row per item (单位名称 / 住所 / 法定代表人 …), the role
        (甲方、乙方…) in a first column merged down over the party's rows."""
        for f in fields:
            self.anchor(_name_only(f.get("name", "")))
        space = self._space_to_page_foot() if self.s.party_break else 0.0
        self.emit(Out("协议各方基本信息如下：", space_before=space))
        for f in fields:
            rows = [("单位名称", f.get("name", "")), ("住所", f.get("住所", "")), ("法定代表人", f.get("法定代表人", ""))]
            rows += [(k, v) for k, v in f.items() if k not in ("role", "name", "住所", "法定代表人")]
            for j, (lab, val) in enumerate(rows):
                self.emit(Out(cells=[f.get("role", "") if j == 0 else "", lab, val], merge_above=(0,) if j else ()))

    def _space_to_page_foot(self) -> float:
        """Spacing (pt) before the party table so that it starts about four rows above the first page's
        foot and runs onto the next page: A4, 2.5 cm margins → about 700 pt of body, 36 characters and
        18 pt a line, a table row about 26 pt."""
        used = sum(18.0 * max(1, -(-len(o.text) // 36)) for o in self.r.items)
        return max(0.0, 700.0 - used - 18.0 - 4 * 26.0)

    def signature_table(self, n: Node) -> None:
        if any(ln.kind == "row" for ln in n.lines):
            self.plain(n)
            return
        rows: list[list[str]] = []
        before, after = [], []
        for ln in n.lines:
            if ROLE.match(_sub(ln.text, {})) or re.match(r"^[^：:]{2,12}[（(](盖章|公章|签章)[）)]", ln.text):
                rows.append([ln.text])
            elif rows and (_FIELD.match(ln.text) or re.match(r"^(法定代表人|授权代表|委托代理人)", ln.text)) and not after:
                rows[-1].append(ln.text)
            elif rows:
                after.append(ln.text)
            else:
                before.append(ln.text)
        if not rows:
            self.plain(n)
            return
        for t in before:
            self.emit(Out(t))
        width = max(len(r) for r in rows)
        for r in rows:
            self.emit(Out(cells=r + [""] * (width - len(r))))
        for t in after:
            self.emit(Out(t))

    def members(self) -> None:
        names = []
        for n in self.src.nodes:
            if n.kind != "parties":
                continue
            if n.lines[0].kind == "para" and ROLE.match(n.lines[0].text):
                f = _party_fields(n)
                names.append((_name_only(f.get("name", "")), f.get("住所", "")))
            for ln in n.lines:
                if ln.kind == "row" and len(ln.cells) >= 2:
                    cells = ln.cells
                    # a name cell may carry its 简称 ("XX有限公司（以下简称“XX”）"): the member list gets the name
                    name = next((c for c in cells if re.search(r"(公司|大学|学院|研究院|研究所|协会|中心|医院)$",
                                                               _name_only(c))), None)
                    if name:
                        names.append((_name_only(name), ""))
        if not names:
            return
        self.r.adds_attachment = True
        self.emit(Out("附件：联盟成员名单", bold=True, page_break=True))
        self.emit(Out(cells=["序号", "成员单位名称"]))
        for k, (name, _) in enumerate(names, 1):
            self.emit(Out(cells=[str(k), name]))


def render(style: Style, src: Source) -> Rendering:
    return _Renderer(style, src).run()


# ---------------------------------------------------------------- writers
def write_txt(r: Rendering, out: Path) -> None:
    lines = []
    for o in r.items:
        if o.cells is not None:
            lines.append("    ".join(o.cells))
        else:
            if o.bold and r.style.heading_format == "bold" and lines:
                lines.append("")
            lines.append(("    " if o.center else "") + o.text)
    out.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")


def _corpus_builder():
    spec = importlib.util.spec_from_file_location("_build_corpus", ROOT / "scripts" / "build_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def write_docx(r: Rendering, out: Path) -> None:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    bc = _corpus_builder()
    s = r.style
    d = docx.Document()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.8)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    bc._set_font(d.styles["Normal"], "Times New Roman", "宋体", 12)
    d.styles["Normal"].paragraph_format.line_spacing = 1.5
    d.styles["Normal"].paragraph_format.space_after = Pt(0)
    for lvl in (1, 2):
        st = d.styles[f"Heading {lvl}"]
        bc._set_font(st, "Times New Roman", "黑体", 15 if lvl == 1 else 13, True)
        st.font.color.rgb = None
    if s.header:
        hp = sec.header.paragraphs[0]
        hp.text = HEADER_TEXT
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        bc._page_field(fp)
    numbering = bc.Numbering(d, s.autonum) if s.autonum else None
    rows: list[Out] = []

    def flush():
        if not rows:
            return
        ncol = max(len(x.cells) for x in rows)
        t = d.add_table(rows=len(rows), cols=ncol)
        t.style = d.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        for i, row in enumerate(rows):
            for j in range(ncol):
                t.cell(i, j).text = row.cells[j] if j < len(row.cells) else ""
        if any(r.merge_above for r in rows):
            # label/value table: narrow role and label columns, the role cell merged down over its rows
            for i in range(len(rows)):
                for j, w in enumerate((2.2, 3.0, 10.2)[:ncol]):
                    t.cell(i, j).width = Cm(w)
            for j in range(ncol):
                top = 0
                for i in range(1, len(rows) + 1):
                    if i < len(rows) and j in rows[i].merge_above:
                        continue
                    if i - 1 > top:
                        t.cell(top, j).merge(t.cell(i - 1, j))
                        t.cell(top, j).text = rows[top].cells[j]
                    top = i
        rows.clear()

    for o in r.items:
        if o.cells is not None:
            if o.page_break:
                flush()
                d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            rows.append(o)
            continue
        flush()
        if o.page_break:
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if o.heading:
            p = d.add_heading(o.text, level=o.heading)
        else:
            p = d.add_paragraph()
            run = p.add_run(o.text)
            run.bold = o.bold or None
        if o.center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if o.space_before:
            p.paragraph_format.space_before = Pt(o.space_before)
        if o.autonum and numbering is not None:
            numbering.apply(p, o.autonum)
        elif o.indent:
            p.paragraph_format.first_line_indent = Pt(24)
    flush()
    d.save(out)


def digest(r: Rendering) -> str:
    h = hashlib.sha256(repr((r.style, [(o.text, o.cells, o.bold, o.center, o.heading, o.autonum, o.page_break,
                                         o.indent) + ((o.merge_above, o.space_before) if o.merge_above or o.space_before
                                                      else ()) for o in r.items])).encode("utf-8"))
    h.update((ROOT / "checker" / "stylematrix" / "render.py").read_bytes())
    return h.hexdigest()[:16]


def write(r: Rendering, cache: Path) -> Path:
    """The rendered file in ``cache`` (written when missing); PDFs need convert_pending() after."""
    cache.mkdir(parents=True, exist_ok=True)
    stem = f"{r.source.id}_{r.style.id}_{digest(r)}"
    if r.style.fmt == "txt":
        out = cache / f"{stem}.txt"
        if not out.exists():
            write_txt(r, out)
        return out
    docx_out = cache / f"{stem}.docx"
    if not docx_out.exists():
        write_docx(r, docx_out)
    return docx_out if r.style.fmt == "docx" else cache / f"{stem}.pdf"


def convert_pending(paths: list[Path]) -> None:
    """Converts the .docx behind every missing .pdf in one LibreOffice run."""
    todo = [p.with_suffix(".docx") for p in paths if p.suffix == ".pdf" and not p.exists()]
    if not todo:
        return
    if shutil.which("soffice") is None:
        raise RuntimeError("需要 LibreOffice（soffice）来生成体例矩阵的 PDF：请先运行 make sysdeps")
    # one LibreOffice profile per process: two runs sharing a profile (two worktrees, two sessions) make
    # soffice fail
    prof = Path(tempfile.gettempdir()) / f"lo_stylematrix_{os.getpid()}"
    outdir = todo[0].parent
    try:
        for k in range(0, len(todo), 40):
            cmd = ["soffice", "--headless", f"-env:UserInstallation=file://{prof}", "--convert-to", "pdf",
                   "--outdir", str(outdir)] + [str(p) for p in todo[k:k + 40]]
            subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
