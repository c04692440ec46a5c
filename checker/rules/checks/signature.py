"""Signature-block checks: seal and signer lines, an 授权委托书 when an agent signs
(闽科政〔2009〕46号 附件1 六), and an effect clause that the signature block can actually satisfy
(民法典 第四百九十条、第五百零二条; 合同编通则解释 第二十二条)."""
from __future__ import annotations

import re

from checker.facts.party_texts import signature_region
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl

SEAL = re.compile(r"盖章|公章|印章|签章|盖印|[（(]章[)）]|合同专用章")
SIGNER = re.compile(r"法定代表人|法人代表|授权代表|委托代理人|代理人|负责人|签字|签名|签署人")
AGENT = re.compile(r"授权代表|委托代理人|代理人|授权委托人|被授权人")
# "法定代表人或授权代表（签字）" is a form offering both; only a line reserved for an agent
# (or an agent's name filled in) shows that an agent actually signs.
AGENT_ONLY = re.compile(r"(?<!或)(?<!或者)(?<!或其)(?:授权代表|委托代理人|代理人|授权委托人|被授权人)")
POWER = re.compile(r"授权委托书|授权书|委托书")


def _first(clause, rx):
    m = rx.search(clause.text)
    return (clause.span[0] + m.start(), clause.span[0] + m.end()) if m else (clause.span[0], clause.span[0] + min(10, len(clause.text)))


@rule_impl("SIGNATURE_FORMALITY")
def formality(ctx, rule):
    clauses = ctx.in_section("signature")
    if not clauses:
        return                      # SECTION_MISSING reports an absent signature block
    text = "\n".join(c.text for c in clauses)
    first = clauses[0]
    ev = first.text.strip()[:120]
    if not SEAL.search(text):
        yield Hit(clause=first, span=_first(first, re.compile(r".")), evidence=ev,
                  message="签章部分没有单位盖章的位置。各成员应加盖单位公章，请为每一方设“（盖章）”栏，并与序文列明的单位全称一致。")
    if not SIGNER.search(text):
        yield Hit(clause=first, span=_first(first, re.compile(r".")), evidence=ev,
                  message="签章部分没有法定代表人或授权代表签字的位置。请为每一方设“法定代表人或授权代表（签字）”栏和签署日期。")
    agent = AGENT_ONLY.search(text)
    if agent and not POWER.search(ctx.text):
        yield Hit(clause=first, span=_first(first, AGENT_ONLY), evidence=ev,
                  message="签章部分允许授权代表（委托代理人）签字，但协议没有提到授权委托书。由授权代表签署的，"
                          "须附法定代表人出具的授权委托书，请在签章处或附件中写明。")


_BOTH = re.compile(r"签字(?:并|及|和|、)(?:加)?盖(?:单位)?(?:公)?章|签署并加盖|签章并|盖章并签字|盖章(?:并|及|和|、)签字|签字盖章")
_SEAL_ONLY = re.compile(r"(?<!签字并)(?<!签字及)(?<!签字和)(?:加)?盖(?:单位)?(?:公)?章(?:后|之日起)生效")
_ALL = re.compile(r"(?:全部|全体|所有)(?:成员|成员单位|缔约方|协议方)[^。；]{0,16}(?:签署|签字|盖章|签订)[^。；]{0,8}(?:后|之日起)[^。；]{0,4}生效")
_ROLLING = re.compile(r"新成员|新加入|吸收[^。；]{0,6}成员|申请加入|加入联盟")
_ROLLING_OK = re.compile(r"新(?:加入的?)?成员[^。；]{0,30}(?:签署|签订|加入)[^。；]{0,12}(?:之日|后)[^。；]{0,10}(?:生效|约束|起)")
_APPROVAL = re.compile(r"经[^。；，]{0,14}(?:批准|备案|审批|认定|审核)(?:后|之日起)[^。；]{0,4}生效")
_LEGAL_BASIS = re.compile(r"依法|法律|法规|依照[^。；]{0,10}规定|按照[^。；]{0,10}规定")


@rule_impl("SIGNATURE_EFFECT_MISMATCH")
def effect_mismatch(ctx, rule):
    sig = "\n".join(t for t, _ in signature_region(ctx.document, ctx.units))
    for clause in ctx.in_section("effect_amendment"):
        for s in ctx.sentences(clause):
            m = _BOTH.search(s.text)
            if sig and m and not (SEAL.search(sig) and SIGNER.search(sig)):
                lack = "盖章栏" if not SEAL.search(sig) else "签字栏"
                yield Hit(clause=clause, span=(s.start + m.start(), s.start + m.end()), evidence=s.text.strip(),
                          message=f"生效条款要求“签字并盖章”，但签章部分没有{lack}，协议可能因生效条件未成就而被认为未生效。"
                                  "请让签章部分与生效条款一致：每一方设盖章栏和法定代表人或授权代表签字栏。")
                continue
            m = _SEAL_ONLY.search(s.text)
            if sig and m and not SEAL.search(sig):
                yield Hit(clause=clause, span=(s.start + m.start(), s.start + m.end()), evidence=s.text.strip(),
                          message="生效条款以盖章为生效条件，但签章部分没有盖章栏。请补设各方盖章栏。")
                continue
            m = _ALL.search(s.text)
            if m and _ROLLING.search(ctx.text) and not _ROLLING_OK.search(ctx.text):
                yield Hit(clause=clause, span=(s.start + m.start(), s.start + m.end()), evidence=s.text.strip(),
                          message="协议约定全体成员签署后才生效，而联盟允许新成员陆续加入，生效时间会不断推后或无法确定。"
                                  "请改为对每一成员自其签署之日起生效，并写明新成员签署加入协议后受本协议约束。")
                continue
            m = _APPROVAL.search(s.text)
            if m and not _LEGAL_BASIS.search(s.text):
                yield Hit(clause=clause, span=(s.start + m.start(), s.start + m.end()), evidence=s.text.strip(),
                          message="协议以某机关批准或备案为生效条件，但法律、行政法规并未要求联盟协议审批；科技厅认定或备案不是合同生效要件，"
                                  "这样约定会使协议长期处于未生效状态。请改为签署后生效，认定、备案另行办理。")
