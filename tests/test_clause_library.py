"""The clause library is complete and self-consistent: an agreement assembled only from
clause_library/suggestions/sections.yaml (plus fictional parties) covers every outline section
and passes every rule of every profile through the full engine.

This is the strongest test of the suggestions: a rule whose suggested fix would itself be
flagged, or a section whose suggested wording the classifier does not recognise, fails here.
"""
from __future__ import annotations

import re

import pytest

from checker.engine import check
from checker.library import outline, section_keys
from checker.rules.profiles import PROFILE_KEYS
from checker.library import load_yaml
from checker.rules.suggestions import SUGGESTIONS_DIR, all_suggestions, render

# Only this library's own wording is assembled (other suggestion files hold fixes for single rules).
OWN = {s["id"]: s for s in load_yaml(SUGGESTIONS_DIR / "sections.yaml")}

# Rules allowed to fire on the assembled agreement, with the reason. Keep empty unless a rule
# is about something a library cannot settle (none is known).
ALLOWED: dict[str, str] = {}

# One variant per choice the law leaves open (民法典 第860、861条; 仲裁法 第十六条 / 民事诉讼法 第三十五条).
CHOSEN_VARIANTS = {"ip_benefits.new_ip.co_owned", "dispute_resolution.court"}

HEADINGS = {
    "definitions": "定义", "name_principles": "联盟名称、组织原则和组建宗旨",
    "goals_tasks": "技术创新目标、任务和成员任务分工", "organization": "组织机构及职责", "members": "联盟成员",
    "funds": "经费管理", "projects": "项目管理", "ip_benefits": "收益分配和知识产权管理", "dissolution": "解散和清算",
    "breach": "违约责任", "force_majeure": "不可抗力", "dispute_resolution": "争议解决", "governing_law": "法律适用",
    "effect_amendment": "协议的生效和变更", "notices": "文件送达", "other_matters": "其他约定事项", "attachments": "附件",
}
STEMS = "甲乙丙丁戊己庚辛壬癸"
CN = "一二三四五六七八九十"

# Fictional parties. Tianjin (津滨科发〔2012〕8号 附件2 第四条（三）（四）) needs ≥ 10 members, ≥ 60 %
# enterprises and a chair registered in 滨海新区; the other profiles get four parties.
TIANJIN = [
    ("天津滨海智造装备股份有限公司", "天津市滨海新区黄海路88号"),
    ("天津港湾新材料科技有限公司", "天津市滨海新区第二大街11号"),
    ("天津泰达精密仪器有限公司", "天津市滨海新区第三大街12号"),
    ("天津临港海洋工程有限公司", "天津市滨海新区临港经济区渤海十路5号"),
    ("天津东疆智能物流有限公司", "天津市滨海新区东疆港区亚洲路6号"),
    ("天津滨海生物制药股份有限公司", "天津市滨海新区第六大街15号"),
    ("天津大港石化装备有限公司", "天津市滨海新区大港世纪大道7号"),
    ("津海理工大学", "天津市滨海新区海洋高新区学府路1号"),
    ("天津滨海新材料研究院", "天津市滨海新区第八大街17号"),
    ("天津市海洋装备研究所", "天津市滨海新区塘沽海滨大道9号"),
]
CITY = {"national": ("北京", "北京市海淀区"), "fujian": ("福州", "福州市鼓楼区"), "hunan": ("长沙", "长沙市岳麓区"),
        "sichuan": ("成都", "成都市武侯区"), "tianjin": ("天津", "天津市滨海新区")}
FIELD = {"national": "智能装备", "fujian": "海洋食品", "hunan": "先进轨道交通装备", "sichuan": "清洁能源装备",
         "tianjin": "海洋工程装备"}


def parties_for(profile: str) -> list[tuple[str, str]]:
    if profile == "tianjin":
        return TIANJIN
    city, district = CITY[profile]
    return [(f"{city}启明智能装备股份有限公司", f"{district}启明路1号"),
            (f"{city}海川新材料科技有限公司", f"{district}海川大道2号"),
            (f"{city}启明科技大学", f"{district}学府路3号"),
            (f"{city}市先进制造研究所", f"{district}科研路4号")]


def fill_for(profile: str) -> dict[str, str]:
    parties = parties_for(profile)
    city, district = CITY[profile]
    region = "滨海新区" if profile == "tianjin" else city
    return {"alliance_name": f"{region}{FIELD[profile]}产业技术创新战略联盟", "chair": parties[0][0],
            "host": parties[1][0], "members": "、".join(n for n, _ in parties), "member_count": str(len(parties)),
            "city": city, "court_place": district, "arbitration_commission": f"{city}仲裁委员会"}


def library_text(section: str, fill: dict[str, str], chosen: set[str] = CHOSEN_VARIANTS) -> str:
    items = [s for s in OWN.values() if s["section"] == section
             and (not s.get("variant") or s["id"] in chosen)]
    return "\n".join(render(s["id"], fill) for s in items)


def assemble(profile: str, chosen: set[str] = CHOSEN_VARIANTS) -> str:
    fill = fill_for(profile)
    parties = parties_for(profile)
    out = [library_text("title", fill), ""]
    for i, (name, addr) in enumerate(parties):
        out += [f"{STEMS[i]}方：{name}", f"住所地：{addr}", f"法定代表人：{'王李张刘陈杨赵黄周吴'[i]}某"]
    out += ["", library_text("recitals", fill), ""]
    keys = [k for k in section_keys() if k in HEADINGS]
    for n, key in enumerate(keys, 1):
        num = CN[n - 1] if n <= 10 else ("十" + CN[n - 11] if n < 20 else "二十")
        out += [f"第{num}条 {HEADINGS[key]}", library_text(key, fill, chosen), ""]
    out.append("（以下无正文，为签署页）")
    for i, (name, _) in enumerate(parties):
        out += [f"{STEMS[i]}方（盖章）：{name}", "法定代表人或授权代表（签字）：", "签署日期：2024年3月1日"]
    out.append("由授权代表签字的，须附法定代表人签署的授权委托书。")
    return "\n".join(out) + "\n"


def test_library_has_wording_for_every_section_and_required_element():
    assert all(s["id"] in all_suggestions() for s in OWN.values())
    covered = {s["section"] for s in OWN.values()}
    assert set(section_keys()) <= covered, set(section_keys()) - covered
    # Every required element must be met by its own section's library text (else the assembled
    # agreement could only pass by accident of another section's wording).
    fill = fill_for("fujian")
    for sec in outline():
        text = library_text(sec["key"], fill)
        for el in sec.get("elements") or []:
            assert any(rx.search(text) for rx in el["_rx"]), f"{sec['key']}: element {el['name']} not in library text"


def test_placeholders_are_filled_and_variants_are_exclusive():
    text = assemble("fujian")
    assert "【" not in text.replace("【若干项】", ""), re.findall(r"【[^】]*】", text)
    assert "{" not in text
    variants = [s for s in OWN.values() if s.get("variant")]
    groups = {s["id"].rsplit(".", 1)[0] for s in variants}
    assert {"ip_benefits.new_ip", "dispute_resolution"} <= groups


def test_co_owned_variant_settles_the_statutory_defaults():
    # 民法典 第860条（专利申请权共有、一方可否决申请）和第861条（技术秘密各方均可使用和转让）: the
    # co-ownership wording must override each default explicitly.
    text = OWN["ip_benefits.new_ip.co_owned"]["text"]
    for cue in ("自行实施", "独占许可", "转让", "收益", "维持费用", "专利申请", "技术秘密"):
        assert cue in text, cue


@pytest.mark.parametrize("profile", PROFILE_KEYS)
def test_assembled_agreement_passes_every_rule(profile):
    report = check(text=assemble(profile), profile=profile, name=f"条款库样例_{profile}.txt")
    unexpected = [(f.rule, f.evidence[:60], f.message[:80]) for f in report.findings if f.rule not in ALLOWED]
    not_present = [(s.key, s.status, s.missing_elements) for s in report.sections if s.status != "present"]
    assert not unexpected and not not_present, (unexpected, not_present)


def test_alternative_variants_also_pass():
    # The other lawful choices: new IP to the contributor, arbitration instead of litigation.
    chosen = {"ip_benefits.new_ip.contributor_owned", "dispute_resolution.arbitration"}
    report = check(text=assemble("fujian", chosen), profile="fujian", name="条款库样例_变体.txt")
    assert [f.rule for f in report.findings if f.rule not in ALLOWED] == []
    assert all(s.status == "present" for s in report.sections)
    assert "仲裁委员会" in report.document.text and "提起诉讼" not in report.document.text
