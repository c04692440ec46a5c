"""`make bench` (batch part): throughput of `alliance-check batch` on 200 agreements of the corpus with 1 and
2 worker processes, and peak memory.

The 200 documents cycle through the corpus agreements (tests/corpus/*.gold.yaml without ``kind``) in their
own formats — docx, pdf, txt, md; .doc files are left out and timed separately because each one is converted
by LibreOffice, an outside program whose start-up dominates. Each document gets a distinct name; nothing is
cached between documents. Prints documents per second including worker start-up, and in steady state (from
the first finished document to the last), for each worker count; the peak resident memory of the main
process and of the largest worker. Goal: ≥ 10 documents/s with 2 workers.
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "tests" / "corpus"
N_DOCS = 200


def corpus_agreements(with_doc: bool = False) -> list[Path]:
    out = []
    for g in sorted(CORPUS.glob("*.gold.yaml")):
        d = yaml.safe_load(g.read_text(encoding="utf-8"))
        if d.get("kind") or (d["file"].endswith(".doc") and not with_doc):
            continue
        out.append(CORPUS / d["file"])
    return out


def items(n: int = N_DOCS):
    from checker.batch.collect import Item

    files = corpus_agreements()
    return [Item(name=f"{i:03d}_{files[i % len(files)].name}", data=files[i % len(files)].read_bytes())
            for i in range(n)]


def run(jobs: int, batch) -> dict:
    from checker.batch.runner import run_batch

    stamps: list[float] = []
    t0 = time.perf_counter()
    res = run_batch(batch, "fujian", jobs=jobs, progress=lambda d, t, r: stamps.append(time.perf_counter()))
    total = time.perf_counter() - t0
    ok = sum(1 for r in res.rows if r["status"] == "ok")
    steady = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 and stamps[-1] > stamps[0] else 0.0
    worker_mb = max((r.get("worker_peak_mb") or 0) for r in res.rows)
    return {"jobs": jobs, "docs": len(res.rows), "ok": ok, "seconds": total, "rate": len(res.rows) / total,
            "steady": steady, "worker_mb": worker_mb,
            "summary": [(r["name"], r["errors"], r["warnings"], r["infos"]) for r in res.rows]}


def main() -> int:
    batch = items()
    files = corpus_agreements()
    print(f"批量审查基准：{len(batch)} 份协议（语料中 {len(files)} 份协议循环使用：docx/pdf/txt/md，不含 .doc）")
    results = [run(1, batch), run(2, batch)]
    for r in results:
        print(f"  {r['jobs']} 个进程：{r['docs']} 份用时 {r['seconds']:.1f} 秒，{r['rate']:.1f} 份/秒（含进程启动）；"
              f"稳态 {r['steady']:.1f} 份/秒；单个进程峰值内存 {r['worker_mb']} MB；成功 {r['ok']} 份")
    same = results[0]["summary"] == results[1]["summary"]
    main_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  主进程峰值内存 {main_mb:.0f} MB；1 与 2 个进程的逐份问题数{'一致' if same else '不一致（见下）'}；"
          f"目标：2 个进程 ≥ 10 份/秒 —— "
          f"{'达到' if results[1]['rate'] >= 10 else '未达到'}")
    if not same:
        diff = [(a, b) for a, b in zip(*(r["summary"] for r in results)) if a != b]
        print(f"  不一致的文件 {len(diff)} 份，例如 {diff[:3]}")
    docs = [p for p in corpus_agreements(with_doc=True) if p.suffix == ".doc"]
    if docs:
        from checker.engine import check
        from checker.errors import InputError

        t = time.perf_counter()
        try:
            check(docs[0])
            print(f"  另：.doc 文件（经 LibreOffice 转换）每份约 {time.perf_counter() - t:.1f} 秒")
        except InputError as e:
            print(f"  另：.doc 文件未计时（{e.message}）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
