"""An unsure clause settled by the clauses around it (checker/classify/outline.py): a numbering style that
drops the chapter headings must not change how a clause between two clauses of one chapter is read."""
from checker.classify.outline import _settle_by_neighbours, classify, classify_texts
from checker.ingest import from_text
from checker.model import Clause
from checker.structure.segment import containers_of, segment

PRE = ("某某产业技术创新战略联盟协议书\n甲方：甲科技有限公司\n住所：福州市一路1号\n乙方：乙研究院\n住所：福州市二路2号\n"
       "鉴于各方均为独立法人，经平等协商，达成协议如下：\n")
UNSURE = "联盟的理事长单位为甲科技有限公司，依托单位为乙研究院，均为在福建省注册的独立法人。"


def _agreement(chapters: bool) -> str:
    def chap(t):
        return t + "\n" if chapters else ""
    return (PRE + chap("第一章 总则") + "第一条 本联盟名称为“某某产业技术创新战略联盟”。\n"
            "第二条 联盟的宗旨是联合开展关键共性技术攻关，联盟遵循自愿、平等、互利的原则。\n"
            f"第三条 {UNSURE}\n" + chap("第二章 目标和任务") + "第四条 联盟三年内突破三项关键技术，制定两项行业标准。\n"
            + chap("第三章 组织机构") + "第五条 联盟设理事会，理事会是联盟的决策机构。\n第六条 联盟设秘书处，负责日常工作。\n"
            "甲方（盖章）：\n乙方（盖章）：\n")


def _section_of_third_article(chapters: bool) -> str | None:
    everything, units = segment(from_text(_agreement(chapters)))
    classify(units, containers_of(everything))
    return next(u.section for u in units if u.number == "第三条")


def test_same_section_with_and_without_chapter_headings():
    assert _section_of_third_article(True) == "name_principles"
    assert _section_of_third_article(False) == "name_principles"


def test_free_standing_clauses_are_not_read_in_context():
    # the classify command: every input line is a clause of its own, the lines around it are not its neighbours
    # (the neighbours are of a topic the clause alone is not given but rates close — read in context, they would
    # change it; which topic that is depends on the trained model, so both are provided, and the clause's own
    # topic is met elsewhere too, so that it is not the only place the document treats it)
    alone = classify_texts([f"第三条 {UNSURE}"])[0]
    around = {"name_principles": ["第一条 本联盟名称为“某某产业技术创新战略联盟”。", "第二条 联盟遵循自愿、平等、互利的原则。",
                                  "第五条 联盟设理事会，理事会是联盟的决策机构。"],
              "organization": ["第二条 联盟设理事会，理事会是联盟的决策机构。", "第四条 联盟设秘书处，负责日常工作。",
                               "第一条 本联盟名称为“某某产业技术创新战略联盟”。"]}
    first, last, elsewhere = around["organization" if alone[0] == "name_principles" else "name_principles"]
    assert classify_texts([first, f"第三条 {UNSURE}", last, elsewhere])[1] == alone


def _units(sections, parents=None):
    parents = parents or [None] * len(sections)
    return [Clause(id=f"u{i}", kind="article", number=None, heading=None, text="联盟……", span=(i, i + 1),
                   section=s, parent=p) for i, (s, p) in enumerate(zip(sections, parents))]


def test_unsure_guess_takes_a_close_neighbour_section():
    units = _units(["name_principles", "organization", "goals_tasks", "organization"])
    _settle_by_neighbours(units, {"u1": {"organization": 0.32, "name_principles": 0.27, "goals_tasks": 0.1}})
    assert units[1].section == "name_principles" and units[1].evidence[0].startswith("上下文：与上一条款")


def test_unsure_guess_kept_when_neighbours_are_rated_far_lower():
    units = _units(["name_principles", "organization", "goals_tasks", "organization"])
    _settle_by_neighbours(units, {"u1": {"organization": 0.40, "name_principles": 0.15, "goals_tasks": 0.1}})
    assert units[1].section == "organization"


def test_unsure_guess_kept_when_it_is_the_only_clause_of_its_topic():
    # the clause may be the only place the agreement treats that topic: reading it as its neighbour's
    # topic would report a section missing that is there
    units = _units(["breach", "force_majeure", "dispute_resolution"])
    _settle_by_neighbours(units, {"u1": {"force_majeure": 0.35, "breach": 0.30}})
    assert units[1].section == "force_majeure"


def test_neighbours_in_another_chapter_do_not_count():
    units = _units(["name_principles", "organization", "organization"], parents=["h1", "h2", "h2"])
    units[2].section = "goals_tasks"
    units.append(_units(["organization"])[0])
    units[3].id = "u3"
    _settle_by_neighbours(units, {"u1": {"organization": 0.32, "name_principles": 0.3, "goals_tasks": 0.05}})
    assert units[1].section == "organization"
