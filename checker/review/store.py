"""Persistent review store: documents, saved reviews and the reviewer's decisions on findings.

SQLAlchemy 2.x, so the default SQLite file and a PostgreSQL server work the same way.
Configuration: env ``ALLIANCE_CHECK_DB`` (a file path or a full SQLAlchemy URL), else
``./data/reviews.db``. Every write runs in one transaction (``with Session.begin()``): a failure
part-way leaves nothing half-written and never touches what was committed before.
"""
from __future__ import annotations

import json
import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from checker.model import finding_key  # noqa: F401 — re-exported for the review page
from sqlalchemy import (ForeignKey, Integer, LargeBinary, String, Text, DateTime, UniqueConstraint, create_engine,
                        func, select)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

DEFAULT_DB = Path("data") / "reviews.db"
STATUSES = ("accepted", "dismissed")


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    family: Mapped[str] = mapped_column(String(500), index=True)
    first_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReviewRow(Base):
    __tablename__ = "reviews"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("documents.sha256"), index=True)
    profile: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    report_json: Mapped[str] = mapped_column(Text)


class DecisionRow(Base):
    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("sha256", "finding_key", name="uq_decision"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    finding_key: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(200), default="")
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CorrectionRow(Base):
    """A reviewer's correction of the structure reading, kept with the decisions of the same document."""
    __tablename__ = "corrections"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    correction_json: Mapped[str] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SourceRow(Base):
    """The reviewed file itself, so a past review can be reopened from the list of reviews."""
    __tablename__ = "document_files"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    data: Mapped[bytes] = mapped_column(LargeBinary)


_VERSION_NOISE = re.compile(
    r"(?i)([（(\[【]?\s*(修订稿|修改稿|征求意见稿|送审稿|讨论稿|草案|草稿|定稿|终稿|最终版|签署版|正式版|"
    r"第?[一二三四五六七八九十\d]+稿|第?[一二三四五六七八九十\d]+版|v\s*\d+(\.\d+)*|ver\s*\d+|final|draft|rev\s*\d*|"
    r"副本|copy)\s*[）)\]】]?)|\d{4}[-._年]?\d{1,2}[-._月]?\d{1,2}日?|\d{8}")


def family_key(report_dict: dict[str, Any]) -> str:
    """Versions of one agreement share a family: the alliance name if the text names one, else the
    file name with version marks (v2, 修订稿, dates …) removed."""
    clauses = report_dict.get("clauses", [])
    titles = [c for c in clauses if c.get("section") == "title"] or clauses[:1]
    for c in titles:
        m = re.search(r"([\u4e00-\u9fa5A-Za-z0-9（）()]{2,40}?(产业技术创新战略联盟|创新战略联盟|技术创新联盟|联盟))",
                      (c.get("text") or "")[:200])
        if m:
            name = re.sub(r"^(关于(成立|组建|建立)?|组建|成立|建立)", "", m.group(1))
            return "联盟:" + name
    name = (report_dict.get("source") or {}).get("name") or ""
    stem = Path(name).stem
    stem = _VERSION_NOISE.sub("", stem)
    stem = re.sub(r"[\s_\-—–.·、（）()]+", "", stem).lower()
    return "文件:" + (stem or name)


def database_url(value: str | None = None) -> str:
    raw = value if value is not None else os.environ.get("ALLIANCE_CHECK_DB", "")
    if raw and "://" in raw:
        return raw
    path = Path(raw) if raw else DEFAULT_DB
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.resolve()}"


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Store:
    """One database. Thread-safe: each call opens its own session."""

    def __init__(self, url: str | None = None):
        self.url = database_url(url)
        kw: dict[str, Any] = {}
        if self.url.startswith("sqlite"):
            kw["connect_args"] = {"timeout": 30, "check_same_thread": False}
        self.engine = create_engine(self.url, **kw)
        Base.metadata.create_all(self.engine)
        self.Session = sessionmaker(self.engine, expire_on_commit=False)

    # -- writes ------------------------------------------------------------------------------
    def save_review(self, report_dict: dict[str, Any], family: str | None = None) -> int:
        src = report_dict["source"]
        sha = src["sha256"]
        with self.Session.begin() as s:
            doc = s.get(DocumentRow, sha)
            if doc is None:
                s.add(DocumentRow(sha256=sha, name=src.get("name") or "", first_seen=_now(),
                                  family=family or family_key(report_dict)))
                s.flush()
            row = ReviewRow(sha256=sha, profile=report_dict.get("profile", ""), created_at=_now(),
                            report_json=json.dumps(report_dict, ensure_ascii=False))
            s.add(row)
            s.flush()
            return row.id

    def set_decision(self, sha256: str, key: str, status: str, note: str = "", reviewer: str = "") -> None:
        self.set_decisions(sha256, {key: {"status": status, "note": note, "reviewer": reviewer}})

    def set_decisions(self, sha256: str, decisions: dict[str, dict[str, Any]]) -> None:
        """Upsert several decisions atomically (all or none)."""
        with self.Session.begin() as s:
            for key, d in decisions.items():
                status = d.get("status")
                if status not in STATUSES:
                    raise ValueError(f"无效的审查结论“{status}”：只能是 accepted 或 dismissed。")
                row = s.scalar(select(DecisionRow).where(DecisionRow.sha256 == sha256,
                                                         DecisionRow.finding_key == key))
                if row is None:
                    row = DecisionRow(sha256=sha256, finding_key=key)
                    s.add(row)
                row.status = status
                row.note = d.get("note") or ""
                row.reviewer = d.get("reviewer") or ""
                row.decided_at = _now()
                s.flush()

    def clear_decision(self, sha256: str, key: str) -> None:
        with self.Session.begin() as s:
            row = s.scalar(select(DecisionRow).where(DecisionRow.sha256 == sha256,
                                                     DecisionRow.finding_key == key))
            if row is not None:
                s.delete(row)

    def add_correction(self, sha256: str, correction: dict[str, Any], reviewer: str = "") -> int:
        op = correction.get("op")
        if op not in ("section", "split", "merge"):
            raise ValueError(f"无效的结构更正“{op}”：只能是 section、split 或 merge。")
        with self.Session.begin() as s:
            row = CorrectionRow(sha256=sha256, correction_json=json.dumps(correction, ensure_ascii=False),
                                reviewer=reviewer or "", created_at=_now())
            s.add(row)
            s.flush()
            return row.id

    def remove_correction(self, sha256: str, correction_id: int) -> None:
        with self.Session.begin() as s:
            row = s.get(CorrectionRow, correction_id)
            if row is not None and row.sha256 == sha256:
                s.delete(row)

    def save_source(self, sha256: str, name: str, data: bytes) -> None:
        with self.Session.begin() as s:
            if s.get(SourceRow, sha256) is None:
                s.add(SourceRow(sha256=sha256, name=name, data=data))

    # -- reads -------------------------------------------------------------------------------
    def load_corrections(self, sha256: str) -> list[dict[str, Any]]:
        """Corrections of one document in the order they were made, each with its ``id``."""
        with self.Session() as s:
            rows = s.scalars(select(CorrectionRow).where(CorrectionRow.sha256 == sha256)
                             .order_by(CorrectionRow.id)).all()
            return [dict(json.loads(r.correction_json), id=r.id, reviewer=r.reviewer,
                         created_at=r.created_at.isoformat() if r.created_at else None) for r in rows]

    def corrected_documents(self) -> list[str]:
        with self.Session() as s:
            return sorted(set(s.scalars(select(CorrectionRow.sha256)).all()))

    def source(self, sha256: str) -> tuple[str, bytes] | None:
        with self.Session() as s:
            row = s.get(SourceRow, sha256)
            return None if row is None else (row.name, row.data)

    def recent_reviews(self, limit: int = 20) -> list[dict[str, Any]]:
        """Reviewed documents, most recent first: name, last review time and profile, decisions made,
        and whether the file itself is kept (so the review can be reopened)."""
        with self.Session() as s:
            last = (select(ReviewRow.sha256, func.max(ReviewRow.id).label("rid"))
                    .group_by(ReviewRow.sha256).subquery())
            rows = s.execute(select(ReviewRow, DocumentRow.name).join(last, ReviewRow.id == last.c.rid)
                             .join(DocumentRow, DocumentRow.sha256 == ReviewRow.sha256)
                             .order_by(ReviewRow.created_at.desc(), ReviewRow.id.desc()).limit(limit)).all()
            out = []
            for rev, name in rows:
                n = s.scalar(select(func.count()).select_from(DecisionRow)
                             .where(DecisionRow.sha256 == rev.sha256)) or 0
                kept = s.get(SourceRow, rev.sha256) is not None
                out.append({"sha256": rev.sha256, "name": name, "profile": rev.profile,
                            "reviewed_at": rev.created_at, "decisions": n, "reopenable": kept})
            return out


    def load_decisions(self, sha256: str) -> dict[str, dict[str, Any]]:
        with self.Session() as s:
            rows = s.scalars(select(DecisionRow).where(DecisionRow.sha256 == sha256)).all()
            return {r.finding_key: {"status": r.status, "note": r.note, "reviewer": r.reviewer,
                                    "decided_at": r.decided_at.isoformat() if r.decided_at else None}
                    for r in rows}

    def document(self, sha256: str) -> dict[str, Any] | None:
        with self.Session() as s:
            d = s.get(DocumentRow, sha256)
            return None if d is None else {"sha256": d.sha256, "name": d.name, "family": d.family,
                                           "first_seen": d.first_seen}

    def history(self, family: str) -> list[dict[str, Any]]:
        """Documents of one family, oldest first, each with its number of saved reviews."""
        with self.Session() as s:
            docs = s.scalars(select(DocumentRow).where(DocumentRow.family == family)
                             .order_by(DocumentRow.first_seen, DocumentRow.sha256)).all()
            out = []
            for d in docs:
                n = len(s.scalars(select(ReviewRow.id).where(ReviewRow.sha256 == d.sha256)).all())
                out.append({"sha256": d.sha256, "name": d.name, "family": d.family,
                            "first_seen": d.first_seen, "reviews": n})
            return out

    def latest_review(self, sha256: str, profile: str | None = None) -> dict[str, Any] | None:
        with self.Session() as s:
            q = select(ReviewRow).where(ReviewRow.sha256 == sha256)
            if profile:
                q = q.where(ReviewRow.profile == profile)
            row = s.scalars(q.order_by(ReviewRow.created_at.desc(), ReviewRow.id.desc())).first()
            return None if row is None else json.loads(row.report_json)

    def previous_version(self, sha256: str, family: str | None = None,
                         profile: str | None = None) -> dict[str, Any] | None:
        """Latest saved review of the newest *other* document of the same family seen before this one."""
        with self.Session() as s:
            me = s.get(DocumentRow, sha256)
            fam = family or (me.family if me else None)
            if fam is None:
                return None
            q = select(DocumentRow).where(DocumentRow.family == fam, DocumentRow.sha256 != sha256)
            if me is not None:
                q = q.where(DocumentRow.first_seen <= me.first_seen)
            others = s.scalars(q.order_by(DocumentRow.first_seen.desc())).all()
        for d in others:
            rep = self.latest_review(d.sha256, profile) or self.latest_review(d.sha256)
            if rep is not None:
                return rep
        return None


_STORES: dict[str, Store] = {}


def get_store(url: str | None = None) -> Store:
    """The process-wide Store for ``url`` (default: the configured database)."""
    key = database_url(url)
    if key not in _STORES:
        _STORES[key] = Store(key)
    return _STORES[key]


def save_review(report_dict: dict[str, Any], family: str | None = None) -> int:
    return get_store().save_review(report_dict, family)


def load_decisions(sha256: str) -> dict[str, dict[str, Any]]:
    return get_store().load_decisions(sha256)


def set_decision(sha256: str, key: str, status: str, note: str = "", reviewer: str = "") -> None:
    get_store().set_decision(sha256, key, status, note, reviewer)


def history(family: str) -> list[dict[str, Any]]:
    return get_store().history(family)


def previous_version(sha256: str, family: str | None = None, profile: str | None = None):
    return get_store().previous_version(sha256, family, profile)


# Batch tables (batches, batch_items) register on the same metadata before any Store is created.
from checker.review import batch_store as _batch_store  # noqa: E402,F401
