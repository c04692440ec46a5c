"""An article inside a chapter whose heading names one topic is on that topic (the chapters are the drafter's
own outline, 闽科政〔2009〕46号 附件1 四.1–四.11): a body that stresses another topic's words does not move it
out of its chapter (ext e09 第二十五条, 第四十二条; e05 第七条). General chapters (总则, 附则) and chapters naming
several topics decide nothing."""
from __future__ import annotations

import pytest

from checker import check
from checker.classify.outline import chapter_section
from checker.model import Clause


def _chapter(heading: str) -> Clause:
    return Clause(id="h1", kind="chapter", number="第一章", heading=heading, text=f"第一章 {heading}", span=(0, 1))


@pytest.mark.parametrize("heading,key", [
    ("经费管理", "funds"), ("违约责任", "breach"), ("目标与任务", "goals_tasks"), ("联盟成员", "members"),
    ("知识产权与收益分配", "ip_benefits"), ("总则", None), ("附则", None), ("组织机构和成员", None),
])
def test_chapter_section(heading, key):
    assert chapter_section(_chapter(heading)) == key


HEAD = ("某某产业技术创新战略联盟协议书\n甲方：甲科技有限公司\n住所：福州市一路1号\n法定代表人：张一\n"
        "乙方：乙大学\n住所：福州市二路2号\n法定代表人：李二\n鉴于各方均为独立法人，经平等协商，达成协议如下：\n"
        "第一章 总则\n第一条 联盟名称为某某联盟，宗旨是联合开展技术创新。\n")
TAIL = "第六章 附则\n第九条 争议提交福州仲裁委员会仲裁。\n甲方（盖章）：甲科技有限公司\n乙方（盖章）：乙大学\n"


def _sections(body: str) -> dict[str, str]:
    rep = check(text=HEAD + body + TAIL, kind="agreement")
    return {c.number: c.section for c in rep.clauses if c.number}


def test_article_in_a_funds_chapter_is_funds_though_it_names_the_bodies():
    got = _sections("第二章 经费管理\n第二条 经费来源：成员按年度缴纳运行费。\n"
                    "第三条 管理方式和管理机构：理事会委托理事长单位设立联盟经费专账，独立核算；秘书处编制年度预算和决算，报理事会审批后执行。\n"
                    "第四条 经费收支情况每年向理事会报告，并接受审计。\n")
    assert got["第三条"] == "funds"


def test_article_in_a_breach_chapter_is_breach_and_still_covers_members():
    rep = check(text=HEAD + "第二章 违约责任\n第二条 任何一方违反本协议约定的，应当承担违约责任，赔偿给其他方造成的损失。\n"
                "第三条 被除名的成员不再享有成员权利，但仍负有保守联盟技术秘密的义务，其已投入联盟的资金不予退还。\n" + TAIL,
                kind="agreement")
    clause = next(c for c in rep.clauses if c.number == "第三条")
    assert clause.section == "breach" and "members" in clause.also_covers


def test_general_chapter_does_not_decide():
    got = _sections("第二条 联盟的主要任务是联合开展关键共性技术攻关，共建公共研发平台，制定团体标准。\n")
    assert got["第二条"] == "goals_tasks"
