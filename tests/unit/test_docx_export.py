"""Commented .docx export: real Word comments anchored on the exact clause text, formatting kept."""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.shared import Pt

from checker.model import Block, Clause, Document, Finding, Report
from checker.report.docx_comments import AUTHOR, commented_docx
from checker.review.store import finding_key

TITLE = "福建省海洋装备产业技术创新战略联盟协议书"
PARTY = "甲方：福州海工大学，住所地：福州市鼓楼区工业路1号。"
DISPUTE = "争议解决：因本协议发生的争议，提交福州仲裁委员会仲裁，也可以向甲方所在地人民法院起诉。"
CELL_A, CELL_B = "乙方", "厦门船舶研究院有限公司"


def _source_docx() -> bytes:
    d = open_docx()
    d.add_paragraph(TITLE)
    p = d.add_paragraph()
    r1 = p.add_run("甲方：")
    r1.bold = True
    r2 = p.add_run(PARTY[3:])
    r2.font.size = Pt(14)
    r2.font.name = "Arial"
    d.add_paragraph(DISPUTE)   # shown as "第十二条 " by Word auto-numbering in the real file
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = CELL_A
    t.cell(0, 1).text = CELL_B
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _report(fmt: str = "docx") -> Report:
    label = "第十二条 "
    texts = [TITLE, PARTY, label + DISPUTE, CELL_A + "\t" + CELL_B]
    blocks, pos = [], 0
    refs = [{"p": 0}, {"p": 1}, {"p": 2}, {"table": 0, "row": 0, "p": [3, 4]}]
    for i, t in enumerate(texts):
        blocks.append(Block(text=t, start=pos, paragraph=i, label_len=len(label) if i == 2 else 0,
                            source_ref=refs[i] if fmt == "docx" else {},
                            kind="table_row" if i == 3 else "paragraph"))
        pos += len(t) + 1
    text = "\n".join(texts)
    doc = Document(name="协议." + fmt, format=fmt, text=text, blocks=blocks, sha256="ab" * 32)
    b2 = blocks[2]
    clause = Clause(id="c3", kind="article", number="第十二条", heading="争议解决", text=b2.text,
                    span=(b2.start, b2.end), section="dispute_resolution")
    i0 = text.index("提交福州仲裁委员会仲裁")
    i1 = text.index("人民法院起诉") + len("人民法院起诉")
    party_lo = text.index("福州海工大学")
    cell = text.index(CELL_B)
    findings = [
        Finding("DISPUTE_BOTH_FORUMS", "error", "dispute_resolution", "c3", (i0, i1), text[i0:i1],
                "争议解决条款同时约定了仲裁和诉讼。", "仲裁法 第十六条", "因本协议发生的争议，提交福州仲裁委员会仲裁。"),
        # straddles the bold "甲方：" run and the 14pt run: both must be split
        Finding("PARTY_INFO_INCOMPLETE", "warning", "parties", None, (blocks[1].start + 1, party_lo + 6),
                text[blocks[1].start + 1: party_lo + 6], "缺少法定代表人。", "闽科政〔2009〕46号 附件1 二.1", ""),
        Finding("SECTION_MISSING", "warning", "force_majeure", None, None, "",
                "缺少不可抗力条款。", "闽科政〔2009〕46号 附件1 四.10", "任何一方因不可抗力……" * 80),
        Finding("PARTY_NAME_MISMATCH", "info", "parties", None, (cell, cell + len(CELL_B)), CELL_B,
                "名称前后不一致。", "闽科政〔2009〕46号 附件1 二.1", ""),
    ]
    return Report(document=doc, profile="fujian", clauses=[clause], sections=[], findings=findings)


def _comments(data: bytes):
    d = open_docx(io.BytesIO(data))
    ranges = {}
    body = d.element.body
    for start in body.iter(qn("w:commentRangeStart")):
        cid = start.get(qn("w:id"))
        text, on = [], False
        for el in body.iter():
            if el is start:
                on = True
            elif el.tag == qn("w:commentRangeEnd") and el.get(qn("w:id")) == cid:
                break
            elif on and el.tag == qn("w:t"):
                text.append(el.text or "")
            elif on and el.tag == qn("w:tab"):
                text.append("\t")
        ranges[cid] = "".join(text)
    comments = {str(c.comment_id): c for c in d.comments}
    return d, comments, ranges


def test_comments_anchor_on_exact_spans_with_label_offset():
    rep = _report()
    data = commented_docx(rep, _source_docx())
    d, comments, ranges = _comments(data)
    assert len(comments) == 4
    assert {c.author for c in comments.values()} == {AUTHOR}
    by_text = {c.text.split("\n")[0]: ranges[cid] for cid, c in comments.items()}
    both = next(v for k, v in by_text.items() if "仲裁和诉讼" in k)
    assert both == rep.findings[0].evidence            # label "第十二条 " subtracted
    party = next(v for k, v in by_text.items() if "法定代表人" in k)
    assert party == rep.findings[1].evidence
    assert next(v for k, v in by_text.items() if "名称前后" in k) == CELL_B
    # no span: the missing section's comment sits where it would go (next to 争议解决), not on the title
    assert next(v for k, v in by_text.items() if "不可抗力" in k) == DISPUTE
    fm = next(c for c in comments.values() if "不可抗力" in c.text.split("\n")[0])
    assert "位置：（未约定：不可抗力" in fm.text and "第十二条 争议解决" in fm.text
    # the visible text of the document is unchanged by the splitting
    assert [p.text for p in d.paragraphs[:3]] == [TITLE, PARTY, DISPUTE]
    assert "comments.xml" in " ".join(zipfile.ZipFile(io.BytesIO(data)).namelist())


def test_split_runs_keep_their_formatting():
    data = commented_docx(_report(), _source_docx())
    runs = open_docx(io.BytesIO(data)).paragraphs[1].runs
    texts = [r.text for r in runs if r.text]
    assert texts[0] == "甲" and texts[1] == "方：" and all(r.bold for r in runs[:2] if r.text)
    rest = [r for r in runs if r.text and not r.bold]
    assert "".join(r.text for r in rest) == PARTY[3:] and len(rest) == 2   # split at span end
    assert all(r.font.size == Pt(14) and r.font.name == "Arial" for r in rest)


def test_comment_text_chinese_and_truncated():
    data = commented_docx(_report(), _source_docx())
    _d, comments, _r = _comments(data)
    body = next(c.text for c in comments.values() if "仲裁和诉讼" in c.text)
    assert body.startswith("【错误】") and "\n依据：仲裁法 第十六条" in body and "\n建议：" in body
    long = next(c.text for c in comments.values() if "不可抗力条款" in c.text)
    assert len(long) < 500 and "……" in long


def test_decisions_drop_dismissed_and_annotate_accepted():
    rep = _report()
    dec = {finding_key(rep.findings[0]): {"status": "accepted", "note": "须删去诉讼表述", "reviewer": "王律师"},
           finding_key(rep.findings[3]): {"status": "dismissed", "note": "", "reviewer": "王律师"}}
    _d, comments, _r = _comments(commented_docx(rep, _source_docx(), dec))
    assert len(comments) == 3
    assert not any("名称前后" in c.text for c in comments.values())
    acc = next(c.text for c in comments.values() if "仲裁和诉讼" in c.text)
    assert acc.endswith("审查意见：须删去诉讼表述（王律师）")


def test_generated_docx_for_text_input_is_a4_with_comments():
    rep = _report(fmt="txt")
    data = commented_docx(rep, None)
    d, comments, ranges = _comments(data)
    assert len(comments) == 4
    sec = d.sections[0]
    assert abs(sec.page_width.cm - 21.0) < 0.1 and abs(sec.page_height.cm - 29.7) < 0.1
    assert [p.text for p in d.paragraphs] == [b.text for b in rep.document.blocks]
    assert d.paragraphs[0].runs[0].bold
    fonts = d.paragraphs[1].runs[0]._r.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    assert rep.findings[0].evidence in ranges.values()
    assert "第十二条 " + DISPUTE == d.paragraphs[2].text


@pytest.mark.libreoffice
def test_libreoffice_opens_commented_docx(tmp_path):
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) 未安装")
    src = tmp_path / "commented.docx"
    src.write_bytes(commented_docx(_report(), _source_docx()))
    profile = tmp_path / "lo_profile"
    proc = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                          capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "commented.pdf"
    assert proc.returncode == 0, proc.stderr
    assert pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-"


def test_real_ingest_with_normalised_whitespace_and_table():
    """Blocks from checker.ingest (blanks collapsed, full-width digits folded) still map to runs."""
    from checker.ingest import load_bytes

    d = open_docx()
    d.add_paragraph(TITLE)
    p = d.add_paragraph()
    p.add_run("\u3000\u3000甲方：  福州海工大学，")
    p.add_run("住所地：福州市工业路１号。").bold = True
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = CELL_A
    t.cell(0, 1).text = CELL_B
    buf = io.BytesIO()
    d.save(buf)
    doc = load_bytes(buf.getvalue(), "协议.docx")
    text = doc.text
    i = text.index("福州海工大学，住所地：福州市工业路1号")
    j = i + len("福州海工大学，住所地：福州市工业路1号")
    k = text.index(CELL_B)
    rep = Report(document=doc, profile="fujian", clauses=[], sections=[], findings=[
        Finding("PARTY_INFO_INCOMPLETE", "warning", "parties", None, (i, j), text[i:j], "缺少法定代表人。", "", ""),
        Finding("PARTY_NAME_MISMATCH", "info", "parties", None, (k, k + 4), text[k:k + 4], "名称不一致。", "", "")])
    _d, comments, ranges = _comments(commented_docx(rep, buf.getvalue()))
    got = {c.text: ranges[cid] for cid, c in comments.items()}
    assert next(v for c, v in got.items() if c.startswith("【警告】") and "缺少法定代表人" in c) \
        == "福州海工大学，住所地：福州市工业路１号"   # raw (full-width) run text
    assert next(v for c, v in got.items() if "名称不一致" in c) == CELL_B[:4]
