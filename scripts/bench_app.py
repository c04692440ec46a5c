"""Benchmark the review page: time from upload to findings on screen for a ~30-page agreement.

Two measurements: (1) Streamlit AppTest in-process (upload → script run finished with the
findings rendered), cold (first document: engine and models load) and warm (another document);
(2) a real browser (Debian Chromium via Playwright against `streamlit run app.py`), upload →
first finding visible at 1366×768 — right after the page opens, on a warm server, and the same file
again — when /usr/bin/chromium exists. Prints the figures; no assertions.

    .venv/bin/python scripts/bench_app.py [--pages 30] [--no-browser]
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHARS_PER_PAGE = 700          # a typical A4 page of a Chinese agreement in 小四 (12 pt)


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def agreement(pages: int, variant: int = 0) -> bytes:
    sample = _load("make_sample", ROOT / "scripts" / "make_sample.py")
    base = len("".join(p.text for p in __import__("docx").Document(
        __import__("io").BytesIO(sample.build())).paragraphs))
    pad = len(sample.PAD.format(k=10))
    repeat = max(0, (pages * CHARS_PER_PAGE - base) // pad) + variant
    return sample.build(repeat=repeat)


def bench_apptest(data_a: bytes, data_b: bytes) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    out = {}
    for label, data in (("cold", data_a), ("warm", data_b)):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.run()
        t = time.perf_counter()
        at.sidebar.file_uploader[0].set_value((f"bench_{label}.docx", data, mime)).run()
        out[label] = time.perf_counter() - t
        if at.exception or not at.expander:
            raise SystemExit(f"AppTest run failed: {at.exception or 'no findings rendered'}")
        out[f"{label}_findings"] = len(at.expander)
    return out


def bench_browser(doc_a: bytes, doc_b: bytes, tmp: Path) -> dict[str, float] | None:
    """Upload → first finding visible in Chromium (issue 13 §9), on one server: right after the page
    first opens (engine still warming), on a warm server (another 30-page agreement), and the same
    file uploaded again (report cached per document hash)."""
    bt = _load("test_browser", ROOT / "tests" / "app" / "test_browser.py")
    if not Path(bt.CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    files = {}
    for k, data in (("a", doc_a), ("b", doc_b)):
        files[k] = tmp / f"bench_{k}.docx"
        files[k].write_bytes(data)
    proc, url = bt.start_server(tmp / "browser.db", tmp / "streamlit.log")
    out: dict[str, float] = {}
    try:
        with sync_playwright() as pw:
            browser = bt.launch(pw)
            for label, key in (("open", "a"), ("warm", "b"), ("cached", "a")):
                page = browser.new_page(viewport={"width": 1366, "height": 768})
                page.goto(url)
                page.locator('input[type="file"]').wait_for(state="attached", timeout=120_000)
                t = time.perf_counter()
                page.locator('input[type="file"]').set_input_files(str(files[key]))
                page.locator('[data-testid="stExpander"]').first.wait_for(state="visible", timeout=600_000)
                out[label] = time.perf_counter() - t
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--no-browser", action="store_true")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        os.environ["ALLIANCE_CHECK_DB"] = str(tmp / "bench.db")
        doc_a, doc_b = agreement(a.pages), agreement(a.pages, variant=1)
        from checker.ingest import load_bytes

        n = len(load_bytes(doc_a, "bench.docx").text)
        print(f"协议长度：{n:,} 字（约 {n / CHARS_PER_PAGE:.0f} 页）")
        r = bench_apptest(doc_a, doc_b)
        print(f"AppTest 上传→问题清单渲染：冷启动 {r['cold']:.2f} s（{r['cold_findings']} 个问题），"
              f"热 {r['warm']:.2f} s")
        if not a.no_browser:
            b = bench_browser(doc_a, doc_b, tmp)
            print("浏览器：未找到 /usr/bin/chromium，跳过" if b is None else
                  f"浏览器（Chromium，1366×768）上传→首个问题可见：打开页面后立即上传 {b['open']:.2f} s（目标 ≤ 3 s）；"
                  f"服务已热、另一份协议 {b['warm']:.2f} s（目标 ≤ 2 s）；同一文件再次上传 {b['cached']:.2f} s")


if __name__ == "__main__":
    main()
