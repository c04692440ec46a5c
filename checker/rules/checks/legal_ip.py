"""Intellectual-property checks beyond the seeds: co-ownership without rules, the statutory defaults
of 民法典 第八百六十条、第八百六十一条, government-funded results, funder-only members, and the pricing
procedure of state universities and institutes (促进科技成果转化法 第十八条).
"""
from __future__ import annotations

import re

from checker.rules.checks.legal_common import all_sentences, full_text, negated, scope, span_of
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl

_IP_SECTIONS = ["ip_benefits"]

# --- IP_COOWNED_NO_RULES ------------------------------------------------------------------------
_COOWN = re.compile(r"共有|共同(所有|享有|拥有)|按[^。；]{0,8}比例(享有|共有|拥有)")
_NEW_IP = re.compile(r"成果|知识产权|专利|技术秘密|新技术")
_NOT_NEW = re.compile(r"使用权|现有知识产权|背景知识产权|原有知识产权|加入(联盟)?前|报告|数据|著作权|版权")
_ELEMENTS = {
    "自行实施": re.compile(r"(自行|各自|单独)(实施|使用)|实施(权|方式)|使用(规则|方式)"),
    "对外许可（尤其独占或排他许可）": re.compile(r"许可"),
    "转让": re.compile(r"转让"),
    "申请和维持费用": re.compile(r"费用|年费|维持费|申请费|代理费"),
    "收益分配": re.compile(r"收益|收入|分配|分成"),
}
_LATER_CONTRACT = re.compile(r"另行(签订|订立|约定|协商)[^。；]{0,16}(协议|合同)")
_IP_RULES_DOC = re.compile(r"知识产权管理办法")


@rule_impl("IP_COOWNED_NO_RULES")
def ip_coowned(ctx, rule):
    clauses = scope(ctx, _IP_SECTIONS)
    hit = None
    for clause in clauses:
        for sent in ctx.sentences(clause):
            m = _COOWN.search(sent.text)
            if m and _NEW_IP.search(sent.text) and not _NOT_NEW.search(sent.text) \
                    and not negated(sent.text, m.start(), 6):
                hit = (sent, m)
                break
        if hit:
            break
    if not hit:
        return
    text = "\n".join(c.text for c in clauses)
    # An adopted 《联盟知识产权管理办法》 (the seed's own option, 闽科政〔2009〕46号 附件1 四.7) holds the rules.
    if _IP_RULES_DOC.search(full_text(ctx)):
        return
    missing = [name for name, rx in _ELEMENTS.items() if not rx.search(text)]
    if len(missing) < 2:
        return
    sent, m = hit
    later = _LATER_CONTRACT.search(text)
    yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=sent.text.strip(),
              severity="info" if later else None,
              message=f"约定了新成果或知识产权共有，但未约定共有人如何行使权利，缺少：{'、'.join(missing)}。"
                      f"按民法典 第八百六十条和专利法 第十四条的默认规则，共有人可各自实施或普通许可，其他处分须全体同意。")


# --- IP_STATUTORY_DEFAULT_GAP -------------------------------------------------------------------
_FILING = re.compile(r"(专利)?申请(权)?[^。；]{0,6}由[^。；]{0,16}(提出|申请|负责|办理|决定)|"
                     r"由[^。；]{0,16}(负责|统一|决定)?(提出|办理)?(专利)?申请|专利申请[^。；]{0,12}(由|经)[^。；]{0,12}(决定|同意|批准)|"
                     r"放弃(专利)?申请|申请专利的权利")
_OWNER_ASSIGNED = re.compile(r"归[^。；，]{0,16}(所有|享有)|(属于|归属于?)[^。；，]{0,12}(完成方|研发方|承担方|单位)")
_SECRET = re.compile(r"(技术秘密|非专利技术|专有技术|技术诀窍)[^。；]{0,30}(使用|转让|许可|实施)|"
                     r"(使用|转让|许可|实施)[^。；]{0,20}(技术秘密|非专利技术|专有技术)")
_IP_CONTENT = re.compile(r"知识产权|专利|成果")


@rule_impl("IP_STATUTORY_DEFAULT_GAP")
def ip_default_gap(ctx, rule):
    clauses = scope(ctx, _IP_SECTIONS)
    if not clauses:
        return
    text = "\n".join(c.text for c in clauses)
    if not _IP_CONTENT.search(text):
        return
    gaps = []
    coowned = _COOWN.search(text)
    if not _FILING.search(text) and (coowned or not _OWNER_ASSIGNED.search(text)):
        gaps.append("由谁申请专利、一方放弃或不同意申请时如何处理（民法典 第八百六十条：任何一方不同意即不得申请）")
    if not _SECRET.search(text):
        gaps.append("技术秘密成果的使用和转让（民法典 第八百六十一条：未约定时各方均可使用和转让）")
    if gaps:
        first = clauses[0]
        # Ownership left to later project agreements: the gap can still be closed there → a note.
        deferred = re.search(r"项目(协议|合同|任务书)[^。；]{0,12}约定|另行(签订|订立|约定)", text)
        yield Hit(clause=first, span=first.span, evidence=first.text.strip()[:120],
                  severity="info" if deferred else None,
                  message="知识产权条款未处理法定默认规则：" + "；".join(gaps) + "。")


# --- GOV_IP_EXCLUSIVITY -------------------------------------------------------------------------
_GOV = re.compile(r"政府资助|财政(性)?(资金|资助|拨款|经费)|国家(科技计划|重点研发计划|科技重大专项)|"
                  r"省(级)?科技计划|(政府|国家|省|市)(科技)?计划项目")
_EXCL = re.compile(r"仅限(于)?(联盟)?(内部)?成员|仅供(联盟)?成员|不得向联盟(外|以外)|独占|不对外(许可|扩散|转让|公开)|"
                   r"只(能|可)(在|由|向)联盟(内|成员)|不得(许可|转让)(给)?(联盟外|非成员|第三方)")
_STATE_EXCLUDED = re.compile(r"(国家|政府)[^。；]{0,6}(无权|不享有|不得)[^。；]{0,6}(使用|许可|实施)")
_CARVE_OUT = re.compile(r"(政府资助|财政|科技计划)[^。；]{0,30}(按照|依照|遵守|执行)[^。；]{0,12}(国家|有关|相关)[^。；]{0,6}规定|"
                        r"向联盟外扩散|扩散义务|(国家|有关|相关)规定(另有规定|优先)|另有规定的?(从其规定|除外)")


@rule_impl("GOV_IP_EXCLUSIVITY")
def gov_ip_exclusive(ctx, rule):
    for clause in ctx.units:
        if not _GOV.search(clause.text) or _CARVE_OUT.search(clause.text):
            continue
        for sent in ctx.sentences(clause):
            m = _EXCL.search(sent.text) or _STATE_EXCLUDED.search(sent.text)
            # "独占许可……须经项目管理机构批准" sets a condition, it does not exclude anyone.
            if m and re.search(r"(须|应|必须)经[^。；]{0,16}(批准|同意|审批)", sent.text):
                continue
            if m and not negated(sent.text, m.start(), 4):
                yield Hit(clause=clause, span=span_of(sent, m), evidence=sent.text.strip())
                break


# --- FUNDER_ONLY_IP -----------------------------------------------------------------------------
_FUNDER = re.compile(r"(仅|只|仅仅)(负责)?(提供|投入|出资|承担)[^。；，]{0,6}(资金|经费|设备|场地|资助)|"
                     r"(提供|投入)(资金|经费|设备|场地)[^。；]{0,12}(不参与|不承担|不从事)(具体)?(研发|研究|开发)")
_FUNDER_IP = re.compile(r"(出资|资助|投资|提供资金|提供经费)(方|单位|成员)[^。；]{0,20}(享有|所有|归属|拥有|共有|取得)|"
                        r"(归|属于)[^。；]{0,6}(出资|资助)(方|单位)|按[^。；]{0,6}(出资|投入)(比例|份额)[^。；]{0,10}(享有|共有|分配|拥有)|"
                        # results expressly allotted to someone: the funder's position is then addressed
                        r"(成果|知识产权|专利)[^。；]{0,12}(归|属于|归属于?)[^。；]{0,16}(所有|享有)|"
                        r"(成果|知识产权)[^。；]{0,6}归属于?[^。；]{0,12}方")


@rule_impl("FUNDER_ONLY_IP")
def funder_only(ctx, rule):
    text = full_text(ctx)
    if _FUNDER_IP.search(text):
        return
    for sent in all_sentences(ctx):
        m = _FUNDER.search(sent.text)
        if m:
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=sent.text.strip())
            return


# --- STATE_UNIV_IP_PRICING ----------------------------------------------------------------------
_STATE_BODY = re.compile(r"大学|学院|高校|高等学校|研究所|研究院|科学院|科研院所")
_FREE = re.compile(r"无偿(转让|许可|提供|授权)|"
                   r"以[^。；]{0,8}(固定|约定|象征性)(的)?价格[^。；]{0,16}(转让|许可)|"
                   r"(零|象征性)(价格|费用|对价)(转让|许可)|免费(转让|许可|授权)")
_PROCEDURE = re.compile(r"评估|挂牌|拍卖|公示|协议定价|国家(有关)?规定|内部(决策)?程序|定价程序|依法")
_RESEARCH_USE = re.compile(r"研发阶段|研究阶段|科研(用途|目的)|合理使用|项目(研发|研究)(中|期间)")


def _has_state_member(ctx) -> bool:
    try:
        parties = ctx.parties
    except Exception:       # parties.py is another module; the text test below is the fallback
        parties = []
    if any(getattr(p, "member_type", None) in ("university", "institute") for p in parties):
        return True
    return bool(_STATE_BODY.search(full_text(ctx)))


@rule_impl("STATE_UNIV_IP_PRICING")
def state_univ_pricing(ctx, rule):
    hits = []
    for sent in all_sentences(ctx):
        t = sent.text
        m = _FREE.search(t)
        if not m or _PROCEDURE.search(t) or _RESEARCH_USE.search(t) or negated(t, m.start(), 4):
            continue
        if not re.search(r"成果|专利|知识产权|技术", t):
            continue
        hits.append(Hit(clause=sent.clause, span=span_of(sent, m), evidence=t.strip()))
    if hits and _has_state_member(ctx):
        yield from hits
