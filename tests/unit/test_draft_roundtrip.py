"""Round trip: a draft from a complete questionnaire passes this tool's own review — for every profile,
both forums and every IP model — as .docx and as Markdown, with every article classified as the outline
section it was written for."""
from __future__ import annotations

import copy
import tempfile
import io
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document

from checker.draft.drafting import build, to_docx, to_markdown, validate
from checker.engine import check
from checker.rules.profiles import PROFILE_KEYS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = yaml.safe_load((ROOT / "clause_library/samples/answers.example.yaml").read_text(encoding="utf-8"))

CITY = {"national": ("北京", "北京市海淀区"), "fujian": ("福州", "福州市鼓楼区"), "hunan": ("长沙", "长沙市岳麓区"),
        "sichuan": ("成都", "成都市武侯区")}
# 津滨科发〔2012〕8号 附件2 第四条：≥ 10 members, ≥ 60 % enterprises, chair a 滨海新区 legal person.
TIANJIN = [("天津滨海智造装备股份有限公司", "enterprise"), ("天津港湾新材料科技有限公司", "enterprise"),
           ("天津泰达精密仪器有限公司", "enterprise"), ("天津临港海洋工程有限公司", "enterprise"),
           ("天津东疆智能物流有限公司", "enterprise"), ("天津滨海生物制药股份有限公司", "enterprise"),
           ("天津大港石化装备有限公司", "enterprise"), ("津海理工大学", "university"),
           ("天津滨海新材料研究院", "institute"), ("天津市海洋装备研究所", "institute")]


def answers_for(profile: str, forum: str = "arbitration", ip: str = "co_owned") -> dict:
    a = copy.deepcopy(EXAMPLE)
    a["profile"] = profile
    if profile == "tianjin":
        a["alliance_name"] = "海洋工程装备产业技术创新战略联盟"
        a["short_name"] = None
        a["members"] = [{"name": n, "type": t, "domicile": f"天津市滨海新区第{i + 1}大街{i + 10}号",
                         "legal_rep": f"{'王李张刘陈杨赵黄周吴'[i]}某", "task": "负责海洋工程装备关键技术的研发和示范",
                         "roles": ["理事长单位"] if i == 0 else ["依托单位"] if i == 1 else ["成员"]}
                        for i, (n, t) in enumerate(TIANJIN)]
        city, place = "天津", "天津市滨海新区"
    else:
        city, place = CITY[profile]
        for m in a["members"]:
            m["name"] = m["name"].replace("福州", city)
            m["domicile"] = m["domicile"].replace("福州市", f"{city}市")
    a["liability"]["liable_entity"] = a["members"][0]["name"]
    a["funds"]["managing_unit"] = next(m["name"] for m in a["members"] if "依托单位" in m["roles"])
    a["signing_place"] = place
    a["ip"] = {"model": ip}
    a["dispute"] = ({"forum": "arbitration", "arbitration_commission": f"{city}仲裁委员会"} if forum == "arbitration"
                    else {"forum": "court", "court_basis": forum.split(":")[1]})
    return a


def _problems(report):
    return ([(f.rule, f.severity, f.evidence[:60], f.message[:80]) for f in report.findings
             if f.severity in ("error", "warning")],
            [(s.key, s.status, s.missing_elements) for s in report.sections if s.status != "present"])


VARIANTS = [(p, forum, ip) for p in PROFILE_KEYS
            for forum in ("arbitration", "court:defendant")
            for ip in ("contributor_owned", "co_owned", "project_agreement")]


@pytest.mark.parametrize("profile,forum,ip", VARIANTS, ids=[f"{p}-{f}-{i}" for p, f, i in VARIANTS])
def test_draft_passes_review(profile, forum, ip):
    draft = build(validate(answers_for(profile, forum, ip)))
    report = check(_tmp_docx(draft), profile=profile)
    findings, sections = _problems(report)
    assert not findings and not sections, (findings, sections)
    assert not report.findings, [(f.rule, f.message[:80]) for f in report.findings]   # not even an info
    text = report.document.text
    if forum == "arbitration":
        assert "仲裁委员会" in text and "人民法院提起诉讼" not in text
    else:
        assert "人民法院提起诉讼" in text and "仲裁委员会" not in text


def _tmp(data: bytes, name: str) -> Path:
    path = Path(tempfile.mkdtemp()) / name
    path.write_bytes(data)
    return path


def _tmp_docx(draft) -> Path:
    return _tmp(to_docx(draft), "起草.docx")


@pytest.mark.parametrize("profile", PROFILE_KEYS)
def test_markdown_draft_passes_and_every_article_lands_in_its_section(profile):
    draft = build(validate(answers_for(profile, "court:chair", "co_owned")))
    report = check(_tmp(to_markdown(draft).encode("utf-8"), "起草.md"), profile=profile)
    assert _problems(report) == ([], [])
    by_heading = {c.heading: c.section for c in report.clauses if c.heading}
    wrong = [(a.heading, a.section, by_heading.get(a.heading)) for a in draft.articles()
             if by_heading.get(a.heading) != a.section]
    assert not wrong, wrong


def test_court_on_signing_place_and_plaintiff_also_pass():
    for basis in ("signing", "plaintiff"):
        a = answers_for("fujian", f"court:{basis}")
        report = check(_tmp_docx(build(validate(a))), profile="fujian")
        assert _problems(report) == ([], []), basis


def test_docx_typography_numbering_and_signature_table():
    a = answers_for("fujian")
    data = to_docx(build(validate(a)))
    z = zipfile.ZipFile(io.BytesIO(data))
    numbering = z.read("word/numbering.xml").decode("utf-8")
    assert 'w:numFmt w:val="chineseCounting"' in numbering
    assert "第%1章" in numbering and "第%1条" in numbering
    doc = Document(io.BytesIO(data))
    sec = doc.sections[0]
    assert round(sec.page_width.cm, 1) == 21.0 and round(sec.page_height.cm, 1) == 29.7
    styles = doc.styles
    for name in ("Heading 1", "Heading 2"):
        assert styles[name].element.find(".//{*}numPr") is not None, name
        assert styles[name].element.find(".//{*}rFonts").get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "黑体"
    assert styles["Normal"].element.find(".//{*}rFonts").get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋"
    chapters = [p for p in doc.paragraphs if p.style.name == "Heading 1"]
    articles = [p for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert len(chapters) == 10 and len(articles) > 40
    assert not any(p.text.startswith("第") for p in chapters + articles)    # the numbers are Word's, not typed
    table = doc.tables[-1]
    assert len(table.rows) == len(a["members"]) + 1
    head = [c.text for c in table.rows[0].cells]
    assert head == ["单位（盖章）", "法定代表人或授权代表（签字）", "签署日期"]
    assert [r.cells[0].text.split("：", 1)[1] for r in table.rows[1:]] == [m["name"] for m in a["members"]]
    # The review reads Word's numbers back: 第一章 … 第X条 continue across chapters.
    report = check(_tmp_docx(build(validate(a))), profile="fujian")
    numbers = [c.number for c in report.clauses if c.number and c.number.endswith("条")]
    assert numbers[:3] == ["第一条", "第二条", "第三条"] and len(numbers) == len(articles)
