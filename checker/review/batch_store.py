"""Batch results in the review store: one row per batch, one row per document of it (with its report),
so a reviewer can reopen an earlier batch and see what changed since.

Tables ``batches`` and ``batch_items`` live on the same SQLAlchemy metadata as the review tables
(store.py), so SQLite and PostgreSQL behave the same. Each document is saved in its own transaction by the
worker that reviewed it; saving the same (batch, index) again replaces the row, so a document retried after
a crashed worker is never counted twice.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, delete, func, select
from sqlalchemy.orm import Mapped, mapped_column

from checker.review.store import Base, Store, family_key


class BatchRow(Base):
    __tablename__ = "batches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    label: Mapped[str] = mapped_column(String(500), default="")
    profile: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    total: Mapped[int] = mapped_column(Integer, default=0)
    packages_json: Mapped[str] = mapped_column(Text, default="[]")


class BatchItemRow(Base):
    __tablename__ = "batch_items"
    __table_args__ = (UniqueConstraint("batch_id", "idx", name="uq_batch_item"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(1000))
    package: Mapped[str | None] = mapped_column(String(1000), nullable=True)
    family: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    row_json: Mapped[str] = mapped_column(Text)
    report_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    saved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def _now() -> datetime:
    return datetime.now(timezone.utc)


def create_batch(store: Store, profile: str, label: str = "", total: int = 0) -> int:
    with store.Session.begin() as s:
        row = BatchRow(label=label, profile=profile, created_at=_now(), total=total)
        s.add(row)
        s.flush()
        return row.id


def save_batch_item(store: Store, batch_id: int, row: dict[str, Any], report: dict[str, Any] | None) -> None:
    """Insert or replace the document ``row['idx']`` of ``batch_id`` (one transaction)."""
    fam = family_key(report) if report else "文件:" + row["name"]
    with store.Session.begin() as s:
        s.execute(delete(BatchItemRow).where(BatchItemRow.batch_id == batch_id, BatchItemRow.idx == row["idx"]))
        s.add(BatchItemRow(batch_id=batch_id, idx=row["idx"], name=row["name"], package=row.get("package"),
                           family=fam, status=row["status"], kind=row.get("kind") or "",
                           sha256=row.get("sha256") or "", row_json=json.dumps(row, ensure_ascii=False),
                           report_json=json.dumps(report, ensure_ascii=False) if report else None,
                           saved_at=_now()))


def finish_batch(store: Store, batch_id: int, packages: list[dict[str, Any]] | None = None) -> None:
    with store.Session.begin() as s:
        b = s.get(BatchRow, batch_id)
        b.finished_at = _now()
        b.packages_json = json.dumps(packages or [], ensure_ascii=False)


def list_batches(store: Store) -> list[dict[str, Any]]:
    """Every batch, newest first, with how many documents were saved."""
    with store.Session() as s:
        counts = dict(s.execute(select(BatchItemRow.batch_id, func.count()).group_by(BatchItemRow.batch_id)).all())
        rows = s.scalars(select(BatchRow).order_by(BatchRow.created_at.desc(), BatchRow.id.desc())).all()
        return [{"id": b.id, "label": b.label, "profile": b.profile, "created_at": b.created_at,
                 "finished_at": b.finished_at, "total": b.total, "saved": counts.get(b.id, 0)} for b in rows]


def batch_rows(store: Store, batch_id: int) -> list[dict[str, Any]]:
    with store.Session() as s:
        items = s.scalars(select(BatchItemRow).where(BatchItemRow.batch_id == batch_id)
                          .order_by(BatchItemRow.idx)).all()
        return [{**json.loads(i.row_json), "family": i.family} for i in items]


def batch_packages(store: Store, batch_id: int) -> list[dict[str, Any]]:
    with store.Session() as s:
        b = s.get(BatchRow, batch_id)
        return json.loads(b.packages_json or "[]") if b else []


def batch_report(store: Store, batch_id: int, idx: int) -> dict[str, Any] | None:
    with store.Session() as s:
        i = s.scalar(select(BatchItemRow).where(BatchItemRow.batch_id == batch_id, BatchItemRow.idx == idx))
        return json.loads(i.report_json) if i is not None and i.report_json else None


def compare_batches(store: Store, old_id: int, new_id: int) -> list[dict[str, Any]]:
    """What changed from batch ``old_id`` to ``new_id``, per document (matched by alliance family, else name):
    status added / removed / changed / unchanged, the count deltas and the rules that appeared or went away."""
    old = {r["family"] or r["name"]: r for r in batch_rows(store, old_id)}
    new = {r["family"] or r["name"]: r for r in batch_rows(store, new_id)}
    out = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a is None or b is None:
            r = b or a
            out.append({"document": r["name"], "change": "added" if a is None else "removed",
                        "errors": r["errors"], "warnings": r["warnings"], "infos": r["infos"],
                        "rules_added": [], "rules_removed": []})
            continue
        added = sorted(set(b["rules"]) - set(a["rules"]))
        removed = sorted(set(a["rules"]) - set(b["rules"]))
        deltas = {k: b[k] - a[k] for k in ("errors", "warnings", "infos")}
        same = not added and not removed and not any(deltas.values()) and a["status"] == b["status"] \
            and a.get("sha256") == b.get("sha256")
        out.append({"document": b["name"], "previous": a["name"], "change": "unchanged" if same else "changed",
                    **{f"{k}_delta": v for k, v in deltas.items()},
                    "errors": b["errors"], "warnings": b["warnings"], "infos": b["infos"],
                    "rules_added": added, "rules_removed": removed,
                    "text_changed": a.get("sha256") != b.get("sha256")})
    return out
