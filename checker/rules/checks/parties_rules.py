"""Party checks: each party's full name, 住所地 and 法定代表人 (闽科政〔2009〕46号 附件1 二.1), and the
same name in preamble, member list and signature block (附件1 二.1: "与协议结尾部分加盖印章一致")."""
from __future__ import annotations

import re

from checker.facts.party_names import normalize, same_party, similarity
from checker.facts.party_texts import member_list_names, signature_names
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl

_PLACEHOLDER = re.compile(r"【|\{")
_BRANCH = re.compile(r"分公司|分院|分校|分所|分中心|办事处|分部|分厂|分行|分会")
_ORG_HEAD = re.compile(r"(公司|集团|厂|企业|合作社|大学|学院|学校|研究院|研究所|科学院|中心|实验室|协会|学会|联合会|促进会|"
                       r"商会|医院|银行|基金会|委员会|局|站|院|所)$")


def _clause_at(ctx, offset):
    for c in ctx.units:
        if c.span[0] <= offset < c.span[1]:
            return c
    return None


def _finding(ctx, span, evidence, message):
    return Hit(clause=_clause_at(ctx, span[0]) if span else None, span=span, evidence=evidence,
               message=message, section="parties")


@rule_impl("PARTY_INFO_INCOMPLETE")
def info_incomplete(ctx, rule):
    if not ctx.in_section("parties") or ctx.kind == "charter":
        return    # no preamble: SECTION_MISSING reports it; a charter names its founding units, without 住所 (附件1 二.1)
    for p in ctx.parties:
        label = p.name or p.role or "某一缔约方"
        missing, notes = [], []
        if not p.name or (not _PLACEHOLDER.search(p.name) and not _ORG_HEAD.search(normalize(p.name))):
            missing.append("单位全称")
        if not p.domicile:
            missing.append("住所地")
        if not p.legal_rep:
            missing.append("法定代表人")
        elif p.rep_label == "负责人" and not _BRANCH.search(p.name or ""):
            notes.append("只写了“负责人”：法人单位应写明现任法定代表人；如确为非法人分支机构，应核实其签约授权")
        if not missing and not notes:
            continue
        parts = []
        if missing:
            parts.append("缺少" + "、".join(missing))
        parts += notes
        span = p.name_span or p.span
        yield _finding(ctx, span, ctx.text[p.span[0]:p.span[1]].strip() if p.span else label,
                       f"缔约方“{label}”的基本信息不完整：{'；'.join(parts)}。请按营业执照或法人证书写明单位全称、"
                       "住所地和现任法定代表人。")


def _resolve(name, parties):
    """(party, verdict) for a written name: role and defined 简称 count as the same party."""
    for p in parties:
        if name == p.role or normalize(name) in {normalize(a) for a in p.aliases}:
            return p, "alias", 100.0
    best, verdict, score = None, "different", -1.0
    for p in parties:
        v = same_party(p.name, name, p.aliases)
        s = 100.0 if v == "same" else (90.0 if v == "abbrev" else similarity(p.name, name))
        if s > score:
            best, verdict, score = p, v, s
    return best, (verdict if score >= 0 else "different"), score


def _compare(ctx, where, names, parties):
    for name, span in names:
        if _PLACEHOLDER.search(name):
            continue
        p, verdict, score = _resolve(name, parties)
        if p is not None and verdict in ("alias", "same"):
            continue
        elif p is not None and verdict == "abbrev":
            yield _finding(ctx, span, name, f"{where}写的“{name}”与序文中的全称“{p.name}”不完全一致（省略了字号以外的部分或使用了简称）。"
                                            "签章处应使用与公章一致的单位全称。")
        elif p is not None and score >= 60:
            yield _finding(ctx, span, name, f"{where}写的“{name}”与序文中的“{p.name}”名称不一致，可能不是同一单位或有错字。"
                                            "请核对营业执照或法人证书，统一使用与公章一致的全称。")
        else:
            yield _finding(ctx, span, name, f"{where}出现的“{name}”在序文列明的缔约方中找不到对应单位。"
                                            "请在序文补列该单位的名称、住所地和法定代表人，或删去多余的签章栏。")


@rule_impl("PARTY_NAME_MISMATCH")
def name_mismatch(ctx, rule):
    parties = [p for p in ctx.parties if p.name and not _PLACEHOLDER.search(p.name)]
    if not parties:
        return
    for where, names in (("签章处", signature_names(ctx.document, ctx.units)),
                         ("成员单位名单", member_list_names(ctx.document, ctx.units))):
        if not names:
            continue
        if ctx.kind == "charter" and len({normalize(n) for n, _ in names}) < len(parties):
            # a charter's signature often names only some units or all in short ("……等十家单位"): its names
            # are compared with the founding units only when it lists every unit (附件1 二.1 applies to the
            # list as written, not to a collective signature)
            continue
        hits = list(_compare(ctx, where, names, parties))
        matched = _matched(names, parties)
        written = [n for n, _ in names if not _PLACEHOLDER.search(n)]
        if _misread(len(parties), len(matched)) or _misread_preamble(written, parties):
            continue
        yield from hits
        for p in parties:
            if id(p) not in matched:
                yield _finding(ctx, p.name_span or p.span, p.name,
                               f"序文列明的缔约方“{p.name}”没有出现在{where}。请补上该单位的{where}（盖章及签字栏），"
                               "或核对该单位是否实际参加本协议。")


def _matched(names, parties) -> set[int]:
    """ids of the parties that some written name stands for (the same name, a 简称, or a near spelling)."""
    out: set[int] = set()
    for name, _ in names:
        if _PLACEHOLDER.search(name):
            continue
        p, verdict, score = _resolve(name, parties)
        if p is not None and (verdict in ("alias", "same", "abbrev") or score >= 60):
            out.add(id(p))
    return out


def _misread(n_parties: int, n_matched: int) -> bool:
    """True when (nearly) no party of three or more is found in a block that names units: drafters copy the
    names from the preamble into the signature block, so a real difference concerns one or two units; a block
    in which at most a quarter agree was read wrongly (names spaced out, split, run together), and reporting
    every unit would only bury the review. A block that agrees for most units is still compared unit by unit,
    so a single typo or a dropped 有限公司 is reported (闽科政〔2009〕46号 附件1 二.1)."""
    return n_parties >= 3 and n_matched <= n_parties // 4


def _misread_preamble(written: list[str], parties) -> bool:
    """The other side of the same safeguard: a block naming three or more units of which at most a third are
    among the (fewer) parties read from the preamble — the preamble's party list was not read in full, and
    its units are not "missing" from it."""
    if len(written) < 3 or len(parties) >= len(written):
        return False
    found = sum(1 for n in written if _matched([(n, None)], parties))
    return found <= len(written) // 3

