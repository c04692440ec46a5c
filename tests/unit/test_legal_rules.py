"""Legal rule functions on multi-clause documents: negation, cross-section conditions, severity
downgrades and the seed's own clauses (闽科政〔2009〕46号 附件1) that must stay quiet."""
from test_legal_helpers import findings


def test_antitrust_compliance_promise_versus_price_floor():
    assert not findings("ANTITRUST_HARDCORE", (None, "成员不得借助联盟统一产品价格或划分销售区域。"))
    hit = findings("ANTITRUST_HARDCORE", (None, "成员对外报价不得低于联盟指导价格。"))
    assert hit and hit[0].severity == "error"


def test_antitrust_span_points_at_the_trigger():
    text = "各成员按任务分工开展研发。联盟成员协商分配年度产量配额。"
    found = findings("ANTITRUST_HARDCORE", (None, text))
    assert len(found) == 1
    assert text[found[0].span[0]:found[0].span[1]] == "产量配额"


def test_seed_ip_clauses_do_not_trigger_tech_monopoly():
    seed_like = ("在联盟项目研发阶段，项目合作方需要使用其他成员的专利技术的，可以不经授权无偿合理使用。"
                 "项目合作方未经许可不得将他人投入的知识产权用于联盟项目之外的其他用途。")
    assert not findings("TECH_MONOPOLY_CLAUSE", ("ip_benefits", seed_like))


def test_tech_monopoly_project_bound_rd_ban_is_quiet():
    assert not findings("TECH_MONOPOLY_CLAUSE", ("projects", "本项目实施期间，参与方不得自行开展同类技术开发。"))
    assert findings("TECH_MONOPOLY_CLAUSE", ("members", "成员不得自行开展同类技术开发。"))


def test_legal_person_negation_and_registration():
    assert not findings("ALLIANCE_LEGAL_PERSON_CLAIM", ("name_principles", "联盟为非法人的合作组织，不以联盟名义承担责任。"))
    claim = ("name_principles", "联盟是具有独立法人资格的社会团体。")
    assert findings("ALLIANCE_LEGAL_PERSON_CLAIM", claim)
    registered = ("parties", "联盟登记证号：闽社证字第0001号。")
    assert not findings("ALLIANCE_LEGAL_PERSON_CLAIM", claim, registered)


def test_member_credit_codes_do_not_count_as_alliance_registration():
    parties = ("parties", "甲方：福建某某有限公司\n统一社会信用代码：91350100XXXXXXXX1A")
    claim = ("name_principles", "联盟为独立的企业法人。")
    assert findings("ALLIANCE_LEGAL_PERSON_CLAIM", parties, claim)


def test_joint_liability_negations():
    for text in ("各成员互不承担连带责任。", "成员对联盟债务不承担连带责任。", "各方均不对联盟对外债务负连带清偿责任。"):
        assert not findings("PARTNERSHIP_JOINT_LIABILITY", (None, text)), text


def test_joint_liability_bid_is_info():
    found = findings("PARTNERSHIP_JOINT_LIABILITY", (None, "以联合体形式投标的，联合体各成员对招标人承担连带责任。"))
    assert found and found[0].severity == "info"


def test_partnership_risk_across_sections():
    recital = ("recitals", "各方本着利益共享、风险共担的原则组建联盟。")
    fund = ("funds", "各成员按比例出资设立联盟研发基金。")
    limit = ("breach", "各成员仅就自身义务承担责任。")
    assert findings("PARTNERSHIP_JOINT_LIABILITY", recital, fund)
    assert not findings("PARTNERSHIP_JOINT_LIABILITY", recital, fund, limit)
    assert not findings("PARTNERSHIP_JOINT_LIABILITY", recital)


def test_ip_coowned_rules_in_another_ip_clause_count():
    a = ("ip_benefits", "合作完成的新成果由合作各方共有。")
    b = ("ip_benefits", "共有各方均可自行实施；对外许可和转让须经全体同意；费用按份额分担，收益按份额分配。")
    assert findings("IP_COOWNED_NO_RULES", a)
    assert not findings("IP_COOWNED_NO_RULES", a, b)


def test_ip_coowned_outside_ip_section_is_not_this_rules_business():
    assert not findings("IP_COOWNED_NO_RULES", ("dissolution", "联盟解散时共有的知识产权由原共有人共有。"))


def test_ip_coowned_downgraded_when_left_to_project_contract():
    found = findings("IP_COOWNED_NO_RULES", ("ip_benefits", "新成果由参与方共有，具体另行签订项目协议约定。"))
    assert found and found[0].severity == "info"


def test_ip_default_gap_message_names_both_gaps():
    found = findings("IP_STATUTORY_DEFAULT_GAP", ("ip_benefits", "联盟项目形成的知识产权由参与各方共有。"))
    assert len(found) == 1
    assert "第八百六十条" in found[0].message and "第八百六十一条" in found[0].message


def test_gov_exclusivity_carve_out_in_same_clause():
    assert findings("GOV_IP_EXCLUSIVITY", ("ip_benefits", "利用财政资金形成的成果仅限联盟成员使用。"))
    assert not findings("GOV_IP_EXCLUSIVITY", ("ip_benefits", "利用财政资金形成的成果按照国家有关规定执行，其他成果仅限联盟成员使用。"))


def test_confidentiality_survival_anywhere_in_document():
    duty = ("members", "各方对联盟中获知的保密信息负有保密义务。")
    survive = ("members", "成员退出后，仍应继续履行保密义务。")
    assert findings("CONFIDENTIALITY_GAPS", duty)
    assert not findings("CONFIDENTIALITY_GAPS", duty, survive)


def test_confidentiality_missing_entirely_has_no_clause():
    found = findings("CONFIDENTIALITY_GAPS", ("funds", "经费由依托单位管理。"))
    assert len(found) == 1 and found[0].clause_id is None and found[0].section == "other_matters"


def test_external_entity_mismatch_across_sections():
    org = ("organization", "各方约定甲方作为联盟对外承担责任的主体。")
    chair = ("organization", "乙方担任联盟理事长单位。")
    plan = ("projects", "联盟承担国家重点研发计划项目的，由理事会组织申报。")
    recourse = ("organization", "对外责任主体承担的责任由相关成员按比例分担。")
    found = findings("EXTERNAL_ENTITY_MISMATCH", org, chair, plan, recourse)
    assert len(found) == 1 and "甲方" in found[0].message and "乙方" in found[0].message
    assert not findings("EXTERNAL_ENTITY_MISMATCH", org, chair, recourse)


def test_account_seal_negated_and_host_account():
    assert not findings("UNREGISTERED_ACCOUNT_SEAL", (None, "联盟不开设银行账户，也不刻制公章。"))
    assert not findings("UNREGISTERED_ACCOUNT_SEAL", (None, "政府资助资金进入依托单位开设的联盟专用账户。"))


def test_liquidated_damages_severities():
    assert findings("LIQUIDATED_DAMAGES", ("breach", "违约金不予调整。"))[0].severity == "warning"
    both = findings("LIQUIDATED_DAMAGES", ("breach", "违约方应支付违约金并承担定金罚则。"))
    assert both and both[0].severity == "info"
    assert not findings("LIQUIDATED_DAMAGES", ("breach", "定金为项目经费的20%。"))
    assert findings("LIQUIDATED_DAMAGES", ("breach", "定金为项目经费的百分之二十五。"))


def test_force_majeure_only_in_its_section():
    text = "因不可抗力、市场变化导致不能履行的，不承担任何责任。"
    assert findings("FORCE_MAJEURE_SCOPE", ("force_majeure", text))
    assert not findings("FORCE_MAJEURE_SCOPE", ("breach", text))


def test_force_majeure_one_missing_duty_is_info():
    found = findings("FORCE_MAJEURE_SCOPE", ("force_majeure", "因不可抗力不能履行的，应及时通知其他各方，并根据影响部分或者全部免除责任。"))
    assert len(found) == 1 and found[0].severity == "info"


def test_withdrawal_blocked_depends_on_term_elsewhere():
    block = ("members", "成员不得退出联盟。")
    assert findings("WITHDRAWAL_BLOCKED", block)
    assert not findings("WITHDRAWAL_BLOCKED", block, ("effect_amendment", "本协议有效期为三年。"))


def test_term_missing_looks_at_whole_document():
    eff = ("effect_amendment", "本协议自各方签字盖章之日起生效。")
    found = findings("TERM_MISSING", eff, ("members", "成员可以书面通知退出。"))
    assert len(found) == 1 and found[0].span is None and found[0].section == "effect_amendment"
    assert not findings("TERM_MISSING", eff, ("dissolution", "联盟有效期十年，期满自动解散。"))
    assert not findings("TERM_MISSING", eff, ("recitals", "本协议有效期三年。"))


def test_rd_failure_risk_not_satisfied_by_policy_slogan():
    rd = ("projects", "联盟项目由理事会立项，承担方组织研发。")
    assert findings("RD_FAILURE_RISK", rd, ("recitals", "各方利益共享、风险共担。"))
    assert not findings("RD_FAILURE_RISK", rd, ("breach", "项目研发失败的损失按投入比例分担。"))


def test_state_univ_pricing_needs_a_state_member():
    clause = ("ip_benefits", "乙方将其专利无偿转让给甲方。")
    assert not findings("STATE_UNIV_IP_PRICING", ("parties", "甲方：某某有限公司\n乙方：某某科技有限公司"), clause)
    assert findings("STATE_UNIV_IP_PRICING", ("parties", "甲方：某某有限公司\n乙方：某某大学"), clause)


def test_governing_law_foreign_allowed_with_a_foreign_member():
    law = ("governing_law", "本协议适用香港特别行政区法律。")
    assert findings("GOVERNING_LAW_FOREIGN", ("parties", "甲方：福建某某有限公司"), law)
    assert not findings("GOVERNING_LAW_FOREIGN", ("parties", "乙方：香港某某有限公司"), law)


def test_expulsion_power_list_is_not_an_expulsion_rule():
    assert not findings("EXPULSION_NOTICE", ("organization", "理事会决定成员的加入和除名。"))


def test_personnel_ip_ignores_secretariat_staff():
    assert not findings("PERSONNEL_IP", ("organization", "秘书处专职人员由理事长单位委派。"))
    assert findings("PERSONNEL_IP", ("projects", "乙方选派科研人员到甲方参加联合攻关。"))
