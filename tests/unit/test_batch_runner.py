"""Batch runs: a corrupt file among good ones is reported in its row and never stops the batch; the CSV and
XLSX summary tables (opened with openpyxl), one report per document, zip input with packages, the
command line with its progress bar."""
from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).parent))
from batch_samples import agreement, charter  # noqa: E402

from checker.batch.collect import collect  # noqa: E402
from checker.batch.job import run_source  # noqa: E402
from checker.batch.tables import failure_counts, to_csv, to_xlsx  # noqa: E402
from checker.cli import main  # noqa: E402
from checker.errors import InputError  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
GOOD = ["c07.txt", "c16.txt", "ch01.txt", "ns01.txt"]


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "收件"
    d.mkdir()
    for n in GOOD:
        shutil.copy(CORPUS / n, d / n)
    (d / "损坏的协议.docx").write_bytes(b"PK\x03\x04 this is not a real docx")
    (d / "空文件.pdf").write_bytes(b"")
    (d / ".隐藏.txt").write_text("不应被审查", encoding="utf-8")
    return d


def test_corrupt_files_are_reported_and_the_batch_goes_on(folder):
    out = run_source(folder, "fujian", jobs=2, save=False)
    rows = {r["name"]: r for r in out.rows}
    assert set(rows) == set(GOOD) | {"损坏的协议.docx", "空文件.pdf"}
    for n in GOOD:
        assert rows[n]["status"] == "ok" and n in {out.rows[i]["name"] for i in out.reports}
    assert rows["损坏的协议.docx"]["status"] == "failed" and "损坏的协议.docx" in rows["损坏的协议.docx"]["error"]
    assert rows["空文件.pdf"]["status"] == "failed" and rows["空文件.pdf"]["error"]
    assert rows["ch01.txt"]["kind"] == "charter" and rows["ns01.txt"]["kind"] == "necessity"
    assert rows["c07.txt"]["kind"] == "agreement" and "文件送达 / 通知" in rows["c07.txt"]["missing"]


def test_xlsx_and_csv_tables(folder):
    out = run_source(folder, "fujian", jobs=1, save=False)
    wb = load_workbook(io.BytesIO(to_xlsx(out.rows)))
    ws = wb["审查汇总"]
    header = [c.value for c in ws[1]]
    assert header[:9] == ["文件", "材料包", "文件类型", "状态", "错误", "警告", "提示", "缺失章节", "说明"]
    assert "争议解决" in header and "性质" in header and "产业发展状况" in header
    body = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert len(body) == len(out.rows)
    c07 = body["c07.txt"]
    assert c07[2] == "联盟协议书" and c07[3] == "已审查" and c07[4] == next(r for r in out.rows if r["name"] == "c07.txt")["errors"]
    assert c07[header.index("文件送达 / 通知")] == "缺失" and c07[header.index("性质")] == "—"
    assert body["损坏的协议.docx"][3] == "失败" and body["损坏的协议.docx"][8]
    assert ws.auto_filter.ref and ws.freeze_panes == "B2"
    stats = wb["问题统计"]
    assert stats["A1"].value == "规则" and stats.max_row > 3
    rows = list(csv.reader(io.StringIO(to_csv(out.rows).decode("utf-8-sig"))))
    assert rows[0] == header and len(rows) == len(out.rows) + 1
    rules, sections = failure_counts(out.rows)
    assert rules["SECTION_MISSING"] >= 1 and sections["notices"] >= 1


def test_cli_batch_writes_tables_reports_and_store(folder, tmp_path, capsys):
    outdir, db = tmp_path / "结果", tmp_path / "reviews.db"
    code = main(["batch", str(folder), "--profile", "fujian", "-o", str(outdir), "--jobs", "2", "--db", str(db)])
    cap = capsys.readouterr()
    assert code == 1                                     # two files failed
    assert "批量审查" in cap.err and "100%" in cap.err  # the progress bar
    assert "失败 2 份" in cap.out and "批次编号 1" in cap.out
    assert (outdir / "汇总.csv").is_file() and (outdir / "汇总.xlsx").is_file()
    reports = sorted(p.name for p in (outdir / "reports").glob("*.json"))
    assert reports == sorted(f"{n}.json" for n in GOOD)
    rep = json.loads((outdir / "reports" / "ch01.txt.json").read_text(encoding="utf-8"))
    assert rep["schema"] == "alliance-check/1" and rep["kind"] == "charter"
    assert (outdir / "reports" / "c07.txt.md").read_text(encoding="utf-8").startswith("# ")
    assert main(["batches", "--db", str(db)]) == 0
    assert "6/6" in capsys.readouterr().out
    assert main(["batch-diff", "1", "1", "--db", str(db)]) == 0
    assert "无变化" in capsys.readouterr().out
    assert main(["batch-diff", "1", "9", "--db", str(db)]) == 2


def test_zip_with_packages(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("海洋装备联盟/协议书.txt", agreement())
        z.writestr("海洋装备联盟/章程.txt", charter(bodies="理事会和秘书处"))
        z.writestr("__MACOSX/._协议书.txt", "junk")
        z.writestr("单独一份.txt", (CORPUS / "c16.txt").read_bytes())
    items = collect(buf.getvalue(), name="申报.zip")
    assert [i.name for i in items] == ["单独一份.txt", "海洋装备联盟/协议书.txt", "海洋装备联盟/章程.txt"]
    out = run_source(buf.getvalue(), "fujian", name="申报.zip", jobs=1, save=False)
    assert [p["package"] for p in out.packages] == ["海洋装备联盟"]
    pkg = out.packages[0]
    assert pkg["missing"] == ["试点工作方案"]
    assert "PACKAGE_GOVERNANCE_MISMATCH" in {f["rule"] for f in pkg["cross_checks"]}


def test_bad_batch_inputs(tmp_path):
    with pytest.raises(InputError):
        collect(tmp_path / "没有这个文件夹")
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    with pytest.raises(InputError):
        collect(tmp_path / "x.zip")
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError):
        run_source(tmp_path / "empty", "fujian", save=False)
    assert main(["batch", str(tmp_path / "empty"), "--no-store"]) == 2
