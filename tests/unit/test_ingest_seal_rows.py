"""Seal evidence per signature row (checker/seal_evidence.py) on an OCR'd document, without running OCR:
the blocks carry the recognised lines and boxes, the page carries the seal boxes found on its image."""
from __future__ import annotations

from checker.engine import review
from checker.ingest.common import RawBlock, build_document
from checker.rules.profiles import load_profile

BODY = ["福建某某产业技术创新战略联盟协议书",
        "甲方：福建海湾电子有限公司，住所：福建省厦门市湖里区华光路3号，法定代表人：陈某",
        "乙方：闽南理工大学，住所：福建省泉州市丰泽区学府路1号，法定代表人：林某",
        "第一条 联盟名称为“福建某某产业技术创新战略联盟”。",
        "第二条 因本协议发生的争议，提交厦门仲裁委员会仲裁。"]
SIG = [("甲方（盖章）：福建海湾电子有限公司", [0.1, 0.20, 0.6, 0.23]),
       ("法定代表人或授权代表（签字）：", [0.1, 0.26, 0.5, 0.29]),
       ("乙方（盖章）：闽南理工大学", [0.1, 0.40, 0.5, 0.43]),
       ("法定代表人或授权代表（签字）：", [0.1, 0.46, 0.5, 0.49])]


def scanned_doc(seals):
    raw = [RawBlock(body=t, page=1, source_ref={"ocr": True, "box": [0.1, 0.05 * k, 0.9, 0.05 * k + 0.03],
                                                 "lines": [[t, [0.1, 0.05 * k, 0.9, 0.05 * k + 0.03]]]})
           for k, t in enumerate(BODY)]
    raw += [RawBlock(body=t, page=2, source_ref={"ocr": True, "box": box, "lines": [[t, box]]}) for t, box in SIG]
    doc = build_document("扫描.pdf", "pdf", raw, "x", pages=2)
    doc.ocr = {"pages": [1, 2], "per_page": [{"page": 1, "seals": []}, {"page": 2, "seals": seals}],
               "seals": [{"page": 2, "box": b} for b in seals], "confidence": 0.99}
    return doc


def test_each_party_row_gets_present_or_absent_and_a_missing_seal_is_reported():
    seal_on_first = [[0.45, 0.15, 0.6, 0.28]]             # over 甲方's 盖章 line only
    report = review(scanned_doc(seal_on_first), load_profile("fujian"))
    assert [(r["party"], r["seal"]) for r in report.seals] == [("福建海湾电子有限公司", "present"), ("闽南理工大学", "absent")]
    assert report.seals[0]["seal_box"] == seal_on_first[0] and report.seals[1]["page"] == 2
    missing = [f for f in report.findings if f.rule == "SIGNATURE_FORMALITY" and "没有检测到红色印章" in f.message]
    assert len(missing) == 1 and "闽南理工大学" in missing[0].message
    assert missing[0].location["page"] == 2 and missing[0].location["box"] == SIG[2][1]
    assert "闽南理工大学" in missing[0].evidence
    d = report.to_dict()
    assert d["seals"] == report.seals
    # seal text never becomes a party: the parties are those of the preamble
    assert {p["name"] for p in d["parties"]} == {"福建海湾电子有限公司", "闽南理工大学"}


def test_unsealed_copy_reports_rows_absent_without_new_findings():
    report = review(scanned_doc([]), load_profile("fujian"))
    assert [r["seal"] for r in report.seals] == ["absent", "absent"]
    assert not [f for f in report.findings if "没有检测到红色印章" in f.message]


def test_all_sealed_copy_has_no_seal_finding():
    seals = [[0.45, 0.15, 0.6, 0.28], [0.35, 0.36, 0.5, 0.49]]
    report = review(scanned_doc(seals), load_profile("fujian"))
    assert [r["seal"] for r in report.seals] == ["present", "present"]
    assert not [f for f in report.findings if "没有检测到红色印章" in f.message]
