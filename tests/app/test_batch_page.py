"""The 批量审查 page (checker/review/page_batch.py) through Streamlit's AppTest: upload several files and a
corrupt one, the progress bar and the table, filters, a package with its checks, a document's full review,
and an earlier batch reopened and compared."""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from batch_samples import agreement, charter  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SCRIPT = "from checker.review import page_batch\npage_batch.page()\n"


@pytest.fixture
def batch_app(db, engine_ready):
    from streamlit.testing.v1 import AppTest

    def make():
        at = AppTest.from_string(SCRIPT, default_timeout=300)
        at.run()
        assert not at.exception, at.exception
        return at

    return make


def _files(*names):
    return [(n, (CORPUS / n).read_bytes(), "text/plain") for n in names]


def _run_batch(at, files, whole=False, label=""):
    at.file_uploader(key="batch_files").set_value(files)
    at.number_input(key="batch_jobs").set_value(1)
    if whole:
        at.checkbox(key="batch_whole").check()
    if label:
        at.text_input(key="batch_label").set_value(label)
    next(b for b in at.button if b.label == "开始批量审查").click().run()
    assert not at.exception, at.exception
    return at


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def test_empty_page_then_a_batch(batch_app, media):
    at = batch_app()
    assert at.title[0].value == "批量审查"
    assert any("还没有批量审查记录" in i.value for i in at.info)
    files = _files("c07.txt", "ch01.txt", "ns01.txt") + [("坏.docx", b"PK\x03\x04 broken", "application/octet-stream")]
    _run_batch(at, files, label="十二月")
    assert int(metric(at, "文件")) == 4 and int(metric(at, "失败")) == 1
    table = at.dataframe(key="batch_table").value
    assert list(table["文件"]) == ["c07.txt", "ch01.txt", "ns01.txt", "坏.docx"]
    assert list(table["文件类型"])[:3] == ["联盟协议书", "联盟章程", "组建必要性的说明"]
    assert table.set_index("文件").loc["坏.docx", "状态"] == "失败"
    assert at.get("vega_lite_chart"), "no chart of failing sections and rules"
    wb = load_workbook(io.BytesIO(media(next(b for b in at.get("download_button") if "Excel" in b.proto.label))))
    assert wb["审查汇总"].max_row == 5
    # filters narrow the table
    at.multiselect(key="bf_kind").set_value(["联盟章程"]).run()
    assert list(at.dataframe(key="batch_table").value["文件"]) == ["ch01.txt"]
    at.multiselect(key="bf_kind").set_value([]).run()
    at.checkbox(key="bf_err").check().run()
    assert all(e > 0 for e in at.dataframe(key="batch_table").value["错误"])
    at.checkbox(key="bf_err").uncheck().run()
    # open one document's full review
    at.selectbox(key="batch_open").set_value("c07.txt").run()
    assert not at.exception
    assert any("《c07.txt》完整审查结果" in s.value for s in at.subheader)
    assert any("ARBITRATION_NO_INSTITUTION" in e.label for e in at.expander)
    at.selectbox(key="batch_open").set_value("坏.docx").run()
    assert any("坏.docx" in e.value for e in at.error)


def test_package_checks_and_reopening_an_earlier_batch(batch_app):
    at = batch_app()
    pkg = [("协议书.txt", agreement().encode(), "text/plain"),
           ("章程.txt", charter(liable="闽江海洋大学").encode(), "text/plain")]
    _run_batch(at, pkg, whole=True, label="十一月")
    labels = " ".join(e.label for e in at.expander)
    assert "缺少：试点工作方案" in labels and "跨文件核对 1 处不一致" in labels
    assert any("对外承担责任的主体不同" in m.value for m in at.markdown)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("协议书.txt", agreement())
        z.writestr("章程.txt", charter())
    _run_batch(at, [("十二月.zip", buf.getvalue(), "application/zip")], whole=True, label="十二月")
    assert "跨文件核对 0 处不一致" in " ".join(e.label for e in at.expander)
    picks = at.selectbox(key="batch_pick")
    assert len(picks.options) == 2
    assert any("十二月" in o for o in picks.options[:1])
    compare = next(e for e in at.expander if e.label.startswith("与另一批次比较"))
    diff = compare.dataframe[0].value
    assert set(diff["变化"]) <= {"有变化", "无变化"} and "章程.txt" in set(diff["文件"])
    # reopen the older batch (ids are given in order): its package finding is back
    at.selectbox(key="batch_pick").set_value(1).run()
    assert not at.exception
    assert "跨文件核对 1 处不一致" in " ".join(e.label for e in at.expander)
