"""Helpers for the detector tests: run a detector the way the matcher does, on folded text."""

from __future__ import annotations

import unicodedata

import pytest

from secscan.detectors import Detector

CONTEXT_CHARS = 30  # what secscan.match hands a detector on each side


def fold(text: str) -> str:
    """NFKC + lower case: the parts of the engine's fold that matter to these detectors.

    The test texts avoid characters whose NFKC form changes length, so offsets stay 1:1.
    """
    folded = unicodedata.normalize("NFKC", text).lower()
    assert len(folded) == len(text), "test text must fold 1:1"
    return folded


def find(detector: Detector, text: str) -> list[tuple[str, str]]:
    """Every (original span, severity) the detector reports in `text`."""
    folded = fold(text)
    found = []
    for m in detector.PATTERN.finditer(folded):
        a, b = m.span()
        before = folded[max(0, a - CONTEXT_CHARS) : a]
        after = folded[b : b + CONTEXT_CHARS]
        severity = detector.validate(m.group(), before, after)
        if severity is not None:
            found.append((text[a:b], str(severity)))
    return found


@pytest.fixture
def scan():
    return find
