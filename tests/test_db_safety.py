"""A library file we cannot trust is refused with a clear message and never overwritten."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers import entry, incoming
from legacy import old_schema, write_article, write_feed
from readinglist.model.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseNotOursError,
    DatabaseReadOnlyError,
    DatabaseTooNewError,
)
from readinglist.model.query import ArticleQuery
from readinglist.storage import db as dbmod
from readinglist.storage.db import SCHEMA_VERSION
from readinglist.storage.store import Store


def test_new_library_has_pragmas_and_version(tmp_path: Path) -> None:
    store = Store(tmp_path / "lib.sqlite3")
    pragma = lambda name: store.db.execute_sql(f"PRAGMA {name}").fetchone()[0]
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == 5000
    assert pragma("user_version") == SCHEMA_VERSION
    assert pragma("application_id") == dbmod.APPLICATION_ID
    store.close()


def test_garbage_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"this is my tax return, not a database\n" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseNotOursError, match="not a readinglist library"):
        Store(path)
    assert path.read_bytes() == before


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.execute("INSERT INTO contacts VALUES ('Ada')")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseNotOursError, match="another program"):
        Store(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Store(path).close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(DatabaseTooNewError, match="newer readinglist"):
        Store(path)


def test_corrupt_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    store = Store(path)
    store.checkpoint()
    store.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the magic
    path.write_bytes(bytes(data))
    with pytest.raises((DatabaseCorruptError, DatabaseNotOursError)):
        Store(path)


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    path = tmp_path / "lib.sqlite3"
    Store(path).close()
    path.chmod(0o444)
    with pytest.raises(DatabaseReadOnlyError, match="read-only"):
        Store(path)


def test_read_only_detection_uses_access(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.sqlite3"
    Store(path).close()
    monkeypatch.setattr(dbmod.os, "access", lambda p, mode: Path(p) != path)
    with pytest.raises(DatabaseReadOnlyError, match="is read-only"):
        Store(path)


def test_locked_library_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.sqlite3"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_SECONDS", 0.2)
    try:
        with pytest.raises(DatabaseLockedError, match="in use by another program"):
            Store(path)
    finally:
        holder.close()


def test_version_1_library_is_upgraded_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A library written by the first release gains the later migrations; nothing is lost."""
    path = tmp_path / "lib.sqlite3"
    with old_schema(path, 1) as store:  # as version 1 wrote an article and its note
        fid = write_feed(store.db, "https://a.example/feed")
        aid = write_article(
            store.db, fid, "a", title="Post a", summary_html="<p>s</p>", body="searchable body"
        )
        store.db.execute_sql("UPDATE article SET note = ? WHERE id = ?", ("from version 1", aid))
    store = Store(path)
    assert store.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.get_note(aid) == "from version 1"
    assert [a.id for a in store.list_articles(ArticleQuery(search="searchable"))] == [aid]
    indexes = {
        r[0] for r in store.db.execute_sql("SELECT name FROM sqlite_master WHERE type='index'")
    }
    assert "article_feed_hidden_read" in indexes
    tables = {
        r[0] for r in store.db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")
    }
    assert {"backfill_cache", "highlight"} <= tables  # migrations 3 and 5
    store.close()
    assert len(list(tmp_path.glob("lib.sqlite3.v1-*.bak"))) == 1


def test_migration_makes_a_backup_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.sqlite3"
    store = Store(path)
    fid = write_feed(store.db, "https://a.example/feed")
    (aid,) = store.upsert_entries(fid, [incoming(entry("a"))]).new_ids
    store.set_note(aid, "survives migrations")
    store.close()
    calls = []

    def migrate_to_2(db) -> None:  # a future migration
        calls.append(db.execute_sql("SELECT note FROM article").fetchone()[0])
        db.execute_sql("ALTER TABLE article ADD COLUMN extra TEXT")

    monkeypatch.setattr(dbmod, "MIGRATIONS", (*dbmod.MIGRATIONS, migrate_to_2))
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    store = Store(path)
    assert calls == ["survives migrations"]
    assert store.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    store.close()
    backups = list(tmp_path.glob(f"lib.sqlite3.v{SCHEMA_VERSION}-*.bak"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("SELECT note FROM article").fetchone()[0] == "survives migrations"
    con.close()


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.sqlite3"
    Store(path).close()

    def broken(db) -> None:
        db.execute_sql("CREATE TABLE half_done (x)")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(dbmod, "MIGRATIONS", (*dbmod.MIGRATIONS, broken))
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError):
        Store(path)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    con.close()


KILLER = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {tests!r})
    from helpers import entry, incoming
    from readinglist.storage.store import Store
    store = Store({path!r})
    fid = store.list_feeds()[0].id
    n = 0
    while True:  # write until killed
        batch = [incoming(entry(f"k{{n}}-{{i}}"), chash=str(n)) for i in range(50)]
        store.upsert_entries(fid, batch)
        n += 1
        if n == 3:
            print("writing", flush=True)
    """
)


def test_process_killed_mid_write_keeps_committed_notes(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    store = Store(path)
    fid = write_feed(store.db, "https://a.example/feed")
    (aid,) = store.upsert_entries(fid, [incoming(entry("a"))]).new_ids
    store.set_note(aid, "committed before the crash")
    store.close()
    script = KILLER.format(tests=str(Path(__file__).parent), path=str(path))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    proc.kill()
    proc.wait()
    store = Store(path)
    assert store.integrity_ok()
    assert store.get_note(aid) == "committed before the crash"
    # the next write completes
    assert store.upsert_entries(fid, [incoming(entry("after"))]).new_ids
    store.close()
