"""The SQLite file: WAL, all-or-nothing writes, migrations recorded, foreign and newer refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from secscan import ledger
from secscan.errors import LedgerError
from secscan.ledger import records
from secscan.ledger.chain import canonical, entry_hash
from secscan.ledger.store import APPLICATION_ID, SCHEMA_VERSION, Store, create_at_version
from tests.ledger.builders import at, file_result, scan_result


def count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])
    finally:
        conn.close()


def test_new_ledger_is_wal_with_current_schema_and_recorded_migrations(ledger_path):
    ledger.record_scan(ledger_path, scan_result(file_result()), reviewer="王芳", category=None)
    conn = sqlite3.connect(ledger_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    versions = [v for (v,) in conn.execute("SELECT version FROM migrations ORDER BY version")]
    conn.close()
    assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_one_run_is_recorded_all_or_nothing(ledger_path, monkeypatch):
    ledger.record_scan(
        ledger_path, scan_result(file_result("a.docx")), reviewer="王芳", category=None
    )
    real = records.scan_content
    calls = []

    def fail_on_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(records, "scan_content", fail_on_third)
    files = [file_result(f"{n}.docx") for n in range(4)]
    with pytest.raises(RuntimeError):
        ledger.record_scan(ledger_path, scan_result(*files), reviewer="王芳", category=None)
    assert count(ledger_path) == 1
    assert ledger.verify(ledger_path).ok
    monkeypatch.setattr(records, "scan_content", real)
    ids = ledger.record_scan(ledger_path, scan_result(*files), reviewer="王芳", category=None)
    assert ids == [2, 3, 4, 5]


def test_reading_a_missing_ledger_is_an_error_that_names_it(tmp_path):
    missing = tmp_path / "none.sqlite"
    with pytest.raises(LedgerError) as info:
        ledger.load(missing)
    assert info.value.key == "ledger_missing"
    assert info.value.render("zh") == f"{missing}：审查台账不存在（尚未记录过检查）"
    assert not missing.exists()


def test_older_schema_is_migrated_and_the_migration_recorded(ledger_path):
    create_at_version(ledger_path, 1)
    # write two entries the way a version-1 secscan did (no lookup columns yet)
    conn = sqlite3.connect(ledger_path, isolation_level=None)
    head = "0" * 64
    for n in (1, 2):
        text = canonical(
            {
                "v": 1,
                "kind": "scan",
                "time": at(2025, 5, n).isoformat(),
                "actor": "王芳",
                "path": "old.docx",
                "path_key": "/srv/old.docx",
                "title": "旧记录",
                "category": "工作信息类",
                "category_guessed": True,
                "verdict": "pass",
                "findings": [],
                "previous": None if n == 1 else 1,
            }
        )
        new = entry_hash(head, text)
        conn.execute(
            "INSERT INTO entries (id, body, prev_hash, hash) VALUES (?, ?, ?, ?)",
            (n, text, head, new),
        )
        head = new
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'head_id'")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'head_hash'", (head,))
    conn.close()
    assert Store(ledger_path).schema_version() == 1

    book = ledger.load(ledger_path)  # reading migrates
    assert Store(ledger_path).schema_version() == SCHEMA_VERSION
    assert [i.title for i in book.items.values()] == ["旧记录", "旧记录"]
    assert book.items[1].next_scan == 2
    assert ledger.verify(ledger_path).ok
    conn = sqlite3.connect(ledger_path)
    assert conn.execute("SELECT version FROM migrations").fetchall() == [(1,), (2,)]
    # the new lookup column serves the migrated rows
    assert conn.execute("SELECT id FROM entries WHERE path_key = '/srv/old.docx'").fetchall() == [
        (1,),
        (2,),
    ]
    conn.close()


def test_newer_schema_is_refused_and_left_untouched(ledger_path):
    ledger.record_scan(ledger_path, scan_result(file_result()), reviewer="王芳", category=None)
    conn = sqlite3.connect(ledger_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = ledger_path.read_bytes()
    with pytest.raises(LedgerError) as info:
        ledger.record_scan(ledger_path, scan_result(file_result()), reviewer="王芳", category=None)
    assert info.value.key == "ledger_too_new"
    assert "请升级 secscan" in info.value.render("zh")
    assert f"version {SCHEMA_VERSION + 1} is newer" in info.value.render("en")
    with pytest.raises(LedgerError):
        ledger.load(ledger_path)
    assert ledger_path.read_bytes() == before


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(LedgerError) as info:
        ledger.record_scan(path, scan_result(file_result()), reviewer="王芳", category=None)
    assert info.value.key == "ledger_foreign"


def test_a_file_that_is_not_sqlite_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是数据库" * 200, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(LedgerError) as info:
        ledger.verify(path)
    assert info.value.key == "ledger_not_sqlite"
    with pytest.raises(LedgerError):
        ledger.record_scan(path, scan_result(file_result()), reviewer="王芳", category=None)
    assert path.read_bytes() == before


def test_a_held_write_lock_times_out_as_a_ledger_error(ledger_path):
    ledger.record_scan(ledger_path, scan_result(file_result()), reviewer="王芳", category=None)
    holder = sqlite3.connect(ledger_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LedgerError) as info, Store(ledger_path, timeout=0.2).appending() as w:
            w.append({"kind": "scan"})
        assert info.value.key == "ledger_busy"
        # readers are not blocked by a writer in WAL mode
        assert len(ledger.load(ledger_path).items) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_failed_migration_leaves_the_file_at_its_old_version(ledger_path, monkeypatch):
    from secscan.ledger import store

    ledger.record_scan(ledger_path, scan_result(file_result()), reviewer="王芳", category=None)
    broken = (
        SCHEMA_VERSION + 1,
        "a step that fails half-way",
        "CREATE TABLE extra (a);\nINSERT INTO no_such_table VALUES (1);\n",
    )
    monkeypatch.setattr(store, "MIGRATIONS", (*store.MIGRATIONS, broken))
    monkeypatch.setattr(store, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(LedgerError) as info:
        ledger.load(ledger_path)
    assert info.value.key == "ledger_io"
    monkeypatch.undo()
    conn = sqlite3.connect(ledger_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT max(version) FROM migrations").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchall() == []
    conn.close()
    assert ledger.verify(ledger_path).ok
