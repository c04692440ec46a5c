"""Behaviour of the 国科发政〔2008〕770号 八 rules beyond their YAML examples: several sections at
once, negations, no parties, and which profiles each policy rule reaches."""
from __future__ import annotations

from checker.model import Block, Clause, Document
from checker.rules.profiles import PROFILE_KEYS, load_profile
from checker.rules.context import ReviewContext
from checker.rules.loader import all_rules, rules_by_id, rules_for
from checker.rules.runner import run_rules


def run(rule_id: str, parts: list[tuple[str, str]], profile: str = "fujian"):
    """Run one rule over clauses given as (section, text)."""
    text, clauses, pos = "", [], 0
    for i, (sec, t) in enumerate(parts):
        clauses.append(Clause(id=f"c{i}", kind="article", number=None, heading=None, text=t,
                              span=(pos, pos + len(t)), section=sec, confidence=1.0))
        text += t + "\n"
        pos = len(text)
    doc = Document(name="t.txt", format="text", text=text, blocks=[Block(text=text, start=0)])
    ctx = ReviewContext(document=doc, units=clauses, clauses=clauses, profile=load_profile(profile))
    return run_rules(ctx, [rules_by_id()[rule_id]])


POLICY_FILES = {f"policy_{p}.yaml" for p in PROFILE_KEYS}


def test_national_policy_rules_reach_every_profile_and_province_rules_only_their_own():
    policy = [r for r in all_rules() if r.source_file in POLICY_FILES]
    assert len(policy) >= 45
    for key in PROFILE_KEYS:
        ids = {r.id for r in rules_for(load_profile(key))}
        for r in policy:
            assert (r.id in ids) == (r.profiles == ["national"] or key in r.profiles), (key, r.id)


def test_every_policy_rule_cites_a_policy_document():
    for r in all_rules():
        if r.source_file in POLICY_FILES:
            assert any(k in r.citation for k in ("NAT770", "FJ46", "HN106", "TJ8", "SC ")), r.id


def test_composition_quiet_without_parties_and_names_types_when_firing():
    assert run("MEMBER_COMPOSITION_INCOMPLETE", [("parties", "各方基本信息见附件名单。")]) == []
    found = run("MEMBER_COMPOSITION_INCOMPLETE", [("parties", "甲方：福州闽江精密机械股份有限公司\n住所地：福州市仓山区建新路12号\n"
                                                          "法定代表人：林某\n乙方：厦门海湾电子有限公司\n住所地：厦门市湖里区华光路3号\n法定代表人：陈某")])
    assert len(found) == 1
    assert "没有大学或科研机构" in found[0].message and "（企业）" in found[0].message
    # Under fujian the province's own document comes first, then the national one (issue 12 §5).
    assert found[0].citation == "闽科政〔2009〕46号 三.1；国科发政〔2008〕770号 八(一)"


def test_full_time_staff_negation():
    assert run("EXECUTIVE_STAFF_MISSING", [("organization", "秘书处配备不少于两名专职工作人员。")]) == []
    assert run("EXECUTIVE_STAFF_MISSING", [("organization", "秘书处不配备专职人员，由成员单位人员兼任。")])


def test_requirements_may_be_met_in_a_neighbouring_section():
    # The diffusion duty is often written in 项目管理 rather than 知识产权.
    parts = [("ip_benefits", "联盟项目产生的新知识产权归完成方所有。"),
             ("projects", "承担政府资助项目形成的成果，联盟有义务向联盟外扩散。")]
    assert run("RESULTS_DIFFUSION_DUTY_MISSING", parts) == []
    assert run("RESULTS_DIFFUSION_DUTY_MISSING", parts[:1])


def test_require_rules_stay_quiet_when_the_section_is_absent():
    # SECTION_MISSING reports an absent section once; element rules must not pile on.
    parts = [("organization", "联盟设理事会、专家委员会和秘书处。")]
    for rid in ("FUNDS_SOURCE_MISSING", "IP_OWNERSHIP_NOT_AGREED", "BREACH_CONSEQUENCES_UNSPECIFIED",
                "RESULTS_DIFFUSION_DUTY_MISSING", "NEW_MEMBER_ADMISSION_MISSING"):
        assert run(rid, parts) == [], rid


def test_seal_only_effect_clause_fires_but_signature_with_seal_does_not():
    assert run("EFFECT_NOT_TIED_TO_LEGAL_REP_SIGNATURE", [("effect_amendment", "本协议自各方盖章之日起生效。")])
    assert run("EFFECT_NOT_TIED_TO_LEGAL_REP_SIGNATURE",
               [("effect_amendment", "本协议自各方签字并盖章之日起生效。")]) == []
