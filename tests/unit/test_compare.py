"""Version comparison matches findings by rule, section and evidence, not by offsets."""
from checker.review.compare import compare


def f(rule, section, evidence, span):
    return {"rule": rule, "section": section, "evidence": evidence, "span": span, "clause_id": "c1"}


def test_fixed_new_remaining_despite_moved_offsets():
    old = {"findings": [
        f("DISPUTE_BOTH_FORUMS", "dispute_resolution", "提交福州仲裁委员会仲裁，也可向人民法院起诉", [100, 130]),
        f("SECTION_MISSING", "force_majeure", "", None),
        f("PARTY_INFO_INCOMPLETE", "parties", "乙方：厦门船舶研究院", [10, 20]),
        f("PARTY_INFO_INCOMPLETE", "parties", "丙方：泉州新材料有限公司", [30, 40]),
    ]}
    new = {"findings": [
        f("PARTY_INFO_INCOMPLETE", "parties", "丙方：泉州新材料有限公司 ", [55, 66]),   # moved down
        f("SECTION_MISSING", "force_majeure", "", None),
        f("ARBITRATION_NO_INSTITUTION", "dispute_resolution", "提交仲裁", [300, 304]),
    ]}
    r = compare(old, new)
    assert [x["evidence"] for x in r["fixed"]] == ["提交福州仲裁委员会仲裁，也可向人民法院起诉", "乙方：厦门船舶研究院"]
    assert [x["rule"] for x in r["new"]] == ["ARBITRATION_NO_INSTITUTION"]
    assert [x["rule"] for x in r["remaining"]] == ["PARTY_INFO_INCOMPLETE", "SECTION_MISSING"]
    assert r["remaining"][0]["span"] == [55, 66]


def test_same_rule_other_section_is_not_a_match():
    old = {"findings": [f("SECTION_MISSING", "notices", "", None)]}
    new = {"findings": [f("SECTION_MISSING", "governing_law", "", None)]}
    r = compare(old, new)
    assert len(r["fixed"]) == 1 and len(r["new"]) == 1 and r["remaining"] == []
