"""Review each scanned corpus PDF (tests/corpus/scanned/) and compare with its text version.

For every scan: OCR time, recognition confidence, pages turned back, seals found and per-row seal
evidence, then the review against the review of the original corpus file: the same section
statuses? the same findings (rule + section, and clause number)? Differences are listed so they
can be explained. `make eval-scanned` (slow: OCR ≈ 5–7 s per page on 2 cores).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ROOT / "tests" / "corpus" / "scanned"


def finding_keys(report) -> Counter:
    return Counter((f.rule, f.section or "") for f in report.findings)


def compare(name: str, meta: dict, profile: str) -> dict:
    from checker.engine import check
    src = ROOT / "tests" / "corpus" / meta["source"]
    text = check(src, profile=profile)
    t = time.monotonic()
    scan = check(SCANNED / f"{name}.pdf", profile=profile)
    secs = time.monotonic() - t
    st_text = {s.key: s.status for s in text.sections}
    st_scan = {s.key: s.status for s in scan.sections}
    sec_diff = {k: (st_text[k], st_scan.get(k)) for k in st_text if st_text[k] != st_scan.get(k)}
    ft, fs = finding_keys(text), finding_keys(scan)
    ocr = scan.document.ocr or {}
    return {
        "name": name, "source": meta["source"], "variant": meta["variant"], "pages": meta["pages"],
        "seconds": round(secs, 1), "confidence": ocr.get("confidence"),
        "rotated_pages": [p["page"] for p in ocr.get("per_page", []) if p["rotated"]],
        "seals_found": len(ocr.get("seals", [])), "seals_drawn": len(meta.get("seals_drawn", [])),
        "seal_rows": [(r["party"], r["seal"]) for r in scan.seals],
        "sections_same": len(st_text) - len(sec_diff), "sections": len(st_text), "section_diff": sec_diff,
        "findings_text": sum(ft.values()), "findings_scan": sum(fs.values()),
        "findings_same": sum((ft & fs).values()),
        "only_text": sorted((ft - fs).elements()), "only_scan": sorted((fs - ft).elements()),
        "chars_text": len(text.document.text), "chars_scan": len(scan.document.text),
        "clauses_text": len(text.clauses), "clauses_scan": len(scan.clauses),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--profile", default="fujian")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON instead of the table")
    ap.add_argument("--table", metavar="FILE", help="print the table of rows saved earlier with --json")
    args = ap.parse_args(argv)
    if args.table:
        return table(json.loads(Path(args.table).read_text(encoding="utf-8")))
    manifest = json.loads((SCANNED / "manifest.json").read_text(encoding="utf-8"))
    rows = []
    for name, meta in manifest.items():
        if args.only and name not in args.only:
            continue
        r = compare(name, meta, args.profile)
        rows.append(r)
        print(f"{name}: {r['pages']} 页 {r['seconds']} s，置信度 {r['confidence']}，章节一致 {r['sections_same']}/{r['sections']}，"
              f"问题一致 {r['findings_same']}（文字版 {r['findings_text']}，扫描版 {r['findings_scan']}）", file=sys.stderr, flush=True)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    return table(rows)


def table(rows: list[dict]) -> int:
    print("| 扫描件 | 来源 | 处理 | 页 | 用时 s | 平均置信度 | 旋转页 | 印章 找到/画上 | 章节状态一致 | 问题 一致/文字版/扫描版 | 只在文字版 | 只在扫描版 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        v = ", ".join(f"{k}={v}" for k, v in r["variant"].items())
        print(f"| {r['name']} | {r['source']} | {v} | {r['pages']} | {r['seconds']} | {r['confidence']} | "
              f"{r['rotated_pages'] or '—'} | {r['seals_found']}/{r['seals_drawn']} | {r['sections_same']}/{r['sections']} | "
              f"{r['findings_same']}/{r['findings_text']}/{r['findings_scan']} | "
              f"{'; '.join(f'{a}@{b}' for a, b in r['only_text']) or '—'} | {'; '.join(f'{a}@{b}' for a, b in r['only_scan']) or '—'} |")
    for r in rows:
        if r["section_diff"]:
            print(f"\n{r['name']} 章节状态不同（文字版 → 扫描版）：{r['section_diff']}")
        if r["seal_rows"]:
            print(f"\n{r['name']} 签章行印章：" + "、".join(f"{p}:{'有' if s == 'present' else '无'}" for p, s in r["seal_rows"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
