"""Document kinds: detection from the text, the charter and necessity-statement reviews, and the one line
for a text that is none of them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from checker.cli import main
from checker.engine import check
from checker.errors import InputError
from checker.kinds import detect_kind

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
GOLDS = sorted(CORPUS.glob("*.gold.yaml"))


def _gold(p):
    return yaml.safe_load(p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("gold_path", [p for p in GOLDS if _gold(p).get("kind")], ids=lambda p: p.name[:4])
def test_corpus_kinds_are_detected(gold_path):
    g = _gold(gold_path)
    assert check(CORPUS / g["file"], profile=g["profile"]).kind == g["kind"]


@pytest.mark.parametrize("name", ["c01.docx", "c07.txt", "c16.txt", "c19.md"])
def test_agreements_stay_agreements_and_keep_their_review(name):
    auto = check(CORPUS / name).to_dict()
    forced = check(CORPUS / name, kind="agreement").to_dict()
    assert auto["kind"] == "agreement"
    assert {k: v for k, v in auto.items() if k != "kind_note"} == {k: v for k, v in forced.items() if k != "kind_note"}
    assert [s["key"] for s in auto["sections"]][:3] == ["title", "parties", "recitals"]


@pytest.mark.parametrize("text,kind", [
    ("海峡联盟筹备工作会议纪要\n时间：2026年3月2日\n会议讨论了联盟章程草案和成员名单。", "other"),
    ("尊敬的王主任：\n我单位拟牵头组建产业技术创新战略联盟，恳请给予支持。\n此致\n敬礼", "other"),
    ("房屋租赁合同\n甲方：福州某某置业有限公司\n乙方：福州某某科技有限公司\n第一条 本合同租赁期限为三年。", "other"),
    ("某某产业技术创新战略联盟章程\n第一条 本章程依据联盟协议书制定。", "charter"),
    ("某某产业技术创新战略联盟组建必要性的说明\n一、产业发展状况\n……", "necessity"),
    ("某某产业技术创新战略联盟协议书\n甲方：某某科技有限公司", "agreement"),
    ("因本协议发生的争议，提交福州仲裁委员会仲裁。", "agreement"),       # a clause snippet is still an agreement
    ("第一条 各方应当遵守联盟的规定。第二条 本协议自签字之日起生效。", "agreement"),
])
def test_detect_kind(text, kind):
    got, reason = detect_kind(text)
    assert got == kind, reason
    assert reason and "\n" not in reason


def test_other_is_one_line_without_missing_sections(tmp_path, capsys):
    f = tmp_path / "纪要.txt"
    f.write_text("联盟筹备会议纪要\n参会单位：八家\n议定事项：起草章程。\n", encoding="utf-8")
    assert main(["check", str(f)]) == 0
    out = capsys.readouterr().out.strip()
    assert len(out.splitlines()) == 1 and "不是联盟协议书" in out and "缺少" not in out
    assert main(["check", str(f), "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["kind"] == "other" and d["sections"] == [] and d["findings"] == [] and d["kind_note"]


def test_kind_option_forces_the_outline(capsys):
    assert main(["check", str(CORPUS / "c05.docx"), "--kind", "agreement", "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["kind"] == "agreement" and "parties" in [s["key"] for s in d["sections"]]
    main(["check", str(CORPUS / "c05.docx"), "--format", "json"])
    d = json.loads(capsys.readouterr().out)
    assert d["kind"] == "charter" and "nature" in [s["key"] for s in d["kind_sections"]]
    # contracts.md §1: the clauses and sections of a charter keep the reference outline's keys
    assert "nature" not in [s["key"] for s in d["sections"]] and "parties" in [s["key"] for s in d["sections"]]
    with pytest.raises(InputError):
        check(text="x", kind="memo")


def test_charter_review_finds_its_defects():
    rep = check(CORPUS / "ch05.txt").to_dict()
    rules = {f["rule"] for f in rep["findings"]}
    assert {"CHARTER_MEMBER_TYPES_INCOMPLETE", "CHARTER_IP_RULES_MISSING"} <= rules
    status = {s["key"]: s["status"] for s in rep["kind_sections"]}
    assert status["benefits"] == "missing" and status["results"] == "partial"
    missing = next(f for f in rep["kind_findings"] if f["rule"] == "SECTION_MISSING")
    assert missing["kind_section"] == "benefits" and missing["section"] is None
    assert "津滨科发〔2012〕8号" in missing["citation"]
    clean = check(CORPUS / "ch01.txt").to_dict()
    assert clean["kind_findings"] == [] and not [f for f in clean["findings"] if f["kind_section"]]
    assert all(s["status"] == "present" for s in clean["kind_sections"] if s["required"])


def test_charter_legal_person_claim_but_not_its_denial():
    base = ("某某产业技术创新战略联盟章程\n第一条 根据联盟协议书制定本章程。\n第二条 联盟的性质：{}\n")
    claim = check(text=base.format("本联盟具有独立法人资格。"), kind="charter").to_dict()
    denial = check(text=base.format("本联盟不具有独立法人资格。"), kind="charter").to_dict()
    assert "CHARTER_LEGAL_PERSON_CLAIM" in {f["rule"] for f in claim["findings"]}
    assert "CHARTER_LEGAL_PERSON_CLAIM" not in {f["rule"] for f in denial["findings"]}


def test_necessity_review_four_parts_and_sub_points():
    rep = check(CORPUS / "ns02.md").to_dict()
    assert rep["sections"] == [] and {c["section"] for c in rep["clauses"]} == {None}   # no agreement outline
    status = {s["key"]: s for s in rep["kind_sections"]}
    assert status["strategy_fit"]["status"] == "missing"
    assert status["innovation_role"]["status"] == "partial"
    assert any(m.startswith("④") for m in status["innovation_role"]["missing_elements"])
    role = next(f for f in rep["findings"] if f["rule"] == "NECESSITY_ROLE_POINTS_INCOMPLETE")
    assert "③" in role["message"] and "闽科政〔2009〕46号 附件2 4" in role["citation"]
    assert check(CORPUS / "ns01.txt").to_dict()["findings"] == []


def test_markdown_of_a_charter_names_its_rules():
    from checker.report import export

    md = export(check(CORPUS / "ch02.md"), "markdown").decode("utf-8")
    assert "决策、咨询、执行机构不全" in md and "资产管理" in md


def test_kind_outlines_and_rules_are_well_formed():
    from checker.library import DOCUMENT_KINDS, kind_outline, resolve_citation

    for kind in DOCUMENT_KINDS:
        spec = kind_outline(kind)
        keys = [s["key"] for s in spec["sections"]]
        assert len(keys) == len(set(keys)) and keys[0] == "title"
        for s in spec["sections"]:
            assert s["title"] and resolve_citation(s["cite"])
            for el in s.get("elements") or []:
                assert el["name"] and el["_rx"] and resolve_citation(el["cite"])
        ids = [r["id"] for r in spec["rules"]]
        assert len(ids) == len(set(ids))
        for r in spec["rules"]:
            assert r["severity"] in {"error", "warning", "info"}
            assert r["check"] in {"absent", "present", "groups", "if_then", "elements", "section_absent"}
            assert r.get("section") is None or r["section"] in keys
            assert resolve_citation(r["citation"]) and r["message"].strip() and r["title"]


def test_explain_a_kind_rule(capsys):
    assert main(["explain", "NECESSITY_GAP_NOT_STATED"]) == 0
    out = capsys.readouterr().out
    assert "组建必要性的说明" in out and "闽科政〔2009〕46号 附件2 2" in out
