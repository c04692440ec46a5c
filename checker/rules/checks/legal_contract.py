"""General contract-law checks: confidentiality gaps, penalty and deposit wording, force-majeure scope,
blocked withdrawal, missing term and missing R&D failure-risk rules.

促进科技成果转化法 第四十一条 (cooperating parties shall agree on confidentiality); 民法典 第五百八十五至
五百八十八条 and 合同编通则解释 第六十四条; 民法典 第一百八十条、第五百九十条; 第五百六十三条第二款、
第九百七十六条 (open-ended continuing contracts may be ended on notice); 第八百五十八条 (R&D risk).
"""
from __future__ import annotations

import re

from checker.facts.amounts import PERCENT, percent_value
from checker.rules.checks.legal_common import all_sentences, full_text, negated, scope, span_of
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl

# --- CONFIDENTIALITY_GAPS -----------------------------------------------------------------------
_CONF = re.compile(r"保密|保守[^。；]{0,12}秘密")
_CONF_DEF = re.compile(r"保密信息|秘密信息|商业秘密|保密(内容|范围|资料)|(是指|包括|系指)[^。；]{0,30}(信息|资料|数据|技术)")
_CONF_SURVIVE = re.compile(r"(退出|除名|解散|终止|解除|届满|期满|失效)[^。；]{0,15}(后|之后|时)[^。；]{0,20}(继续|仍|依然|仍然|持续)|"
                           r"不因[^。；]{0,15}(终止|退出|解散|解除|除名|届满)[^。；]{0,6}(而)?(终止|失效|免除|解除)|"
                           r"保密(期限|期)(为|是|至)|保密义务[^。；]{0,10}(持续|有效)[^。；]{0,10}(年|至)")


@rule_impl("CONFIDENTIALITY_GAPS")
def confidentiality(ctx, rule):
    text = full_text(ctx)
    if not _CONF.search(text):
        yield Hit(clause=None, span=None, section="other_matters", evidence="",
                  message="协议没有保密条款。合作各方应当约定保密义务（促进科技成果转化法 第四十一条），"
                          "应写明保密信息范围、保密期限以及退出、除名或解散后的继续保密义务。")
        return
    conf_sents = [s for s in all_sentences(ctx) if _CONF.search(s.text)]
    conf_text = "\n".join(s.text for s in conf_sents)
    missing = []
    if not _CONF_DEF.search(conf_text):
        missing.append("保密信息的范围")
    if not _CONF_SURVIVE.search(text):
        missing.append("保密期限及退出、除名、解散或协议终止后的继续保密义务")
    if missing and not conf_sents:      # the wording sits outside every clause unit (e.g. under a chapter heading)
        yield Hit(clause=None, span=None, section="other_matters", evidence="",
                  message="保密约定不完整，缺少：" + "、".join(missing) + "。")
    elif missing:
        first = conf_sents[0]
        yield Hit(clause=first.clause, span=(first.start, first.end), evidence=first.text.strip(),
                  message="保密约定不完整，缺少：" + "、".join(missing) + "。")


# --- LIQUIDATED_DAMAGES -------------------------------------------------------------------------
_NO_ADJUST = re.compile(r"违约金[^。；]{0,12}(不得|不予|不作|不能|不再|均不)[^。；]{0,4}(调整|增减|减少|变更|降低)|"
                        r"(不得|不予|放弃)[^。；]{0,8}(请求|要求|主张)?[^。；]{0,4}(调整|减少|降低)违约金")
_DEPOSIT = re.compile(r"定金")
_BOTH = re.compile(r"违约金[^。；]{0,8}(并|及|和|与|同时|以及)[^。；]{0,8}定金|定金[^。；]{0,8}(并|及|和|与|同时|以及)[^。；]{0,8}违约金")
_BOTH_OK = re.compile(r"选择|择一|二者之一|之一|不得同时|不能同时")
_MULTIPLE = re.compile(r"违约金[^。；]{0,16}(双倍|[二两三四五六七八九十]倍|\d+倍|全部(项目)?(经费|资金|投入))|"
                       r"(双倍|[二两三四五六七八九十]倍|\d+倍|全部(项目)?(经费|资金|投入))[^。；]{0,8}(的)?违约金")


@rule_impl("LIQUIDATED_DAMAGES")
def liquidated_damages(ctx, rule):
    for sent in all_sentences(ctx):
        t = sent.text
        m = _NO_ADJUST.search(t)
        if m:
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=t.strip())
            continue
        if _DEPOSIT.search(t):
            for pm in PERCENT.finditer(t):
                v = percent_value(pm.group(0))
                if v is not None and v > 20 and re.search(r"定金[^。；]{0,20}$", t[:pm.start()]):
                    yield Hit(clause=sent.clause, span=span_of(sent, pm), evidence=t.strip(),
                              message=f"约定的定金为{pm.group(0)}，超过主合同标的额的百分之二十；超过部分不产生定金效力（民法典 第五百八十六条）。")
                    break
        m = _BOTH.search(t)
        if m and not _BOTH_OK.search(t):
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=t.strip(), severity="info",
                      message="同时约定违约金和定金并一并适用：守约方只能选择适用其一（民法典 第五百八十八条），建议改为择一适用。")
            continue
        m = _MULTIPLE.search(t)
        if m and "定金" not in m.group(0):
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=t.strip(), severity="info",
                      message="违约金按倍数或全部经费计算，可能过分高于实际损失而被调减（民法典 第五百八十五条；合同编通则解释 第六十五条），"
                              "建议与可预见的损失挂钩。")


# --- FORCE_MAJEURE_SCOPE ------------------------------------------------------------------------
_FM = re.compile(r"不可抗力")
_FM_EXCUSE = re.compile(r"市场(变化|波动|行情)|价格(波动|变化|上涨)|(资金|经费)(不足|未到位|短缺|困难)|"
                        r"技术(失败|难题|风险)|研发失败|政策(调整|变化|变动)|人员变动|经营(困难|状况)|原材料(涨价|短缺)")
_FM_NOT = re.compile(r"不属于|不视为|不构成|不包括|除外|不得(以|援引)")
_FM_NOTICE = re.compile(r"通知|告知")
_FM_PROOF = re.compile(r"证明|证据")
_FM_LAW = re.compile(r"(依|按)(照|据)?[^。；]{0,12}(法律|民法典)[^。；]{0,10}(规定|处理|执行)")
_FM_ALL = re.compile(r"不承担任何(违约)?责任|免除(一切|全部|所有)责任|概不(负责|承担)")
_FM_PARTIAL = re.compile(r"根据[^。；]{0,10}影响|部分或(者)?全部|相应(的)?(部分)?责任|迟延履行后")


@rule_impl("FORCE_MAJEURE_SCOPE")
def force_majeure(ctx, rule):
    clauses = [c for c in scope(ctx, ["force_majeure"]) if _FM.search(c.text)]
    if not clauses:
        return
    for clause in clauses:
        for sent in ctx.sentences(clause):
            t = sent.text
            m = _FM_EXCUSE.search(t)
            if m and not _FM_NOT.search(t) and not negated(t, m.start(), 6):
                yield Hit(clause=clause, span=span_of(sent, m), evidence=t.strip(),
                          message=f"不可抗力条款把“{m.group(0)}”等商业或技术风险列为免责事由；不可抗力是不能预见、"
                                  f"不能避免且不能克服的客观情况（民法典 第一百八十条），此类风险应另行约定分担。")
            m = _FM_ALL.search(t)
            if m and not _FM_PARTIAL.search(t):
                yield Hit(clause=clause, span=span_of(sent, m), evidence=t.strip(),
                          message="不可抗力条款一律免除全部责任；法律规定应根据不可抗力的影响部分或者全部免除责任，"
                                  "迟延履行后发生不可抗力的不免责（民法典 第五百九十条）。")
    text = "\n".join(c.text for c in clauses)
    if _FM_LAW.search(text):
        return
    missing = [n for n, rx in (("及时通知", _FM_NOTICE), ("在合理期限内提供证明", _FM_PROOF)) if not rx.search(text)]
    if missing:
        first = clauses[0]
        # The notice and proof duties apply by law whether or not the clause repeats them
        # (民法典 第五百九十条): leaving them out is a drafting note, never a material risk.
        yield Hit(clause=first, span=first.span, evidence=first.text.strip()[:120], severity="info",
                  message="不可抗力条款未写明受影响方的" + "和".join(missing) + "义务；这些义务依法当然适用（民法典 第五百九十条），"
                          "建议写明通知和提供证明的期限，便于履行和举证。")


# --- WITHDRAWAL_BLOCKED -------------------------------------------------------------------------
_NO_EXIT = re.compile(r"不得(中途|擅自|随意|单方(面)?|提前|自行)?退出|不(允许|能|可)退出|"
                      r"(未经|非经)[^。；]{0,12}(同意|批准|决议)[^。；]{0,4}(不得|不能|不可)退出|"
                      r"退出[^。；]{0,6}(须|必须|应)经(理事会|全体)[^。；]{0,8}(同意|批准)")
_EXIT_OK = re.compile(r"书面(通知|申请)|提前[^。；]{0,6}(日|天|个月|月)|项目(实施|执行|研发)?(期间|完成前|未完成|结束前)|"
                      r"承担[^。；]{0,10}(任务|项目)(期间|未完成)")
_FIXED_TERM = re.compile(r"(有效期|期限|合作期|存续期)(为|是|自)?[^。；]{0,12}([一二三四五六七八九十\d]+)\s*年|"
                         r"至\s*\d{4}\s*年[^。；]{0,8}(止|届满)|为期[^。；]{0,4}年")


@rule_impl("WITHDRAWAL_BLOCKED")
def withdrawal_blocked(ctx, rule):
    if _FIXED_TERM.search(full_text(ctx)):
        return  # a fixed term limits the lock-in; 民法典 第九百七十六条第三款 concerns open-ended ones
    for sent in all_sentences(ctx):
        m = _NO_EXIT.search(sent.text)
        if m and not _EXIT_OK.search(sent.text):
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=sent.text.strip())


# --- TERM_MISSING -------------------------------------------------------------------------------
_TERM = re.compile(r"(协议|联盟|合作)[^。；]{0,6}(有效期|期限|存续期|合作期)|有效期(为|是|自|至|届满)|为期|"
                   r"有效期[^。；]{0,8}[一二三四五六七八九十两\d]+\s*(年|个月)|"
                   r"至\s*[\d一二三四五六七八九〇零]{4}\s*年[^。；]{0,10}(止|届满)|长期有效|(长期|永久)存续|无固定期限|不定期")


@rule_impl("TERM_MISSING")
def term_missing(ctx, rule):
    if not ctx.units or _TERM.search(full_text(ctx)):
        return
    yield Hit(clause=None, span=None, section="effect_amendment", evidence="")


# --- RD_FAILURE_RISK ----------------------------------------------------------------------------
_RISK = re.compile(r"(研发|研究|开发|项目|技术)[^。；]{0,4}失败|技术风险|风险(的)?(承担|分担|分配)|"
                   r"风险由[^。；]{0,12}(承担|分担)|(终止|中止|停止)(该|相关)?(联盟)?项目|项目[^。；]{0,4}(终止|中止|撤销)")
_RD = re.compile(r"研发|研究开发|技术开发|攻关|联盟项目")


@rule_impl("RD_FAILURE_RISK")
def rd_failure_risk(ctx, rule):
    text = full_text(ctx)
    if not ctx.units or not _RD.search(text) or _RISK.search(text):
        return
    clauses = scope(ctx, ["projects"]) or scope(ctx, ["ip_benefits"])
    if clauses:
        c = clauses[0]
        yield Hit(clause=c, span=c.span, evidence=c.text.strip()[:120])
    else:
        yield Hit(clause=None, span=None, section="projects", evidence="")
