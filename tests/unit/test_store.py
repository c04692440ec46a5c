"""Review store: configuration, decisions upsert, atomic writes, version families."""
from __future__ import annotations

import pytest

from checker.review import store as store_mod
from checker.review.store import Store, family_key, finding_key


def _report(sha: str, name: str = "联盟协议.docx", title: str = "福建省海洋装备产业技术创新战略联盟协议书",
            evidence: str = "提交仲裁委员会仲裁，也可以起诉") -> dict:
    return {"schema": "alliance-check/1", "profile": "fujian",
            "source": {"name": name, "format": "docx", "sha256": sha, "pages": 1, "chars": 100},
            "clauses": [{"id": "c1", "text": title, "section": "title"}],
            "findings": [{"rule": "DISPUTE_BOTH_FORUMS", "severity": "error", "section": "dispute_resolution",
                          "clause_id": "c9", "span": [10, 20], "evidence": evidence}]}


@pytest.fixture
def st(tmp_path):
    return Store(str(tmp_path / "db" / "reviews.db"))


def test_env_path_and_url(tmp_path, monkeypatch):
    monkeypatch.setenv("ALLIANCE_CHECK_DB", str(tmp_path / "x" / "r.db"))
    assert store_mod.database_url() == f"sqlite:///{tmp_path / 'x' / 'r.db'}"
    assert (tmp_path / "x").is_dir()
    monkeypatch.setenv("ALLIANCE_CHECK_DB", "postgresql+psycopg://u@h/db")
    assert store_mod.database_url() == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("ALLIANCE_CHECK_DB")
    monkeypatch.chdir(tmp_path)
    assert store_mod.database_url().endswith("/data/reviews.db") and (tmp_path / "data").is_dir()


def test_finding_key_stable_and_distinct():
    f = _report("a" * 64)["findings"][0]
    assert finding_key(f) == finding_key(dict(f)) and len(finding_key(f)) == 40
    assert finding_key(f) != finding_key({**f, "span": [11, 20]})
    assert finding_key(f) != finding_key({**f, "evidence": "别的"})


def test_decision_upsert_and_reload(st, tmp_path):
    sha = "a" * 64
    st.save_review(_report(sha))
    st.set_decision(sha, "k1", "accepted", "须修改", "王律师")
    st.set_decision(sha, "k1", "dismissed", "误报", "李律师")
    st.set_decision(sha, "k2", "accepted")
    again = Store(str(tmp_path / "db" / "reviews.db"))          # a "restart"
    dec = again.load_decisions(sha)
    assert set(dec) == {"k1", "k2"}
    assert dec["k1"]["status"] == "dismissed" and dec["k1"]["note"] == "误报" and dec["k1"]["reviewer"] == "李律师"
    assert again.load_decisions("b" * 64) == {}


def test_failed_batch_leaves_nothing_and_keeps_earlier(st):
    sha = "a" * 64
    st.set_decision(sha, "k0", "accepted", "早先的结论", "王")
    with pytest.raises(ValueError):
        st.set_decisions(sha, {"k1": {"status": "accepted", "note": "n"},
                               "k0": {"status": "dismissed"},
                               "k2": {"status": "bogus"}})          # fails after two writes were flushed
    dec = st.load_decisions(sha)
    assert set(dec) == {"k0"} and dec["k0"]["status"] == "accepted" and dec["k0"]["note"] == "早先的结论"


def test_failed_review_save_writes_no_document(st):
    st.save_review(_report("a" * 64))
    bad = _report("b" * 64)
    bad["unserialisable"] = object()
    with pytest.raises(TypeError):
        st.save_review(bad)
    assert st.document("b" * 64) is None
    assert st.latest_review("a" * 64)["source"]["sha256"] == "a" * 64


def test_family_history_and_previous_version(st):
    v1, v2, other = "1" * 64, "2" * 64, "3" * 64
    st.save_review(_report(v1, name="协议（征求意见稿）.docx"))
    st.save_review(_report(other, title="四川省某某产业技术创新战略联盟协议书"))
    st.save_review(_report(v2, name="协议 v2.docx", evidence="提交仲裁委员会仲裁"))
    fam = family_key(_report(v2))
    assert fam == family_key(_report(v1)) != family_key(_report(other, title="四川省某某产业技术创新战略联盟协议书"))
    assert [h["sha256"] for h in st.history(fam)] == [v1, v2]
    assert st.previous_version(v2)["source"]["sha256"] == v1
    assert st.previous_version(v1) is None
    assert st.previous_version(other) is None


def test_family_from_file_name_without_version_marks():
    a = _report("a" * 64, name="合作协议_v1.docx", title="合作协议")
    b = _report("b" * 64, name="合作协议（修订稿）2024-05-01.pdf", title="合作协议")
    assert family_key(a) == family_key(b) == "文件:合作协议"


def test_corrections_sources_and_recent_reviews(st):
    sha = "c" * 64
    st.save_review(_report(sha, name="协议（送审稿）.docx"))
    i = st.add_correction(sha, {"op": "split", "at": 120}, "王律师")
    st.add_correction(sha, {"op": "section", "start": 10, "end": 50, "section": "force_majeure"})
    got = st.load_corrections(sha)
    assert [c["op"] for c in got] == ["split", "section"] and got[0]["reviewer"] == "王律师"
    st.remove_correction(sha, i)
    assert [c["op"] for c in st.load_corrections(sha)] == ["section"]
    with pytest.raises(ValueError):
        st.add_correction(sha, {"op": "rename"})
    assert st.corrected_documents() == [sha]
    st.save_source(sha, "协议（送审稿）.docx", b"PK..")
    assert st.source(sha) == ("协议（送审稿）.docx", b"PK..")
    st.set_decision(sha, "k1", "accepted", "好", "王律师")
    rows = st.recent_reviews()
    assert rows[0]["sha256"] == sha and rows[0]["decisions"] == 1 and rows[0]["reopenable"]
