"""The hash chain of the ledger: canonical form of an entry, its hash, and `verify`.

An entry's content is a JSON object stored as its canonical text (sorted keys, no spaces,
UTF-8, no floats), so the stored text *is* what is hashed and nothing else can drift from it.
Each entry's hash covers the previous entry's hash and its own canonical text, so an edit,
deletion, insertion or reordering breaks the chain at a place `verify` can name.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

TYPE_CHECKING = False  # typing costs ~3 ms of the hook's start-up; annotations only
if TYPE_CHECKING:
    from typing import Any

GENESIS = "0" * 64
# A prefix keeps ledger hashes from ever equalling the hash of some other artefact (a file's
# sha256 recorded inside an entry, say); bump the digit only with a schema migration.
_DOMAIN = b"secscan-ledger-entry-v1\0"


def canonical(content: Mapping[str, Any]) -> str:
    """The one text form of an entry's content: sorted keys, compact, non-ASCII kept as is."""
    _reject_floats(content)
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _reject_floats(value: Any) -> None:
    # Floats have more than one text form across platforms; the ledger stores none.
    if isinstance(value, float):
        raise TypeError("ledger entries hold no floats")
    if isinstance(value, Mapping):
        for item in value.values():
            _reject_floats(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _reject_floats(item)


def entry_hash(prev_hash: str, body: str) -> str:
    """sha256 over the previous entry's hash and this entry's canonical text."""
    digest = hashlib.sha256(_DOMAIN)
    digest.update(prev_hash.encode("ascii"))
    digest.update(b"\0")
    digest.update(body.encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class ChainRow:
    """One stored entry as verify sees it: position, canonical text and the two hashes."""

    id: int
    body: str
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class Problem:
    """The first break in the chain: the entry it names and what happened to it."""

    entry_id: int
    kind: str  # "edited", "deleted", "inserted", "reordered", "missing_before"
    other: int | None = None  # the related entry: the copied one, the one now before it


@dataclass(frozen=True, slots=True)
class Verification:
    """How many entries verified before the first problem (all of them when `problem` is None)."""

    checked: int
    problem: Problem | None
    head: str = GENESIS  # hash of the last entry, to note down outside the ledger

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify(
    rows: Sequence[ChainRow], head_id: int | None = None, head_hash: str | None = None
) -> Verification:
    """Walk the chain in id order and name the first entry that breaks it.

    `head_id`/`head_hash` are what the ledger recorded as its last entry when it was last
    written: they catch the deletion of trailing entries, which the chain alone cannot see.
    """
    stored = {row.hash: row for row in rows}
    seen: dict[str, int] = {}
    prev_hash, prev_prev_hash = GENESIS, None
    for index, row in enumerate(rows):
        problem = _check_row(row, index + 1, prev_hash, prev_prev_hash, stored, seen)
        if problem is not None:
            return Verification(checked=index, problem=problem)
        seen[row.hash] = row.id
        prev_prev_hash, prev_hash = prev_hash, row.hash
    count = len(rows)
    if head_id is not None and head_id > count:
        return Verification(count, Problem(count + 1, "deleted"))
    if head_id is not None and head_id < count:
        return Verification(head_id, Problem(head_id + 1, "inserted"))
    if head_hash is not None and count and head_hash != prev_hash:
        return Verification(count - 1, Problem(rows[-1].id, "edited"))
    return Verification(checked=count, problem=None, head=prev_hash)


def _check_row(
    row: ChainRow,
    expected_id: int,
    prev_hash: str,
    prev_prev_hash: str | None,
    stored: Mapping[str, ChainRow],
    seen: Mapping[str, int],
) -> Problem | None:
    if row.id > expected_id:
        # ids are handed out without gaps inside the append transaction
        return Problem(expected_id, "deleted")
    if row.id < expected_id:
        return Problem(row.id, "inserted")
    if entry_hash(row.prev_hash, row.body) != row.hash or not _is_canonical(row.body):
        return Problem(row.id, "edited")
    if row.hash in seen:
        return Problem(row.id, "inserted", seen[row.hash])
    if row.prev_hash == prev_hash:
        return None
    if prev_prev_hash is not None and row.prev_hash == prev_prev_hash:
        # this entry continues from the one before its predecessor: the predecessor was slipped in
        return Problem(row.id - 1, "inserted")
    other = stored.get(row.prev_hash)
    if other is not None:
        return Problem(row.id, "reordered", other.id)
    # ids were renumbered to close the gap: something before this entry is gone
    return Problem(row.id, "missing_before")


def _is_canonical(body: str) -> bool:
    try:
        return canonical(json.loads(body)) == body
    except (ValueError, TypeError):
        return False
