"""Revise a reviewed agreement: each accepted finding's fix becomes a Word tracked change (author 合规审查).

- a missing section (SECTION_MISSING) is inserted as a new article where the outline expects it
  (after the last clause of an earlier outline section, 闽科政〔2009〕46号 附件1 order); in a document with
  typed article numbers the new article takes the next number and the later articles are renumbered as
  tracked changes, in one with Word numbering it copies the neighbouring article's paragraph format;
- a finding on a sentence (e.g. 或裁或诉) replaces that sentence by the suggested wording;
- a finding that an element is missing from a clause appends the suggested wording to that clause.

Placeholders in the suggested wording are filled from the document (联盟名称、成员、理事长单位, the
arbitration commission it names …) and from the reviewer's ``fill`` values; what nobody knows stays visible
as 【…】. The original text, styles, numbering, comments and earlier tracked changes are left as they are.
PDF/text input: a new .docx of the document (checker.report.docx_build) carries the changes.
"""
from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document as open_docx
from docx.oxml.ns import qn

from checker.draft.tracked import Tracker
from checker.errors import InputError
from checker.library import section_keys
from checker.model import finding_key
from checker.report.docx_comments import Locator, _para_text, _range_runs, _runs, _source_paras
from checker.rules.suggestions import PLACEHOLDERS
from checker.text.cn_numerals import from_chinese, to_chinese

# Article headings for inserted sections (the outline's own names, 闽科政〔2009〕46号 附件1).
HEADINGS = {
    "recitals": "鉴于", "definitions": "定义", "name_principles": "联盟名称、组织原则和组建宗旨",
    "goals_tasks": "技术创新目标和任务分工", "organization": "组织机构及职责", "members": "联盟成员",
    "funds": "经费管理", "projects": "项目管理", "ip_benefits": "收益分配和知识产权管理", "dissolution": "解散和清算",
    "breach": "违约责任", "force_majeure": "不可抗力", "dispute_resolution": "争议解决", "governing_law": "法律适用",
    "effect_amendment": "协议的生效和变更", "notices": "文件送达", "other_matters": "其他约定事项", "attachments": "附件",
}
_NO_ANCHOR = {"signature", "attachments"}
_SENT_END = "。！？!?"
# A typed clause number: 第十二条, 12., 12、, 十二、 (the family — prefix, digits or Chinese, suffix — is kept).
_NUM = re.compile(r"^(?P<pre>第)?(?P<n>[一二三四五六七八九十百零〇两]+|\d+)(?P<suf>条|、|\.|．)?")
_LABEL = "\u2063第?条"          # stands for an inserted article's number until all insertions are known


# Rules that report something missing from a clause: their wording is added, nothing is deleted.
_ADDS = re.compile(r"_(MISSING|GAPS|INCOMPLETE|UNDEFINED|UNADDRESSED|UNHANDLED|NO_RULES|DEFAULT_GAP|NOT_AGREED|"
                   r"NOT_NAMED|CONFIRM|NOTICE|RISK|SCOPE)$")


def _suggestion_section(rule_id: str) -> str | None:
    from checker.rules.loader import rules_by_id
    from checker.rules.suggestions import all_suggestions

    r = rules_by_id().get(rule_id)
    s = all_suggestions().get(r.suggestion) if r and isinstance(r.suggestion, str) else None
    return s.get("section") if s else None


def _unnumbered(ppr):
    """A copy of a paragraph's properties for a continuation paragraph: never a new list item
    (numId 0 also switches off numbering that comes with the paragraph's style)."""
    import copy

    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    if ppr is None:
        return None
    ppr = copy.deepcopy(ppr)
    for el in ppr.findall(qn("w:numPr")):
        ppr.remove(el)
    num = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>')
    style = ppr.find(qn("w:pStyle"))
    (style.addnext(num) if style is not None else ppr.insert(0, num))
    return ppr


@dataclass
class Change:
    rule: str
    section: str | None
    action: str           # 插入条款 / 替换语句 / 补充条文 / 重新编号
    before: str
    after: str
    where: str = ""


# -- which findings, which values -----------------------------------------------------------------

def load_decisions(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"找不到审查结论文件“{p}”。") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"审查结论文件“{p.name}”不是有效的 JSON（{err}）。") from None
    if not isinstance(data, dict):
        raise InputError(f"审查结论文件“{p.name}”应为 JSON 对象：{{\"accept\": [规则…], \"fill\": {{…}}}} 或审查页面导出的结论。")
    return data


def select_findings(report, accept: list[str] | None = None, decisions: dict | None = None,
                    fill: dict[str, str] | None = None) -> list:
    """Findings to fix: those of the ``accept`` rules, or those a reviewer accepted in ``decisions``
    (finding key → {"status": "accepted"}), or else every finding whose suggested wording is complete
    once filled from the document (no 【…】 left for a person to write)."""
    decisions = decisions or {}
    values = {**document_fill(report), **(fill or {})}
    rules = {r.strip().upper() for r in (accept or decisions.get("accept") or [])}
    per_key = decisions.get("decisions", {k: v for k, v in decisions.items() if isinstance(v, dict) and "status" in v})
    out = []
    for f in report.findings:
        if not f.suggestion:
            continue
        if rules:
            if f.rule in rules:
                out.append(f)
        elif per_key:
            if (per_key.get(finding_key(f)) or {}).get("status") == "accepted":
                out.append(f)
        elif "【" not in _fill_text(f.suggestion, values):
            out.append(f)
    if rules:
        unknown = rules - {f.rule for f in report.findings}
        if unknown and not out:
            raise InputError(f"该协议没有规则 {'、'.join(sorted(unknown))} 的问题，无需修订。")
    return out


def document_fill(report) -> dict[str, str]:
    """Placeholder values the document itself tells (beyond what the engine filled): the arbitration
    commission it names, if that is a real, identifiable one (仲裁法 第十六条、第十八条)."""
    from checker.facts.disputes import arbitration_bodies, identify, mask

    out: dict[str, str] = {}
    masked, _ = mask(report.document.text)
    for d in arbitration_bodies(masked):
        if d.kind != "named":
            continue
        c = identify(d.prefix)
        if c.status in ("exact", "slip", "parent") and c.name:
            out["arbitration_commission"] = c.name if c.name.endswith(("委员会", "仲裁院", "中心")) else f"{c.name}仲裁委员会"
            break
    return out


def _fill_text(text: str, fill: dict[str, str]) -> str:
    for key, shown in PLACEHOLDERS.items():
        if fill.get(key):
            text = text.replace(shown, fill[key])
    for shown, value in fill.items():
        if shown.startswith("【") and value:
            text = text.replace(shown, value)
    return text


# -- the plan ---------------------------------------------------------------------------------------

class _Reviser:
    def __init__(self, report, doc, loc: Locator, tracker: Tracker):
        self.report, self.doc, self.loc, self.t = report, doc, loc, tracker
        self.document = report.document
        self.order = {k: i for i, k in enumerate(section_keys())}
        self.units = [c for c in report.clauses if c.section and c.kind != "chapter"]
        self.changes: list[Change] = []
        self.replacements: list[tuple[int, int, str, Change]] = []     # doc offsets → new text
        self.after: dict[int, Any] = {}                                 # id(anchor p) → last inserted p
        self.inserted_after: dict[str, int] = {}                        # clause id → sections inserted after it
        self.labels: list = []                                          # typed numbers of inserted articles

    # paragraphs of a clause
    def _paras(self, clause) -> list:
        out = []
        for bi in range(clause.block_range[0], clause.block_range[1] + 1):
            if 0 <= bi < len(self.document.blocks):
                out += [p for p, _off, _map in self.loc.paras_of_block(self.document.blocks[bi])]
        return out

    def _add_after(self, anchor, text: str, ppr=None, rpr=None):
        prev = self.after.get(id(anchor), anchor)
        p = self.t.paragraph_after(prev, text, ppr, rpr)
        self.after[id(anchor)] = p
        return p

    @staticmethod
    def _fmt(p):
        ppr = p.find(qn("w:pPr"))
        runs = [r for r in _runs(p) if r.find(qn("w:t")) is not None]
        rpr = runs[-1].find(qn("w:rPr")) if runs else None
        return ppr, rpr

    # -- sentence replacement ------------------------------------------------------------------
    def _sentence(self, f, clause) -> tuple[int, int]:
        text = self.document.text
        a, b = f.span
        body0 = clause.span[0]
        head = (clause.number or "") + (clause.heading or "")
        if head:
            i = text.find(clause.heading or clause.number, clause.span[0], clause.span[1])
            if i >= 0:
                body0 = i + len(clause.heading or clause.number)
        block = self.document.block_at(a)
        lo = max(body0, block.start + block.label_len if block else 0)
        s = max([text.rfind(c, lo, a) for c in _SENT_END + "\n"] + [lo - 1]) + 1
        while s < a and text[s] in " \u3000：:":
            s += 1
        hi = min(clause.span[1], block.end if block else len(text))
        ends = [i for i in (text.find(c, max(b - 1, s), hi) for c in _SENT_END) if i >= 0]
        e = min(ends) + 1 if ends else hi
        return s, e

    def plan_finding(self, f, text: str) -> None:
        clause = self.report.clause(f.clause_id) if f.clause_id else None
        if clause is None:
            in_section = [c for c in self.units if c.section == f.section]
            if f.rule == "SECTION_MISSING" or not in_section:
                return self.plan_section(f, text)
            return self.plan_append(f, in_section[-1], text)
        home = _suggestion_section(f.rule)
        if home and home != clause.section and home not in _NO_ANCHOR:
            # The fix belongs to another section (e.g. 保密 wording for a 保密 mention among the duties).
            in_home = [c for c in self.units if c.section == home]
            return self.plan_append(f, in_home[-1], text) if in_home else self.plan_section(f, text, home)
        covers = f.span and (f.span[1] - f.span[0]) >= 0.8 * (clause.span[1] - clause.span[0])
        if (not f.span or covers or clause.kind == "signature" or "\n" in text.strip()
                or _ADDS.search(f.rule)):
            return self.plan_append(f, clause, text)
        s, e = self._sentence(f, clause)
        ch = Change(f.rule, f.section, "替换语句", self.document.text[s:e], text, clause.number or "")
        self.replacements.append((s, e, text, ch))
        self.changes.append(ch)

    def plan_append(self, f, clause, text: str) -> None:
        paras = self._paras(clause)
        if not paras:
            return
        anchor = paras[-1]
        ppr, rpr = self._fmt(anchor)
        ppr = _unnumbered(ppr)
        if clause.kind == "signature":
            anchor = self._block_end(anchor)
            ppr, rpr = None, rpr
        for line in [x for x in text.split("\n") if x.strip()]:
            self._add_after(anchor, line.strip(), ppr, rpr)
        self.changes.append(Change(f.rule, f.section, "补充条文", "", text, clause.number or ""))

    @staticmethod
    def _block_end(p):
        """A paragraph inside a table: insert after the table instead."""
        tbl = next((a for a in p.iterancestors() if a.tag == qn("w:tbl")), None)
        return tbl if tbl is not None else p

    # -- a missing section ---------------------------------------------------------------------
    def plan_section(self, f, text: str, section: str | None = None) -> None:
        section = section or f.section
        k = self.order.get(section, len(self.order))
        before = [c for c in self.units if self.order.get(c.section, -1) < k and c.section not in _NO_ANCHOR]
        if not before:
            return self.plan_append(f, self.units[0], text) if self.units else None
        anchor_clause = before[-1]
        articles = [c for c in self._numbered() if c.span[0] <= anchor_clause.span[0]]
        template = articles[-1] if articles else anchor_clause
        paras = self._paras(anchor_clause)
        tparas = self._paras(template)
        if not paras or not tparas:
            return
        anchor = self._block_end(paras[-1])
        head_ppr, head_rpr = self._fmt(tparas[0])
        heading = HEADINGS.get(section, "")
        n = self.inserted_after.get(template.id, 0) + 1
        self.inserted_after[template.id] = n
        auto = self.document.blocks[template.block_range[0]].label_len > 0
        label = "" if auto or self._typed(template) is None else _LABEL
        heading_only = template.heading and len(_para_text(tparas[0]).strip()) <= len(
            (template.number or "") + template.heading) + 3 and len(tparas) > 1
        lines = [x.strip() for x in text.split("\n") if x.strip()]
        if heading_only:
            body_ppr, body_rpr = self._fmt(tparas[1])
            first = self._add_after(anchor, f"{label} {heading}".strip() if label else heading, head_ppr, head_rpr)
            for line in lines:
                self._add_after(anchor, line, body_ppr, body_rpr)
        else:
            # 第X条 and heading in the format of the neighbour's number, the text in that of its body
            runs = [r for r in _runs(tparas[0]) if r.find(qn("w:t")) is not None]
            num_rpr = runs[0].find(qn("w:rPr")) if runs else None
            first = self._add_after(anchor, f"{label} {heading}".strip() if label else heading, head_ppr, num_rpr)
            first.append(self.t.insertion("　" + lines[0], head_rpr))
            for line in lines[1:]:
                self._add_after(anchor, line, head_ppr, head_rpr)
        ch = Change(f.rule, section, "插入条款", "", text, heading)
        self.changes.append(ch)
        if label:
            # The number is known only once every insertion is planned (an earlier one moves this one too).
            self.labels.append((template, n, first.find(".//" + qn("w:t")), ch))
            self._renumber_after(template)

    def _numbered(self) -> list:
        """Top-level articles and numbered items (not items inside an article)."""
        by_id = {c.id: c for c in self.report.clauses}
        return [c for c in self.units if c.kind in ("article", "item") and c.number
                and (c.parent is None or (by_id.get(c.parent) is not None and by_id[c.parent].kind == "chapter"))]

    def _typed(self, c):
        """The typed number at the clause's start (None for Word numbering or no number)."""
        if not c.number or self.document.blocks[c.block_range[0]].label_len > 0:
            return None
        m = _NUM.match(self.document.text[c.span[0]:c.span[0] + 12])
        return m if m and m.group("n") in c.number else None

    @staticmethod
    def _family(m) -> tuple:
        return (m.group("pre") or "", m.group("n").isdigit(), m.group("suf") or "")

    @staticmethod
    def _shift_digits(digits: str, shift: int) -> str:
        value = (int(digits) if digits.isdigit() else from_chinese(digits)) + shift
        return str(value) if digits.isdigit() else to_chinese(value)

    def _renumber_after(self, template) -> None:
        """Typed article numbers after an inserted article move up by one (as tracked changes)."""
        self._renumber_from = getattr(self, "_renumber_from", [])
        self._renumber_from.append(template.span[1])

    def plan_renumbering(self) -> None:
        starts = sorted(getattr(self, "_renumber_from", []))
        if not starts:
            return
        families = set()
        for template, n, t_el, ch in self.labels:
            m = self._typed(template)
            families.add((self._family(m), template.level))
            before = sum(1 for s in starts if s <= template.span[0])
            new = f"{m.group('pre') or ''}{self._shift_digits(m.group('n'), before + n)}{m.group('suf') or ''}"
            t_el.text = t_el.text.replace(_LABEL, new)
            ch.where = new
        for c in self._numbered():
            m = self._typed(c)
            shift = sum(1 for s in starts if s <= c.span[0])
            if not shift or m is None or (self._family(m), c.level) not in families:
                continue
            a, b = c.span[0] + m.start("n"), c.span[0] + m.end("n")
            new = self._shift_digits(m.group("n"), shift)
            old_label = m.group(0)
            ch = Change("SECTION_MISSING", None, "重新编号", old_label, old_label.replace(m.group("n"), new, 1), c.number)
            self.replacements.append((a, b, new, ch))
            self.changes.append(ch)

    # -- do it ---------------------------------------------------------------------------------
    def apply_replacements(self) -> None:
        # Locate every range first: the locator matches paragraph text, which each change alters.
        located = [(s, self.loc.pieces(s, e), new, ch) for s, e, new, ch in self.replacements]
        for s, pieces, new, ch in sorted(located, key=lambda t: -t[0]):
            if not pieces:
                self.changes.remove(ch)
                continue
            first = True
            for p, a, z in pieces:
                runs = _range_runs(p, a, z)
                if not runs:
                    continue
                if first:
                    self.t.replace(runs, new)
                    first = False
                else:
                    self.t.delete(runs)


def _open(report, source_bytes: bytes | None):
    document = report.document
    if source_bytes and document.format in ("docx", "doc"):
        doc = open_docx(io.BytesIO(source_bytes))
        return doc, Locator(document, _source_paras(doc, document))
    from checker.report.docx_build import build_docx

    doc, paras = build_docx(document)
    index = {id(b): i for i, b in enumerate(document.blocks)}
    return doc, Locator(document, lambda b: [(paras[index[id(b)]], 0, None)])


def revise(report, source_bytes: bytes | None, findings: list, fill: dict[str, str] | None = None,
           date=None) -> tuple[bytes, list[Change]]:
    """The revised .docx (bytes) and the list of changes made."""
    doc, loc = _open(report, source_bytes)
    values = document_fill(report)
    values.update({k: v for k, v in (fill or {}).items() if v})
    r = _Reviser(report, doc, loc, Tracker(doc, date=date))
    done: set[tuple[str, str]] = set()
    for f in findings:
        text = _fill_text(f.suggestion or "", values).strip()
        key = (f.clause_id or f.section or "", text)
        if not text or key in done:        # the same wording for the same place once
            continue
        done.add(key)
        r.plan_finding(f, text)
    r.plan_renumbering()
    r.apply_replacements()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue(), r.changes


def revise_file(path: str | Path, profile: str = "fujian", accept: list[str] | None = None,
                decisions: dict | None = None) -> tuple[bytes, list[Change]]:
    from checker.engine import check

    path = Path(path)
    report = check(path, profile=profile)
    source = path.read_bytes() if report.document.format == "docx" else None
    findings = select_findings(report, accept, decisions, fill=(decisions or {}).get("fill"))
    if not findings:
        raise InputError(f"《{path.name}》没有可以按建议条款修订的问题（或所选问题不存在）。")
    return revise(report, source, findings, fill=(decisions or {}).get("fill"))
