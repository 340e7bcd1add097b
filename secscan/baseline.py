"""Reviewed findings: the ``.secscan-baseline.json`` file, and applying it to a scan.

Owns the baseline format. Each entry is path (relative to the baseline file, ``/``-separated),
rule id, fingerprint (decide.fingerprint: rule, folded hit and the text around it on its line, a
hash), who reviewed it and why. No line numbers and no timestamps, so an edit elsewhere in a page
leaves the file alone and two branches do not conflict over it (detect-secrets' line numbers and
timestamps made its hook rewrite the baseline on every edit); no plaintext, so the baseline
cannot leak what it vouches for. The format is versioned: `load` upgrades older versions step by
step through `UPGRADES` and refuses newer ones. A known finding becomes ``suppressed="baseline"``
with the reviewer and reason, and stays in the report and the ledger as such.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from secscan.errors import BaselineError
from secscan.model import FileResult, Finding, ScanResult, Severity, Status, summarise, verdict_of

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any


DEFAULT_NAME = ".secscan-baseline.json"
FORMAT_VERSION = 1
_ENTRY_KEYS = ("path", "rule_id", "fingerprint", "reviewed_by", "reason")
# version n -> function turning a version-n document into version n+1. Empty while 1 is the
# only format; a change of the fingerprint scheme or of the entry keys adds a step here.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

Key = tuple[str, str, str]  # (path, rule_id, fingerprint)


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    path: str
    rule_id: str
    fingerprint: str
    reviewed_by: str
    reason: str

    @property
    def key(self) -> Key:
        return (self.path, self.rule_id, self.fingerprint)


@dataclass(frozen=True, slots=True, kw_only=True)
class Baseline:
    """The entries of one baseline file; `folder` is what their paths are relative to."""

    folder: str
    entries: tuple[Entry, ...]

    def index(self) -> dict[Key, Entry]:
        return {e.key: e for e in self.entries}

    def paths(self) -> list[str]:
        return sorted({e.path for e in self.entries})


# --- the file ----------------------------------------------------------------------------------


def load(path: str) -> Baseline:
    """Read and validate a baseline file; any problem is a BaselineError naming the file."""
    try:
        with open(path, encoding="utf-8") as handle:
            doc = json.load(handle)
    except FileNotFoundError:
        raise _broken(path, "baseline_missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _broken(path, "baseline_unreadable_file", detail=str(exc)) from None
    except json.JSONDecodeError as exc:
        raise _broken(
            path, "baseline_not_json", detail=f"line {exc.lineno} column {exc.colno}"
        ) from None
    if (
        not isinstance(doc, dict)
        or doc.get("tool") != "secscan"
        or not isinstance(doc.get("version"), int)
    ):
        raise _broken(path, "baseline_not_ours")
    doc = _upgrade(doc, path)
    raw = doc.get("findings")
    if not isinstance(raw, list):
        raise _broken(
            path, "baseline_bad_entry", n=0, field="findings", reason="应为列表 / must be a list"
        )
    entries = tuple(_entry(item, n, path) for n, item in enumerate(raw, start=1))
    return Baseline(folder=os.path.dirname(os.path.abspath(path)), entries=entries)


def _upgrade(doc: dict[str, Any], path: str) -> dict[str, Any]:
    version = doc["version"]
    if version > FORMAT_VERSION:
        raise _broken(path, "baseline_too_new", found=version, supported=FORMAT_VERSION)
    while version < FORMAT_VERSION:
        step = UPGRADES.get(version)
        if step is None:
            raise _broken(path, "baseline_not_ours")
        doc = step(doc)
        version = doc["version"] = version + 1
    return doc


def _entry(item: Any, n: int, path: str) -> Entry:
    if not isinstance(item, dict):
        raise _broken(
            path, "baseline_bad_entry", n=n, field="", reason="应为对象 / must be an object"
        )
    unknown = sorted(set(item) - set(_ENTRY_KEYS))
    if unknown:
        raise _broken(
            path, "baseline_bad_entry", n=n, field=unknown[0], reason="未知字段 / unknown key"
        )
    for key in _ENTRY_KEYS:
        value = item.get(key)
        if not isinstance(value, str) or (key != "reviewed_by" and not value.strip()):
            raise _broken(
                path, "baseline_bad_entry", n=n, field=key, reason="缺失或为空 / missing or empty"
            )
    return Entry(**{k: item[k] for k in _ENTRY_KEYS})


def _broken(path: str, key: str, **params: Any) -> BaselineError:
    return BaselineError(path, key, **params)


def dumps(entries: Iterable[Entry]) -> str:
    """The file's text: sorted, one stable layout, so a review shows as a small diff."""
    ordered = sorted(entries, key=lambda e: e.key)
    doc = {
        "tool": "secscan",
        "version": FORMAT_VERSION,
        "findings": [{k: getattr(e, k) for k in _ENTRY_KEYS} for e in ordered],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def write(path: str, entries: Iterable[Entry]) -> None:
    """Replace the baseline file atomically (a half-written baseline would fail every commit)."""
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(dumps(entries))
    os.replace(tmp, path)


# --- keys, applying, building -----------------------------------------------------------------


def key_path(result_path: str, folder: str) -> str:
    """A scanned file's path as the baseline stores it: relative to the baseline's folder."""
    rel = os.path.relpath(os.path.abspath(result_path), folder)
    return rel.replace(os.sep, "/")


def apply(result: ScanResult, baseline: Baseline) -> ScanResult:
    """`result` with every finding the baseline knows made informational (suppressed=baseline)."""
    known = baseline.index()
    if not known:
        return result
    files = tuple(_apply_file(r, known, baseline.folder) for r in result.files)
    return dataclasses.replace(result, files=files, summary=summarise(files))


def _apply_file(r: FileResult, known: dict[Key, Entry], folder: str) -> FileResult:
    if r.path == "-" or not r.findings:
        return r
    where = key_path(r.path, folder)
    changed = False
    findings: list[Finding] = []
    for f in r.findings:
        entry = known.get((where, f.rule_id, f.fingerprint))
        if entry is not None and f.suppressed is None:
            reason = f"{entry.reviewed_by}: {entry.reason}" if entry.reviewed_by else entry.reason
            f = dataclasses.replace(f, suppressed="baseline", reason=reason)
            changed = True
        findings.append(f)
    if not changed:
        return r
    kept = tuple(findings)
    return dataclasses.replace(r, findings=kept, verdict=verdict_of(kept, r.status))


def candidates(result: ScanResult, folder: str) -> dict[Key, Finding]:
    """Findings worth a review entry: warn or block, not already allowed inline."""
    out: dict[Key, Finding] = {}
    for r in result.files:
        if r.path == "-":
            continue
        where = key_path(r.path, folder)
        for f in r.findings:
            if f.suppressed is None and f.severity.rank >= Severity.WARN.rank:
                out.setdefault((where, f.rule_id, f.fingerprint), f)
    return out


def unreadable(result: ScanResult) -> list[str]:
    return [r.path for r in result.files if r.status is Status.ERROR]


def create(result: ScanResult, folder: str, reviewed_by: str, reason: str) -> list[Entry]:
    """Entries for every current finding, all reviewed by `reviewed_by` for `reason`."""
    return [
        Entry(path=p, rule_id=rule, fingerprint=fp, reviewed_by=reviewed_by, reason=reason)
        for (p, rule, fp) in candidates(result, folder)
    ]


@dataclass(frozen=True, slots=True, kw_only=True)
class Update:
    entries: tuple[Entry, ...]
    kept: int
    dropped: int
    added: int
    new_left: int


def update(
    old: Baseline,
    result: ScanResult,
    *,
    gone: Iterable[str] = (),
    add_new: bool = False,
    reviewed_by: str = "",
    reason: str = "",
) -> Update:
    """Keep the reviews of findings that still occur, drop those that no longer do.

    Entries of files this scan did not cover are kept as they are, entries of files in `gone`
    (deleted since) are dropped; entries of a file that could not be read are kept, since
    nothing can be said about them. New findings are added only with `add_new` (a review).
    """
    current = candidates(result, old.folder)
    scanned = {key_path(r.path, old.folder) for r in result.files if r.status is Status.OK}
    gone_set = set(gone)
    entries: list[Entry] = []
    dropped = 0
    for e in old.entries:
        if e.path in gone_set or (e.path in scanned and e.key not in current):
            dropped += 1
        else:
            entries.append(e)
    known = {e.key for e in old.entries}
    new = [k for k in current if k not in known]
    if add_new:
        entries.extend(
            Entry(path=p, rule_id=rule, fingerprint=fp, reviewed_by=reviewed_by, reason=reason)
            for (p, rule, fp) in new
        )
    return Update(
        entries=tuple(entries),
        kept=len(old.entries) - dropped,
        dropped=dropped,
        added=len(new) if add_new else 0,
        new_left=0 if add_new else len(new),
    )
