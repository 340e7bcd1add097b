"""Candidate hits over folded text: one Aho-Corasick automaton for every keyword of every rule,
with regex and validator detectors beside it. Built once per process from a RuleSet.

Keywords are folded with the same function as the text (normalise.fold_keyword), so 機密 in a
rule and 机 密 in a draft meet in the middle. The automaton runs over `str`; its cost is linear in
the text and barely depends on hits (reference/performance.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import ahocorasick

from secscan import detectors
from secscan.model import Hit
from secscan.normalise import fold_keyword
from secscan.ruleset import Rule, RuleSet



CONTEXT_CHARS = 30  # what a validator sees on each side of its candidate


class Matcher:
    """All text-matching rules of a RuleSet, compiled once."""

    def __init__(self, ruleset: RuleSet) -> None:
        self.automaton: ahocorasick.Automaton | None = None
        # (rule id, regex, runs over the line view); (rule id, detector)
        self.patterns: list[tuple[str, re.Pattern[str], bool]] = []
        self.validators: list[tuple[str, detectors.Detector]] = []
        entries: dict[str, list[tuple[str, int]]] = {}
        for rule in ruleset.rules:
            self._add(rule, entries)
        if entries:
            automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
            for key, values in entries.items():
                automaton.add_word(key, tuple(values))
            automaton.make_automaton()
            self.automaton = automaton

    def _add(self, rule: Rule, entries: dict[str, list[tuple[str, int]]]) -> None:
        for keyword in rule.keywords:
            key = fold_keyword(keyword)
            bucket = entries.setdefault(key, [])
            if all(rid != rule.id for rid, _ in bucket):
                bucket.append((rule.id, len(key)))
        if rule.pattern is not None:
            regex = re.compile(rule.pattern)
            self.patterns.append((rule.id, regex, bool(regex.flags & re.MULTILINE)))
        if rule.validator is not None:
            self.validators.append((rule.id, detectors.get(rule.validator)))

    def hits(self, text: str, lines: str) -> Iterator[Hit]:
        """Every candidate hit, in no particular order.

        `text` is the folded view (noise removed); `lines` is the line view (characters folded,
        nothing removed), over which multi-line patterns (``(?m)``) run so that ^ and $ still
        see the document's own line breaks.
        """
        if self.automaton is not None and text:
            for end, values in self.automaton.iter(text):
                for rule_id, length in values:
                    yield Hit(rule_id=rule_id, start=end - length + 1, end=end + 1)
        for rule_id, regex, on_lines in self.patterns:
            for m in regex.finditer(lines if on_lines else text):
                if m.end() > m.start():
                    yield Hit(rule_id=rule_id, start=m.start(), end=m.end(), lines=on_lines)
        for rule_id, detector in self.validators:
            for m in detector.PATTERN.finditer(text):
                a, b = m.span()
                before = text[max(0, a - CONTEXT_CHARS) : a]
                after = text[b : b + CONTEXT_CHARS]
                severity = detector.validate(m.group(), before, after)
                if severity is not None:
                    yield Hit(rule_id=rule_id, start=a, end=b, severity=severity)
