"""What goes into a ledger entry: scan, review and publish records built from scan results.

Three kinds of entry, all append-only. A *scan* records one checked file (who, when, which
document by path/title/sha256, its information category and whether that was guessed, the rule
set, the verdict and the masked findings) and links to the earlier scan of the same path. A
*review* records a supervisor's decision on a scan; a *publish* records that the scanned
document went online. Decisions and publication refer to a scan by its entry id (``ref``).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import PurePath

from secscan.errors import LedgerError
from secscan.ledger.classify import classify
from secscan.ledger.redact import redact
from secscan.ledger.store import Appender
from secscan.model import FileResult, Finding, RulesetInfo

TYPE_CHECKING = False  # typing costs ~3 ms of the hook's start-up; annotations only
if TYPE_CHECKING:
    from typing import Any

CONTENT_VERSION = 1
DECISIONS: tuple[str, ...] = ("同意公开", "修改后公开", "不予公开")
PUBLISHABLE = frozenset({"同意公开", "修改后公开"})
_TITLE_MAX = 120
_EXCERPT_MAX = 2000


def now() -> datetime:
    """Local time with its UTC offset: the office's own calendar decides which day a check was."""
    return datetime.now().astimezone().replace(microsecond=0)


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in containers and some services
        return "unknown"


def path_key(path: str) -> str | None:
    """The key that links re-scans of one file: its absolute path; None for stdin and blobs."""
    if not path or path == "-" or path.startswith("<"):
        return None
    return os.path.normcase(os.path.abspath(path))


def title_of(file: FileResult, excerpt: str | None) -> str:
    """The document's title: the engine's, else the first non-empty line, else the file name."""
    title = file.title
    if not title and excerpt:
        title = next((line.strip() for line in excerpt.splitlines() if line.strip()), None)
    if not title:
        title = PurePath(file.path).name or file.path
    return title[:_TITLE_MAX]


def finding_record(finding: Finding) -> dict[str, Any]:
    loc = finding.location
    location = {
        k: v
        for k, v in (
            ("page", loc.page),
            ("paragraph", loc.paragraph),
            ("line", loc.line),
            ("column", loc.column),
        )
        if v is not None
    }
    return {
        "rule_id": finding.rule_id,
        "rule_name": finding.rule_name,
        "category": str(finding.category),
        "severity": str(finding.severity),
        "part": str(finding.part),
        "location": location,
        # already masked by the engine; redact() again so no path can store them in clear
        "match": redact(finding.match),
        "context": redact(finding.context),
        "suppressed": finding.suppressed,
        "reason": redact(finding.reason),
    }


def scan_content(
    appender: Appender,
    file: FileResult,
    ruleset: RulesetInfo,
    *,
    actor: str,
    category: str | None,
    excerpt: str | None,
    when: datetime,
) -> dict[str, Any]:
    key = redact(path_key(file.path))
    title = title_of(file, excerpt)
    classification = classify(title, (excerpt or "")[:_EXCERPT_MAX], category)
    return {
        "v": CONTENT_VERSION,
        "kind": "scan",
        "time": when.isoformat(),
        "actor": actor,
        "path": redact(file.path),
        "path_key": key,
        "title": redact(title),
        "sha256": file.sha256,
        "format": None if file.format is None else str(file.format),
        "size": file.size,
        "status": str(file.status),
        "error": redact(file.error),
        "category": classification.category,
        "category_guessed": classification.guessed,
        "ruleset": {"version": ruleset.version, "sha256": ruleset.sha256},
        "verdict": str(file.verdict),
        "findings": [finding_record(f) for f in file.findings],
        "previous": None if key is None else appender.latest_scan_of(key),
    }


def record_files(
    appender: Appender,
    files: tuple[FileResult, ...],
    ruleset: RulesetInfo,
    *,
    reviewer: str | None,
    category: str | None,
    texts: Mapping[str, str] | None,
    when: datetime | None = None,
) -> list[int]:
    """Append one scan entry per file inside the caller's transaction; their ids in order."""
    actor = reviewer or os_user()
    when = when or now()
    texts = texts or {}
    return [
        appender.append(
            scan_content(
                appender,
                file,
                ruleset,
                actor=actor,
                category=category,
                excerpt=texts.get(file.path),
                when=when,
            )
        )
        for file in files
    ]


def scan_target(appender: Appender, entry_id: int) -> int:
    """The scan a review or publish refers to: `entry_id` itself, or the scan a review names."""
    entry = appender.get(entry_id)
    if entry is None:
        raise LedgerError("ledger_no_entry", id=entry_id)
    if entry.kind == "scan":
        return entry.id
    ref = entry.content.get("ref")
    if isinstance(ref, int):
        return ref
    raise LedgerError("ledger_not_scan", id=entry_id)


def review_content(
    ref: int, *, decision: str, actor: str, note: str | None, when: datetime
) -> dict[str, Any]:
    if decision not in DECISIONS:
        raise LedgerError("ledger_bad_decision", value=decision, choices="、".join(DECISIONS))
    return {
        "v": CONTENT_VERSION,
        "kind": "review",
        "time": when.isoformat(),
        "actor": actor,
        "ref": ref,
        "decision": decision,
        "note": redact(note or None),
    }


def publish_content(ref: int, *, actor: str, note: str | None, when: datetime) -> dict[str, Any]:
    return {
        "v": CONTENT_VERSION,
        "kind": "publish",
        "time": when.isoformat(),
        "actor": actor,
        "ref": ref,
        "note": redact(note or None),
    }
