"""The supervisor's view of the ledger: each scanned item with what became of it.

Entries are facts in the order they happened; a supervisor thinks in items. `Book` folds the
entries into one `Item` per scan entry, with the review decisions and publications that refer
to it and the later re-scan of the same file, and selects items by the `ledger list` filters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from secscan.ledger.store import Entry


@dataclass(frozen=True, slots=True)
class Action:
    """A review decision or a publication recorded against a scan."""

    id: int
    kind: str
    time: datetime
    actor: str
    decision: str | None
    note: str | None


@dataclass(slots=True)
class Item:
    """One scan entry and the entries that refer to it."""

    entry: Entry
    reviews: list[Action] = field(default_factory=list)
    publications: list[Action] = field(default_factory=list)
    next_scan: int | None = None

    @property
    def id(self) -> int:
        return self.entry.id

    @property
    def content(self) -> Mapping[str, Any]:
        return self.entry.content

    @property
    def time(self) -> datetime:
        return datetime.fromisoformat(str(self.content["time"]))

    @property
    def date(self) -> date:
        return self.time.date()

    @property
    def title(self) -> str:
        return str(self.content.get("title") or self.content.get("path") or "")

    @property
    def category(self) -> str:
        return str(self.content.get("category") or "")

    @property
    def category_guessed(self) -> bool:
        return bool(self.content.get("category_guessed"))

    @property
    def verdict(self) -> str:
        return str(self.content.get("verdict") or "")

    @property
    def actor(self) -> str:
        return str(self.content.get("actor") or "")

    @property
    def findings(self) -> list[Mapping[str, Any]]:
        return list(self.content.get("findings") or [])

    @property
    def active_findings(self) -> list[Mapping[str, Any]]:
        """Findings not suppressed by a baseline or inline allow with a reason."""
        return [f for f in self.findings if not f.get("suppressed")]

    @property
    def unresolved_blocks(self) -> list[Mapping[str, Any]]:
        return [f for f in self.active_findings if f.get("severity") == "block"]

    @property
    def decision(self) -> Action | None:
        return self.reviews[-1] if self.reviews else None

    @property
    def published(self) -> Action | None:
        return self.publications[0] if self.publications else None

    @property
    def reviewer(self) -> str:
        """Who is answerable for the item: the last decision's reviewer, else who scanned it."""
        return self.decision.actor if self.decision else self.actor


class Book:
    """All items of a ledger, in entry order, with the entries they were built from."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        self.items: dict[int, Item] = {}
        for entry in self.entries:
            self._take(entry)

    def _take(self, entry: Entry) -> None:
        content = entry.content
        if entry.kind == "scan":
            self.items[entry.id] = Item(entry)
            previous = content.get("previous")
            if isinstance(previous, int) and previous in self.items:
                self.items[previous].next_scan = entry.id
            return
        ref = content.get("ref")
        item = self.items.get(ref) if isinstance(ref, int) else None
        if item is None:
            return
        action = Action(
            id=entry.id,
            kind=entry.kind,
            time=datetime.fromisoformat(str(content["time"])),
            actor=str(content.get("actor") or ""),
            decision=content.get("decision"),
            note=content.get("note"),
        )
        if entry.kind == "review":
            item.reviews.append(action)
        elif entry.kind == "publish":
            item.publications.append(action)

    def get(self, entry_id: int) -> Entry | None:
        index = entry_id - 1
        if 0 <= index < len(self.entries) and self.entries[index].id == entry_id:
            return self.entries[index]
        return next((e for e in self.entries if e.id == entry_id), None)

    def select(
        self,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        verdicts: Iterable[str] = (),
        decisions: Iterable[str] = (),
        categories: Iterable[str] = (),
        undecided: bool = False,
    ) -> list[Item]:
        """Items matching every filter; `undecided` keeps current versions without a decision.

        A scan superseded by a re-scan of the same file is not awaiting a decision any more:
        the newer scan is.
        """
        verdicts, decisions, categories = set(verdicts), set(decisions), set(categories)
        chosen = []
        for item in self.items.values():
            if date_from is not None and item.date < date_from:
                continue
            if date_to is not None and item.date > date_to:
                continue
            if verdicts and item.verdict not in verdicts:
                continue
            if categories and item.category not in categories:
                continue
            decision = item.decision.decision if item.decision else None
            if decisions and decision not in decisions:
                continue
            if undecided and (decision is not None or item.next_scan is not None):
                continue
            chosen.append(item)
        return chosen
