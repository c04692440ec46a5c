"""What the alliance is in law: no legal personality unless registered, no partnership-style joint
liability by accident, one consistent external liability entity, no unregistered accounts or seals.

民法典 第五十八条、第一百零二条; 社会团体登记管理条例 第三条、第三十二条; 民法典 第九百六十七条、
第九百七十三条、第一百七十八条第三款; 国科发计〔2008〕338号 第四条; 770号 八(三)(四).
"""
from __future__ import annotations

import re

from checker.rules.checks.legal_common import ORG, PARTY_ALIAS, all_sentences, full_text, span_of
from checker.rules.envelope import Hit
from checker.rules.registry import rule_impl

# A registered alliance (社会团体/民办非企业) shows its registration; then it may be a legal person.
_REGISTERED = re.compile(r"(社会团体|民办非企业单位?|社会服务机构)(法人)?登记证|登记证号|"
                         r"联盟[^。；\n]{0,30}统一社会信用代码|经[^。；]{0,16}(民政|登记管理机关)[^。；]{0,8}(登记|核准)")

# --- ALLIANCE_LEGAL_PERSON_CLAIM ----------------------------------------------------------------
_LP = [
    re.compile(r"联盟(是|为|系|属于?|具有|具备|作为)(一个)?([^，。；]{0,10})法人"),
    re.compile(r"联盟(是|为|系|属于?)[^，。；]{0,6}社会团体"),
    re.compile(r"以联盟(自身)?(的)?名义(独立)?(对外)?承担(民事|法律)?责任"),
    re.compile(r"联盟以(其)?(自身|自己)?(的)?名义(独立)?(对外)?承担(民事|法律)?责任"),
    re.compile(r"联盟(独立)?(享有民事权利|承担民事责任|独立承担(民事|法律)?责任|对外独立承担)"),
]


@rule_impl("ALLIANCE_LEGAL_PERSON_CLAIM")
def legal_person_claim(ctx, rule):
    if _REGISTERED.search(full_text(ctx)):
        return
    for sent in all_sentences(ctx):
        t = sent.text
        for rx in _LP:
            m = rx.search(t)
            if not m:
                continue
            mid = m.group(0)
            # "联盟不具有法人资格"/"联盟为非法人组织"/"联盟是由多个独立法人组成的" describe the members or deny personality.
            if re.search(r"不|非|无|由|组成|成员|各方|联合|之间", mid):
                continue
            if re.search(r"联盟不(具有|具备|是)|不具有(独立)?法人|非法人", t):
                continue
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=t.strip())
            break


# --- PARTNERSHIP_JOINT_LIABILITY ----------------------------------------------------------------
_JOINT = re.compile(r"连带(清偿)?责任|承担连带|连带(赔偿|清偿)")
_JOINT_NEG = re.compile(r"(不|互不|均不|并不|无须|无需|不负|不构成)[^，。；]{0,8}连带|非连带|不承担.{0,6}连带")
_JOINT_WHO = re.compile(r"成员|各方|缔约方|协议方|全体|联盟")
_JOINT_DEBT = re.compile(r"对联盟|对外|联盟.{0,6}(债务|责任|义务)|第三(方|人)|债务|对(招标人|发包人|债权人|相对人)")
_BID = re.compile(r"联合体|共同投标|投标")
_SHARED_RISK = re.compile(r"风险共担|共担风险|共同承担风险|风险共同承担")
_COMMON_FUND = re.compile(r"共同(基金|资金|财产|资产)|联盟(的)?(基金|资产|财产|共有财产)|研发基金|共有财产|"
                          r"公共(资金|财产)|(统一|共同)(投入|出资)[^。；]{0,10}(资金|经费)|资金池")
_LIMIT = re.compile(r"(仅|只)(就|对)(其)?自身[^。；]{0,12}(承担|负责)|各自(独立)?承担[^。；]{0,8}责任|按份|"
                    r"不承担连带|互不承担连带|不构成合伙|非合伙|不属于合伙|独立承担[^。；]{0,6}责任|"
                    r"以(其)?(认缴|承诺)?(的)?(出资|投入)(额)?为限")


@rule_impl("PARTNERSHIP_JOINT_LIABILITY")
def partnership_joint(ctx, rule):
    # (a) members expressly jointly liable for the alliance's external debts
    for sent in all_sentences(ctx):
        t = sent.text
        m = _JOINT.search(t)
        if not m or _JOINT_NEG.search(t):
            continue
        if _JOINT_WHO.search(t) and _JOINT_DEBT.search(t):
            # 民法典 第一百七十八条第三款: joint liability agreed on purpose for a bid is lawful.
            sev = "info" if _BID.search(t) else None
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=t.strip(), severity=sev)
    # (b) 利益共享、风险共担 + a common fund, but no clause limiting each member to its own obligations
    text = full_text(ctx)
    if _SHARED_RISK.search(text) and _COMMON_FUND.search(text) and not _LIMIT.search(text):
        for sent in all_sentences(ctx):
            m = _SHARED_RISK.search(sent.text)
            if m:
                yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=sent.text.strip(),
                          message="协议约定“风险共担”并设有共同资金或财产，却没有写明各成员仅就自身义务承担责任、"
                                  "互不承担连带责任，存在被认定为合伙（民法典 第九百六十七条）而对联盟债务承担连带责任的风险。")
                return


# --- EXTERNAL_ENTITY_MISMATCH -------------------------------------------------------------------
_WHO = rf"({ORG}|{PARTY_ALIAS}|理事长单位|依托单位|秘书长单位)"
_ENTITY_SENT = re.compile(r"对外承担[^。；]{0,8}责任|(对外)?责任主体")
_CHAIR = [re.compile(rf"{_WHO}[^，。；]{{0,4}}(担任|为|作为)(联盟)?(首届|第一届)?理事长单位"),
          re.compile(rf"理事长单位(为|是|由)[:：]?{_WHO}")]
_NATIONAL_PLAN = re.compile(r"国家(科技计划|重点研发计划|科技重大专项|重大专项)|(项目)?任务书")
_RECOURSE = re.compile(r"追偿|内部(责任)?分担|分担方式|(责任|损失|费用)[^。；]{0,20}(分担|补偿)|补偿|"
                       r"按[^。；]{0,10}(比例|份额)[^。；]{0,6}(承担|分担)")


def _entity(t: str) -> str | None:
    m = re.search(rf"(约定|指定|确定|推举|由)?{_WHO}[^，。；]{{0,12}}(作为|为|担任)[^，。；]{{0,10}}(对外承担|责任主体)", t)
    if m:
        return m.group(2)
    m = re.search(rf"(对外承担[^，。；]{{0,8}}责任的主体|责任主体)(为|是|由)[:：]?{_WHO}", t)
    return m.group(3) if m else None


def _norm(name: str) -> str:
    # The lazy name pattern may start too early ("本协议各方共同约定XX公司"): keep what follows the verb.
    name = re.split(r"约定|指定|确定|推选|推举|选举|同意|决定|由|以|即|[:：，,]", name)[-1]
    return re.sub(r"[（）()\s]", "", name)


@rule_impl("EXTERNAL_ENTITY_MISMATCH")
def external_entity(ctx, rule):
    text = full_text(ctx)
    ent_sent, entity = None, None
    for sent in all_sentences(ctx):
        if _ENTITY_SENT.search(sent.text):
            e = _entity(sent.text)
            if e:
                ent_sent, entity = sent, e
                break
    if ent_sent is None:
        return  # no entity at all is LIABLE_ENTITY_MISSING's finding
    chair = None
    for rx, g in ((_CHAIR[0], 1), (_CHAIR[1], 2)):
        m = rx.search(text)
        if m and m.group(g) not in ("理事长单位", "依托单位", "秘书长单位"):
            chair = _norm(m.group(g))
            break
    entity = _norm(entity)
    span = (ent_sent.start, ent_sent.end)
    if (entity != "理事长单位" and chair and chair != entity
            and _NATIONAL_PLAN.search(text)):
        # 国科发计〔2008〕338号 第四条: the 理事长单位 carries national plan projects.
        yield Hit(clause=ent_sent.clause, span=span, evidence=ent_sent.text.strip(),
                  message=f"对外承担责任的主体（{entity}）与理事长单位（{chair}）不一致，而协议涉及国家科技计划项目或任务书；"
                          f"国家科技计划支持联盟的规定要求由理事长单位作为项目责任主体，请统一或写明授权关系。")
    elif not _RECOURSE.search(text):
        yield Hit(clause=ent_sent.clause, span=span, evidence=ent_sent.text.strip())


# --- UNREGISTERED_ACCOUNT_SEAL ------------------------------------------------------------------
_ACCOUNT = [
    # "联盟专用账户" for government funds is a dedicated account at the host (津滨科发〔2012〕8号), not flagged.
    re.compile(r"联盟(的)?(独立|自有)?(的)?(银行)?(基本)?(账户|帐户|公章|印章|财务章)"),
    re.compile(r"(开设|设立|开立)[^，。；]{0,4}联盟[^，。；]{0,4}(账户|帐户)|联盟(开设|设立|开立|刻制)[^，。；]{0,6}(账户|帐户|公章|印章)"),
    re.compile(r"以联盟(的)?名义(对外)?(签订|签署|订立|缔结)[^，。；]{0,8}(合同|协议)"),
    re.compile(r"(收取|缴纳|交纳|缴付|交付)[^，。；]{0,6}会费|会费(标准|收取)"),
]
_HOST = re.compile(r"依托单位|理事长单位|秘书处所在单位|代(为)?(收|管|签)|委托|授权|专账|专帐|单独核算|独立帐目|独立账目")
# A member unit (not the alliance) holds the money: "委托甲方单独建账""存入丙方开设的专用账户".
# That is the 770号 八(四) arrangement, so "会费" paid into it is no alliance account of its own.
_KEEPER = rf"(依托单位|理事长单位|秘书处所在单位|牵头单位|成员单位|{PARTY_ALIAS}|{ORG})"
_KEPT = r"((单独|独立|分别|另行|专门)(建|设|立|记)?(账|帐|核算)|专账|专帐|独立(帐|账)目|专用(账|帐)户|专户|代收|代管)"
_MEMBER_KEEPS = re.compile(rf"(委托|由|交由|交给|存入|在){_KEEPER}[^。；]{{0,16}}{_KEPT}")
_MONEY = re.compile(r"经费|资金|会费|款项|收入|费用")
_MEMBER_OPENS = re.compile(rf"{_KEEPER}[^，。；]{{0,12}}(开设|开立|设立)[^，。；]{{0,12}}(账户|帐户)")


@rule_impl("UNREGISTERED_ACCOUNT_SEAL")
def unregistered_account(ctx, rule):
    if _REGISTERED.search(full_text(ctx)):
        return
    reported = set()
    kept_by_member = any(_MEMBER_KEEPS.search(x.text) and _MONEY.search(x.text) for x in all_sentences(ctx))
    for sent in all_sentences(ctx):
        t = sent.text
        for i, rx in enumerate(_ACCOUNT):
            m = rx.search(t)
            if not m or i in reported:
                continue
            if _HOST.search(t) or re.search(r"(不|无|未|不得|不设|不开设|不刻制|禁止)[^，。；]{0,6}$", t[:m.start()]):
                continue
            if i < 3 and _MEMBER_OPENS.search(t) and not _MEMBER_OPENS.search(t).group(1).startswith("联盟"):
                continue  # the account is a member's own (e.g. 乙方开设的联盟经费专用账户)
            if i == 3 and kept_by_member:
                continue  # 会费 go to a member's separate ledger, not to an alliance account
            reported.add(i)   # one finding per kind (account/seal, contracts, 会费) is enough
            yield Hit(clause=sent.clause, span=span_of(sent, m), evidence=t.strip())
            break
