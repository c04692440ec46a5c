"""Drafting-hygiene legal checks (legal_rules.md rows 30–36, except the service address rule):
transformation-stage ownership, foreign members, foreign governing law, expulsion procedure,
a national-sounding name without a basis, and IP of seconded staff.
"""
from __future__ import annotations

import re

from checker.rules.checks.legal_common import all_sentences, full_text, scope, span_of
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl

# --- COOP_TRANSFORMATION_DEFAULTS (促进科技成果转化法 第四十条) ---------------------------------------
_TRANSFORM = re.compile(r"成果转化|产业化|转化应用|中试")
_PRE = re.compile(r"(原有|现有|已有|背景|加入(联盟)?前)[^。；]{0,10}(知识产权|技术成果|成果|技术)")
_NEW = re.compile(r"(新|新的|新产生的|新形成的)(知识产权|成果|技术)|(项目|合作|转化)[^。；]{0,6}(形成|产生|完成)的[^。；]{0,4}(知识产权|成果|技术)")


# New results named the way agreements list them ("项目产生的新品种、新工艺和专利等知识产权归完成方所有",
# "合作研发的归参与方共有"): they count only where the same sentence says who owns them.
_NEW_LISTED = re.compile(r"(新|新的|新产生的|新形成的)(品种|工艺|专利|产品|软件|方法)|"
                         r"(项目|合作|转化|联盟|研发|攻关)[^。；]{0,8}(形成|产生|完成|取得|研发|开发)的[^。；]{0,20}"
                         r"(知识产权|成果|技术|专利|品种|工艺|软件|著作权)|"
                         r"(合作|共同|联合)(完成|研发|开发)的")
_OWNS = re.compile(r"归[^。；]{0,12}(所有|共有|享有)|(所有|共有)权?(归|属于)|由[^。；]{0,10}(共有|所有|享有)")


def _new_results_owned(ctx, text: str) -> bool:
    if _NEW.search(text):
        return True
    return any(_NEW_LISTED.search(s.text) and _OWNS.search(s.text) for s in all_sentences(ctx))


@rule_impl("COOP_TRANSFORMATION_DEFAULTS")
def coop_transformation(ctx, rule):
    text = full_text(ctx)
    m = _TRANSFORM.search(text)
    if not m or (_PRE.search(text) and _new_results_owned(ctx, text)):
        return
    for sent in all_sentences(ctx):
        mm = _TRANSFORM.search(sent.text)
        if mm:
            yield Hit(clause=sent.clause, span=span_of(sent, mm), evidence=sent.text.strip())
            return


# --- FOREIGN_PARTY_COMPLIANCE -----------------------------------------------------------------------
# A party is foreign when it is registered or habitually resident outside the mainland (涉外民事关系
# 法律适用法解释（一） 第一条; Hong Kong, Macao and Taiwan "参照" foreign, 民诉法解释 第五百四十九条).
# A wholly foreign-owned or joint-venture enterprise registered in China is a PRC legal person (公司法
# 第十三条): its contracts are domestic, and an English "Co., Ltd." name says nothing either.
_ABROAD = re.compile(r"香港|澳门|台湾|台北|境外|外国|海外|新加坡|美国|英国|日本|德国|法国|韩国|瑞士|荷兰|加拿大|"
                     r"澳大利亚|意大利|以色列|瑞典|芬兰|丹麦|挪威|比利时|奥地利|西班牙|俄罗斯|印度|马来西亚|泰国|越南")
_ADDRESS = re.compile(r"(?:住所地?|地址|注册地址?|住址|营业地|主要办事机构)\s*[:：为]?\s*([^，,。；;\n]{2,16})")
_FOREIGN_LAW_SET_UP = re.compile(r"依[据照]?[^。；，]{0,8}(?:香港|澳门|台湾|境外|外国|新加坡|美国|英国|开曼|维尔京)[^。；，]{0,8}法律[^。；，]{0,4}(?:设立|成立|注册)|"
                                 r"(?:注册|设立|成立)于(?:香港|澳门|台湾|境外|外国|新加坡|美国|英国|开曼|维尔京)")


def foreign_mention(text: str):
    """The words showing a foreign (or HK/Macao/Taiwan) party in one party sentence, or None."""
    m = _FOREIGN_LAW_SET_UP.search(text)
    if m:
        return m
    addresses = list(_ADDRESS.finditer(text))
    if addresses:       # the registered address decides, not the investors' nationality
        for a in addresses:
            mm = _ABROAD.search(a.group(1)[:8])
            if mm:
                return mm
        return None
    return _ABROAD.search(text)


_FOREIGN_OK = re.compile(r"出口管制|技术进出口|保密审查|涉外")


def _foreign_parties(ctx):
    """(clause, match) for each party block that shows a foreign party (a block: one party's lines)."""
    for clause in scope(ctx, ["parties", "signature"]):
        for block in re.finditer(r"[^\n]*(?:\n(?![甲乙丙丁戊己庚辛壬癸]方|成员单位)[^\n]*)*", clause.text):
            m = foreign_mention(block.group())
            if m:
                yield clause, block.start() + m.start(), block.start() + m.end()


@rule_impl("FOREIGN_PARTY_COMPLIANCE")
def foreign_party(ctx, rule):
    if _FOREIGN_OK.search(full_text(ctx)):
        return
    for clause, a, b in _foreign_parties(ctx):
        base = clause.span[0]
        line_start = clause.text.rfind("\n", 0, a) + 1
        line_end = clause.text.find("\n", b)
        yield Hit(clause=clause, span=(base + a, base + b),
                  evidence=clause.text[line_start:line_end if line_end >= 0 else len(clause.text)].strip())
        return


# --- GOVERNING_LAW_FOREIGN --------------------------------------------------------------------------
_FOREIGN_LAW = re.compile(r"适用[^。；]{0,10}(香港|澳门|台湾|美国|英国|新加坡|日本|德国|法国|瑞士|外国|境外)"
                          r"(特别行政区|地区)?[^。；]{0,4}法律|(香港|英国|美国|新加坡)法(律)?为准据法")


@rule_impl("GOVERNING_LAW_FOREIGN")
def governing_law_foreign(ctx, rule):
    if next(_foreign_parties(ctx), None):
        return  # a foreign-related relation may choose its law (涉外民事关系法律适用法 第三条、第四十一条)
    for sent in all_sentences(ctx):
        m = _FOREIGN_LAW.search(sent.text)
        if m and not re.search(r"不适用", sent.text[:m.start() + 2]):
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=sent.text.strip())


# --- EXPULSION_NOTICE -------------------------------------------------------------------------------
_EXPEL = re.compile(r"除名|开除|取消[^。；]{0,4}成员资格|清退")
_GROUNDS = re.compile(r"违反|未(按|履行)|不履行|严重|下列情形|情形之一|损害")
_NOTICE = re.compile(r"书面(通知|决定)|通知[^。；]{0,6}(被除名|该成员|本人)|送达")
_HEARD = re.compile(r"申辩|陈述|听取[^。；]{0,6}意见|异议")


@rule_impl("EXPULSION_NOTICE")
def expulsion_notice(ctx, rule):
    # Only operative wording ("……的，可予除名"), not a list of the council's powers ("决定成员的加入和除名").
    operative = [s for s in all_sentences(ctx) if _EXPEL.search(s.text)
                 and re.search(r"(可|予以|应当|将其|即|视为|予)[^。；]{0,4}(除名|开除|取消|清退)", s.text)]
    if not operative:
        return
    clauses = list({s.clause.id: s.clause for s in operative}.values())
    text = "\n".join(c.text for c in clauses)
    missing = [name for name, rx in (("除名事由", _GROUNDS), ("书面通知及生效时间", _NOTICE), ("申辩机会", _HEARD))
               if not rx.search(text)]
    if "除名事由" in missing or "书面通知及生效时间" in missing:
        first = next(c for c in clauses)
        m = _EXPEL.search(first.text)
        s = first.span[0] + m.start()
        yield Hit(clause=first, span=(s, s + len(m.group(0))), evidence=first.text.strip()[:120],
                  message="除名程序不完整，缺少：" + "、".join(missing) + "。除名通知到达被除名成员时生效（民法典 第五百六十五条）。")


# --- NAME_NATIONAL_PREFIX ---------------------------------------------------------------------------
_NAME = re.compile(r"(?:联盟名称[为是：:]\s*|定名为\s*|名称定为\s*|^\s*)[“\"]?((中国|中华|全国|国家)[\u4e00-\u9fa5]{2,30}?联盟)", re.M)
_NAME_BASIS = re.compile(r"试点联盟|国科发|科技部[^。；]{0,20}(批准|认定|确定|公布)|登记证|民政部[^。；]{0,10}(登记|批准)")


@rule_impl("NAME_NATIONAL_PREFIX")
def name_national_prefix(ctx, rule):
    text = full_text(ctx)
    if _NAME_BASIS.search(text):
        return
    m = _NAME.search(text)
    if m:
        s = m.start(1)
        clause = next((c for c in ctx.units if c.span[0] <= s < c.span[1]), ctx.units[0] if ctx.units else None)
        yield Hit(clause=clause, span=(s, m.end(1)), evidence=m.group(1))


# --- PERSONNEL_IP -----------------------------------------------------------------------------------
_SECONDED = re.compile(r"(借调|派驻|兼职|委派|派遣|选派)(的)?[^。；]{0,6}(科研人员|研究人员|技术人员|研发人员|人员)|"
                       r"(科研人员|研究人员|技术人员|研发人员)[^。；]{0,12}(借调|派驻|委派|派遣|选派|常驻)")
_STAFF_IP = re.compile(r"职务(发明|成果|技术成果)|(人员|其)[^。；]{0,24}(完成|形成|取得)的[^。；]{0,10}(成果|知识产权|发明)[^。；]{0,12}(归|属于)|"
                       r"(派出|委派|原)单位[^。；]{0,12}(享有|所有)")


@rule_impl("PERSONNEL_IP")
def personnel_ip(ctx, rule):
    if _STAFF_IP.search(full_text(ctx)):
        return
    for sent in all_sentences(ctx):
        m = _SECONDED.search(sent.text)
        # Secretariat staff do administrative work; the risk is with researchers sent to other members.
        if m and not re.search(r"秘书处|秘书长|专职(工作)?人员|行政|财务", sent.text):
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=sent.text.strip())
            return
