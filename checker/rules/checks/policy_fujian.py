"""Fujian policy rules that need code: 闽科政〔2009〕46号 三.1 (alliance name format) and
附件1 四.4 / 四.5 / 五 / 六 (new members' contract relation, members' contributions, attachments'
formal effect, agent signatures). Regex-only requirements are ``require`` rules in
clause_library/rules/policy_fujian.yaml."""
from __future__ import annotations

import re
from typing import Iterator

from checker.rules.checks.policy import anchor, find_span, hit_at, sentences_of, text_of
from checker.rules.context import ReviewContext
from checker.rules.envelope import Hit, Rule
from checker.rules.registry import rule_impl

# 三.1: 名称由“技术领域(项目)”“产业类别”和“技术创新战略联盟”组成。
_NAME_END = re.compile(r".{2,}技术创新战略联盟$")
_NAME_IN_TITLE = re.compile(r"^\s*[*＊]*\s*(?P<n>[^\s*＊]{2,60}?联盟)(?:协议书|合作协议书?|组建协议书?|框架协议|协议|章程)\s*[*＊]*\s*$", re.M)


def _alliance_names(ctx: ReviewContext) -> list[str]:
    names = []
    try:
        from checker.facts.parties import alliance_name

        n = alliance_name(ctx.document, ctx.units)
        if n:
            names.append(n)
    except ImportError:
        pass
    head = text_of(ctx, ["title"]) or ctx.text[:200]
    names += [m.group("n") for m in _NAME_IN_TITLE.finditer(head)]
    return list(dict.fromkeys(n.strip(" “”\"《》") for n in names))


@rule_impl("ALLIANCE_NAME_FORMAT_NONSTANDARD")
def alliance_name_format(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    for name in _alliance_names(ctx):
        if not _NAME_END.match(name):
            clause = anchor(ctx, "name_principles", "title")
            yield hit_at(clause, span=find_span(ctx, name, clause.span if clause else None), evidence=name,
                         message=f"联盟名称“{name}”不符合“技术领域（项目）+产业类别+技术创新战略联盟”的命名格式，"
                                 "应以“技术创新战略联盟”（通常为“产业技术创新战略联盟”）结尾。")
            return


# 五：各附件应具备生效的形式要件（相关方签署，或按协议规定的程序如理事会决议通过）。
_ATTACH = re.compile(r"附件|附表|附录")
_LATER = re.compile(r"(?:另行|今后|日后|后续|陆续|适时|逐步)[^。；]{0,8}(?:制定|制订|拟定|起草|补充)[^。；]{0,30}附件|"
                    r"附件[^。；]{0,20}(?:另行|今后|日后|后续|陆续|适时)[^。；]{0,6}(?:制定|制订|拟定|补充)")
_INTEGRAL = re.compile(r"(?:不可分割的|有机)?组成部分|同等(?:的)?(?:法律)?效力")
_ATTACH_EFFECT = re.compile(r"(理事会|成员大会|全体成员|各方).{0,14}(审议|表决|决议|通过|批准|确认)|"
                            r"(签署|签字|签章|盖章).{0,12}(生效|有效)|生效|施行")


@rule_impl("ATTACHMENT_WITHOUT_EFFECT_PROCEDURE")
def attachment_effect(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    in_section = list(sentences_of(ctx, ["attachments"]))
    elsewhere = [s for s in ctx.section_sentences("effect_amendment") if _ATTACH.search(s.text)]
    elsewhere += [s for s in sentences_of(ctx, ["other_matters", "signature"]) if _ATTACH.search(s.text)]
    pool = in_section + elsewhere
    if not in_section and not elsewhere:
        return  # the agreement has no attachments (附件部分可省略)
    if any(_ATTACH_EFFECT.search(s.text) for s in pool):
        return
    # Attachments adopted later (理事会另行制定的办法) need an adoption procedure: the real gap.
    later = next((s for s in pool if _LATER.search(s.text)), None)
    if later:
        yield Hit(clause=later.clause, span=(later.start, later.end), evidence=later.text.strip())
        return
    # Annexed at signing and declared part of the agreement: effective with it (民法典 第四百九十条).
    if any(_INTEGRAL.search(s.text) for s in pool):
        return
    first = pool[0]
    yield Hit(clause=first.clause, span=(first.start, first.end), evidence=first.text.strip(), severity="info",
              message="协议列有附件，但没有写明附件是协议的组成部分或附件如何生效。签约时附在协议后的附件建议写明“与本协议具有同等效力”，"
                      "日后制定的附件写明由理事会决议通过等程序。")


# 六：由授权委托人签署的，须附法定代表人出具的授权委托书。
_AGENT = re.compile(r"授权代表|委托代理人|授权代理人|被授权人|代理人")
_POA = re.compile(r"授权委托书|授权书|委托书")


@rule_impl("AGENT_SIGNING_WITHOUT_POWER_OF_ATTORNEY")
def agent_without_poa(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    if _POA.search(ctx.text):
        return
    for s in sentences_of(ctx, ["signature", "effect_amendment"]):
        m = _AGENT.search(s.text)
        if m:
            yield Hit(clause=s.clause, span=(s.start + m.start(), s.start + m.end()), evidence=s.text.strip())
            return


# 四.4：明确新加入成员与原有成员之间契约关系的建立方式。
_ADMISSION = re.compile(r"加入|新成员|吸收|吸纳|入盟")
_CONTRACT_RELATION = re.compile(
    r"(代表联盟|代表全体成员|代表各方).{0,20}(签订|签署)|(加入|入盟)(联盟)?(的)?(协议|合同)|"
    r"(签署|签订|加签|书面(承诺|确认)(遵守|接受)?)本协议|视为.{0,20}(契约关系|本协议(的)?(一方|当事人|缔约方))|"
    r"成为本协议(的)?(一方|缔约方|当事人)")


@rule_impl("NEW_MEMBER_CONTRACT_RELATION_UNDEFINED")
def new_member_contract(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    text = text_of(ctx, ["members"])
    if not text or not _ADMISSION.search(text):
        return  # no admission at all: NEW_MEMBER_ADMISSION_MISSING reports that
    if _CONTRACT_RELATION.search(text):
        return
    for s in sentences_of(ctx, ["members"]):
        m = _ADMISSION.search(s.text)
        if m:
            yield Hit(clause=s.clause, span=(s.start + m.start(), s.start + m.end()), evidence=s.text.strip())
            return


# 四.5：对联盟成员投入部分，需约定投入的方式和比例。
_MEMBER_INPUT = re.compile(r"成员.{0,8}(投入|出资|缴纳|缴付)")
_INPUT_TERMS = re.compile(r"方式|比例|金额|数额|万元|元/年|标准|按.{0,10}(预算|计划|任务)")


@rule_impl("MEMBER_CONTRIBUTION_UNSPECIFIED")
def member_contribution(ctx: ReviewContext, rule: Rule) -> Iterator[Hit]:
    text = text_of(ctx, ["funds"])
    if not _MEMBER_INPUT.search(text) or _INPUT_TERMS.search(text):
        return
    for s in sentences_of(ctx, ["funds"]):
        m = _MEMBER_INPUT.search(s.text)
        if m:
            yield Hit(clause=s.clause, span=(s.start + m.start(), s.start + m.end()), evidence=s.text.strip())
            return
