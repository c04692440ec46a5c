"""Policy rules of 国科发政〔2008〕770号 八、(一)–(六) that need code, plus helpers the
province modules (policy_fujian/hunan/tianjin/sichuan) share.

Rules that a regular expression settles are ``require``/``pattern`` rules in
clause_library/rules/policy_*.yaml; only what needs parties, several sections or a
negation test lives here.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from checker.model import Clause
from checker.rules.context import ReviewContext
from checker.rules.envelope import Hit, Rule
from checker.rules.provision import provides
from checker.rules.registry import rule_impl

# Organisation suffixes that end a unit's full name (企业、高校、科研院所及其他组织).
ORG_SUFFIX = r"(?:公司|集团|大学|学院|研究院|研究所|研究中心|中心|科学院|协会|学会|医院|联合会|实验室)"
# "无偿""无论""非常""不少于""不低于""不超过""不限于""不仅" are not negations.
NEGATION = re.compile(r"(不(?![少低超限仅])|未|无(?![偿论])|非(?!常)|没有|免于)[^，。；]{0,6}$")


# --- helpers shared by the province modules -------------------------------------------------

def parties_of(ctx: ReviewContext) -> list:
    """The parties found by checker.facts.parties; [] when extraction is unavailable or failed."""
    try:
        return list(ctx.parties or [])
    except (ImportError, AttributeError):
        return []


def member_type(party) -> str:
    return (getattr(party, "member_type", None) or "other").lower()


def anchor(ctx: ReviewContext, *keys: str) -> Clause | None:
    """The first clause of the first of ``keys`` that is present, else the first unit."""
    for k in keys:
        found = ctx.in_section(k)
        if found:
            return found[0]
    return ctx.units[0] if ctx.units else None


def hit_at(clause: Clause | None, message: str | None = None, evidence: str | None = None,
           span: tuple[int, int] | None = None, severity: str | None = None) -> Hit:
    """A hit on a whole clause (the usual anchor of a missing-element finding)."""
    if clause is None:
        return Hit(message=message, evidence=evidence or "", severity=severity)
    return Hit(clause=clause, span=span or clause.span, evidence=evidence or clause.text[:80].strip(),
               message=message, severity=severity)


def text_of(ctx: ReviewContext, keys: Iterable[str]) -> str:
    seen, parts = set(), []
    for k in keys:
        for c in ctx.in_section(k):
            if c.id not in seen:
                seen.add(c.id)
                parts.append(c.text)
    return "\n".join(parts)


def sentences_of(ctx: ReviewContext, keys: Iterable[str]):
    seen = set()
    for k in keys:
        for c in ctx.in_section(k):
            if c.id in seen:
                continue
            seen.add(c.id)
            yield from ctx.sentences(c)


def is_negated(text: str, pos: int) -> bool:
    """True when the words just before ``pos`` negate what follows (不承担、未约定 …)."""
    return bool(NEGATION.search(text[max(0, pos - 10):pos]))


def missing_elements(text: str, elements: list[dict]) -> list[str]:
    """Names of ``elements`` ({name, any: [regex]}) that ``text`` does not contain."""
    return [e["name"] for e in elements if not any(re.search(p, text) for p in e["any"])]


def find_span(ctx: ReviewContext, needle: str, default: tuple[int, int] | None) -> tuple[int, int] | None:
    i = ctx.text.find(needle) if needle else -1
    return (i, i + len(needle)) if i >= 0 else default


# --- 770 八（一）：多个独立法人，含企业及大学或科研机构 -------------------------------------------

@rule_impl("MEMBER_COMPOSITION_INCOMPLETE")
def member_composition(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    parties = parties_of(ctx)
    if not parties:
        return  # nothing extracted: PARTY_INFO_INCOMPLETE / SECTION_MISSING speak for the preamble
    types = [member_type(p) for p in parties]
    problems = []
    if len(parties) < 2:
        problems.append(f"只识别到 {len(parties)} 家缔约方，联盟须由多个独立法人组成")
    if "enterprise" not in types:
        problems.append("缔约方中没有企业")
    if not {"university", "institute"} & set(types):
        problems.append("缔约方中没有大学或科研机构")
    if problems:
        names = "、".join(f"{p.name}（{_TYPE_ZH.get(t, '其他')}）" for p, t in zip(parties, types))
        yield hit_at(anchor(ctx, "parties"), message=f"联盟成员构成不符合要求：{'；'.join(problems)}。识别到的缔约方：{names}。",
                     evidence=names[:120])


_TYPE_ZH = {"enterprise": "企业", "university": "大学", "institute": "科研机构", "other": "其他"}

# Units that are normally not legal persons of their own (分支机构、内设机构).
SUBUNIT = re.compile(r"(分公司|分厂|办事处|课题组|研究室|事业部|(?<!重点)实验室$|大学.{1,12}(学院|系)$)")
_PARTY_LINE = re.compile(r"^\s*(?:[甲乙丙丁戊己庚辛壬癸]方|成员单位\s*\d*|\d{1,2}\s*[.、．])[^:：\n]{0,12}[:：]\s*"
                         r"(?P<name>[^\s，,。；;（(]{4,40})", re.M)


@rule_impl("PARTY_NOT_INDEPENDENT_LEGAL_PERSON")
def party_not_legal_person(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    names = [p.name for p in parties_of(ctx) if getattr(p, "name", None)]
    if not names:
        names = [m.group("name") for m in _PARTY_LINE.finditer(text_of(ctx, ["parties"]))]
    clause = anchor(ctx, "parties")
    for name in dict.fromkeys(names):
        m = SUBUNIT.search(name)
        if m:
            yield hit_at(clause, span=find_span(ctx, name, clause.span if clause else None), evidence=name,
                         message=f"缔约方“{name}”看来是分支机构或内设机构（“{m.group(1)}”），通常不具有独立法人资格；"
                                 "请核实，或改由其所属法人单位作为缔约方签署。")


# --- 770 八（二）：协议由成员单位法定代表人共同签署生效 ---------------------------------------------

_EFFECT = re.compile(r"生效")
_SEAL_ONLY = re.compile(r"(加盖|盖)(公章|印章|合同专用章|单位章)?|公章")
_SIGNED = re.compile(r"签字|签署|签名|签章|法定代表人|授权代表|委托代理人")
_WRONG_SIGNER = re.compile(r"(经办人|联系人|项目负责人|工作人员|秘书长)[^，。；]{0,6}(签字|签署|签名)")


@rule_impl("EFFECT_NOT_TIED_TO_LEGAL_REP_SIGNATURE")
def effect_without_legal_rep(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    for s in sentences_of(ctx, ["effect_amendment"]):
        if not _EFFECT.search(s.text) or re.search(r"法定代表人|授权代表|委托代理人|授权委托", s.text):
            continue
        m = _WRONG_SIGNER.search(s.text)
        if m is None and _SEAL_ONLY.search(s.text) and not _SIGNED.search(s.text):
            m = _SEAL_ONLY.search(s.text)
        if m:
            yield Hit(clause=s.clause, span=(s.start + m.start(), s.start + m.end()), evidence=s.text.strip())


def affirmed(ctx: ReviewContext, keys: Iterable[str], rx: re.Pattern) -> bool:
    """True when some sentence of ``keys`` provides ``rx``: not negated, conditional, deferred without
    saying where, or named as an expulsion ground (checker/rules/provision.py)."""
    for s in sentences_of(ctx, keys):
        for m in rx.finditer(s.text):
            if not is_negated(s.text, m.start()) and provides(s.text, m.start(), m.end()):
                return True
    return False


def require_affirmed(ctx: ReviewContext, keys: list[str], rx: re.Pattern) -> Iterator[Hit]:
    """One hit on the first clause of ``keys`` when none of them states ``rx`` affirmatively;
    nothing when none of the sections is present (SECTION_MISSING reports that)."""
    if not any(ctx.in_section(k) for k in keys):
        return
    if not affirmed(ctx, keys, rx):
        yield hit_at(anchor(ctx, *keys))


# --- 770 八（三）：执行机构配备专职人员 ----------------------------------------------------------------
_STAFF = re.compile(r"专职(人员|工作人员|秘书|岗位|员工)|全职(人员|工作人员)")


@rule_impl("EXECUTIVE_STAFF_MISSING")
def executive_staff(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    yield from require_affirmed(ctx, ["organization"], _STAFF)


# --- 770 八（六）：政府资助项目成果向联盟外扩散的义务 ----------------------------------------------------
_DIFFUSION = re.compile(r"扩散|向联盟外.{0,10}(推广|许可|转让|转移)|联盟外.{0,10}(推广|许可)")


@rule_impl("RESULTS_DIFFUSION_DUTY_MISSING")
def results_diffusion(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    # "不得向联盟外扩散" is the opposite of the duty, so a negated mention does not count.
    yield from require_affirmed(ctx, ["ip_benefits", "projects", "goals_tasks"], _DIFFUSION)
