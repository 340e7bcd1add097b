"""The audit ledger (保密审查台账): public entry points used by the CLI.

`record_scan` is what `secscan scan` calls for every run; the others back `secscan ledger`.
Imports stay light (sqlite3 and the stdlib): exports import openpyxl/python-docx on use.
"""

from __future__ import annotations

from secscan.ledger.classify import CATEGORIES
from secscan.ledger.paths import locate
from secscan.ledger.records import (
    DECISIONS,
    PUBLISHABLE,
    now,
    os_user,
    publish_content,
    record_files,
    review_content,
    scan_target,
)
from secscan.ledger.store import Store

TYPE_CHECKING = False
if TYPE_CHECKING:
    import pathlib
    from datetime import datetime

    from secscan.ledger.book import Book, Item
    from secscan.ledger.chain import Verification
    from secscan.model import ScanResult


def __getattr__(name: str) -> object:
    """Book, Item and Verification load on first use: `secscan scan` records a check with
    neither (the book costs ~10 ms of the pre-commit hook's start-up)."""
    if name in ("Book", "Item"):
        from secscan.ledger import book

        return getattr(book, name)
    if name == "Verification":
        from secscan.ledger.chain import Verification

        return Verification
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "CATEGORIES",
    "DECISIONS",
    "Book",
    "Item",
    "Verification",
    "load",
    "publish",
    "record_scan",
    "resolve_path",
    "review",
    "verify",
]


def resolve_path(cli_value: str | None, config_value: str | None = None) -> pathlib.Path:
    """The ledger file: ``--ledger`` > ``SECSCAN_LEDGER`` > config > the per-user data dir."""
    return locate(cli_value, config_value)[0]


def record_scan(
    path: pathlib.Path,
    result: ScanResult,
    *,
    reviewer: str | None,
    category: str | None,
    texts: dict[str, str] | None = None,
    when: datetime | None = None,
) -> list[int]:
    """Append one scan entry per checked file, all or none; the new entry ids in order.

    `reviewer` None means the OS user; `category` None means guess it from the title and
    `texts[file.path]` (an opening excerpt, never stored) and mark it as guessed.
    """
    if not result.files:
        return []  # nothing checked: do not create a ledger file for it
    with Store(path).appending() as appender:
        return record_files(
            appender,
            result.files,
            result.ruleset,
            reviewer=reviewer,
            category=category,
            texts=texts,
            when=when,
        )


def review(
    path: pathlib.Path,
    entry_id: int,
    *,
    decision: str,
    reviewer: str | None,
    note: str | None = None,
    publish: bool = False,
    when: datetime | None = None,
) -> list[int]:
    """Record a decision on scan `entry_id` (and its publication with `publish`); new ids."""
    from secscan.errors import LedgerError

    when = when or now()
    actor = reviewer or os_user()
    if publish and decision not in PUBLISHABLE:
        raise LedgerError("ledger_publish_refused", decision=decision)
    with Store(path).appending() as appender:
        ref = scan_target(appender, entry_id)
        content = review_content(ref, decision=decision, actor=actor, note=note, when=when)
        ids = [appender.append(content)]
        if publish:
            ids.append(appender.append(publish_content(ref, actor=actor, note=None, when=when)))
        return ids


def publish(
    path: pathlib.Path,
    entry_id: int,
    *,
    reviewer: str | None,
    note: str | None = None,
    when: datetime | None = None,
) -> int:
    """Record that the document scanned in `entry_id` went online; the new entry id."""
    with Store(path).appending() as appender:
        ref = scan_target(appender, entry_id)
        return appender.append(
            publish_content(ref, actor=reviewer or os_user(), note=note, when=when or now())
        )


def verify(path: pathlib.Path) -> Verification:
    """Walk the whole chain; the first broken entry, or how many entries verified."""
    from secscan.ledger.chain import verify as verify_rows

    snap = Store(path).snapshot()
    return verify_rows(snap.rows, snap.head_id, snap.head_hash)


def load(path: pathlib.Path) -> Book:
    """Every entry of the ledger folded into items, read in one consistent snapshot."""
    from secscan.ledger.book import Book

    return Book(Store(path).snapshot().entries())


def load_with_verification(path: pathlib.Path) -> tuple[Book, Verification]:
    """The book and the chain check from the same snapshot (for the annual summary)."""
    from secscan.ledger.book import Book
    from secscan.ledger.chain import verify as verify_rows

    snap = Store(path).snapshot()
    return Book(snap.entries()), verify_rows(snap.rows, snap.head_id, snap.head_hash)
