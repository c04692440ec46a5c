"""Runs the style matrix: renders every corpus agreement in every applicable style, reviews each
rendering and compares it with the review of the canonical corpus file.

A rendering is *invariant* when (1) every clause of the source lies in a unit with the same section
as in the canonical review, (2) every section has the same coverage status and (3) the findings are
the same multiset of (rule, section). The member-list attachment some styles add is new content:
for those the ``attachments`` status and findings are not compared.
"""
from __future__ import annotations

import bisect
import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from checker.stylematrix.render import ROOT, applicable, convert_pending, render, write
from checker.stylematrix.source import parse_source
from checker.stylematrix.styles import STYLES, Style

CORPUS = ROOT / "tests" / "corpus"
CACHE = Path(os.environ.get("ALLIANCE_STYLE_CACHE", ROOT / "tests" / "artifacts" / "styles"))
_WS = re.compile(r"[\s\u3000]+")


@dataclass
class Review:
    sections: list[str | None]
    status: dict[str, str]
    findings: Counter


@dataclass
class Outcome:
    doc: str
    style: str
    differences: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.differences


def _stripped(text: str, skip: set[int]) -> tuple[str, list[int]]:
    keep, idx = [], []
    for i, ch in enumerate(text):
        if not _WS.match(ch) and i not in skip:
            keep.append(ch)
            idx.append(i)
    return "".join(keep), idx


def _locate(flat: tuple[str, list[int]], anchor, after: int = 0) -> int | None:
    """The document offset where ``anchor`` opens; a text that occurs more than once (a list of names given
    in the preamble and again in the signature block) is taken at its first occurrence from the offset
    ``after`` on, where the previous clause was found — clauses are in document order."""
    s, idx = flat
    after_flat = bisect.bisect_left(idx, after)
    if isinstance(anchor, tuple):
        head, nxt = anchor
        if nxt:
            h, nx = _WS.sub("", head), _WS.sub("", nxt)[:10]
            # the occurrence the next line follows most closely ("送达" of the clause, not of a 第X节 通知和送达 above it)
            best = None
            for m in re.finditer(re.escape(h), s):
                d = s.find(nx, m.end(), m.end() + 16 + len(nx)) - m.end() if nx else -1
                if d >= 0 and (best is None or d < best[0]):
                    best = (d, m.start())
            if best is not None:
                return idx[best[1]]
        anchor = head
    a = _WS.sub("", anchor)
    for n in list(range(12, min(40, len(a)) + 1)) + [len(a)]:
        c = a[:n]
        if c and s.count(c) == 1:
            return idx[s.find(c)]
    k = s.find(a[:40], after_flat) if a else -1
    k = k if k >= 0 or not a else s.find(a[:40])
    return idx[k] if k >= 0 else None


def review_of(report, anchors: list[str | None]) -> Review:
    doc = report.document
    text = doc.text
    labels = {i for b in doc.blocks for i in range(b.start, b.start + b.label_len)}
    flat, flat_nl = _stripped(text, set()), _stripped(text, labels)
    units = [c for c in report.clauses if c.kind != "chapter"]
    secs: list[str | None] = []
    prev = 0
    for a in anchors:
        off = None if a is None else _locate(flat, a, prev)
        if off is None and a is not None:
            off = _locate(flat_nl, a, prev)
        if off is None:
            secs.append("<未找到>")
            continue
        prev = off
        u = next((u for u in units if u.span[0] <= off < max(u.span[1], u.span[0] + 1)), None)
        secs.append(u.section if u else None)
    return Review(secs, {s.key: s.status for s in report.sections},
                  Counter((f.rule, f.section) for f in report.findings))


def compare(canon: Review, other: Review, ignore_attachments: bool = False) -> list[str]:
    diff = []
    for k, (a, b) in enumerate(zip(canon.sections, other.sections)):
        if a != b:
            diff.append(f"第{k + 1}个条款：{a} → {b}")
    for key, st in canon.status.items():
        if ignore_attachments and key == "attachments":
            continue
        if other.status.get(key) != st:
            diff.append(f"章节 {key}：{st} → {other.status.get(key)}")
    for k in sorted(set(canon.findings) | set(other.findings), key=str):
        if ignore_attachments and k[1] == "attachments":
            continue
        a, b = canon.findings.get(k, 0), other.findings.get(k, 0)
        if a != b:
            diff.append(f"发现 {k[0]}@{k[1]}：{a} → {b}")
    return diff


def _gold(doc_id: str) -> dict:
    import yaml
    return yaml.safe_load((CORPUS / f"{doc_id}.gold.yaml").read_text(encoding="utf-8"))


def run(styles: list[Style] | None = None, docs: list[str] | None = None, split: str = "all") -> dict:
    """{"outcomes": [Outcome], "per_style": {style: (ok, applicable)}, "seconds": s}."""
    from checker.engine import check

    t0 = time.time()
    styles = styles or STYLES
    sources = [parse_source(p) for p in sorted((CORPUS / "src").glob("*.txt"))]
    sources = [s for s in sources if (not docs or s.id in docs)]
    golds = {s.id: _gold(s.id) for s in sources}
    # agreements and charters (联盟章程); a 必要性说明 is another kind of document with its own outline
    sources = [s for s in sources if (split == "all" or golds[s.id].get("split") == split)
               and golds[s.id].get("kind", "agreement") in ("agreement", "charter")]
    jobs = []
    for src in sources:
        for st in styles:
            if applicable(st, src):
                r = render(st, src)
                jobs.append((src, st, r, write(r, CACHE)))
    convert_pending([p for *_, p in jobs])
    canon: dict[str, Review] = {}
    outcomes = []
    for src in sources:
        g = golds[src.id]
        rep = check(CORPUS / g["file"], profile=g.get("profile", "fujian"), kind=g.get("kind", "agreement"))
        canon[src.id] = review_of(rep, [c["anchor"] for c in g["clauses"]])
    for src, st, r, path in jobs:
        g = golds[src.id]
        rep = check(path, profile=g.get("profile", "fujian"), kind=g.get("kind", "agreement"))
        rev = review_of(rep, r.anchors)
        o = Outcome(src.id, st.id, compare(canon[src.id], rev, r.adds_attachment))
        if len(r.anchors) != len(g["clauses"]):
            o.differences.insert(0, f"渲染的条款数 {len(r.anchors)} ≠ 金标准 {len(g['clauses'])}")
        outcomes.append(o)
    per_style = {}
    for st in styles:
        mine = [o for o in outcomes if o.style == st.id]
        per_style[st.id] = (sum(o.ok for o in mine), len(mine))
    return {"outcomes": outcomes, "per_style": per_style, "seconds": round(time.time() - t0, 1)}


def format_table(res: dict, detail: bool = True) -> str:
    from checker.stylematrix.styles import BY_ID
    outs = res["outcomes"]
    ok = sum(o.ok for o in outs)
    lines = [f"体例矩阵：{len(res['per_style'])} 种体例，{len(outs)} 份渲染，审查结果与原件一致 {ok} 份"
             f"（{ok / len(outs):.1%}），用时 {res['seconds']} 秒" if outs else "体例矩阵：没有渲染",
             "", "体例                          格式   一致/适用   示例"]
    for sid, (good, n) in res["per_style"].items():
        st = BY_ID[sid]
        lines.append(f"{sid:<30}{st.fmt:<6}{good:>4}/{n:<4}   {st.example}")
    if detail:
        bad = [o for o in outs if not o.ok]
        if bad:
            lines += ["", "不一致的渲染："]
            for o in bad:
                lines.append(f"  {o.doc} {o.style}：" + "；".join(o.differences[:6])
                             + (f"；……共 {len(o.differences)} 处" if len(o.differences) > 6 else ""))
    return "\n".join(lines)


def main(split: str = "all", detail: bool = True) -> int:
    res = run(split=split)
    print(format_table(res, detail))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(*(sys.argv[1:2] or ["all"])))
