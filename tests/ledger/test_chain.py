"""Tampering with the SQLite file directly is caught by verify, which names the entry."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from secscan import ledger
from secscan.ledger.chain import GENESIS, ChainRow, canonical, entry_hash, verify
from tests.ledger.builders import at, file_result, finding, scan_result


def build(path: Path, scans: int = 6) -> None:
    for n in range(scans):
        result = scan_result(file_result(f"d/{n}.docx", findings=[finding()] if n == 2 else []))
        ledger.record_scan(path, result, reviewer="王芳", category=None, when=at(2026, 3, n + 1))


def tamper(path: Path, *statements: str | tuple[str, tuple[object, ...]]) -> None:
    """Edit the file the way someone with a SQLite console would: triggers dropped first."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER IF EXISTS entries_no_update")
    conn.execute("DROP TRIGGER IF EXISTS entries_no_delete")
    for statement in statements:
        sql, params = statement if isinstance(statement, tuple) else (statement, ())
        conn.execute(sql, params)
    conn.commit()
    conn.close()


def body(path: Path, entry_id: int) -> dict[str, object]:
    conn = sqlite3.connect(path)
    raw = conn.execute("SELECT body FROM entries WHERE id = ?", (entry_id,)).fetchone()[0]
    conn.close()
    return json.loads(raw)


def problem(path: Path) -> tuple[int, str]:
    result = ledger.verify(path)
    assert result.problem is not None, "tampering went unnoticed"
    return result.problem.entry_id, result.problem.kind


def test_intact_ledger_verifies_every_entry(ledger_path):
    build(ledger_path)
    ledger.review(ledger_path, 3, decision="不予公开", reviewer="李明", note="含密级标志")
    result = ledger.verify(ledger_path)
    assert result.ok
    assert result.checked == 7


def test_edited_verdict_is_named(ledger_path):
    build(ledger_path)
    content = body(ledger_path, 3)
    assert content["verdict"] == "block"
    content["verdict"] = "pass"
    # a careful forger keeps the text canonical; the hash still gives it away
    tamper(ledger_path, ("UPDATE entries SET body = ? WHERE id = 3", (canonical(content),)))
    assert problem(ledger_path) == (3, "edited")


def test_verdict_edited_with_json_set_is_named(ledger_path):
    build(ledger_path)
    tamper(ledger_path, "UPDATE entries SET body = json_set(body, '$.verdict', 'pass') WHERE id=3")
    assert problem(ledger_path) == (3, "edited")


def test_forged_hash_after_edit_breaks_the_next_link(ledger_path):
    build(ledger_path)
    content = body(ledger_path, 3)
    content["verdict"] = "pass"
    text = canonical(content)
    conn = sqlite3.connect(ledger_path)
    prev = conn.execute("SELECT prev_hash FROM entries WHERE id = 3").fetchone()[0]
    conn.close()
    forged = entry_hash(prev, text)
    tamper(ledger_path, ("UPDATE entries SET body = ?, hash = ? WHERE id = 3", (text, forged)))
    # entry 3 is self-consistent now, so entry 4 no longer follows it
    entry_id, kind = problem(ledger_path)
    assert entry_id == 4
    assert kind == "missing_before"


def test_deleted_row_is_named(ledger_path):
    build(ledger_path)
    tamper(ledger_path, "DELETE FROM entries WHERE id = 4")
    assert problem(ledger_path) == (4, "deleted")


def test_deleted_last_row_is_named(ledger_path):
    build(ledger_path)
    tamper(ledger_path, "DELETE FROM entries WHERE id = 6")
    assert problem(ledger_path) == (6, "deleted")


def test_deleted_row_with_ids_closed_up_is_caught_at_the_next(ledger_path):
    build(ledger_path)
    tamper(
        ledger_path,
        "DELETE FROM entries WHERE id = 2",
        "UPDATE entries SET id = id - 1 WHERE id > 2",
        "UPDATE meta SET value = '5' WHERE key = 'head_id'",
    )
    assert problem(ledger_path) == (2, "missing_before")


def test_swapped_rows_are_named(ledger_path):
    build(ledger_path)
    tamper(
        ledger_path,
        "UPDATE entries SET id = -3 WHERE id = 3",
        "UPDATE entries SET id = 3 WHERE id = 4",
        "UPDATE entries SET id = 4 WHERE id = -3",
    )
    assert problem(ledger_path) == (3, "reordered")


def test_swapped_contents_keeping_ids_are_named(ledger_path):
    build(ledger_path)
    tamper(
        ledger_path,
        "CREATE TEMP TABLE t AS SELECT id, body, prev_hash, hash FROM entries WHERE id IN (2, 5)",
        "UPDATE entries SET body = (SELECT body FROM t WHERE id = 5), "
        "prev_hash = (SELECT prev_hash FROM t WHERE id = 5), "
        "hash = (SELECT hash FROM t WHERE id = 5) WHERE id = 2",
        "UPDATE entries SET body = (SELECT body FROM t WHERE id = 2), "
        "prev_hash = (SELECT prev_hash FROM t WHERE id = 2), "
        "hash = (SELECT hash FROM t WHERE id = 2) WHERE id = 5",
    )
    assert problem(ledger_path) == (2, "reordered")


def test_row_inserted_in_the_middle_with_a_valid_hash_is_named(ledger_path):
    build(ledger_path)
    conn = sqlite3.connect(ledger_path)
    h2 = conn.execute("SELECT hash FROM entries WHERE id = 2").fetchone()[0]
    conn.close()
    forged = dict(body(ledger_path, 2), title="补录的检查", path="d/forged.docx")
    text = canonical(forged)
    tamper(
        ledger_path,
        "UPDATE entries SET id = -id WHERE id > 2",
        "UPDATE entries SET id = -id + 1 WHERE id < 0",
        (
            "INSERT INTO entries (id, body, prev_hash, hash) VALUES (3, ?, ?, ?)",
            (text, h2, entry_hash(h2, text)),
        ),
        "UPDATE meta SET value = '7' WHERE key = 'head_id'",
    )
    assert problem(ledger_path) == (3, "inserted")


def test_row_appended_behind_the_ledgers_back_is_named(ledger_path):
    build(ledger_path)
    conn = sqlite3.connect(ledger_path)
    head = conn.execute("SELECT hash FROM entries WHERE id = 6").fetchone()[0]
    conn.close()
    text = canonical(dict(body(ledger_path, 1), title="事后补记"))
    tamper(
        ledger_path,
        (
            "INSERT INTO entries (id, body, prev_hash, hash) VALUES (7, ?, ?, ?)",
            (text, head, entry_hash(head, text)),
        ),
    )
    assert problem(ledger_path) == (7, "inserted")


def test_copied_row_is_named_as_inserted(ledger_path):
    build(ledger_path)
    tamper(
        ledger_path,
        "INSERT INTO entries (id, body, prev_hash, hash) "
        "SELECT 7, body, prev_hash, hash FROM entries WHERE id = 2",
        "UPDATE meta SET value = '7' WHERE key = 'head_id'",
    )
    result = ledger.verify(ledger_path)
    assert result.problem is not None
    assert (result.problem.entry_id, result.problem.kind, result.problem.other) == (
        7,
        "inserted",
        2,
    )


def test_non_canonical_body_counts_as_edited():
    text = canonical({"a": 1, "b": "机密"})
    rows = [ChainRow(1, text, GENESIS, entry_hash(GENESIS, text))]
    assert verify(rows).ok
    spaced = json.dumps({"a": 1, "b": "机密"}, ensure_ascii=False)
    rows = [ChainRow(1, spaced, GENESIS, entry_hash(GENESIS, spaced))]
    problem_ = verify(rows).problem
    assert problem_ is not None
    assert problem_.kind == "edited"


def test_canonical_form_is_sorted_compact_and_keeps_chinese():
    assert canonical({"b": 1, "a": ["审查", None, True]}) == '{"a":["审查",null,true],"b":1}'


def test_floats_are_refused_in_entries():
    with pytest.raises(TypeError):
        canonical({"share": 0.22})


def test_append_only_triggers_stop_casual_edits(ledger_path):
    build(ledger_path, scans=1)
    conn = sqlite3.connect(ledger_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM entries WHERE id = 1")
    conn.close()
