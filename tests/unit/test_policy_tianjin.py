"""Tianjin rules (津滨科发〔2012〕8号 附件2): thresholds come from the profile's params and the
message states the counts; 滨海新区 registration of 理事长单位 / 依托单位."""
from __future__ import annotations

from dataclasses import replace

from checker.model import Block, Clause, Document
from checker.rules.profiles import load_profile
from checker.rules.context import ReviewContext
from checker.rules.loader import rules_by_id
from checker.rules.runner import run_rules
from test_policy_national import run

ENTS = ["天津滨海智造装备股份有限公司", "天津港湾新材料科技有限公司", "天津泰达精密仪器有限公司",
        "天津临港海洋工程有限公司", "天津东疆智能物流有限公司"]
OTHERS = ["津海理工大学", "天津滨海新材料研究院", "天津市海洋装备研究所", "天津滨海电子信息产业协会"]
STEMS = "甲乙丙丁戊己庚辛壬癸"


def block(names):
    return "\n".join(f"{STEMS[i]}方：{n}，住所地：天津市滨海新区第{i + 1}大街{i + 10}号，法定代表人：张某"
                     for i, n in enumerate(names))


def run_with(rule_id, text, **params):
    prof = load_profile("tianjin")
    prof = replace(prof, params={**prof.params, **params})
    c = Clause(id="c1", kind="article", number=None, heading=None, text=text, span=(0, len(text)),
               section="parties", confidence=1.0)
    doc = Document(name="t.txt", format="text", text=text, blocks=[Block(text=text, start=0)])
    return run_rules(ReviewContext(document=doc, units=[c], clauses=[c], profile=prof), [rules_by_id()[rule_id]])


def test_counts_are_in_the_message():
    text = block(ENTS[:5] + OTHERS[:4])           # 9 members, 5 enterprises
    count = run("MEMBER_COUNT_BELOW_MINIMUM", [("parties", text)], profile="tianjin")
    share = run("ENTERPRISE_SHARE_BELOW_MINIMUM", [("parties", text)], profile="tianjin")
    assert "共 9 家" in count[0].message and "10 家" in count[0].message
    assert "企业 5 家" in share[0].message and "56%" in share[0].message


def test_thresholds_follow_profile_params():
    text = block(ENTS[:3] + OTHERS[:1])           # 4 members, 75 % enterprises
    assert run_with("MEMBER_COUNT_BELOW_MINIMUM", text)
    assert run_with("MEMBER_COUNT_BELOW_MINIMUM", text, min_members=4) == []
    assert run_with("ENTERPRISE_SHARE_BELOW_MINIMUM", text) == []
    assert run_with("ENTERPRISE_SHARE_BELOW_MINIMUM", text, min_enterprise_share=0.8)


def test_exactly_sixty_percent_passes():
    text = block(ENTS[:5] + ["天津大港石化装备有限公司"] + OTHERS[:4])
    assert run("ENTERPRISE_SHARE_BELOW_MINIMUM", [("parties", text)], profile="tianjin") == []


def test_host_in_binhai_must_be_an_enterprise():
    text = ("甲方（理事长单位）：北京京华智能装备有限公司\n住所地：北京市海淀区中关村大街1号\n法定代表人：王某\n"
            "乙方（依托单位）：天津滨海新材料研究院\n住所地：天津市滨海新区第8大街17号\n法定代表人：李某")
    found = run("CHAIR_AND_HOST_OUTSIDE_BINHAI", [("parties", text)], profile="tianjin")
    assert found and "不是企业法人" in found[0].message


def test_governance_message_lists_missing_duties():
    found = run("GOVERNANCE_DUTIES_INCOMPLETE", [("organization", "联盟设理事会和秘书处，秘书处负责日常事务。")],
                profile="tianjin")
    msg = found[0].message
    assert "未设专家委员会" in msg and "成果转化及收益分配" in msg and "日常事务" not in msg.split("缺少")[1]
