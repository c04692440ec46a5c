"""`make fuzz`: run ≥ 10,000 generated documents through ingest → review → export; print the crashes.

Generators (tests/fuzz/generators.py): any Unicode text, agreement-shaped text, any bytes under any
file name (hypothesis), and structure-aware mutations of the corpus (paragraphs deleted, duplicated,
shuffled, renumbered; table rows broken; .docx packages truncated or with damaged XML). Each document
must give a report satisfying tests/fuzz/properties.py or a one-line InputError; anything else is a
crash, printed with a reproducer. Exit status 1 when a crash was found.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

SHARES = {"any_text": 0.30, "agreement_text": 0.48, "any_bytes": 0.12, "corpus_text": 0.08, "corpus_docx": 0.02}
NAMES = ["协议.docx", "协议.pdf", "协议.txt", "协议.doc", "协议.md", "协议", "扫描.png", "协议.wps", "协议.rtf"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--examples", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    from fuzz.generators import agreement_text, any_text, corpus_texts, docx_files, mutate_docx, mutate_text
    from fuzz.properties import check_bytes, check_text

    counts: Counter = Counter()
    outcomes: Counter = Counter()
    crashes: list[tuple[str, str, str]] = []

    def run(kind: str, fn, *a, show=""):
        counts[kind] += 1
        try:
            outcomes["report" if fn(*a) else "refused"] += 1
        except Exception as e:   # every other exception is a crash to report
            crashes.append((kind, f"{type(e).__name__}: {e}"[:300], show[:300]))
            outcomes["crash"] += 1
            if len(crashes) <= 3:
                traceback.print_exc()

    plan = {k: max(1, int(args.examples * v)) for k, v in SHARES.items()}
    plan["agreement_text"] += args.examples - sum(plan.values())
    quiet = settings(database=None, deadline=None, phases=[Phase.generate], derandomize=False,
                     suppress_health_check=list(HealthCheck))
    t0 = time.monotonic()

    @settings(quiet, max_examples=plan["any_text"])
    @given(any_text)
    def gen_any(text):
        run("any_text", check_text, text, show=repr(text))

    @settings(quiet, max_examples=plan["agreement_text"])
    @given(agreement_text())
    def gen_agreement(text):
        run("agreement_text", check_text, text, show=repr(text))

    @settings(quiet, max_examples=plan["any_bytes"])
    @given(st.binary(max_size=4000), st.sampled_from(NAMES))
    def gen_bytes(data, name):
        run("any_bytes", check_bytes, data, name, show=f"{name}: {data[:200]!r}")

    for gen in (gen_any, gen_agreement, gen_bytes):
        gen()
        print(f"… {sum(counts.values())} 份，{time.monotonic() - t0:.0f} s", file=sys.stderr, flush=True)

    rnd = random.Random(args.seed)
    texts = corpus_texts()
    for k in range(plan["corpus_text"]):
        name, text = texts[k % len(texts)]
        seed = rnd.randrange(2 ** 32)
        run("corpus_text", check_text, mutate_text(text, random.Random(seed)), show=f"{name} seed={seed}")
    files = docx_files()
    for k in range(plan["corpus_docx"]):
        path = files[k % len(files)]
        seed = rnd.randrange(2 ** 32)
        run("corpus_docx", check_bytes, mutate_docx(path.read_bytes(), random.Random(seed)), path.name,
            show=f"{path.name} seed={seed}")

    total = sum(counts.values())
    print(f"模糊测试：共 {total} 份生成文档（{', '.join(f'{k} {v}' for k, v in counts.items())}），"
          f"得到报告 {outcomes['report']}，拒绝（InputError）{outcomes['refused']}，崩溃 {outcomes['crash']}；"
          f"用时 {time.monotonic() - t0:.0f} s")
    seen = Counter(msg for _, msg, _ in crashes)
    for kind, msg, show in crashes:
        if seen[msg]:
            print(f"崩溃 [{kind}] ×{seen[msg]} {msg}\n  输入：{show}")
            seen[msg] = 0
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
