"""Properties every detector module shares: it meets the Protocol and its PATTERN stays linear."""

from __future__ import annotations

import re
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


# ANCHOR promises secscan.match that every match lies within reach of a digit run (10 characters
# either side) or of an @ (70 before, 260 after); it then runs PATTERN only there.
_RUN = re.compile(r"[0-9][0-9 .()\-]{4,}")
ANCHORED_SAMPLES = [
    "身份证号11010519491231002X",
    "证件号码 1101 0519 4912 3100 2X",
    "公民身份号码330211800101001",
    "Tel: +86 138 1234 5678",
    "0086-138-1234-5678",
    "住宅电话(010)62345678",
    "王五 0574-8765432转123",
    "电话 0574-87654321ext.12345",
    "卡号 6222 0212 3456 7890 128",
    "公务护照SE1234567",
    "往来港澳通行证CA1234567",
    "回乡证H0123456701",
    "访问 10.12.3.4:8080",
    "联系人张三，邮箱li.si+cv@gmail.com。",
]


@pytest.mark.parametrize("name", [n for n in NAMES if getattr(detectors.get(n), "ANCHOR", None)])
def test_anchored_matches_stay_within_reach_of_their_anchor(name):
    detector = detectors.get(name)
    for sample in ANCHORED_SAMPLES:
        text = sample.lower()
        for m in detector.PATTERN.finditer(text):
            if detector.ANCHOR == "@":
                at = text.index("@", m.start())
                assert at - m.start() < 70, (name, sample)
                assert m.end() - at < 260, (name, sample)
                continue
            runs = [r for r in _RUN.finditer(text) if r.start() < m.end() and m.start() < r.end()]
            assert runs, (name, sample)
            assert min(r.start() for r in runs) - m.start() <= 10, (name, sample)
            assert m.end() - max(r.end() for r in runs) <= 10, (name, sample)
