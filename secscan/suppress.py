"""Inline allow markers in text formats: ``<!-- secscan:allow RULE_ID 理由 -->``.

Owns the marker syntax and its scope; runs after decide, mapping findings by line only. A marker
names one rule id (or several, comma-separated) and a reason, and covers its own line and the
next non-blank line; when that line opens an html element left open on it, up to the element's
end tag; in markdown and plain text, to the end of that paragraph. A finding it covers becomes
``suppressed="inline"`` with the reason, so the report and the ledger show who allowed what and
why; the verdict ignores it. A marker without a reason, with no rule id or an unknown one
suppresses nothing and is itself a finding (rule ``allow-marker-invalid``).

Markers are looked for in the raw bytes (ASCII in UTF-8 and GB18030 alike), so a file without
one costs a single ``in`` test. In a UTF-16 file markers are not seen: findings stay (fail closed).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence

from secscan.messages import text as message
from secscan.model import Finding, Format, Location, Observation, Part

TOKEN = b"secscan:allow"
INVALID_KIND = "allow-marker-invalid"
# Patterns are compiled where used (re caches them): the engine imports this module for every
# scan, and compiling at import cost the one-page hook ~1 ms for files that have no marker.
_MARKER = r"secscan:allow(?:[ \t]+([^\s]+?))?(?:[ \t]+(.*?))?[ \t]*(?:-->|$)"
_RULE_ID = r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$"
_OPEN_TAG = r"^\s*<([A-Za-z][A-Za-z0-9-]*)[\s>]"
_ELEMENT_REACH = 500  # lines an element's end tag is looked for; past that, the line alone


class Marker:
    """One marker: the rules it allows, its reason, the lines it covers (1-based, inclusive).

    A plain class: a dataclass costs ~1 ms of start-up on every scan, marker or not.
    """

    __slots__ = ("column", "end", "first", "last", "line", "problem", "reason", "rules")

    def __init__(
        self,
        *,
        line: int,
        column: int,
        end: int,
        rules: Sequence[str],
        reason: str,
        first: int,
        last: int,
        problem: str | None = None,
    ) -> None:
        self.line = line
        self.column = column  # where the marker (or the comment holding it) starts on its line
        self.end = end  # the column just after it
        self.rules = tuple(rules)
        self.reason = reason
        self.first, self.last = first, last
        self.problem = problem  # message key when the marker is invalid


def apply_inline(
    data: bytes,
    fmt: Format | None,
    findings: list[Finding],
    known_rules: Iterable[str],
    observe: Callable[[Observation], list[Finding]],
    lang: str = "zh",
) -> list[Finding]:
    """`findings` with those covered by a valid marker suppressed, plus one finding per invalid
    marker (made by `observe`, so it follows the rule set like any other observation)."""
    if TOKEN not in data or fmt not in (Format.TEXT, Format.HTML):
        return findings
    markers = find_markers(_decode(data), fmt, frozenset(known_rules))
    if not markers:
        return findings
    out = [_covered(f, markers) for f in findings]
    for m in markers:
        if m.problem is not None:
            detail = message(m.problem, lang, rule=",".join(m.rules))
            where = Location(line=m.line, column=m.column)
            out.extend(
                observe(
                    Observation(
                        kind=INVALID_KIND, part=Part.COMMENT, location=where, detail=detail
                    )
                )
            )
    return out


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", "replace")


def find_markers(source: str, fmt: Format, known: frozenset[str]) -> list[Marker]:
    """Every marker in `source` with the lines it covers."""
    lines = source.splitlines()
    markers = []
    pattern = re.compile(_MARKER)
    for index, line in enumerate(lines):
        at = line.find("secscan:allow")
        if at == -1:
            continue
        found = pattern.search(line, at)
        if found is None:
            continue
        rules = tuple(r for r in (found.group(1) or "").split(",") if r)
        reason = (found.group(2) or "").strip()
        comment = line.rfind("<!--", 0, at)
        first, last = _scope(lines, index, fmt)
        markers.append(
            Marker(
                line=index + 1,
                column=(comment if comment != -1 else at) + 1,
                end=found.end() + 1,
                rules=rules,
                reason=reason,
                first=first,
                last=last,
                problem=_problem(rules, reason, known),
            )
        )
    return markers


def _problem(rules: tuple[str, ...], reason: str, known: frozenset[str]) -> str | None:
    if not rules or not all(re.match(_RULE_ID, r) for r in rules):
        return "allow_no_rule"
    if any(r not in known for r in rules):
        return "allow_unknown_rule"
    if not reason:
        return "allow_no_reason"
    return None


def _scope(lines: list[str], index: int, fmt: Format) -> tuple[int, int]:
    """The 1-based lines a marker on line `index + 1` covers: its own and the next element."""
    nxt = index + 1
    while nxt < len(lines) and not lines[nxt].strip():
        nxt += 1
    if nxt >= len(lines):
        return index + 1, index + 1
    if fmt is Format.HTML:
        return index + 1, _element_end(lines, nxt) + 1
    end = nxt
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1  # a markdown or text paragraph ends at a blank line
    return index + 1, end + 1


def _element_end(lines: list[str], start: int) -> int:
    """The line of the end tag of the element opened at the start of line `start`, counting
    nested elements of the same name; `start` itself when it is closed there or is not one."""
    opened = re.match(_OPEN_TAG, lines[start])
    if opened is None:
        return start
    tag = opened.group(1).lower()
    open_re = re.compile(rf"<{tag}[\s>/]", re.I)
    close_re = re.compile(rf"</{tag}\s*>", re.I)
    depth = 0
    for i in range(start, min(len(lines), start + _ELEMENT_REACH)):
        depth += len(open_re.findall(lines[i])) - len(close_re.findall(lines[i]))
        if depth <= 0:
            return i
    return start


def _covered(f: Finding, markers: list[Marker]) -> Finding:
    line, column = f.location.line, f.location.column or 1
    if f.suppressed is not None or line is None or f.rule_id == INVALID_KIND:
        return f
    for m in markers:
        if m.problem is not None or not m.first <= line <= m.last:
            continue
        # The marker's own words (its reason may quote the term) are the reviewer's.
        # Anything inside the marker itself, whatever the rule; after it on the line, no.
        if f.rule_id in m.rules or (line == m.line and m.column <= column < m.end):
            return dataclasses.replace(f, suppressed="inline", reason=m.reason)
    return f
