"""`make bench`: speed and memory of a check on a ~30-page agreement.

Prints: cold CLI time (new process, median of 3), warm in-process check time (median of 5),
pages per second, peak memory of the cold process, and the jieba-only tokenisation time of the same
text as the floor (target: warm ≤ 3× floor; cold CLI ≤ 1.5 s, issue 13 §9). Then batch throughput on
200 agreements with 1 and 2 workers (scripts/bench_batch.py, goal ≥ 10 documents/s with 2), then the review page's
upload→findings time when scripts/bench_app.py is present.
"""
from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHARS_PER_PAGE = 900   # an A4 page of 小四 Chinese text with headings


def make_agreement(target_pages: int = 30) -> str:
    """The complete fixture agreement, its main body repeated with new numbers up to ~30 pages."""
    from checker.text.cn_numerals import to_chinese

    base = (ROOT / "tests" / "fixtures" / "complete_agreement.txt").read_text(encoding="utf-8")
    head, rest = base.split("第一条", 1)
    body, tail = ("第一条" + rest).split("\n\n甲方（盖章）", 1)
    articles = [a for a in body.split("\n第") if a.strip()]
    out, n = [head.rstrip()], 0
    while sum(len(x) for x in out) < target_pages * CHARS_PER_PAGE:
        for a in articles:
            n += 1
            a = a if a.startswith("第") else "第" + a
            rest_of = a.split("条", 1)[1]
            out.append(f"第{to_chinese(n)}条{rest_of}")
    return "\n".join(out) + "\n\n甲方（盖章）" + tail


def to_docx(text: str, path: Path) -> None:
    import docx

    d = docx.Document()
    for line in text.splitlines():
        d.add_paragraph(line)
    d.save(path)


def main() -> int:
    text = make_agreement()
    pages = len(text) / CHARS_PER_PAGE
    tmp = Path(tempfile.mkdtemp())
    path = tmp / "bench_30页协议.docx"
    to_docx(text, path)
    print(f"测试文档：{path.name}，{len(text)} 字，约 {pages:.0f} 页")

    cold = []
    for _ in range(3):
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "checker", "check", str(path), "--format", "json"],
                           capture_output=True, text=True, cwd=ROOT)
        cold.append(time.perf_counter() - t)
        assert r.returncode in (0, 1), r.stderr
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n_findings = len(json.loads(r.stdout)["findings"])

    from checker.engine import check
    import checker.classify.nlp as nlp

    check(path)                      # load models/dictionaries once
    warm = []
    for _ in range(5):
        t = time.perf_counter()
        check(path)
        warm.append(time.perf_counter() - t)

    jieba = nlp.jieba_ready()
    floor = []
    for _ in range(5):
        t = time.perf_counter()
        jieba.lcut(text)
        floor.append(time.perf_counter() - t)

    c, w, f = statistics.median(cold), statistics.median(warm), statistics.median(floor)
    print(f"冷启动 CLI（新进程，3 次中位数）：{c:.2f} 秒（目标 ≤ 1.5 秒）")
    print(f"热调用 check()（进程内，5 次中位数）：{w:.3f} 秒，{pages / w:.0f} 页/秒")
    print(f"jieba 分词下限：{f:.3f} 秒；热调用 / 下限 = {w / f:.1f} 倍（目标 ≤ 3 倍）")
    print(f"冷启动进程峰值内存：{peak_mb:.0f} MB；发现问题 {n_findings} 条")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_batch.py")], cwd=ROOT)
    app_bench = ROOT / "scripts" / "bench_app.py"
    if app_bench.exists():
        subprocess.run([sys.executable, str(app_bench)], cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
