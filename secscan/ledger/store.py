"""The SQLite file behind the ledger: schema, migrations, the append transaction, snapshots.

One file, WAL, a busy timeout. Every write is one ``BEGIN IMMEDIATE`` transaction: it takes
the write lock before reading the chain head, so concurrent writers queue instead of forking
the chain, and a writer killed before ``COMMIT`` leaves nothing behind. Connections are opened
per operation and always closed. The schema version lives in ``PRAGMA user_version`` and each
migration is applied and recorded in the same transaction; a file with a newer or foreign
schema is refused, never misread.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from secscan.errors import LedgerError
from secscan.ledger.chain import GENESIS, ChainRow, canonical, entry_hash

TYPE_CHECKING = False  # typing costs ~3 ms of the hook's start-up; annotations only
if TYPE_CHECKING:
    from typing import Any

# "SSLG": marks the file as a secscan ledger for `file(1)` and for the foreign-file check.
APPLICATION_ID = 0x53534C47
BUSY_TIMEOUT_S = 30.0

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL
);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
-- Append-only by default: a slip in a SQL console fails loudly. Someone who drops these
-- triggers on purpose is caught by `secscan ledger verify` instead.
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
    BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
    BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
INSERT INTO meta (key, value) VALUES ('head_id', '0'), ('head_hash', '{genesis}');
PRAGMA application_id = {app_id};
"""

# v2: the re-scan link and the review/publish references are looked up on every write;
# read them out of the canonical body as generated columns (so they can never disagree with
# what is hashed) and index them.
_V2 = """
ALTER TABLE entries ADD COLUMN kind TEXT
    GENERATED ALWAYS AS (json_extract(body, '$.kind')) VIRTUAL;
ALTER TABLE entries ADD COLUMN ref INTEGER
    GENERATED ALWAYS AS (json_extract(body, '$.ref')) VIRTUAL;
ALTER TABLE entries ADD COLUMN path_key TEXT
    GENERATED ALWAYS AS (json_extract(body, '$.path_key')) VIRTUAL;
CREATE INDEX entries_path_key ON entries (path_key, kind);
CREATE INDEX entries_ref ON entries (ref);
"""

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "entries, meta and the append-only triggers", _V1),
    (2, "generated lookup columns for the re-scan link and references", _V2),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]


@dataclass(frozen=True, slots=True)
class Entry:
    """One ledger entry as read back: its id, parsed content and its place in the chain."""

    id: int
    content: Mapping[str, Any]
    prev_hash: str
    hash: str

    @property
    def kind(self) -> str:
        return str(self.content.get("kind", ""))


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A consistent read of the whole ledger: the rows and the head recorded with them."""

    rows: tuple[ChainRow, ...]
    head_id: int
    head_hash: str

    def entries(self) -> list[Entry]:
        return [Entry(r.id, json.loads(r.body), r.prev_hash, r.hash) for r in self.rows]


class Appender:
    """Appends entries inside one open write transaction; ids follow the head without gaps."""

    def __init__(self, conn: sqlite3.Connection, head_id: int, head_hash: str) -> None:
        self._conn = conn
        self.head_id = head_id
        self.head_hash = head_hash

    def append(self, content: Mapping[str, Any]) -> int:
        body = canonical(content)
        new_id, new_hash = self.head_id + 1, entry_hash(self.head_hash, body)
        self._conn.execute(
            "INSERT INTO entries (id, body, prev_hash, hash) VALUES (?, ?, ?, ?)",
            (new_id, body, self.head_hash, new_hash),
        )
        self.head_id, self.head_hash = new_id, new_hash
        return new_id

    def latest_scan_of(self, path_key: str) -> int | None:
        """The newest scan entry recorded for `path_key`, including ones added in this write."""
        row = self._conn.execute(
            "SELECT max(id) FROM entries WHERE path_key = ? AND kind = 'scan'", (path_key,)
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def get(self, entry_id: int) -> Entry | None:
        row = self._conn.execute(
            "SELECT id, body, prev_hash, hash FROM entries WHERE id = ?", (entry_id,)
        ).fetchone()
        return None if row is None else Entry(row[0], json.loads(row[1]), row[2], row[3])

    def _finish(self) -> None:
        self._conn.executemany(
            "UPDATE meta SET value = ? WHERE key = ?",
            ((str(self.head_id), "head_id"), (self.head_hash, "head_hash")),
        )


class Store:
    """The ledger file at `path`. Cheap to construct; every operation opens and closes."""

    def __init__(self, path: Path, *, timeout: float = BUSY_TIMEOUT_S) -> None:
        self.path = path
        self.timeout = timeout

    @contextlib.contextmanager
    def appending(self) -> Iterator[Appender]:
        """One all-or-nothing write: commit when the block ends, roll back if it raises."""
        with self._connect(create=True) as conn:
            self._begin_immediate(conn)
            try:
                self._migrate(conn)
                appender = Appender(conn, *_head(conn))
                yield appender
                appender._finish()
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise

    def snapshot(self) -> Snapshot:
        """Read every entry and the recorded head in one read transaction."""
        with self._connect(create=False) as conn:
            if _schema_version(conn, self.path) < SCHEMA_VERSION:
                self._begin_immediate(conn)
                try:
                    self._migrate(conn)
                    conn.execute("COMMIT")
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                    raise
            conn.execute("BEGIN")
            try:
                rows = tuple(
                    ChainRow(*r)
                    for r in conn.execute(
                        "SELECT id, body, prev_hash, hash FROM entries ORDER BY id"
                    )
                )
                head_id, head_hash = _head(conn)
            finally:
                conn.execute("COMMIT")
        return Snapshot(rows, head_id, head_hash)

    def schema_version(self) -> int:
        with self._connect(create=False) as conn:
            return _schema_version(conn, self.path)

    @contextlib.contextmanager
    def _connect(self, *, create: bool) -> Iterator[sqlite3.Connection]:
        if not create and not self.path.is_file():
            raise LedgerError("ledger_missing", path=str(self.path))
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, nothing implicit
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise LedgerError("ledger_open", path=str(self.path), reason=str(exc)) from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            _schema_version(conn, self.path)  # refuse a foreign or newer file before touching it
            self._enable_wal(conn)
            # FULL: each committed entry is on disk before the scan reports success
            conn.execute("PRAGMA synchronous = FULL")
            yield conn
        except sqlite3.OperationalError as exc:
            key = "ledger_busy" if "locked" in str(exc) or "busy" in str(exc) else "ledger_io"
            raise LedgerError(key, path=str(self.path), reason=str(exc)) from exc
        except sqlite3.Error as exc:
            raise LedgerError("ledger_io", path=str(self.path), reason=str(exc)) from exc
        finally:
            conn.close()

    def _enable_wal(self, conn: sqlite3.Connection) -> None:
        """Switch a new file to WAL; persistent, so later connections find it already done.

        Changing the journal mode does not wait on the busy handler (measured: 8 processes
        creating one ledger together got "database is locked" at once), so retry until the
        busy timeout runs out.
        """
        deadline = time.monotonic() + self.timeout
        delay = 0.005
        while True:
            try:
                if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                    return
                conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)

    def _begin_immediate(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def _migrate(self, conn: sqlite3.Connection, upto: int | None = None) -> None:
        """Bring the schema to `upto` (default: current) inside the caller's write transaction.

        Each step's DDL, its row in `migrations` and the new `user_version` commit or roll back
        together with the caller's transaction: a failed step leaves the file as it was.
        """
        upto = SCHEMA_VERSION if upto is None else upto
        # Re-read under the write lock: another process may have migrated meanwhile.
        current = _schema_version(conn, self.path)
        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        for version, name, script in MIGRATIONS:
            if current < version <= upto:
                _run_script(conn, script.format(genesis=GENESIS, app_id=APPLICATION_ID))
                conn.execute(
                    "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, stamp),
                )
                conn.execute(f"PRAGMA user_version = {version}")


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT first; run statement by statement inside our transaction.
    statement = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


def _schema_version(conn: sqlite3.Connection, path: Path) -> int:
    """The file's schema version; raises for a foreign file or a newer schema.

    The three reads share one read transaction: read one by one, another process creating
    the ledger could commit between them, and a file with tables but no application id yet
    looked like another program's database (seen under load in the parallel-writers test).
    """
    own = not conn.in_transaction
    try:
        if own:
            conn.execute("BEGIN")
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            if own:
                conn.execute("COMMIT")
    except sqlite3.OperationalError:
        raise  # busy or locked: the caller maps it
    except sqlite3.DatabaseError as exc:
        raise LedgerError("ledger_not_sqlite", path=str(path)) from exc
    if app_id == 0:
        if tables:
            raise LedgerError("ledger_foreign", path=str(path))
        return 0
    if app_id != APPLICATION_ID:
        raise LedgerError("ledger_foreign", path=str(path))
    if version > SCHEMA_VERSION:
        raise LedgerError(
            "ledger_too_new", path=str(path), found=version, supported=SCHEMA_VERSION
        )
    return int(version)


def _head(conn: sqlite3.Connection) -> tuple[int, str]:
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('head_id', 'head_hash')"))
    return int(meta["head_id"]), meta["head_hash"]


def create_at_version(path: Path, version: int) -> None:
    """Create an empty ledger at an older schema version (for migration tests and tools)."""
    store = Store(path)
    with store._connect(create=True) as conn:
        store._begin_immediate(conn)
        try:
            store._migrate(conn, upto=version)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
