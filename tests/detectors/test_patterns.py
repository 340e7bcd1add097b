"""Properties every detector module shares: it meets the Protocol and its PATTERN stays linear."""

from __future__ import annotations

import time

import pytest

from secscan import detectors

NAMES = sorted(detectors.DETECTORS)

# Inputs that make a backtracking pattern blow up if it has nested or overlapping quantifiers:
# long runs of what the patterns consume, with the final piece missing.
HOSTILE = [
    "1" * 200_000,
    "1 " * 100_000,
    "1-" * 100_000,
    "1." * 100_000,
    "a" * 200_000,
    "a." * 100_000,
    "a@" * 100_000,
    ("a" * 60 + "@" + "b" * 240 + ".") * 500,
    "192.168." * 25_000,
]


@pytest.mark.parametrize("name", NAMES)
def test_module_meets_the_protocol(name):
    module = detectors.get(name)
    assert name == module.NAME
    assert callable(module.validate)
    assert callable(module.mask)
    assert module.__doc__


@pytest.mark.parametrize("name", NAMES)
def test_pattern_is_linear_on_hostile_input(name):
    pattern = detectors.get(name).PATTERN
    for text in HOSTILE:
        started = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        # ~200 KB each: a linear scan takes milliseconds; a quadratic one takes minutes.
        assert time.perf_counter() - started < 1.0, (name, text[:20])


@pytest.mark.parametrize("name", NAMES)
def test_pattern_uses_digit_safe_lookarounds(name):
    # \b does not separate a CJK character from a digit in Python (scanner-lessons.md).
    assert r"\b" not in detectors.get(name).PATTERN.pattern
