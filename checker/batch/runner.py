"""Runs a batch: every document reviewed in a pool of worker processes (one per core by default), each
worker loading the engine once. A document that cannot be read or breaks the engine is reported in its own
row and the batch goes on; a worker process that dies (killed, out of memory) is replaced and the documents
it held are tried again once, then reported as failed. Each finished document can be saved to the review
store by the worker itself, in its own transaction, so a crash never loses what was already saved.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Callable

from checker.batch.collect import Item
from checker.errors import InputError

_WARM_TEXT = ("测试产业技术创新战略联盟协议书\n甲方：测试科技有限公司，住所：福州市，法定代表人：张三\n"
              "第一条 本联盟名称为“测试产业技术创新战略联盟”。\n第二条 因本协议发生的争议，提交福州仲裁委员会仲裁。")
_STORE_URL: str | None = None


@dataclass
class Task:
    idx: int
    name: str
    package: str | None
    data: bytes | None
    path: str | None
    profile: str
    kind: str = "auto"
    batch_id: int | None = None


@dataclass
class BatchResult:
    rows: list[dict[str, Any]] = field(default_factory=list)     # one per document, in input order
    reports: dict[int, dict[str, Any]] = field(default_factory=dict)   # idx → report dict (ok rows)


def warm_up(store_url: str | None = None) -> None:
    """Worker initialiser: load models, dictionaries and rules once (checker.engine caches them)."""
    global _STORE_URL
    _STORE_URL = store_url
    from checker.engine import check

    check(text=_WARM_TEXT, profile="fujian", kind="agreement")


def row_from_report(rep: dict[str, Any]) -> dict[str, Any]:
    """The summary-table fields of one report dict."""
    s = rep.get("summary") or {}
    # a charter or necessity statement is tabled by its own outline (kind_sections), an agreement by the reference one
    secs = rep.get("kind_sections") or rep.get("sections") or []
    found = (rep.get("findings") or []) + (rep.get("kind_findings") or [])
    return {"status": "ok", "error": "", "kind": rep.get("kind", "agreement"), "kind_note": rep.get("kind_note", ""),
            "sha256": (rep.get("source") or {}).get("sha256", ""),
            "errors": s.get("errors", 0), "warnings": s.get("warnings", 0), "infos": s.get("infos", 0),
            "missing": [x["title"] for x in secs if x["status"] == "missing" and x.get("required", True)],
            "sections": {x["key"]: x["status"] for x in secs},
            "rules": sorted({f["rule"] for f in found}),
            "failed_sections": sorted({f.get("kind_section") or f["section"] for f in found
                                       if f.get("kind_section") or f.get("section")})}


def review_task(task: Task) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Review one document (in a worker) and save it to the store when one is configured.
    Never raises for a bad document: a failure becomes the row's error (and is saved as such)."""
    row, rep = _review(task)
    if _STORE_URL and task.batch_id is not None:
        save_row(_STORE_URL, task.batch_id, row, rep)
    return row, rep


def save_row(store_url: str, batch_id: int, row: dict[str, Any], rep: dict[str, Any] | None) -> None:
    from checker.review.batch_store import save_batch_item
    from checker.review.store import get_store

    save_batch_item(get_store(store_url), batch_id, row, rep)


def _review(task: Task) -> tuple[dict[str, Any], dict[str, Any] | None]:
    from checker.engine import check

    base = {"idx": task.idx, "name": task.name, "package": task.package, "worker_pid": os.getpid()}
    try:
        data = task.data
        if data is None:
            with open(task.path, "rb") as fh:
                data = fh.read()
        report = check(data=data, name=os.path.basename(task.name), profile=task.profile, kind=task.kind)
        rep = report.to_dict()
        rep["source"]["path"] = task.name
        base["title_line"] = next((ln.strip()[:60] for ln in report.document.text.splitlines() if ln.strip()), "")
    except InputError as err:
        return {**base, **_failed(err.message)}, None
    except Exception as err:  # noqa: BLE001 — one broken file must not stop the batch
        tb = traceback.extract_tb(err.__traceback__)[-1]
        return {**base, **_failed(f"处理时发生内部错误（{type(err).__name__}: {err}；{os.path.basename(tb.filename)}:{tb.lineno}）")}, None
    import resource

    base["worker_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return {**base, **row_from_report(rep)}, rep


def _failed(message: str) -> dict[str, Any]:
    return {"status": "failed", "error": message, "kind": "", "kind_note": "", "sha256": "", "errors": 0,
            "warnings": 0, "infos": 0, "missing": [], "sections": {}, "rules": [], "failed_sections": []}


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def run_batch(items: list[Item], profile: str, *, jobs: int | None = None, kind: str = "auto",
              progress: Callable[[int, int, dict], None] | None = None, store_url: str | None = None,
              batch_id: int | None = None) -> BatchResult:
    """Review every reviewable item. ``progress(done, total, row)`` is called as each document finishes."""
    tasks = [Task(i, it.name, it.package, it.data, it.path, profile, kind, batch_id)
             for i, it in enumerate(items) if it.reviewable]
    jobs = max(1, jobs or default_jobs())
    result = BatchResult()
    rows: dict[int, dict] = {}

    def done(row, rep):
        rows[row["idx"]] = row
        if rep is not None:
            result.reports[row["idx"]] = rep
        if progress:
            progress(len(rows), len(tasks), row)

    if jobs == 1 or len(tasks) <= 1:
        warm_up(store_url)
        for t in tasks:
            done(*review_task(t))
    else:
        _run_pool(tasks, jobs, store_url, done)
    for i, it in enumerate(items):          # images (licences) are listed, not reviewed
        if not it.reviewable:
            rows[i] = {"idx": i, "name": it.name, "package": it.package, **_failed(""), "status": "skipped",
                       "kind": "image"}
    result.rows = [rows[i] for i in sorted(rows)]
    return result


def _context():
    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


def _run_pool(tasks: list[Task], jobs: int, store_url: str | None, done) -> None:
    pending = list(tasks)
    crashes: dict[int, int] = {}
    while pending:
        with ProcessPoolExecutor(max_workers=min(jobs, len(pending)), mp_context=_context(),
                                 initializer=warm_up, initargs=(store_url,)) as pool:
            futures = {pool.submit(review_task, t): t for t in pending}
            pending = []
            broken = False
            not_done = set(futures)
            while not_done:
                finished, not_done = wait(not_done, return_when=FIRST_COMPLETED)
                for fut in finished:
                    t = futures[fut]
                    try:
                        done(*fut.result())
                    except BrokenProcessPool:
                        broken = True
                        crashes[t.idx] = crashes.get(t.idx, 0) + 1
                        if crashes[t.idx] >= 2:
                            row = {"idx": t.idx, "name": t.name, "package": t.package,
                                   **_failed("处理该文件时审查进程意外退出（可能内存不足或被终止），请单独审查此文件。")}
                            if store_url and t.batch_id is not None:
                                save_row(store_url, t.batch_id, row, None)
                            done(row, None)
                        else:
                            pending.append(t)
            if broken:
                pool.shutdown(wait=False, cancel_futures=True)
