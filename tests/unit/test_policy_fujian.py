"""Fujian rules (闽科政〔2009〕46号) that look across sections: alliance name from the title,
power of attorney anywhere in the agreement, attachments only when there are any."""
from __future__ import annotations

from test_policy_national import run


def test_alliance_name_read_from_title_line():
    found = run("ALLIANCE_NAME_FORMAT_NONSTANDARD", [("title", "福建智能装备产业联盟协议书")])
    assert found and "福建智能装备产业联盟" in found[0].message
    assert run("ALLIANCE_NAME_FORMAT_NONSTANDARD", [("title", "福建智能装备产业技术创新战略联盟协议书")]) == []


def test_no_name_no_finding():
    assert run("ALLIANCE_NAME_FORMAT_NONSTANDARD", [("name_principles", "联盟遵循平等自愿原则。")]) == []


def test_power_of_attorney_mentioned_in_another_section_is_enough():
    parts = [("organization", "其他对外文件由相关成员共同出具授权委托书，委托理事长单位签署。"),
             ("signature", "甲方（盖章）：\n法定代表人或授权代表（签字）：")]
    assert run("AGENT_SIGNING_WITHOUT_POWER_OF_ATTORNEY", parts) == []
    assert run("AGENT_SIGNING_WITHOUT_POWER_OF_ATTORNEY", parts[1:])


def test_attachment_rule_only_when_attachments_exist():
    assert run("ATTACHMENT_WITHOUT_EFFECT_PROCEDURE", [("funds", "联盟经费由依托单位专账管理。")]) == []
    parts = [("effect_amendment", "本协议及其附件经各方法定代表人签字并盖章后生效。"),
             ("attachments", "附件一：《联盟经费管理办法》")]
    assert run("ATTACHMENT_WITHOUT_EFFECT_PROCEDURE", parts) == []
    assert run("ATTACHMENT_WITHOUT_EFFECT_PROCEDURE", parts[1:])


def test_authorization_rule_waits_for_a_liable_entity():
    # With no liable entity at all, LIABLE_ENTITY_MISSING speaks; this rule stays quiet.
    assert run("LIABLE_ENTITY_AUTHORIZATION_UNDEFINED", [("organization", "联盟设理事会和秘书处。")]) == []
    assert run("LIABLE_ENTITY_AUTHORIZATION_UNDEFINED", [("organization", "甲方为联盟对外承担责任的主体。")],
               profile="sichuan")
    # 福建编写参考四.3 and 四川第九条 2 ask for it; Hunan does not.
    from checker.rules.profiles import load_profile
    from checker.rules.loader import rules_for
    assert "LIABLE_ENTITY_AUTHORIZATION_UNDEFINED" not in {r.id for r in rules_for(load_profile("hunan"))}
