"""Candidate hits over folded text: one Aho-Corasick automaton for every keyword of every rule,
with regex and validator detectors beside it. Built once per process from a RuleSet.

Keywords are folded with the same function as the text (normalise.fold_keyword), so 機密 in a
rule and 机 密 in a draft meet in the middle. The automaton runs over `str`; its cost is linear in
the text and barely depends on hits (reference/performance.md).

A pattern rule may name `triggers`, literals one of which every match contains. They go into the
same automaton, and the regex then runs only in a window around each trigger hit instead of over
the whole text (gitleaks and trufflehog gate their regexes the same way): twenty whole-text regex
passes would cost several times the automaton itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

import ahocorasick

from secscan import detectors
from secscan.model import Hit
from secscan.normalise import Folded
from secscan.ruleset import Rule, RuleSet

CONTEXT_CHARS = 30  # what a validator sees on each side of its candidate
# Detectors that declare ANCHOR = "digits" (or "@") only ever match around a run of digits (or an
# @). One cheap pass finds those runs; the detectors' own patterns then run over a digest of the
# windows around them instead of the whole text: ten passes over 2 % of it, not over all of it.
_ANCHORS = re.compile(r"[0-9][0-9 .()\-]{4,}|@")
_ANCHOR_REACH = {"digits": (10, 10), "@": (70, 260)}
_SEPARATOR = "\n\n"  # no detector pattern crosses a paragraph break
WINDOW = 24  # characters around a trigger in which a gated pattern must match
LINE_CAP = 160  # line patterns match short lines or a line's start: look no further along it

_KEYWORD, _TRIGGER = 0, 1


class Matcher:
    """All text-matching rules of a RuleSet, compiled once."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.automaton: ahocorasick.Automaton | None = None
        # rule id -> pattern source; compiled on first use (a gated pattern whose triggers never
        # occur is never compiled: CJK character classes cost ~1 ms each to compile)
        self.sources: dict[str, str] = {}
        self.compiled: dict[str, tuple[re.Pattern[str], bool]] = {}
        self.ungated: list[str] = []
        self.validators: list[tuple[str, detectors.Detector]] = []  # over the whole text
        self.anchored: list[tuple[str, detectors.Detector]] = []  # over the digest
        entries: dict[str, list[tuple[str, int, int]]] = {}
        for rule in ruleset.rules:
            self._add(rule, entries)
        if entries:
            automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
            for key, values in entries.items():
                automaton.add_word(key, tuple(values))
            automaton.make_automaton()
            self.automaton = automaton

    def _add(self, rule: Rule, entries: dict[str, list[tuple[str, int, int]]]) -> None:
        for keys, kind in ((rule.folded_keywords, _KEYWORD), (rule.folded_triggers, _TRIGGER)):
            for key in keys:
                bucket = entries.setdefault(key, [])
                if (rule.id, len(key), kind) not in bucket:
                    bucket.append((rule.id, len(key), kind))
        if rule.pattern is not None:
            self.sources[rule.id] = rule.pattern
            if not rule.triggers:
                self.ungated.append(rule.id)
        if rule.validator is not None:
            detector = detectors.get(rule.validator)
            if getattr(detector, "ANCHOR", None) in _ANCHOR_REACH:
                self.anchored.append((rule.id, detector))
            else:
                self.validators.append((rule.id, detector))

    def hits(self, folded: Folded, lines: str) -> Iterator[Hit]:
        """Every candidate hit, in no particular order.

        `folded` is the folded view (noise removed); `lines` is the line view (characters
        folded, nothing removed, original offsets), over which multi-line patterns (``(?m)``)
        run so that ^ and $ still see the document's own line breaks.
        """
        text = folded.text
        windows: dict[str, list[tuple[int, int]]] = {}
        if self.automaton is not None and text:
            for end, values in self.automaton.iter(text):
                for rule_id, length, kind in values:
                    start = end - length + 1
                    if kind == _KEYWORD:
                        yield Hit(rule_id=rule_id, start=start, end=end + 1)
                    else:
                        windows.setdefault(rule_id, []).append((start, end + 1))
        for rule_id in self.ungated:
            regex, on_lines = self.pattern(rule_id)
            yield from _found(rule_id, regex, lines if on_lines else text, 0, None, on_lines)
        for rule_id, spans in windows.items():
            regex, on_lines = self.pattern(rule_id)
            if on_lines:
                spans = [w for a, b in spans if (w := _line_of(lines, *folded.span(a, b)))]
                view = lines
                if not spans:
                    continue
            else:
                spans = [(max(0, a - WINDOW), b + WINDOW) for a, b in spans]
                view = text
            for lo, hi in _merged(spans):
                for hit in _found(rule_id, regex, view, lo, hi, on_lines):
                    # `$` matches at a window's end: a line cut short by LINE_CAP is no line end
                    if not (on_lines and hit.end == hi and hi < len(view) and view[hi] != "\n"):
                        yield hit
        yield from self._validated(text)

    def pattern(self, rule_id: str) -> tuple[re.Pattern[str], bool]:
        """The compiled pattern of `rule_id` and whether it runs over the line view."""
        found = self.compiled.get(rule_id)
        if found is None:
            regex = re.compile(self.sources[rule_id])
            found = self.compiled[rule_id] = (regex, bool(regex.flags & re.MULTILINE))
        return found

    def _validated(self, text: str) -> Iterator[Hit]:
        for rule_id, detector in self.validators:
            yield from _validate(rule_id, detector, text, text, None)
        if self.anchored:
            digest = _Digest(text)
            if digest.text:
                for rule_id, detector in self.anchored:
                    yield from _validate(rule_id, detector, text, digest.text, digest)


def _validate(
    rule_id: str, detector: detectors.Detector, text: str, view: str, digest: _Digest | None
) -> Iterator[Hit]:
    for m in detector.PATTERN.finditer(view):
        a, b = m.span()
        if digest is not None:
            a, b = digest.to_text(a), digest.to_text(b - 1) + 1
        before = text[max(0, a - CONTEXT_CHARS) : a]
        after = text[b : b + CONTEXT_CHARS]
        severity = detector.validate(text[a:b], before, after)
        if severity is not None:
            yield Hit(rule_id=rule_id, start=a, end=b, severity=severity)


class _Digest:
    """The windows of `text` around digit runs and @ signs, joined by paragraph breaks, with
    the map back to `text` offsets."""

    __slots__ = ("origins", "starts", "text")

    def __init__(self, text: str) -> None:
        spans = []
        for m in _ANCHORS.finditer(text):
            before, after = _ANCHOR_REACH["@" if m.group() == "@" else "digits"]
            spans.append((max(0, m.start() - before), min(len(text), m.end() + after)))
        pieces: list[str] = []
        self.starts: list[int] = []
        self.origins: list[int] = []
        pos = 0
        for lo, hi in _merged(spans) if spans else ():
            self.starts.append(pos)
            self.origins.append(lo)
            pieces.append(text[lo:hi])
            pos += hi - lo + len(_SEPARATOR)
        self.text = _SEPARATOR.join(pieces)

    def to_text(self, index: int) -> int:
        i = bisect_right(self.starts, index) - 1
        return self.origins[i] + (index - self.starts[i])


def _found(
    rule_id: str, regex: re.Pattern[str], view: str, lo: int, hi: int | None, on_lines: bool
) -> Iterator[Hit]:
    matches = regex.finditer(view, lo) if hi is None else regex.finditer(view, lo, hi)
    for m in matches:
        if m.end() > m.start():
            yield Hit(rule_id=rule_id, start=m.start(), end=m.end(), lines=on_lines)


def _line_of(lines: str, start: int, end: int) -> tuple[int, int] | None:
    """The start of the line around original span [start, end), up to LINE_CAP characters;
    None when the span lies further along its line than that."""
    brk = lines.rfind("\n", max(0, start - LINE_CAP), start)
    if brk == -1 and start > LINE_CAP:
        return None
    lo = brk + 1
    hi = lines.find("\n", end, lo + LINE_CAP)
    return lo, (hi if hi != -1 else min(len(lines), lo + LINE_CAP))


def _merged(spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Overlapping windows merged, so that no match is found twice."""
    spans.sort()
    lo, hi = spans[0]
    for a, b in spans[1:]:
        if a <= hi:
            hi = max(hi, b)
        else:
            yield lo, hi
            lo, hi = a, b
    yield lo, hi
