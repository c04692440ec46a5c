"""One batch from start to end, shared by the command line and the 批量审查 page: collect the files, open a
batch in the review store, review every document in parallel (each saved as it finishes), then check each
filing package and close the batch."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from checker.batch.collect import Item, collect, packages
from checker.batch.packages import review_package
from checker.batch.runner import run_batch
from checker.errors import InputError


@dataclass
class BatchOutcome:
    rows: list[dict[str, Any]]
    reports: dict[int, dict[str, Any]]
    packages: list[dict[str, Any]] = field(default_factory=list)
    batch_id: int | None = None
    label: str = ""


def run_items(items: list[Item], profile: str, *, label: str = "", jobs: int | None = None, kind: str = "auto",
              whole_is_package: bool = False, store_url: str | None = None, save: bool = True,
              progress: Callable[[int, int, dict], None] | None = None) -> BatchOutcome:
    if not any(it.reviewable for it in items):
        raise InputError(f"“{label or '批量输入'}”中没有可审查的文件（支持 .docx、.pdf、.txt、.md、.doc）")
    batch_id = None
    store = None
    if save:
        from checker.review.batch_store import create_batch
        from checker.review.store import get_store

        store = get_store(store_url)
        store_url = store.url
        batch_id = create_batch(store, profile, label, total=sum(1 for it in items if it.reviewable))
    res = run_batch(items, profile, jobs=jobs, kind=kind, progress=progress,
                    store_url=store_url if save else None, batch_id=batch_id)
    pkgs = []
    groups = packages([it for it in items])
    for name, group in groups.items():
        if name is None and not whole_is_package:
            continue
        idxs = {i for i, it in enumerate(items) if it.package == name}
        rows = [r for r in res.rows if r["idx"] in idxs]
        pkgs.append(review_package(name if name is not None else label, rows, res.reports, profile))
    if store is not None:
        from checker.review.batch_store import finish_batch

        finish_batch(store, batch_id, pkgs)
    return BatchOutcome(rows=res.rows, reports=res.reports, packages=pkgs, batch_id=batch_id, label=label)


def run_source(source, profile: str, **kw) -> BatchOutcome:
    """A folder, a .zip path, or .zip bytes (``name`` kw for bytes)."""
    name = kw.pop("name", "上传的压缩包.zip")
    items = collect(source, name=name)
    label = kw.pop("label", None) or (name if isinstance(source, (bytes, bytearray)) else str(source))
    return run_items(items, profile, label=label, **kw)
