"""Each row of the legal audit (../shared/domain/legal_audit.md, answers in docs/legal_audit_answers.md)
pinned down: the citation, why, message or severity a fix changed, and behaviour that would break if
the fix were undone. Rows whose fix is behaviour are also covered by the rules' own examples."""
import re

import pytest

from checker.engine import check
from checker.library import cited_keys
from checker.rules.cases import run_case
from checker.rules.envelope import Case
from checker.rules.loader import all_rules, rules_by_id

R = rules_by_id()


def fire(rule_id, text, profile=None, section=None):
    return run_case(R[rule_id], Case(text=text, profile=profile, section=section))


def cites(rule_id, needle):
    return needle in R[rule_id].citation


# 1 — 民诉法 第二百七十条 (涉外编 applies); 第二百七十七条 only for choosing a PRC court
def test_row01_foreign_party_cites_cpl_270():
    assert cites("FOREIGN_PARTY_COMPLIANCE", "CPL 第二百七十条") and "第二百七十条" in R["FOREIGN_PARTY_COMPLIANCE"].why
    assert "涉外民事诉讼适用民事诉讼法涉外编（第二百七十条）" in R["FOREIGN_PARTY_COMPLIANCE"].why


# 2 — an FIE registered in China is a PRC legal person; English names are not foreign
@pytest.mark.parametrize("text", ["乙方：某某（中国）投资有限公司，系外商独资企业，住所：上海市浦东新区某路3号。",
                                  "乙方：Fujian Haixia Photonics Co., Ltd.（福建海峡光子有限公司），住所：福州市马尾区某路6号。"])
def test_row02_domestic_fie_is_not_foreign(text):
    assert not fire("FOREIGN_PARTY_COMPLIANCE", text)


def test_row02_foreign_law_choice_flagged_with_domestic_fie():
    r = R["GOVERNING_LAW_FOREIGN"]
    case = next(c for c in r.fail if c.document)
    assert run_case(r, case, check)


# 3 — categorical 无效 only for elective wording; the sequential form keeps its contract rule id
# (contracts.md §3: DISPUTE_BOTH_FORUMS also for "仲裁不服再起诉") with a hedged 可能无效, and only one finding
def test_row03_sequential_clause_is_one_hedged_finding():
    text = "协商不成的，提交泉州仲裁委员会仲裁；对仲裁裁决不服的，可向泉州市中级人民法院起诉。"
    found = fire("DISPUTE_BOTH_FORUMS", text)
    assert found and "可能" in found[0].message and "法院对这种约定的效力认定不一" in found[0].message
    assert not fire("ARB_THEN_COURT", text)
    elective = fire("DISPUTE_BOTH_FORUMS", "协商不成的，可以向泉州仲裁委员会申请仲裁，也可以向人民法院起诉。")
    assert elective and "可能" not in elective[0].message


# 4 — 2017 第十八条 = 2025 第二十九条
@pytest.mark.parametrize("rule_id", ["DISPUTE_BOTH_FORUMS", "ARBITRATION_NO_INSTITUTION", "ARB_MULTI_COMMISSION"])
def test_row04_arb2025_article_29(rule_id):
    assert re.search(r"ARB2025 [^；]*第二十九条", R[rule_id].citation)


# 5 — 2017 numbers without a verified 2025 counterpart are labelled as 2017 text
@pytest.mark.parametrize("rule_id", ["ARB_THEN_COURT", "ARB_WRONG_BODY_OR_MATTER"])
def test_row05_2017_only_citations_say_so(rule_id):
    assert "2017年修正文本" in R[rule_id].why and "未能取得" in R[rule_id].why


# 6 — no "多按" (mostly): courts are split
def test_row06_no_claim_that_courts_mostly_void():
    assert "多按" not in R["ARB_THEN_COURT"].why and "（2019）最高法民终279号" in R["ARB_THEN_COURT"].why


# 7 — negotiation-only clause: info, statutory jurisdiction 民诉法 第二十四条
def test_row07_no_forum_is_advice_under_article_24():
    r = R["DISPUTE_NO_FORUM"]
    assert r.severity == "info" and cites("DISPUTE_NO_FORUM", "CPL 第二十四条") and not cites("DISPUTE_NO_FORUM", "第三十五条")
    found = fire("DISPUTE_NO_FORUM", "因本协议引起的争议，各方应本着友好合作的精神协商解决。")
    assert found and found[0].severity == "info" and "被告住所地" in found[0].message


# 8 — a clause restating 第590条 without notice/proof duties is info; blanket exemption stays warning
def test_row08_force_majeure_restatement_is_info():
    found = fire("FORCE_MAJEURE_SCOPE", "因地震、洪水等不可抗力不能履行本协议的，根据不可抗力的影响部分或全部免除责任。")
    assert found and {f.severity for f in found} == {"info"}
    found = fire("FORCE_MAJEURE_SCOPE", "遇有不可抗力的，受影响方不承担任何责任。")
    assert "warning" in {f.severity for f in found}


# 9 — 法发〔2016〕21号 第3条 for the agreed address; 法释〔2004〕13号 第十一条 for the change; no CPL 第九十条
def test_row09_service_address_sources():
    assert cites("SERVICE_ADDRESS_CONFIRM", "SPCMAIL 第十一条") and not cites("SERVICE_ADDRESS_CONFIRM", "CPL")


# 10 — 技术合同纠纷解释 第二十条: the default risk is ordinary licensing, not assignment
def test_row10_trade_secret_default_per_techji_20():
    assert cites("IP_STATUTORY_DEFAULT_GAP", "TECHJI 第二十条")
    assert "普通许可" in R["IP_STATUTORY_DEFAULT_GAP"].message and "各自向第三方转让" not in R["IP_STATUTORY_DEFAULT_GAP"].why


# 11 — 成果转化法 第四十条 defaults stated, not circular
def test_row11_transformation_defaults_spelled_out():
    why = R["COOP_TRANSFORMATION_DEFAULTS"].why
    assert "归合作各方共有" in why and "应经合作各方同意" in why and "按约定或法律规定处理" not in why


# 12 — 第九百七十六条第三款 for ending an indefinite partnership
def test_row12_term_cites_976_3():
    assert re.search(r"第九百七十六条第一款、第三款", R["TERM_MISSING"].citation)


# 13 — 第970条第1款 covers every decision and allows otherwise; Fujian clause is reference only
def test_row13_amendment_wording():
    why = R["AMENDMENT_BY_MAJORITY"].why
    assert "除合伙合同另有约定外" in why and "重大事项" not in why and "不是强制要求" in why


# 14 — 第466条 via 第142条第1款; 第510条 quoted with 合同相关条款
@pytest.mark.parametrize("rule_id", ["ARTICLE_NUMBER_GAP", "ARTICLE_NUMBER_DUPLICATE", "UNDEFINED_TERM", "DANGLING_REFERENCE"])
def test_row14_466_through_142(rule_id):
    assert "第一百四十二条第一款" in R[rule_id].citation


def test_row14_510_wording():
    why = R["DANGLING_REFERENCE"].why
    assert "按照合同相关条款或者交易习惯确定" in why and "只能" not in why


# 15 — 技术合同纠纷解释 第四十三条 (level of technology-contract cases)
def test_row15_jurisdiction_level_techji_43():
    assert cites("JURIS_LEVEL_IP", "TECHJI 第四十三条")


# 16 — 社团条例 第十条第二款 (names with 中国/全国/中华)
def test_row16_name_rule_article_10():
    assert cites("NAME_NATIONAL_PREFIX", "SOREG 第十条第二款") and "22部门" not in R["NAME_NATIONAL_PREFIX"].why


# 17 — labour commission limb: 仲裁法 第七十七条, 劳动争议调解仲裁法 第二条
def test_row17_labour_commission_basis():
    assert cites("ARB_WRONG_BODY_OR_MATTER", "第七十七条") and cites("ARB_WRONG_BODY_OR_MATTER", "LDML 第二条")


# 18 — exclusivity conflict comes from policy; 科技进步法 第三十二条 supports implementation and step-in only
def test_row18_gov_ip_exclusivity_policy_first():
    r = R["GOV_IP_EXCLUSIVITY"]
    assert r.citation.startswith("NAT770 八(六)") and "不违反第三十二条" in r.why and "独占或不对外许可" not in r.message


# 19 — joint liability lawful by agreement; "不构成合伙" does not bind creditors
def test_row19_joint_liability_wording():
    why = R["PARTNERSHIP_JOINT_LIABILITY"].why
    assert "约定连带责任本身是合法的" in why and "不能约束债权人" in why


# 20 — 770 八(二) is not about competition
def test_row20_antitrust_without_770():
    assert "NAT770" not in cited_keys(R["ANTITRUST_HARDCORE"].citation)


# 21 — attachments annexed at signing with an integration clause pass; later 办法 without procedure warn
def test_row21_attachments():
    assert not fire("ATTACHMENT_WITHOUT_EFFECT_PROCEDURE", "本协议附件是本协议不可分割的组成部分，与本协议具有同等法律效力。", section="attachments")
    later = fire("ATTACHMENT_WITHOUT_EFFECT_PROCEDURE", "联盟经费管理办法、知识产权管理办法由理事会另行制定，作为本协议的附件。",
                 section="attachments")
    assert later and later[0].severity == "warning"
    listed = fire("ATTACHMENT_WITHOUT_EFFECT_PROCEDURE", "附件一：《联盟经费管理办法》\n附件二：《成员任务分工表》", section="attachments")
    assert listed and listed[0].severity == "info"


# 22 — "如可约定" example → info; "需约定" element → warning
def test_row22_funds_severities_follow_the_seed():
    assert R["FUNDS_NOT_SEPARATE_ACCOUNT"].severity == "info"
    assert R["MEMBER_CONTRIBUTION_UNSPECIFIED"].severity == "warning"
    found = fire("MEMBER_CONTRIBUTION_UNSPECIFIED", "联盟经费来源于成员单位投入和政府财政资助。")
    assert found and found[0].severity == "warning"


# 23 — 禁止垄断协议规定 amended December 2025, in force 2026-02-01
def test_row23_amlreg_version():
    from checker.library import sources

    assert "2025年12月修改" in sources()["AMLREG"]["title"] and str(sources()["AMLREG"]["effective"]) == "2026-02-01"


# 24 — Chinese numerals in every citation
def test_row24_no_arabic_article_numbers():
    bad = [r.id for r in all_rules() if re.search(r"(?<!SPC2016 )第\d+条", r.citation)]
    assert not bad, bad
