"""The review store on both back ends: SQLite (the default file) and a real PostgreSQL server this module
starts itself on a free local port (tests/unit/pg_server.py). Reviews and decisions, batches reopened and
compared, concurrent writes from two batch workers, a worker killed mid-batch and a whole batch killed
mid-way — nothing already saved is lost."""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import pg_server  # noqa: E402

from checker.batch.collect import Item  # noqa: E402
from checker.batch.job import run_items  # noqa: E402
from checker.review import batch_store as bs  # noqa: E402
from checker.review.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
DOCS = ["c07.txt", "c11.txt", "c16.txt", "ch01.txt", "ns01.txt", "c03.txt"]


@pytest.fixture(scope="module")
def pg():
    why = pg_server.available()
    if why:
        pytest.skip(why)
    server = pg_server.PgServer().start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'reviews.db'}"
    server = request.getfixturevalue("pg")
    return server.create_db("t_" + uuid.uuid4().hex[:12])


def _items(names=DOCS, copies: int = 1):
    out = []
    for k in range(copies):
        for n in names:
            shown = n if copies == 1 else f"{k:02d}_{n}"
            out.append(Item(name=shown, data=(CORPUS / n).read_bytes()))
    return out


def test_reviews_and_decisions(url):
    st = Store(url)
    rep = {"schema": "alliance-check/1", "profile": "fujian", "kind": "agreement",
           "source": {"name": "协议.docx", "format": "docx", "sha256": "a" * 64, "pages": 1, "chars": 10},
           "clauses": [{"id": "c1", "text": "福建省海洋装备产业技术创新战略联盟协议书", "section": "title"}], "findings": []}
    st.save_review(rep)
    st.set_decisions("a" * 64, {"k1": {"status": "accepted", "note": "须修改"}, "k2": {"status": "dismissed"}})
    with pytest.raises(ValueError):
        st.set_decisions("a" * 64, {"k3": {"status": "accepted"}, "k4": {"status": "bogus"}})
    again = Store(url)
    assert set(again.load_decisions("a" * 64)) == {"k1", "k2"}
    assert again.latest_review("a" * 64)["source"]["name"] == "协议.docx"
    assert again.history("联盟:福建省海洋装备产业技术创新战略联盟")[0]["reviews"] == 1


def test_batch_saved_reopened_and_compared(url, tmp_path):
    items = _items(DOCS[:3]) + [Item(name="坏.docx", data=b"PK\x03\x04 broken")]
    out = run_items(items, "fujian", label="十一月", jobs=2, store_url=url)
    st = Store(url)
    [b] = bs.list_batches(st)
    assert b["id"] == out.batch_id and b["saved"] == 4 and b["total"] == 4 and b["finished_at"] is not None
    rows = bs.batch_rows(st, out.batch_id)
    assert [r["name"] for r in rows] == [r["name"] for r in out.rows]
    assert next(r for r in rows if r["name"] == "坏.docx")["status"] == "failed"
    for r in out.rows:
        if r["status"] == "ok":
            assert bs.batch_report(st, out.batch_id, r["idx"]) == out.reports[r["idx"]]
    # A month later: c07 fixed (a notices clause added), c11 gone, a new document.
    c07 = (CORPUS / "c07.txt").read_bytes().decode("utf-16")
    fixed = c07.replace("第十二条", "第十二条 通知 各方的通知以书面形式送达本协议所列住所地。\n第十二条", 1)
    later = [Item(name="c07.txt", data=fixed.encode("utf-8")), Item(name="c16.txt", data=(CORPUS / "c16.txt").read_bytes()),
             Item(name="ns01.txt", data=(CORPUS / "ns01.txt").read_bytes())]
    out2 = run_items(later, "fujian", label="十二月", jobs=1, store_url=url)
    diff = {d["document"]: d for d in bs.compare_batches(st, out.batch_id, out2.batch_id)}
    assert diff["c16.txt"]["change"] == "unchanged"
    assert diff["ns01.txt"]["change"] == "added" and diff["c11.txt"]["change"] == "removed"
    assert diff["c07.txt"]["change"] == "changed" and diff["c07.txt"]["text_changed"]
    assert [b["label"] for b in bs.list_batches(st)] == ["十二月", "十一月"]


def _writer(url, batch_id, start, n, barrier):
    st = Store(url)
    barrier.wait()
    for i in range(start, start + n):
        bs.save_batch_item(st, batch_id, {"idx": i, "name": f"文件{i}.txt", "status": "ok", "errors": 0, "warnings": i,
                                          "infos": 0, "rules": []}, {"source": {"name": f"文件{i}.txt"}, "clauses": []})


def test_concurrent_writes_from_two_workers(url):
    st = Store(url)
    batch_id = bs.create_batch(st, "fujian", "并发", total=80)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_writer, args=(url, batch_id, k * 40, 40, barrier)) for k in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    rows = bs.batch_rows(st, batch_id)
    assert sorted(r["idx"] for r in rows) == list(range(80))
    assert all(r["warnings"] == r["idx"] for r in rows)


def test_killed_worker_loses_nothing_and_the_batch_finishes(url):
    killed = []

    def progress(done, total, row):
        if not killed and row.get("worker_pid"):
            killed.append(row["worker_pid"])
            os.kill(row["worker_pid"], signal.SIGKILL)      # a worker dies mid-batch

    items = _items(copies=2)
    out = run_items(items, "fujian", jobs=2, store_url=url, progress=progress)
    assert killed
    assert [r["status"] for r in out.rows] == ["ok"] * len(items)   # the documents it held were tried again
    rows = bs.batch_rows(Store(url), out.batch_id)
    assert sorted(r["idx"] for r in rows) == list(range(len(items)))  # each saved exactly once
    first = next(r for r in out.rows if r["worker_pid"] == killed[0])
    assert bs.batch_report(Store(url), out.batch_id, first["idx"]) == out.reports[first["idx"]]


def test_batch_killed_midway_keeps_what_was_saved(url, tmp_path):
    src = tmp_path / "收件"
    src.mkdir()
    for it in _items(copies=4):
        (src / it.name).write_bytes(it.data)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "checker", "batch", str(src), "--db", url, "--jobs", "2",
                             "-o", str(tmp_path / "out")], env=env, cwd=tmp_path, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    st = Store(url)
    saved, deadline = 0, time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        batches = bs.list_batches(st)
        saved = batches[0]["saved"] if batches else 0
        if saved >= 3:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "the batch finished before it could be interrupted"
    before = {r["idx"]: r for r in bs.batch_rows(st, bs.list_batches(st)[0]["id"])}
    os.killpg(proc.pid, signal.SIGKILL)                     # the whole batch (parent and workers) dies
    proc.wait(30)
    [b] = bs.list_batches(Store(url))
    assert b["finished_at"] is None and b["saved"] >= len(before) >= 3
    after = {r["idx"]: r for r in bs.batch_rows(Store(url), b["id"])}
    for idx, row in before.items():
        assert after[idx] == row
        rep = bs.batch_report(Store(url), b["id"], idx)
        assert rep["schema"] == "alliance-check/1" and json.dumps(rep)
    bs.save_batch_item(Store(url), b["id"], {"idx": 999, "name": "之后.txt", "status": "ok", "rules": []}, None)
    assert 999 in {r["idx"] for r in bs.batch_rows(Store(url), b["id"])}   # the store is still writable
