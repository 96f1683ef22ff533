import duckdb
import pytest

from samples import DIRTY_ARTICLE
from warta.api import build_pipeline
from warta.document import Document
from warta.store import Store, StoreError


def make_doc(raw: str, ref: str) -> Document:
    return build_pipeline()(Document(source=ref, raw=raw))


def test_batch_is_accounted_for_and_duplicates_add_nothing(tmp_path):
    db = tmp_path / "w.duckdb"
    docs = [make_doc(DIRTY_ARTICLE, "a.txt"), make_doc(DIRTY_ARTICLE, "copy.txt")]
    bad = Document(source="empty.txt")
    bad.reject("empty", "empty.txt: the file is empty")
    with Store(db) as store:
        run = store.start_run("test")
        result = store.add_batch(docs + [bad], run)
        store.finish_run(run)
        assert result.stored == [docs[0].id]
        assert result.duplicate == [("copy.txt", docs[0].id)]
        assert result.rejected == [("empty.txt", "empty", "empty.txt: the file is empty")]
        counts = store.counts()
    assert counts["read"] == 3 == counts["stored"] + counts["duplicate"] + counts["rejected"]
    assert counts["articles"] == 1
    with Store(db) as store:  # a second ingest of the same document adds nothing
        run = store.start_run("again")
        assert store.add_batch([make_doc(DIRTY_ARTICLE, "a.txt")], run).duplicate
        assert store.counts()["articles"] == 1


def test_stored_article_round_trips_the_contract(tmp_path):
    doc = make_doc(DIRTY_ARTICLE, "a.txt")
    with Store(tmp_path / "w.duckdb") as store:
        store.add_batch([doc], store.start_run("t"))
        assert store.get_article(doc.id) == doc.to_dict()
        assert store.get_article(doc.id[:6])["id"] == doc.id
        assert store.get_article("ffffffff") is None


def test_read_only_store_that_does_not_exist_says_so(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_file_that_is_not_a_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "not.duckdb"
    path.write_text("hello")
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)


def test_failed_batch_writes_nothing(tmp_path, monkeypatch):
    doc = make_doc(DIRTY_ARTICLE, "a.txt")
    with Store(tmp_path / "w.duckdb") as store:
        run = store.start_run("t")
        import warta.store.duckdb_store as mod

        def boom(con, table, columns, rows):
            if table == "inputs":
                raise duckdb.Error("disk full")
            return real(con, table, columns, rows)

        real = mod._insert_many
        monkeypatch.setattr(mod, "_insert_many", boom)
        with pytest.raises(StoreError, match="writing a batch"):
            store.add_batch([doc], run)
        monkeypatch.setattr(mod, "_insert_many", real)
        assert store.counts()["articles"] == 0
        assert store.add_batch([doc], run).stored == [doc.id]
