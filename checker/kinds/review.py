"""Review of a charter or a necessity statement against its own outline and rules (clause_library/kinds/).

The clause tree comes from the same segmenter as an agreement; each unit is then given a section of the
kind's outline: its own heading first, then the heading of its chapter, then (charters) the agreement
classifier's topic mapped onto the charter outline, then the previous unit's section (a paragraph that
continues a heading), then body terms. Coverage and rules are data: SECTION_MISSING for each required
section that is absent, and the kind's rules (absent / present / groups / if_then / elements / section_absent).
"""
from __future__ import annotations

from checker.classify import outline as agreement_outline
from checker.library import kind_outline, resolve_citation
from checker.model import Clause, Document, Finding, Report, SectionStatus, location_of
from checker.structure import segment
from checker.text.normalize import normalize_text

# Agreement topics (contracts.md §1) → charter sections, for units whose wording gives no better clue.
_CHARTER_FROM_AGREEMENT = {
    "title": "title", "parties": "members", "recitals": "preamble", "definitions": "supplementary",
    "name_principles": "principles", "goals_tasks": "work_scope", "organization": "governance",
    "members": "members", "funds": "funds_use", "projects": "work_scope", "ip_benefits": "results",
    "dissolution": "termination", "breach": "liability", "force_majeure": "liability",
    "dispute_resolution": "supplementary", "governing_law": "supplementary", "effect_amendment": "supplementary",
    "notices": "supplementary", "other_matters": "supplementary", "attachments": "supplementary",
    "signature": "signature",
}
_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
UNSURE = 0.5     # the agreement classifier's confidence below which a charter section the body names outright wins


def _norm(s: str | None) -> str:
    return normalize_text(s or "").replace(" ", "")


def _heading_hits(text: str, sections: list[dict], body: str = "") -> str | None:
    """The section whose heading word is the longest one found in ``text`` (a heading or chapter name);
    a tie (章名“终止和责任”) goes to the section whose terms the ``body`` uses most."""
    t = _norm(text)
    best: list[dict] = []
    best_len = 0
    for sec in sections:
        n = max((len(h) for h in sec.get("headings") or [] if h in t), default=0)
        if n and n > best_len:
            best, best_len = [sec], n
        elif n and n == best_len:
            best.append(sec)
    if not best:
        return None
    return max(best, key=lambda s: _support(body, s))["key"]


def _term_score(text: str, sec: dict) -> int:
    return sum(1 for t in sec.get("terms") or [] if t in text)


def _support(text: str, sec: dict) -> tuple[int, int]:
    """How much the body itself treats ``sec``: its ``covers`` pattern found (收益……分配 for 利益分配), then its terms."""
    return (int(any(rx.search(text) for rx in sec.get("_covers") or [])), _term_score(text, sec))


# An agreement topic that stands for several charter sections: the body's words pick one
# (总则 → 序言/宗旨/性质/原则; 知识产权与收益 → 成果管理/利益分配; 经费 → 经费使用/资产管理).
_POOLS = {"principles": ["preamble", "purpose", "nature", "principles"], "results": ["results", "benefits"],
          "funds_use": ["funds_use", "assets"]}


def _from_agreement(agreed: str, text: str, spec: dict) -> str | None:
    """The charter section for a unit the agreement classifier put under ``agreed``."""
    # Only the first unit is the title; a later unit the agreement classifier calls "title" is the preamble.
    key = "preamble" if agreed == "title" else _CHARTER_FROM_AGREEMENT.get(agreed)
    if key in _POOLS:
        best = max(_POOLS[key], key=lambda k: _support(text, _sec(spec, k)))
        if _support(text, _sec(spec, best)) > _support(text, _sec(spec, key)):
            key = best
    return key


def _first_line(c: Clause) -> str:
    """The unit's own heading: the parsed heading, or a short first line without sentence punctuation."""
    if c.heading:
        return c.heading
    line = c.text.strip().split("\n")[0]
    if c.number and line.startswith(c.number):
        line = line[len(c.number):]
    # Necessity-statement headings are long ("三、联盟技术创新活动与国家和省战略目标、产业发展政策的关联性"):
    # a line is a heading when it has no sentence punctuation (一个“、”可以有).
    return line if len(line) <= 40 and not any(p in line for p in "，。；：,;:") else ""


def classify_units(kind: str, units: list[Clause], containers: dict[str, Clause]) -> None:
    """Set ``section`` / ``also_covers`` of each unit to the kind's outline keys (in place)."""
    spec = kind_outline(kind)
    sections = [s for s in spec["sections"] if s["key"] not in ("title", "signature")]
    prev = None
    for i, u in enumerate(units):
        agreed = u.section
        key = None
        if (agreed == "title" and i == 0) or agreed == "signature" or (i == 0 and agreed is None and len(u.text) <= 60):
            key = agreed or "title"
        if key is None:
            key = _heading_hits(_first_line(u), sections, u.text)
        if key is None and u.parent in containers:
            key = _heading_hits(_container_heading(containers[u.parent]), sections, u.text)
            mapped = _from_agreement(agreed, u.text, spec) if kind == "charter" and agreed else None
            if key and mapped and mapped != key and _support(u.text, _sec(spec, key)) <= (0, 1) \
                    and (_support(u.text, _sec(spec, mapped))[0] or _term_score(u.text, _sec(spec, mapped)) >= 2):
                # the chapter's name is a hint, not the topic: "成员违反本章程……应当承担赔偿责任" in a chapter
                # 成果和利益 is 责任分担 when its words say so and none of the chapter's sections' do
                key = mapped
        if key is None and kind == "charter" and agreed:
            key = _from_agreement(agreed, u.text, spec)
            covered = [sec["key"] for sec in sections if _support(u.text, sec)[0]]
            if (u.confidence or 0) < UNSURE and len(covered) == 1 and key not in covered:
                # the agreement classifier is unsure and the body names one charter section outright
                # ("……交流合作。本章程经全体成员签字盖章后生效。" without a 附则 chapter)
                key = covered[0]
        if key is None and kind == "necessity":
            # "1. 产业发展状况。正文……": the heading is the first sentence of a numbered paragraph.
            first_sentence = u.body.split("。")[0] if u.number else ""
            if 0 < len(first_sentence) <= 40:
                key = _heading_hits(first_sentence, sections, u.text)
        if key is None and kind == "necessity" and prev is not None and not u.number \
                and u.kind in ("text", "item", "heading"):
            key = prev                                  # an unnumbered paragraph continues the part above it
        if key is None:
            scored = max(sections, key=lambda s: _term_score(u.text, s))
            key = scored["key"] if _term_score(u.text, scored) >= 2 else prev
        u.section = key
        u.confidence = 0.9 if key else 0.0
        u.also_covers = [s["key"] for s in spec["sections"]
                         if s["key"] != key and any(rx.search(u.text) for rx in s.get("_covers") or [])]
        if key not in ("title", "signature", None):
            prev = key
    for c in containers.values():
        c.section = _heading_hits(_container_heading(c), sections)
        c.also_covers = []


def _container_heading(c: Clause) -> str:
    return c.heading or c.text.split("\n")[0][:30]


def _sec(spec: dict, key: str) -> dict:
    return next(s for s in spec["sections"] if s["key"] == key)


def kind_coverage(kind: str, units: list[Clause], full_text: str) -> list[SectionStatus]:
    out = []
    for sec in kind_outline(kind)["sections"]:
        key = sec["key"]
        mine = [u for u in units if u.section == key] + [u for u in units if key in u.also_covers and u.section != key]
        required = bool(sec.get("required", True))
        if not mine:
            out.append(SectionStatus(key, sec["title"], "missing", [], [], required))
            continue
        text = "\n".join(u.text for u in mine)
        missing = [el["name"] for el in sec.get("elements") or []
                   if not any(rx.search(full_text if el.get("scope") == "document" else text) for rx in el["_rx"])]
        out.append(SectionStatus(key, sec["title"], "partial" if missing else "present", [u.id for u in mine],
                                 missing, required))
    return out


def review_kind(doc: Document, prof, kind: str) -> Report:
    """Review ``doc`` as a ``kind`` (charter | necessity) document under profile ``prof``."""
    from checker.facts.parties import extract_parties

    clauses, units = segment.segment(doc)
    containers = {c.id: c for c in clauses if c.kind == "chapter"}
    agreement_outline.classify(units, containers)
    parties = extract_parties(doc, units) if kind == "charter" else []
    classify_units(kind, units, containers)
    sections = kind_coverage(kind, units, doc.text)
    findings = run_kind_rules(kind, doc, units, sections, prof.key)
    shown = sorted(units + list(containers.values()), key=lambda c: c.span[0])
    return Report(document=doc, profile=prof.key, clauses=shown, sections=sections, findings=findings,
                  parties=[p.to_dict() for p in parties], kind=kind)


def _finding(rule: dict, doc: Document, profile: str, clause: Clause | None, section: str | None,
             message: str | None = None, span=None, evidence: str = "") -> Finding:
    if span is None and clause is not None:
        span = (clause.span[0], min(clause.span[1], clause.span[0] + 30))
    return Finding(rule=rule["id"], severity=rule["severity"], section=section,
                   clause_id=clause.id if clause else None, span=span, evidence=evidence,
                   message=message or rule["message"].strip(), citation=resolve_citation(rule["citation"]),
                   suggestion=(rule.get("suggestion") or "").strip(), number=clause.number if clause else None,
                   location=location_of(doc, span[0]) if span else None, profile=profile)


def run_kind_rules(kind: str, doc: Document, units: list[Clause], sections: list[SectionStatus],
                   profile: str) -> list[Finding]:
    spec = kind_outline(kind)
    by_key = {s.key: s for s in sections}
    unit_of = {u.id: u for u in units}
    first = lambda key: unit_of.get((by_key[key].clause_ids or [None])[0]) if key in by_key else None  # noqa: E731
    title_unit = first("title")
    findings: list[Finding] = []
    missing_rule = {"id": "SECTION_MISSING", "severity": "warning"}
    for sec in spec["sections"]:
        st = by_key[sec["key"]]
        if st.status == "missing" and st.required and sec["key"] != "title":
            findings.append(_finding({**missing_rule, "citation": sec["cite"],
                                      "message": f"{spec['title']}缺少“{sec['title']}”部分。",
                                      "suggestion": ""}, doc, profile, None, sec["key"]))
    text = doc.text
    for rule in spec.get("rules") or []:
        sec_key = rule.get("section")
        anchor = first(sec_key) if sec_key else title_unit
        check = rule["check"]
        if check == "absent":
            if not any(rx.search(text) for rx in rule["_any"]):
                findings.append(_finding(rule, doc, profile, anchor, sec_key))
        elif check == "section_absent":
            st = by_key.get(sec_key)
            if st and st.status != "missing":
                hay = "\n".join(unit_of[c].text for c in st.clause_ids)
                if not any(rx.search(hay) for rx in rule["_any"]):
                    findings.append(_finding(rule, doc, profile, anchor, sec_key))
        elif check == "groups":
            lacking = [name for name, rxs in rule["_groups"].items() if not any(rx.search(text) for rx in rxs)]
            if lacking:
                findings.append(_finding(rule, doc, profile, anchor, sec_key,
                                         message=f"{rule['message'].strip()}缺少：{'、'.join(lacking)}。"))
        elif check == "if_then":
            hit = next((m for rx in rule["_if"] for m in [rx.search(text)] if m), None)
            if hit and not any(rx.search(text) for rx in rule["_then"]):
                findings.append(_finding(rule, doc, profile, _unit_at(units, hit.start()), sec_key,
                                         span=hit.span(), evidence=hit.group(0)))
        elif check == "present":
            for rx in rule["_any"]:
                for m in rx.finditer(text):
                    sent = _sentence(text, m.start(), m.end())
                    if any(u.search(sent) for u in rule.get("_unless") or []):
                        continue
                    findings.append(_finding(rule, doc, profile, _unit_at(units, m.start()), sec_key,
                                             span=m.span(), evidence=m.group(0)))
        elif check == "elements":
            st = by_key.get(sec_key)
            if st and st.status == "partial":
                findings.append(_finding(rule, doc, profile, anchor, sec_key,
                                         message=f"{rule['message'].strip()}缺少：{'；'.join(st.missing_elements)}。"))
        else:  # a developer error in clause_library/kinds/*.yaml, caught by tests
            raise ValueError(f"unknown check {check!r} in rule {rule['id']}")
    findings.sort(key=lambda f: (_SEVERITY_ORDER[f.severity], f.span[0] if f.span else -1, f.rule))
    return findings


def _unit_at(units: list[Clause], offset: int) -> Clause | None:
    return next((u for u in units if u.span[0] <= offset < u.span[1]), None)


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind(ch, 0, start) for ch in "。；\n")
    b = min([i for i in (text.find(ch, end) for ch in "。；\n") if i >= 0] or [len(text)])
    return text[a + 1:b]
