"""Revision with tracked changes: fixes are w:ins / w:del by 合规审查; LibreOffice's own “accept all” turns
the file into one the review no longer faults for the accepted findings; existing comments and earlier
tracked changes survive; PDF/text input gets a new .docx carrying the changes."""
from __future__ import annotations

import copy
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from checker.cli import main
from checker.draft.drafting import build, to_docx, validate
from checker.draft.revise import revise_file
from checker.engine import check
from lo_accept import SOFFICE, accept_all
from test_draft_roundtrip import answers_for

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "clause_library/samples/示例协议.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ACCEPT = ["DISPUTE_BOTH_FORUMS", "SECTION_MISSING", "INTERNAL_LIABILITY_SHARING_MISSING", "CONFIDENTIALITY_GAPS",
          "TERM_MISSING"]
needs_lo = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")


def body_xml(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")


def marks(data: bytes, tag: str, author: str = "合规审查") -> list:
    root = parse_xml(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return [el for el in root.iter(W + tag) if el.get(W + "author") == author]


@pytest.fixture(scope="module")
def annotated(tmp_path_factory) -> Path:
    """The sample agreement with a reviewer's comment and an earlier tracked insertion by someone else."""
    d = Document(str(SAMPLE))
    p = next(p for p in d.paragraphs if p.text.startswith("第二条"))
    d.add_comment(p.runs[0], text="请法务确认联盟性质的表述。", author="张律师", initials="张")
    p2 = next(p for p in d.paragraphs if p.text.startswith("第十三条"))
    p2._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="901" w:author="李编辑" w:date="2026-11-30T08:00:00Z">'
                           '<w:r><w:t>立项结果书面通知各成员。</w:t></w:r></w:ins>'))
    path = tmp_path_factory.mktemp("rev") / "示例协议_批注.docx"
    d.save(str(path))
    return path


def test_changes_are_tracked_insertions_and_deletions(annotated):
    data, changes = revise_file(annotated, accept=ACCEPT)
    ins, dels = marks(data, "ins"), marks(data, "del")
    assert ins and dels
    assert all(el.get(W + "date") and el.get(W + "id") for el in ins + dels)
    assert {c.action for c in changes} == {"替换语句", "插入条款", "补充条文", "重新编号"}
    deleted = "".join(t.text for d in dels for t in d.iter(W + "delText"))
    assert "也可以向甲方住所地有管辖权的人民法院提起诉讼" in deleted          # the 或裁或诉 sentence
    inserted = "".join(t.text for i in ins for t in i.iter(W + "t"))
    assert "协商或者调解不成的，提交宁德仲裁委员会，按照" in inserted and "【" not in inserted   # filled from the document
    assert "第十九条 不可抗力" in inserted                                    # inserted where the outline expects it
    # Typed numbers after the new article move up by one: 第十九条 → 第二十条 … 第二十三条 → 第二十四条.
    assert [c.after for c in changes if c.action == "重新编号"] == ["第二十条", "第二十一条", "第二十二条", "第二十三条",
                                                                "第二十四条"]
    revisions = [el for el in parse_xml(body_xml(data).encode()).iter() if el.tag in (W + "ins", W + "del")]
    ids = [el.get(W + "id") for el in revisions]
    assert len(ids) == len(set(ids)) and "901" in ids         # unique, and the earlier revision keeps its id


def test_earlier_comments_and_tracked_changes_are_kept(annotated):
    data, _ = revise_file(annotated, accept=ACCEPT)
    z = zipfile.ZipFile(io.BytesIO(data))
    assert "请法务确认联盟性质的表述。" in z.read("word/comments.xml").decode("utf-8")
    assert "commentRangeStart" in body_xml(data)
    old = marks(data, "ins", author="李编辑")
    assert len(old) == 1 and "立项结果书面通知各成员。" in "".join(t.text for t in old[0].iter(W + "t"))
    before = Document(str(annotated))
    after = Document(io.BytesIO(data))
    assert [s.name for s in before.styles] == [s.name for s in after.styles]


@needs_lo
def test_after_libreoffice_accepts_all_the_accepted_findings_are_gone(annotated, tmp_path):
    data, _ = revise_file(annotated, accept=ACCEPT)
    revised = tmp_path / "修订.docx"
    revised.write_bytes(data)
    accepted = accept_all(revised, tmp_path / "接受全部修订.docx", tmp_path)
    assert not marks(accepted.read_bytes(), "ins") and not marks(accepted.read_bytes(), "del")
    before = {f.rule for f in check(annotated, profile="fujian").findings}
    after = check(accepted, profile="fujian")
    rules = {f.rule for f in after.findings}
    assert set(ACCEPT) <= before
    assert not rules & set(ACCEPT), rules & set(ACCEPT)
    assert rules <= before                                   # and nothing new (e.g. no numbering gap)
    numbers = [c.number for c in after.clauses if c.kind == "article"]
    assert numbers[18:21] == ["第十九条", "第二十条", "第二十一条"]
    heads = {c.number: c.heading for c in after.clauses if c.kind == "article"}
    assert heads["第十九条"] == "不可抗力" and heads["第二十一条"] == "争议解决"
    # The reviewer's comment is still in the accepted file.
    assert "请法务确认联盟性质的表述" in zipfile.ZipFile(accepted).read("word/comments.xml").decode("utf-8")


@needs_lo
def test_word_numbered_draft_gets_a_numbered_article_back(tmp_path):
    """A draft made here (第X条 as Word numbering) with 不可抗力 removed: the inserted article copies the
    neighbouring heading's format, so Word numbers it; nothing is renumbered by hand."""
    src = tmp_path / "缺不可抗力.docx"
    d = Document(io.BytesIO(to_docx(build(validate(answers_for("fujian"))))))
    paras = d.paragraphs
    i = next(k for k, p in enumerate(paras) if p.style.name == "Heading 2" and p.text == "不可抗力")
    for p in paras[i:i + 2]:
        p._p.getparent().remove(p._p)
    d.save(str(src))
    assert [f.rule for f in check(src, profile="fujian").findings] == ["SECTION_MISSING"]
    data, changes = revise_file(src, accept=["SECTION_MISSING"])
    assert [c.action for c in changes] == ["插入条款"]
    new_heading = next(p for p in Document(io.BytesIO(data)).paragraphs
                       if "".join(t.text for t in p._p.iter(W + "t")) == "不可抗力")   # text inside w:ins
    assert new_heading.style.name == "Heading 2"
    out = tmp_path / "修订.docx"
    out.write_bytes(data)
    accepted = accept_all(out, tmp_path / "接受.docx", tmp_path)
    report = check(accepted, profile="fujian")
    assert report.findings == []
    numbers = [c.number for c in report.clauses if c.kind == "article"]
    assert len(numbers) == len(set(numbers))


@needs_lo
def test_text_input_gets_a_new_docx_with_the_changes(tmp_path, capsys):
    src = ROOT / "tests/corpus/c07.txt"
    decisions = tmp_path / "结论.json"
    decisions.write_text(json.dumps({"accept": ["ARBITRATION_NO_INSTITUTION", "SECTION_MISSING"],
                                     "fill": {"arbitration_commission": "长沙仲裁委员会"}}, ensure_ascii=False),
                         encoding="utf-8")
    out = tmp_path / "c07_修订.docx"
    assert main(["revise", str(src), "--decisions", str(decisions), "-o", str(out)]) == 0
    assert "处修订" in capsys.readouterr().err
    data = out.read_bytes()
    assert marks(data, "ins") and marks(data, "del")
    accepted = accept_all(out, tmp_path / "接受.docx", tmp_path)
    rules = {f.rule for f in check(accepted, profile="fujian").findings}
    assert "ARBITRATION_NO_INSTITUTION" not in rules and "SECTION_MISSING" not in rules
    assert "长沙仲裁委员会" in check(accepted, profile="fujian").document.text


def test_decisions_from_the_review_page_select_findings(tmp_path):
    from checker.model import finding_key

    report = check(SAMPLE, profile="fujian")
    target = next(f for f in report.findings if f.rule == "DISPUTE_BOTH_FORUMS")
    other = next(f for f in report.findings if f.rule == "TERM_MISSING")
    path = tmp_path / "decisions.json"
    path.write_text(json.dumps({finding_key(target): {"status": "accepted"},
                                finding_key(other): {"status": "dismissed"}}), encoding="utf-8")
    out = tmp_path / "o.docx"
    assert main(["revise", str(SAMPLE), "--decisions", str(path), "-o", str(out)]) == 0
    _, changes = revise_file(SAMPLE, decisions=json.loads(path.read_text()))
    assert [c.rule for c in changes] == ["DISPUTE_BOTH_FORUMS"]


def test_revise_refuses_clearly(tmp_path, capsys):
    assert main(["revise", str(SAMPLE), "--accept", "NO_SUCH_RULE", "-o", str(tmp_path / "x.docx")]) == 2
    assert "没有规则 NO_SUCH_RULE 的问题" in capsys.readouterr().err
    bad = tmp_path / "d.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["revise", str(SAMPLE), "--decisions", str(bad)]) == 2
    assert "不是有效的 JSON" in capsys.readouterr().err


@needs_lo
def test_plain_numbered_items_are_renumbered_too(tmp_path):
    """c12 numbers its clauses 1. 2. … and lacks 经费管理 and 不可抗力: they go in after 4. 联盟成员 and
    8. 违约责任 (the outline's order) as 5. and 10., and the later items move up by one and two."""
    src = ROOT / "tests/corpus/c12.docx"
    data, changes = revise_file(src, accept=["SECTION_MISSING"])
    inserted = [c for c in changes if c.action == "插入条款"]
    assert [(c.section, c.where) for c in inserted] == [("funds", "5."), ("force_majeure", "10.")]
    assert [c.after for c in changes if c.action == "重新编号"] == ["6.", "7.", "8.", "9.", "11.", "12.", "13.", "14."]
    out = tmp_path / "c12_修订.docx"
    out.write_bytes(data)
    report = check(accept_all(out, tmp_path / "接受.docx", tmp_path), profile="fujian")
    rules = {f.rule for f in report.findings}
    assert not {r for r in rules if r.startswith("ARTICLE_NUMBER")}
    assert "SECTION_MISSING" not in rules
    heads = [(c.number, c.heading) for c in report.clauses if c.kind in ("item", "article")]
    assert ("5", "经费管理") in heads and ("10", "不可抗力") in heads and ("14", "生效和变更") in heads
