"""Every shipped rule's examples fire (at the marked text) and no counter-example does.

The same function backs `secscan rules test`, so a 保密办 checks its own rules as CI does.
"""

from __future__ import annotations

import pytest

from secscan.ruleset import load_ruleset
from secscan.ruletest import RuleChecker, cases, parse_example

RULESET = load_ruleset()
CASES = [c for c in cases(RULESET)]


@pytest.fixture(scope="module")
def checker() -> RuleChecker:
    return RuleChecker(RULESET)


@pytest.mark.parametrize("case", CASES, ids=[c.case_id for c in CASES])
def test_rule_example(checker: RuleChecker, case) -> None:
    failure = checker.check(case)
    assert failure is None, failure.describe("en") if failure else ""


def test_every_text_rule_has_examples_and_counter_examples() -> None:
    for rule in RULESET.rules:
        if rule.observation is None:
            assert rule.examples, rule.id
            assert rule.counter_examples, rule.id


def test_parse_example_marks() -> None:
    assert parse_example("前[[秘密★1年]]后") == ("前秘密★1年后", ((1, 6),))
    assert parse_example("无标记") == ("无标记", ())
