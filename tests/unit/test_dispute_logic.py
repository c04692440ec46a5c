"""Dispute-clause reading (forums, masking, forms, bodies, court places) and the dispute rules'
spans, severities and cross-section behaviour (JURIS_NO_CONNECTION with preamble domiciles)."""
import pytest

from checker.facts.disputes import arbitration_bodies, court_choices, forums, place_cores
from checker.model import Block, Clause, Document
from checker.rules.profiles import load_profile
from checker.rules.context import ReviewContext
from checker.rules.loader import rules_by_id
from checker.rules.runner import run_rules


def run(rule_id, parts):
    text, units, pos = "", [], 0
    for i, (sec, t) in enumerate(parts):
        units.append(Clause(id=f"c{i}", kind="article", number=None, heading=None, text=t,
                            span=(pos, pos + len(t)), section=sec, confidence=1.0))
        text += t + "\n"
        pos += len(t) + 1
    d = Document(name="t.txt", format="text", text=text, blocks=[Block(text=text)])
    ctx = ReviewContext(document=d, units=units, clauses=units, profile=load_profile("fujian"))
    found = run_rules(ctx, [rules_by_id()[rule_id]])
    return found, [d.text[f.span[0]:f.span[1]] for f in found]


@pytest.mark.parametrize("text,arb,court", [
    ("提交厦门仲裁委员会仲裁，也可向甲方所在地人民法院起诉。", True, True),
    ("提交厦门仲裁委员会仲裁。任何一方可向有管辖权的人民法院申请强制执行。", True, False),
    ("提交厦门仲裁委员会仲裁。对仲裁协议效力有异议的，可请求人民法院作出裁定。", True, False),
    ("向甲方住所地人民法院起诉，仲裁费或诉讼费由败诉方承担。", False, True),
    ("上述地址适用于仲裁及诉讼程序中法律文书的送达。", False, False),
    ("提交福州仲裁委员会仲裁。如仲裁条款无效，则由甲方住所地人民法院管辖。", True, False),
    ("在诉讼或仲裁期间，各方继续履行其他条款。", False, False),
])
def test_forums_masking(text, arb, court):
    f = forums(text)
    assert bool(f.arb) is arb and bool(f.court) is court


def test_fallback_flag():
    assert forums("提交福州仲裁委员会仲裁。如仲裁条款无效，则由甲方住所地人民法院管辖。").fallback


def test_form_options():
    blank = forums("选择以下第__种方式：（一）提交____仲裁委员会仲裁；（二）向____人民法院起诉。")
    assert blank.form and blank.form_chosen == set()
    both = forums("按下列方式：☑（一）提交厦门仲裁委员会仲裁；☑（二）向厦门市人民法院起诉。")
    assert both.form_chosen == {"arb", "court"}
    text = forums("双方选择第（一）、（二）种方式：（一）提交厦门仲裁委员会仲裁；（二）向厦门市人民法院起诉。")
    assert text.form_chosen == {"arb", "court"}
    one = forums("按下列方式：□（一）提交厦门仲裁委员会仲裁；■（二）向厦门市人民法院起诉。")
    assert one.form_chosen == {"court"} and not one.arb and one.court


@pytest.mark.parametrize("text,kind", [
    ("提交厦门仲裁委员会仲裁。", "named"),
    ("提交中国国际经济贸易仲裁委员会华南分会仲裁。", "named"),
    ("提交贸仲仲裁。", "named"),
    ("提交当地仲裁委员会仲裁。", "generic"),
    ("提交仲裁机构仲裁。", "generic"),
    ("提交申请人所在地仲裁委员会仲裁。", "floating"),
    ("提交联盟秘书处所在地的仲裁机构仲裁。", "place"),
    ("提交厦门市的仲裁机构仲裁。", "place"),
    ("提交【仲裁委员会全称】仲裁。", "named"),
])
def test_arbitration_bodies(text, kind):
    assert arbitration_bodies(forums(text).masked)[0].kind == kind


def test_court_choices_and_places():
    ch = court_choices(forums("向厦门市思明区人民法院起诉。").masked)[0]
    assert ch.kind == "concrete" and ch.basic and ch.prefix == "厦门市思明区"
    assert place_cores(ch.prefix) == ["厦门", "思明"]
    assert court_choices(forums("向原告住所地人民法院起诉。").masked)[0].kind == "floating"
    assert court_choices(forums("向联盟秘书处所在地的人民法院起诉。").masked)[0].kind == "alliance"
    assert court_choices(forums("由甲方所在地人民法院管辖。").masked)[0].kind == "party"


def test_both_forums_span_covers_the_two_choices():
    found, spans = run("DISPUTE_BOTH_FORUMS", [("dispute_resolution", "协商不成的，提交厦门仲裁委员会仲裁，或向甲方所在地人民法院起诉。")])
    assert len(found) == 1 and spans[0].startswith("仲裁") and spans[0].endswith("人民法院")


def test_both_forums_across_two_dispute_units():
    found, spans = run("DISPUTE_BOTH_FORUMS", [("dispute_resolution", "协商不成的，提交厦门仲裁委员会仲裁。"),
                                               ("dispute_resolution", "任何一方也可向甲方所在地人民法院起诉。")])
    assert len(found) == 1 and found[0].clause_id == "c1"


def test_no_forum_quiet_without_section_and_on_choice():
    assert run("DISPUTE_NO_FORUM", [("breach", "违约方应赔偿损失。")])[0] == []
    found, spans = run("DISPUTE_NO_FORUM", [("dispute_resolution", "争议由各方友好协商解决。")])
    assert spans == ["友好协商"]


def test_no_institution_severity_and_span():
    found, spans = run("ARBITRATION_NO_INSTITUTION", [("dispute_resolution", "协商不成的，提交当地仲裁委员会仲裁。")])
    assert found[0].severity == "error" and spans == ["当地仲裁委员会"]
    found, spans = run("ARBITRATION_NO_INSTITUTION", [("dispute_resolution", "协商不成的，提交厦门市的仲裁机构仲裁。")])
    assert found[0].severity == "warning" and spans == ["厦门市的仲裁机构"]
    found, _ = run("ARBITRATION_NO_INSTITUTION", [("dispute_resolution", "协商不成的，提交申请人所在地仲裁委员会仲裁。")])
    assert found == []        # ARB_MULTI_COMMISSION reports the floating place


def test_sequential_span_is_the_then_court_words():
    found, spans = run("DISPUTE_BOTH_FORUMS", [("dispute_resolution", "提交厦门仲裁委员会仲裁；对仲裁裁决不服的，可向人民法院起诉。")])
    assert spans == ["仲裁裁决不服的，可向人民法院起诉"]


def test_multi_commission_branch_is_one():
    assert run("ARB_MULTI_COMMISSION", [("dispute_resolution", "提交中国国际经济贸易仲裁委员会或其华南分会仲裁。")])[0] == []
    assert run("ARB_MULTI_COMMISSION", [("dispute_resolution", "提交厦门仲裁委员会或福州仲裁委员会仲裁。")])[0]


PARTIES = ("parties", "甲方：厦门海湾电子有限公司\n住所地：福建省厦门市湖里区华光路3号\n法定代表人：陈某\n"
                      "乙方：闽南理工大学\n住所地：福建省泉州市丰泽区学府路1号\n法定代表人：王某")


def test_juris_connection_uses_preamble_domiciles():
    found, spans = run("JURIS_NO_CONNECTION", [PARTIES, ("dispute_resolution", "协商不成的，向上海市浦东新区人民法院起诉。")])
    assert spans == ["上海市浦东新区人民法院"] and found[0].severity == "warning"
    assert run("JURIS_NO_CONNECTION", [PARTIES, ("dispute_resolution", "协商不成的，向泉州市中级人民法院起诉。")])[0] == []
    found, _ = run("JURIS_NO_CONNECTION", [PARTIES, ("dispute_resolution", "协商不成的，向联盟秘书处所在地人民法院起诉。")])
    assert found[0].severity == "info"
    # No domicile known anywhere: nothing to compare, stay quiet.
    assert run("JURIS_NO_CONNECTION", [("dispute_resolution", "协商不成的，向上海市浦东新区人民法院起诉。")])[0] == []


@pytest.mark.parametrize("court", ["协议方（一）所在地人民法院", "协议方(二)住所地人民法院", "成员单位（3）住所地人民法院"])
def test_court_of_a_party_named_by_a_bracketed_role_label(court):
    # the bracket of "协议方（一）" is part of the role label, not the end of the court's name
    ch = court_choices(forums(f"协商不成的，向{court}起诉。").masked)[0]
    assert ch.kind == "party" and ch.prefix == court.replace("人民法院", "")
    assert run("JURIS_NO_CONNECTION", [PARTIES, ("dispute_resolution", f"协商不成的，向{court}起诉。")])[0] == []


def test_service_address_names_missing_parts():
    found, _ = run("SERVICE_ADDRESS_CONFIRM", [("notices", "通知以书面形式发送至首部地址。")])
    assert "诉讼、仲裁" in found[0].message and "变更" in found[0].message
    assert run("SERVICE_ADDRESS_CONFIRM", [("dispute_resolution", "协商不成的，提交厦门仲裁委员会仲裁。")])[0] == []


def test_form_choice_written_as_text():
    f = forums("协商不成的，按下列第（一）种方式解决：\n（一）提交上海国际仲裁中心仲裁；\n（二）向联盟秘书处所在地人民法院起诉。\n"
               "各方已选定第（一）种方式。仲裁费或诉讼费由败诉方承担。")
    assert f.form and f.form_chosen == {"arb"} and f.arb and not f.court


# --- issue 12: forums read across the agreement, fallbacks, commission names ------------------------------

def test_court_clause_in_governing_law_conflicts_with_arbitration_elsewhere():
    found, _ = run("DISPUTE_BOTH_FORUMS", [
        ("dispute_resolution", "因本协议引起的争议，协商不成的，提交厦门仲裁委员会仲裁。"),
        ("governing_law", "本协议适用中华人民共和国法律。因本协议发生的纠纷，由甲方住所地人民法院管辖。"),
    ])
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].clause_id == "c1" and "两处合起来" in found[0].message


def test_court_in_attachment_conflicts_with_arbitration_clause():
    found, _ = run("DISPUTE_BOTH_FORUMS", [
        ("dispute_resolution", "协商不成的，提交福州仲裁委员会仲裁。"),
        ("attachments", "附件一 项目协议：本项目协议发生争议的，向福州市中级人民法院提起诉讼。"),
    ])
    assert found and found[0].clause_id == "c1"


def test_court_only_for_enforcement_elsewhere_is_no_conflict():
    found, _ = run("DISPUTE_BOTH_FORUMS", [
        ("dispute_resolution", "协商不成的，提交福州仲裁委员会仲裁。"),
        ("governing_law", "本协议适用中华人民共和国法律。仲裁裁决作出后，一方可向有管辖权的人民法院申请执行。"),
    ])
    assert not found


@pytest.mark.parametrize("text", [
    "协商不成的，提交厦门仲裁委员会仲裁；对依法不能仲裁的争议，向甲方住所地人民法院起诉。",
    "因本协议引起的争议，提交福州仲裁委员会仲裁；不属于仲裁范围的事项，由甲方所在地人民法院管辖。",
    "协商不成的，提交泉州仲裁委员会仲裁；不能仲裁的争议由泉州市中级人民法院管辖。",
])
def test_court_fallback_for_non_arbitrable_disputes_is_not_elective(text):
    assert not forums(text).court
    assert not run("DISPUTE_BOTH_FORUMS", [("dispute_resolution", text)])[0]


def test_sequential_clause_is_both_forums_only():
    text = "协商不成的，提交泉州仲裁委员会仲裁；对仲裁裁决不服的，可向泉州市中级人民法院起诉。"
    assert run("DISPUTE_BOTH_FORUMS", [("dispute_resolution", text)])[0]
    assert not run("ARB_THEN_COURT", [("dispute_resolution", text)])[0]


def test_then_court_with_unknown_commission_fires_both():
    text = "争议提交泉港仲裁委员会仲裁，仲裁无果，可向当地法院起诉。"
    then, _ = run("DISPUTE_BOTH_FORUMS", [("dispute_resolution", text)])
    body, words = run("ARBITRATION_NO_INSTITUTION", [("dispute_resolution", text)])
    assert then and body and body[0].severity == "error" and "泉港仲裁委员会" in words[0]


@pytest.mark.parametrize("text,written", [
    ("协商不成的，提交中国国际经济贸易委员会仲裁。", "中国国际经济贸易委员会"),
    ("协商不成的，提交中国国际贸易促进委员会仲裁。", "中国国际贸易促进委员会"),
    ("协商不成的，提交中国国际贸易仲裁委员会仲裁。", "中国国际贸易仲裁委员会"),
])
def test_misnamed_commission_is_identified_with_info(text, written):
    found, _ = run("ARBITRATION_NO_INSTITUTION", [("dispute_resolution", text)])
    assert len(found) == 1 and found[0].severity == "info"
    assert written in found[0].message and "中国国际经济贸易仲裁委员会" in found[0].message


@pytest.mark.parametrize("written,official", [
    ("厦门仲裁委员会", "厦门仲裁委员会"), ("泉州市仲裁委员会", "泉州仲裁委员会"),
    ("福建省福州市仲裁委员会", "福州仲裁委员会"), ("延边朝鲜族自治州仲裁委员会", "延边仲裁委员会"),
    ("上海国际仲裁中心", "上海国际经济贸易仲裁委员会"), ("中国国际经济贸易仲裁委员会华南分会", "中国国际经济贸易仲裁委员会华南分会"),
    ("深圳仲裁委员会", "深圳国际仲裁院"), ("中国海事仲裁委员会", "中国海事仲裁委员会"),
])
def test_real_commissions_are_identified(written, official):
    from checker.facts.disputes import identify

    c = identify(written)
    assert (c.name, c.status) == (official, "exact")


def test_commission_list_is_one_list_of_real_bodies():
    from checker.facts.disputes import commission_names, identify

    names = commission_names()
    assert 250 <= len(names) <= 400 and len(set(names)) == len(names)
    assert "厦门仲裁委员会" in names and "中国国际经济贸易仲裁委员会" in names and "中国海事仲裁委员会" in names
    assert identify("海峡仲裁委员会").status == "unknown"
    assert identify("福建省仲裁委员会").status == "province"


@pytest.mark.parametrize("text", [
    "协商不成的，由提出请求的一方选择以下方式之一解决：（一）向福州仲裁委员会申请仲裁；（二）向联盟秘书处所在地人民法院起诉。",
    "协商不成的，任何一方均有权在下列方式中任选其一：1. 提交厦门仲裁委员会仲裁；2. 向甲方住所地人民法院起诉。",
    "协商不成的，由申请方选择下列方式之一：(1)提交泉州仲裁委员会仲裁；(2)向乙方所在地人民法院提起诉讼。",
    "争议发生后，双方可以选择以下方式之一：（一）提交厦门仲裁委员会仲裁；（二）向厦门市中级人民法院起诉。",
])
def test_options_left_to_a_party_are_an_elective_choice(text):
    # 法释〔2006〕7号 第七条: a choice made when the dispute arises is 或裁或诉, not a form filled in at signing
    f = forums(text)
    assert not f.form and f.arb and f.court
    assert len(run("DISPUTE_BOTH_FORUMS", [("dispute_resolution", text)])[0]) == 1


@pytest.mark.parametrize("text", [
    "协商不成的，双方选择以下第____种方式解决（两种方式择一）：（一）提交______仲裁委员会仲裁；（二）向______人民法院起诉。",
    "协商不成的，任何一方均可选择以下第（一）种方式：（一）提交厦门仲裁委员会仲裁；（二）向甲方所在地人民法院起诉。",
    "协商不成的，一方可以选择下列方式：■（一）提交厦门仲裁委员会仲裁；□（二）向甲方所在地人民法院起诉。",
    "协商不成的，提交泉州仲裁委员会仲裁；申请人可以选择在仲裁前向有管辖权的人民法院申请财产保全。",
])
def test_form_or_court_support_is_not_an_elective_choice(text):
    assert run("DISPUTE_BOTH_FORUMS", [("dispute_resolution", text)])[0] == []
