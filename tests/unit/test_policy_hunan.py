"""Hunan rules (湘科〔2016〕106号 第十八、二十条): definitions and negations do not count."""
from __future__ import annotations

from test_policy_national import run


def test_chair_in_definition_only_still_fires():
    parts = [("definitions", "“理事长单位”是指联盟承担科技计划项目的责任主体单位。"),
             ("organization", "联盟设理事会，理事长单位由理事会选举产生。")]
    assert run("CHAIR_NOT_PROJECT_RESPONSIBLE", parts, profile="hunan")


def test_chair_responsibility_in_projects_section_counts():
    parts = [("organization", "联盟设理事会，理事长单位由理事会选举产生。"),
             ("projects", "联盟承担省科技计划项目的，理事长单位对项目实施负总责。")]
    assert run("CHAIR_NOT_PROJECT_RESPONSIBLE", parts, profile="hunan") == []


def test_in_province_licensing_free_licence_is_not_a_negation():
    ok = [("ip_benefits", "省级科技计划项目形成的知识产权，联盟应无偿许可省内其他单位实施。")]
    assert run("IN_PROVINCE_LICENSING_DUTY_MISSING", ok, profile="hunan") == []
    bad = [("ip_benefits", "联盟项目成果不得许可省内其他单位实施。")]
    assert run("IN_PROVINCE_LICENSING_DUTY_MISSING", bad, profile="hunan")


def test_exit_handling_may_sit_in_the_members_section():
    parts = [("ip_benefits", "联盟项目产生的新知识产权归完成方所有。"),
             ("members", "成员退出的，其已许可其他成员使用的知识产权，其他成员可继续使用。")]
    assert run("IP_EXIT_DISSOLUTION_UNHANDLED", parts, profile="hunan") == []
