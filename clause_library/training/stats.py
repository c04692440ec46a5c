"""Print per-section counts of the clause classifier training data as a Markdown table.

One job: summarise clauses.jsonl and clauses_dev.jsonl (section counts, share of clauses without
any heading, charter-worded clauses, length range) so that README.md can be regenerated.
Run: .venv/bin/python clause_library/training/stats.py
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Order of the reference outline, 闽科政〔2009〕46号 附件1 (contracts.md §1); null last.
KEYS = ["title", "parties", "recitals", "definitions", "name_principles", "goals_tasks", "organization",
        "members", "funds", "projects", "ip_benefits", "dissolution", "breach", "force_majeure",
        "dispute_resolution", "governing_law", "effect_amendment", "notices", "other_matters",
        "attachments", "signature", None]


def load(name: str) -> list[dict]:
    path = HERE / name
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    train, dev = load("clauses.jsonl"), load("clauses_dev.jsonl")
    ct, cd = Counter(r["section"] for r in train), Counter(r["section"] for r in dev)
    body = Counter(r["section"] for r in train if r["style"].split(";")[0] == "body")
    print("| section | train | dev | train, style `body` (no heading, no number) |")
    print("| --- | ---: | ---: | ---: |")
    for key in KEYS:
        print(f"| `{key if key else 'null'}` | {ct[key]} | {cd[key]} | {body[key]} |")
    print(f"| **total** | **{len(train)}** | **{len(dev)}** | **{sum(body.values())}** |")
    rows = train + dev
    styles = Counter(r["style"].split(";")[0].split("+")[0] for r in rows)
    bare = sum(1 for r in rows if r["style"].split(";")[0] in ("body", "raw"))
    charter = sum(1 for r in rows if r["style"].endswith(";charter"))
    lengths = sorted(len(r["text"]) for r in rows)
    print()
    print(f"- clauses without heading or number (style body/raw): {bare} of {len(rows)} ({bare / len(rows):.0%})")
    print(f"- charter wording (style ends with ;charter): {charter}")
    print(f"- length in characters: min {lengths[0]}, median {lengths[len(lengths) // 2]}, max {lengths[-1]}")
    print("- styles: " + ", ".join(f"{k} {v}" for k, v in styles.most_common()))


if __name__ == "__main__":
    main()
