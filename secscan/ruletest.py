"""Run every rule's `examples` and `counter_examples` through the real pipeline.

`secscan rules test` and tests/test_rule_examples.py call the same function, so a 保密办 editing
its own keyword list checks it exactly as the test suite does. An example may mark the text the
rule must match with [[…]]; then the finding must start there and have that length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from secscan.config import Config
from secscan.decide import locate
from secscan.messages import text
from secscan.model import Location, Part, Segment
from secscan.ruleset import Rule, RuleSet

_MARK = re.compile(r"\[\[(.+?)\]\]", re.S)


@dataclass(frozen=True, slots=True)
class Case:
    rule: Rule
    index: int
    text: str  # without the [[ ]] marks
    spans: tuple[tuple[int, int], ...]  # marked spans in `text`
    positive: bool

    @property
    def case_id(self) -> str:
        return f"{self.rule.id}:{'ex' if self.positive else 'cx'}{self.index}"


@dataclass(frozen=True, slots=True)
class Failure:
    case: Case
    got: tuple[str, ...]  # what the rule matched, if anything

    def describe(self, lang: str) -> str:
        key = "rules_test_missed" if self.case.positive else "rules_test_fired"
        return text(
            key,
            lang,
            case=self.case.case_id,
            source=self.case.rule.source,
            example=self.case.text.replace("\n", "\\n"),
            got="、".join(self.got) or "-",
        )


def parse_example(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Strip [[…]] marks; return the plain text and the marked spans in it."""
    out, spans, pos, removed = [], [], 0, 0
    for m in _MARK.finditer(raw):
        out.append(raw[pos : m.start()])
        start = m.start() - removed
        spans.append((start, start + len(m.group(1))))
        out.append(m.group(1))
        removed += 4
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out), tuple(spans)


def cases(ruleset: RuleSet) -> list[Case]:
    found = []
    for rule in ruleset.rules:
        for i, raw in enumerate(rule.examples):
            plain, spans = parse_example(raw)
            found.append(Case(rule, i, plain, spans, True))
        for i, raw in enumerate(rule.counter_examples):
            plain, spans = parse_example(raw)
            found.append(Case(rule, i, plain, spans, False))
    return found


class RuleChecker:
    """Runs cases through one Scanner built on the rule set under test."""

    def __init__(self, ruleset: RuleSet) -> None:
        from secscan.engine import Scanner

        self.scanner = Scanner(Config(), ruleset)

    def check(self, case: Case) -> Failure | None:
        part = min(case.rule.parts) if case.rule.parts else Part.BODY
        findings = [f for f in self.scanner.scan_text(case.text, part) if f.rule_id == case.rule.id]
        got = tuple(f.match for f in findings)
        if not case.positive:
            return Failure(case, got) if findings else None
        if not findings:
            return Failure(case, got)
        segment = Segment(text=case.text, part=part, location=Location(line=1, column=1))
        for start, end in case.spans:
            where = locate(segment, start)
            if not any(f.location == where and len(f.match) == end - start for f in findings):
                return Failure(case, got)
        return None


def check_ruleset(ruleset: RuleSet) -> list[Failure]:
    checker = RuleChecker(ruleset)
    return [f for case in cases(ruleset) if (f := checker.check(case)) is not None]
