"""What `secscan ledger list` and `show` display: rows of strings and JSON documents.

The CLI decides how to draw them (a rich table, tab-separated lines, JSON); this module decides
what is in them, in the chosen language, so the CLI stays options and calls only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from secscan.ledger.book import Book, Item
from secscan.ledger.export import decision_text, findings_text
from secscan.ledger.store import Entry
from secscan.messages import text

LIST_COLUMNS = (
    "ledger_col_short_id",
    "ledger_col_date",
    "ledger_col_title",
    "ledger_col_category",
    "ledger_col_verdict",
    "ledger_col_nfindings",
    "ledger_col_decision",
    "ledger_col_reviewer",
)
LIST_NOWRAP = frozenset({0, 1, 3, 4, 5, 7})  # short columns; title and decision fold
FINDING_COLUMNS = (
    "ledger_field_rule",
    "ledger_field_severity",
    "ledger_field_part",
    "ledger_field_location",
    "ledger_field_match",
    "ledger_field_context",
    "ledger_field_suppressed",
)
_LOCATION_KEYS = ("page", "paragraph", "line", "column")  # reading order, not canonical order

Table = tuple[list[str], list[list[str]]]


def short_decision(item: Item, lang: str = "zh") -> str:
    """The list's decision cell: the last decision (or 待审查), and whether it went online."""
    words = item.decision.decision if item.decision else text("ledger_pending_review", lang)
    if item.published is not None:
        words = f"{words}，{text('ledger_kind_publish', lang)}"
    return str(words)


def list_table(items: list[Item], lang: str = "zh") -> Table:
    rows = [
        [
            str(item.id),
            item.date.isoformat(),
            item.title,
            item.category + ("*" if item.category_guessed else ""),
            text(f"verdict_{item.verdict}", lang),
            str(len(item.active_findings)),
            short_decision(item, lang),
            item.reviewer,
        ]
        for item in items
    ]
    return [text(k, lang) for k in LIST_COLUMNS], rows


def item_json(item: Item) -> dict[str, Any]:
    """One row of `ledger list --format json` (a stable shape for scripts)."""
    decision = item.decision
    return {
        "id": item.id,
        "time": item.time.isoformat(),
        "title": item.title,
        "path": item.content.get("path"),
        "sha256": item.content.get("sha256"),
        "category": item.category,
        "category_guessed": item.category_guessed,
        "verdict": item.verdict,
        "findings": len(item.active_findings),
        "decision": decision.decision if decision else None,
        "reviewer": item.reviewer,
        "note": decision.note if decision else None,
        "published": item.published.time.isoformat() if item.published else None,
        "previous": item.content.get("previous"),
        "next_scan": item.next_scan,
    }


def entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "hash": entry.hash,
        "prev_hash": entry.prev_hash,
        "content": entry.content,
    }


def show_fields(book: Book, entry: Entry, lang: str = "zh") -> list[tuple[str, str]]:
    """Label/value lines for `ledger show`: the check with what followed it, or the action."""
    item = book.items.get(entry.id)
    fields = _item_fields(item, lang) if item is not None else _action_fields(entry.content, lang)
    return [
        *fields,
        (text("ledger_field_hash", lang), entry.hash),
        (text("ledger_field_prev_hash", lang), entry.prev_hash),
    ]


def _action_fields(content: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    out = [
        (text("ledger_field_kind", lang), text(f"ledger_kind_{content.get('kind')}", lang)),
        (text("ledger_col_time", lang), str(content.get("time"))),
        (text("ledger_field_actor", lang), str(content.get("actor"))),
        (text("ledger_field_ref", lang), f"#{content.get('ref')}"),
    ]
    if content.get("decision"):
        out.append((text("ledger_col_decision", lang), str(content["decision"])))
    if content.get("note"):
        out.append((text("ledger_field_note", lang), str(content["note"])))
    return out


def _item_fields(item: Item, lang: str) -> list[tuple[str, str]]:
    c = item.content
    guessed = text("ledger_guessed" if item.category_guessed else "ledger_given", lang)
    ruleset = c.get("ruleset") or {}
    out = [
        (text("ledger_field_kind", lang), text("ledger_kind_scan", lang)),
        (text("ledger_col_time", lang), item.time.isoformat()),
        (text("ledger_field_actor", lang), item.actor),
        (text("ledger_col_title", lang), item.title),
        (text("ledger_col_path", lang), str(c.get("path"))),
        (text("ledger_field_format", lang), str(c.get("format"))),
        (text("ledger_col_sha256", lang), str(c.get("sha256"))),
        (text("ledger_col_category", lang), f"{item.category}（{guessed}）"),
        (text("ledger_col_ruleset", lang), f"{ruleset.get('version')} {ruleset.get('sha256')}"),
        (text("ledger_col_verdict", lang), text(f"verdict_{item.verdict}", lang)),
        (text("ledger_col_findings", lang), findings_text(item, lang)),
        (text("ledger_col_decision", lang), decision_text(item, lang)),
    ]
    if c.get("error"):
        out.append((text("ledger_field_error", lang), str(c["error"])))
    for review in item.reviews:
        note = f"（{review.note}）" if review.note else ""
        line = f"#{review.id} {review.time:%Y-%m-%d %H:%M} {review.actor}：{review.decision}{note}"
        out.append((text("ledger_field_reviews", lang), line))
    if c.get("previous"):
        out.append((text("ledger_field_previous", lang), f"#{c['previous']}"))
    if item.next_scan:
        out.append((text("ledger_field_next", lang), f"#{item.next_scan}"))
    return out


def findings_table(item: Item, lang: str = "zh") -> Table:
    rows = []
    for f in item.findings:
        where = f.get("location") or {}
        rows.append(
            [
                f"{f.get('rule_id')} {f.get('rule_name') or ''}".strip(),
                text(f"severity_{f.get('severity')}", lang),
                str(f.get("part")),
                " ".join(f"{k}={where[k]}" for k in _LOCATION_KEYS if k in where),
                str(f.get("match")),
                str(f.get("context")),
                str(f.get("suppressed") or ""),
            ]
        )
    return [text(k, lang) for k in FINDING_COLUMNS], rows
