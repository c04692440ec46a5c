"""How much the automatic revision fixes: each .docx of the corpus (and the sample) is revised with every
finding whose suggested wording is complete, LibreOffice accepts all tracked changes (tests/unit/lo_accept.py),
and the result is reviewed again. Prints findings before → after per file and in total.

    PYTHONPATH=. .venv/bin/python scripts/revise_effect.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "unit"))

from lo_accept import accept_all  # noqa: E402

from checker.draft.revise import revise_file  # noqa: E402
from checker.engine import check  # noqa: E402
from checker.errors import InputError  # noqa: E402


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="revise_effect_"))
    files = sorted((ROOT / "tests" / "corpus").glob("*.docx")) + [ROOT / "clause_library" / "samples" / "示例协议.docx"]
    total_before = total_after = 0
    for p in files:
        before = check(p, profile="fujian").findings
        try:
            data, changes = revise_file(p)
        except InputError as e:
            print(f"{p.name}: 无可修订的问题（{e.message}）")
            continue
        out = work / f"{p.stem}_修订.docx"
        out.write_bytes(data)
        after = check(accept_all(out, work / f"{p.stem}_接受.docx", work), profile="fujian").findings
        new = sorted({f.rule for f in after} - {f.rule for f in before})
        total_before += len(before)
        total_after += len(after)
        print(f"{p.name}: {len(before)} → {len(after)} 个问题，{len(changes)} 处修订；新出现的规则：{new or '无'}；"
              f"仍存在：{sorted({f.rule for f in after}) or '无'}")
    print(f"合计：{total_before} → {total_after}")


if __name__ == "__main__":
    main()
