"""Section coverage reads what a clause provides, not a word it mentions in passing (issue 7, dev status
errors): a member-duty list that says 保守秘密 is no confidentiality provision; “凡……可以申请加入” states the
membership condition; “任务完成，联盟终止” states when the alliance dissolves (闽科政〔2009〕46号 附件1 四.4、四.8、四.11)."""
from __future__ import annotations

import pytest

from checker import check

HEAD = ("某某产业技术创新战略联盟协议书\n甲方：甲科技有限公司\n住所：福州市一路1号\n法定代表人：张一\n"
        "乙方：乙大学\n住所：福州市二路2号\n法定代表人：李二\n鉴于各方均为独立法人，经平等协商，达成协议如下：\n"
        "第一条 联盟名称和宗旨\n联盟名称为某某联盟，宗旨是联合开展技术创新。\n")
TAIL = "第九条 争议解决\n争议提交福州仲裁委员会仲裁。\n甲方（盖章）：甲科技有限公司\n乙方（盖章）：乙大学\n"


def _status(body: str) -> dict[str, tuple[str, list[str]]]:
    rep = check(text=HEAD + body + TAIL, kind="agreement")
    return {s.key: (s.status, s.missing_elements) for s in rep.sections}


@pytest.mark.parametrize("mention", [
    "成员享有参与项目的权利，负有投入经费、完成任务和保密的义务。",
    "成员应遵守本协议，按时投入经费，保守联盟及其他成员的技术秘密。",
    "成员享有优先获得成果许可的权利，承担遵守协议、投入经费和保守秘密的义务。",
])
def test_passing_mention_of_secrecy_is_not_a_confidentiality_provision(mention):
    st = _status("第二条 联盟成员\n成员应为独立法人。" + mention + "新成员经理事会同意后加入，成员可以退出，违约的予以除名。\n")
    assert st["other_matters"][0] == "missing"


@pytest.mark.parametrize("clause", [
    "各方对在联盟合作中知悉的其他成员的技术秘密负有保密义务，保密期限不因本协议终止而终止。",
    "未经提供方书面同意，任何一方不得向第三方披露联盟的技术资料。",
])
def test_confidentiality_provision_inside_another_clause_covers_other_matters(clause):
    st = _status("第二条 联盟成员\n成员应为独立法人，享有权利，履行义务；新成员经理事会同意后加入，成员可以退出，违约的予以除名。"
                 + clause + "\n")
    assert st["other_matters"][0] == "present"


def test_fan_ke_shenqing_is_a_membership_condition():
    st = _status("第二条 联盟成员\n凡从事种业研发、生产的独立法人，承认本协议的，可以申请加入联盟，经理事会批准后成为成员。"
                 "成员享有参与联盟活动的权利，履行完成任务的义务。成员可以申请退出；严重违约的，经理事会决议除名。\n")
    assert st["members"] == ("present", [])


def test_task_completed_alliance_ends_names_the_dissolution_case():
    st = _status("第八条 联盟的终止\n经理事会决议或者联盟任务完成，联盟终止。联盟终止时由理事会组织清算，剩余财产按投入比例分配。\n")
    assert st["dissolution"] == ("present", [])


def test_a_one_line_tail_on_another_topic_does_not_decide_the_clause():
    """第十一条 without a heading: a notices clause with the governing-law sentence tacked on is a notices
    clause that also covers governing law (dev c20 第十一条)."""
    rep = check(text=HEAD + "第二条 本协议首部所列住所为各方的送达地址，地址变更的应当及时书面通知其他各方。"
                "本协议适用中华人民共和国法律。\n" + TAIL, kind="agreement")
    clause = next(c for c in rep.clauses if c.number == "第二条")
    assert clause.section == "notices"
    assert "governing_law" in clause.also_covers
    assert {s.key: s.status for s in rep.sections}["governing_law"] == "present"


def test_a_clause_whose_body_is_one_topic_keeps_it():
    rep = check(text=HEAD + "第二条 本协议适用中华人民共和国法律。本协议的解释亦适用中华人民共和国法律。\n" + TAIL, kind="agreement")
    assert next(c for c in rep.clauses if c.number == "第二条").section == "governing_law"


def test_a_tail_is_a_whole_sentence_not_the_part_after_a_semicolon():
    """A law sentence followed by one dispute sentence in two parts (……协商解决；协商不成的，提交……仲裁): the
    part after "；" is no sentence of its own, so the first half of the dispute sentence does not decide the
    clause (ext e09 第四十四条)."""
    rep = check(text=HEAD + "第二条 本协议适用中华人民共和国法律。因本协议发生的争议，各方应当友好协商解决；协商不成的，"
                "提交福州仲裁委员会依照其仲裁规则仲裁，裁决为终局裁决。\n" + TAIL, kind="agreement")
    clause = next(c for c in rep.clauses if c.number == "第二条")
    assert clause.section == "dispute_resolution"
    assert "governing_law" in clause.also_covers
