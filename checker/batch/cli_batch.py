"""`alliance-check batch | batches | batch-diff`: argument handling and terminal output (a tqdm progress
bar on stderr); the work is in job.py and outputs.py."""
from __future__ import annotations

import sys
from pathlib import Path

from checker.errors import InputError


def run(args) -> int:
    from tqdm import tqdm

    from checker.batch.job import run_source
    from checker.batch.outputs import report_stem, write_outputs

    src = Path(args.source)
    outdir = Path(args.output) if args.output else Path.cwd() / f"{report_stem(src.stem or src.name)}_批量审查"
    if args.jobs is not None and args.jobs < 1:
        raise InputError("--jobs 必须是不小于 1 的整数")
    bar = tqdm(total=0, unit="份", desc="批量审查", file=sys.stderr, dynamic_ncols=True)

    def progress(done, total, row):
        if bar.total != total:
            bar.total = total
        bar.set_postfix_str(row["name"][-24:], refresh=False)
        bar.update(1)

    try:
        outcome = run_source(src, args.profile, jobs=args.jobs, kind=args.kind, whole_is_package=args.package,
                             store_url=args.db, save=not args.no_store, progress=progress,
                             label=src.name)
    finally:
        bar.close()
    write_outputs(outcome, outdir)
    rows = outcome.rows
    ok = [r for r in rows if r["status"] == "ok"]
    failed = [r for r in rows if r["status"] == "failed"]
    print(f"共 {len(rows)} 个文件：已审查 {len(ok)} 份，失败 {len(failed)} 份；"
          f"错误 {sum(r['errors'] for r in ok)} 个、警告 {sum(r['warnings'] for r in ok)} 个、提示 {sum(r['infos'] for r in ok)} 条。")
    for r in failed:
        print(f"  失败：{r['name']}：{r['error']}")
    for p in outcome.packages:
        state = "材料齐全" if p["complete"] else "缺少 " + "、".join(p["missing"])
        print(f"  材料包 {p['package']}：{state}；跨文件核对发现 {len(p['cross_checks'])} 处不一致")
    if outcome.batch_id is not None:
        print(f"结果已存入审查记录库，批次编号 {outcome.batch_id}（alliance-check batches 查看全部批次）。")
    print(f"汇总表与各文件报告已写入 {outdir}")
    return 1 if failed or any(r["errors"] for r in ok) else 0


def list_cmd(args) -> int:
    from checker.review.batch_store import list_batches
    from checker.review.store import get_store

    rows = list_batches(get_store(args.db))
    if not rows:
        print("审查记录库中还没有批次。")
    for b in rows:
        print(f"{b['id']:>5}  {b['created_at']:%Y-%m-%d %H:%M}  {b['profile']:<9} {b['saved']}/{b['total']} 份  {b['label']}")
    return 0


def diff_cmd(args) -> int:
    from checker.review.batch_store import compare_batches, list_batches
    from checker.review.store import get_store

    store = get_store(args.db)
    ids = {b["id"] for b in list_batches(store)}
    for i in (args.old, args.new):
        if i not in ids:
            raise InputError(f"审查记录库中没有编号为 {i} 的批次（alliance-check batches 查看全部批次）")
    zh = {"added": "新增", "removed": "移除", "changed": "有变化", "unchanged": "无变化"}
    for d in compare_batches(store, args.old, args.new):
        line = f"{zh[d['change']]}  {d['document']}"
        if d["change"] == "changed":
            line += (f"  错误 {d['errors_delta']:+d}、警告 {d['warnings_delta']:+d}、提示 {d['infos_delta']:+d}")
            if d["rules_added"]:
                line += f"；新出现：{'、'.join(d['rules_added'])}"
            if d["rules_removed"]:
                line += f"；已消除：{'、'.join(d['rules_removed'])}"
        print(line)
    return 0
