"""Version comparison on pairs whose differences are known: clauses reordered, renumbered, one rewritten,
one removed, one added; and findings fixed / introduced / kept between a reviewed agreement and its revision."""
from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path

import pytest
from docx.oxml import parse_xml

from checker.cli import main
from checker.draft.clauses import Article
from checker.draft.drafting import build, to_markdown, validate
from checker.draft.revise import revise_file
from checker.draft.versions import compare_files, compare_reports, export
from checker.engine import check
from lo_accept import SOFFICE, accept_all
from test_draft_roundtrip import answers_for

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "clause_library/samples/示例协议.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LAW = "本协议的订立、效力、解释、履行、变更和终止以及争议的解决，均适用中华人民共和国法律。"


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """OLD: a draft. NEW: 保密 and 文件送达 swapped, 法律适用 rewritten, 其他约定事项 removed, 联盟标识 added in
    chapter one (every later article renumbered by one)."""
    d = build(validate(answers_for("fujian")))
    n = copy.deepcopy(d)
    final = n.chapters[-1].articles
    heads = [a.heading for a in final]
    i, j = heads.index("保密"), heads.index("文件送达")
    final[i], final[j] = final[j], final[i]
    next(a for a in final if a.heading == "法律适用").paragraphs = [LAW]
    n.chapters[-1].articles = [a for a in final if a.heading != "其他约定事项"]
    n.chapters[0].articles.append(Article("联盟标识", "name_principles", ["联盟标识由秘书处设计，经理事会审议通过后使用。"]))
    tmp = tmp_path_factory.mktemp("cmp")
    old, new = tmp / "旧版.md", tmp / "新版.md"
    old.write_text(to_markdown(d), encoding="utf-8")
    new.write_text(to_markdown(n), encoding="utf-8")
    return old, new, compare_files(old, new)


def rows_by_heading(res):
    return {(r["new"] or r["old"])["heading"]: r for r in res["clauses"]}


def test_known_differences_are_found(pair):
    _, _, res = pair
    rows = rows_by_heading(res)
    s = res["summary"]
    assert (s["changed"], s["added"], s["removed"], s["moved"]) == (1, 1, 1, 1)
    assert rows["联盟标识"]["status"] == "added" and rows["其他约定事项"]["status"] == "removed"
    law = rows["法律适用"]
    assert law["status"] == "changed" and law["old"]["number"] == "第三十八条" and law["new"]["number"] == "第三十九条"
    assert "".join(d["text"] for d in law["diff"] if d["op"] != "delete") == LAW
    assert "".join(d["text"] for d in law["diff"] if d["op"] != "insert") == "本协议的订立、效力、解释、履行和争议解决，适用中华人民共和国法律。"
    assert [d["text"] for d in law["diff"] if d["op"] == "insert"] == ["、变更", "终止以及", "的", "均"]
    # reordered: both still pair with their old text, unchanged; one of the two is marked as moved
    assert rows["保密"]["status"] == rows["文件送达"]["status"] == "unchanged"
    assert rows["保密"]["moved"] != rows["文件送达"]["moved"]
    # renumbered but otherwise the same
    goal = rows["技术创新目标"]
    assert goal["status"] == "unchanged" and goal["renumbered"] and goal["old"]["number"] == "第五条"
    assert rows["联盟名称"]["status"] == "unchanged" and not rows["联盟名称"]["renumbered"]
    assert s["unchanged"] == len(res["clauses"]) - 3


def test_findings_fixed_introduced_and_kept(tmp_path):
    """OLD: the sample agreement; NEW: its revision with two fixes accepted — and one clause made worse."""
    data, _ = revise_file(SAMPLE, accept=["DISPUTE_BOTH_FORUMS", "TERM_MISSING"])
    from docx import Document
    from checker.draft.tracked import Tracker

    doc = Document(io.BytesIO(data))
    # accept the tracked changes the plain way for this test's NEW version: keep w:ins text, drop w:del
    body = doc.element.body
    for d in list(body.iter(W + "del")):
        d.getparent().remove(d)
    for i in list(body.iter(W + "ins")):
        parent = i.getparent()
        for child in list(i):
            i.addprevious(child)
        parent.remove(i)
    p = next(p for p in doc.paragraphs if p.text.startswith("第二十一条"))
    p.runs[-1].text += "经理事会三分之二以上理事表决通过，可以修改本协议。"
    new = tmp_path / "修订版.docx"
    doc.save(str(new))
    res = compare_files(SAMPLE, new)
    fixed = {f["rule"] for f in res["findings"]["fixed"]}
    introduced = {f["rule"] for f in res["findings"]["introduced"]}
    kept = {f["rule"] for f in res["findings"]["kept"]}
    assert {"DISPUTE_BOTH_FORUMS", "TERM_MISSING"} <= fixed
    assert introduced == {"AMENDMENT_BY_MAJORITY"}
    assert "SECTION_MISSING" in kept and not fixed & kept
    by_number = {(r["new"] or r["old"])["number"]: r for r in res["clauses"]}
    assert by_number["第二十条"]["status"] == "changed" and by_number["第二十一条"]["status"] == "changed"
    assert by_number["第十九条"]["status"] == "unchanged"


def test_exports_json_html_and_cli(pair, tmp_path, capsys):
    old, new, res = pair
    data = json.loads(export(res, "json"))
    assert data["schema"] == "alliance-check-compare/1" and data["summary"] == res["summary"]
    page = export(res, "html").decode("utf-8")
    assert "<ins>、变更</ins>" in page and "版本比较" in page and "重新编号" in page
    assert main(["compare", str(old), str(new), "--format", "html", "-o", str(tmp_path / "比较.html")]) == 0
    assert "<del>" in (tmp_path / "比较.html").read_text(encoding="utf-8")
    assert main(["compare", str(old), str(new)]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["added"] == 1
    assert main(["compare", str(old), str(tmp_path / "无.docx")]) == 2


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_docx_export_tracks_old_to_new(pair, tmp_path):
    old, new, res = pair
    out = tmp_path / "比较.docx"
    assert main(["compare", str(old), str(new), "--format", "docx", "-o", str(out)]) == 0
    root = parse_xml(zipfile.ZipFile(out).read("word/document.xml"))
    ins = ["".join(t.text for t in el.iter(W + "t")) for el in root.iter(W + "ins")]
    dels = ["".join(t.text for t in el.iter(W + "delText")) for el in root.iter(W + "del")]
    assert any("联盟标识由秘书处设计" in x for x in ins) and any("本协议未尽事宜" in x for x in dels)
    assert "第三十八条 法律适用 " in dels and "第三十九条 法律适用 " in ins
    accepted = accept_all(out, tmp_path / "接受.docx", tmp_path)
    from docx import Document

    text = "\n".join(p.text for p in Document(str(accepted)).paragraphs)
    assert LAW in text and "联盟标识由秘书处设计" in text and "本协议未尽事宜" not in text
    assert text.index("第四十二条 保密") < text.index("第四十三条 文件送达")
