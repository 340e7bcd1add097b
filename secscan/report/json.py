"""The JSON output contract (DESIGN.md), serialised in one place. Fields are only ever added.

Added beyond DESIGN.md's list, per finding: `rule_name`, `fingerprint` (stable identity for
baselines), `detail` (which metadata field, comment author, …), `suppressed` ("baseline" or
"inline" when a review made the finding informational) and `reason` (the reviewer's words).
"""

from __future__ import annotations

import json
TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any

from secscan import __version__
from secscan.model import FileResult, Finding, Location, ScanResult

SCHEMA_VERSION = 1


def location_dict(loc: Location) -> dict[str, int]:
    items = (("page", loc.page), ("paragraph", loc.paragraph), ("line", loc.line), ("column", loc.column))
    return {k: v for k, v in items if v is not None}


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule_id": f.rule_id,
        "rule_name": f.rule_name,
        "category": f.category.value,
        "severity": f.severity.value,
        "part": f.part.value,
        "location": location_dict(f.location),
        "match": f.match,
        "context": f.context,
        "message": f.message,
        "fingerprint": f.fingerprint,
        "detail": f.detail,
        "suppressed": f.suppressed,
        "reason": f.reason,
    }


def file_dict(r: FileResult) -> dict[str, Any]:
    return {
        "path": r.path,
        "sha256": r.sha256,
        "format": r.format.value if r.format else None,
        "status": r.status.value,
        "error": r.error,
        "verdict": r.verdict.value,
        "findings": [finding_dict(f) for f in r.findings],
    }


def report_dict(result: ScanResult) -> dict[str, Any]:
    s = result.summary
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "secscan", "version": __version__},
        "ruleset": {"version": result.ruleset.version, "sha256": result.ruleset.sha256},
        "files": [file_dict(f) for f in result.files],
        "summary": {"files": s.files, "pass": s.passed, "warn": s.warn, "block": s.block, "error": s.error},
    }


def render(result: ScanResult) -> str:
    return json.dumps(report_dict(result), ensure_ascii=False, indent=2) + "\n"
