"""Competition-law checks: hardcore cartel wording, illegal technology-monopoly clauses and
sensitive-information exchange / exclusivity among members who are often competitors.

反垄断法（2022）第十七条 lists the hardcore agreements among competitors; 民法典 第八百五十条 and
技术合同纠纷解释 第十条 list the clauses that "illegally monopolise technology". R&D division of work
(任务分工), licence fees and common technical standards are lawful and must stay quiet.
"""
from __future__ import annotations

import re

from checker.rules.checks.legal_common import all_sentences, negated, span_of  # noqa: F401
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl

# --- ANTITRUST_HARDCORE -------------------------------------------------------------------------
_PRICE = re.compile(r"统一(产品|销售|出厂|市场)?(价格|报价|售价)|最低(销售|转售|出厂)?(价格|售价|报价)|"
                    r"共同(定价|制定.{0,6}(销售|产品)价格|确定.{0,6}(销售|产品)价格)|"
                    r"价格(协调|自律|同盟)|协调(产品|销售)?价格|(固定|维持)(产品|销售|转售)?价格|"
                    r"统一(制定|确定|执行)[^。；]{0,8}(销售|产品|出厂)?价格|联盟(指导|统一|规定)(的)?(价|价格|售价)")
_OUTPUT = re.compile(r"限(制)?(产|产量|生产数量)|(产量|产能|销量|销售量)(分配|配额)|(生产|销售)配额")
_MARKET = re.compile(r"划分.{0,4}(销售|产品)?(区域|市场|客户)|分割(销售)?市场|"
                     r"各自(负责|独占|享有).{0,8}(销售)?(区域|市场)|(独占|瓜分).{0,4}(区域)?市场")
_BOYCOTT = re.compile(r"联合抵制|共同抵制|"
                      r"不得(与|向|从).{0,10}(非成员|联盟外|联盟以外|非联盟).{0,10}(交易|合作|供货|采购|购买|销售)")
# A price of IP or of R&D work, enforcement against infringers: not a cartel.
_NOT_PRICE = re.compile(r"许可费|使用费|转让费|技术(转让|许可).{0,6}(价格|费)|项目经费|经费预算|预算|会费")
_ENFORCE = re.compile(r"侵权|假冒|盗版|仿冒")
# "成员不得利用联盟协调价格" promises compliance; "不得低于联盟价格" is the price floor itself.
_COMPLY = re.compile(r"(不得|禁止|严禁|杜绝|避免|不)(以任何(形式|方式))?(利用|借助|通过|以联盟|协调|统一|约定|划分|"
                     r"分割|达成|实施|从事|交换|共同|就|进行|组织|参与)")
_FLOOR = re.compile(r"(不得|不|禁止)(低于|高于|超过|少于)")


def _compliance(t: str, start: int) -> bool:
    # The whole sentence before the trigger: "不得利用联盟协调价格、划分市场或限制产量" covers every item.
    before = t[:start]
    return bool(_COMPLY.search(before)) and not _FLOOR.search(before[-20:])


_RD_DIVISION = re.compile(r"任务分工|分工合作|专业化分工|研发分工|示范(推广)?任务")


@rule_impl("ANTITRUST_HARDCORE")
def antitrust_hardcore(ctx, rule):
    for sent in all_sentences(ctx):
        t = sent.text
        for rx, guard in ((_PRICE, _NOT_PRICE), (_OUTPUT, None), (_MARKET, _RD_DIVISION), (_BOYCOTT, _ENFORCE)):
            m = rx.search(t)
            if not m:
                continue
            if guard is not None and guard.search(t):
                continue
            # "不得与非成员交易" is itself the boycott; any other trigger preceded by 不得/禁止 is a
            # compliance promise ("成员不得利用联盟协调价格").
            if rx is not _BOYCOTT and _compliance(t, m.start()):
                continue
            if rx is _BOYCOTT and re.search(r"(不得|禁止|严禁).{0,6}(联合|共同)抵制", t):
                continue
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=t.strip())
            break


# --- TECH_MONOPOLY_CLAUSE -----------------------------------------------------------------------
_TECH = [
    # 技术合同纠纷解释 第十条（一）: non-reciprocal or free grant-back of improvements
    re.compile(r"改进.{0,20}(无偿|免费|非互惠).{0,8}(提供|转让|许可|归|授予|给予|交付)"),
    re.compile(r"改进.{0,20}(独占|排他|独家).{0,6}(许可|转让|回授|授予|归)"),
    # （一）: ban on further R&D on the basis of the technology
    re.compile(r"(不得|禁止|限制).{0,6}(自行|独立|另行|单独)?.{0,4}(在.{0,12}基础上.{0,6})?(进行)?(改进|新的研究开发|再开发|二次开发)"),
    re.compile(r"不得(自行|独立|另行|单独)(进行|从事|开展)?.{0,8}(研发|研究开发|开发)"),
    # （二）: ban on obtaining competing technology elsewhere
    re.compile(r"不得(从|向)(其他|第三方|他人|联盟外|非成员).{0,10}(获得|引进|采购|购买|取得|获取).{0,10}(类似|竞争|同类|替代|相同)"),
    # （六）: no-challenge
    re.compile(r"不得.{0,12}(专利|知识产权|技术|权利).{0,10}(提出|请求|申请|提起).{0,6}(无效|异议|撤销)"),
    re.compile(r"不得.{0,8}(质疑|挑战|否认).{0,10}(专利|知识产权|权利).{0,6}(有效|效力)"),
    # （四）（五）: limits on output, price, channels or export of products made with the technology
    re.compile(r"(限制|限定).{0,12}(产品)?(生产数量|产量|销售价格|价格|销售渠道|出口市场|出口)"),
]
_TECH_OK = re.compile(r"互惠|有偿|公平合理|对等|相互|非独占|普通许可|保密信息|技术秘密|商业秘密|保密义务|"
                      r"他人投入|其他成员投入|联盟项目之外|另行协商|协商确定")


@rule_impl("TECH_MONOPOLY_CLAUSE")
def tech_monopoly(ctx, rule):
    for sent in all_sentences(ctx):
        t = sent.text
        if _TECH_OK.search(t):
            continue
        for i, rx in enumerate(_TECH):
            m = rx.search(t)
            if m and i == 3 and _PROJECT_BOUND.search(t):
                continue   # a ban limited to a named project and its term is ordinary joint-R&D exclusivity
            if m and i == len(_TECH) - 1 and _compliance(t, m.start()):
                continue   # "不得……限制产量" forbids the restriction
            if m:
                yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=t.strip())
                break


# --- ANTITRUST_INFO_EXCLUSIVITY -----------------------------------------------------------------
_EXCHANGE = re.compile(r"(交流|共享|通报|交换|互通|报送|披露|提供|汇总|分享)[^。；]{0,16}"
                       r"((产品|销售|出厂)价格|价格(信息|策略|数据)|成本(数据|信息|构成)|客户(名单|信息|资料)|"
                       r"投标(信息|报价|价格)|产能|销量|销售(数据|信息|计划)|定价(策略|信息))")
_EXCLUSIVE = [
    re.compile(r"不得(加入|参加|参与)(其他|同类|另外|别的|任何其他).{0,8}(联盟|组织|合作)"),
    # self-R&D bans are TECH_MONOPOLY_CLAUSE's; here: no R&D with outsiders
    re.compile(r"不得(与第三方|与联盟外|与非成员|与其他(单位|机构|企业)|同其他).{0,10}(开展|从事|进行|承担|合作).{0,8}(同类|相同|类似|竞争|相关).{0,4}(研发|研究|开发|项目)"),
    re.compile(r"(必须|应当|须)(统一)?(采用|使用|执行)联盟(制定的)?(标准|团体标准)"),
    re.compile(r"排斥非成员|不得向非成员(开放|提供|许可).{0,6}标准|非成员不得(采用|使用)"),
]
_FIREWALL = re.compile(r"防火墙|隔离|脱敏|汇总(后的)?统计|匿名|不得(交换|交流|共享|披露)|不(交换|交流|共享)|禁止")
_PROJECT_BOUND = re.compile(r"(项目|合作)(实施)?(期间|期限内|范围内)|该项目|本项目|约定的项目|联盟项目(实施)?期间")
_OPEN = re.compile(r"自愿|鼓励|公平|非歧视|开放")


@rule_impl("ANTITRUST_INFO_EXCLUSIVITY")
def antitrust_info(ctx, rule):
    for sent in all_sentences(ctx):
        t = sent.text
        m = _EXCHANGE.search(t)
        if m and not _FIREWALL.search(t) and not negated(t, m.start(), 12):
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=t.strip())
            continue
        for i, rx in enumerate(_EXCLUSIVE):
            m = rx.search(t)
            if not m:
                continue
            if i in (0, 1) and _PROJECT_BOUND.search(t):
                continue
            if i in (2, 3) and _OPEN.search(t):
                continue
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=t.strip())
            break
