"""passport: PRC passport numbers, context-gated (no check digit), WARN.

Vectors: validator.js isPassportNumber(CN) valid G25352389, E00160027, EA1234567; invalid
K0123456, GA1234567, EI1234567 (chinese-rules.md §3.6). Official forms DE/SE/PE + 7 digits.
"""

from __future__ import annotations

import pytest

from secscan.detectors import passport

W = "warn"

SPANS = [
    # --- found -------------------------------------------------------------------------------
    ("护照号码：G25352389", [("G25352389", W)]),
    ("护照号E00160027，", [("E00160027", W)]),
    ("证件号码 EA1234567（护照）", [("EA1234567", W)]),
    # official passports
    ("公务护照SE1234567", [("SE1234567", W)]),
    ("passport no. g25352389", [("g25352389", W)]),
    # --- not found ---------------------------------------------------------------------------
    # no passport word: nine letter-digit characters are too common (part numbers, codes)
    ("型号G25352389", []),
    # validator.js invalid: K prefix, G + letter, E + I
    ("护照K0123456 护照GA1234567 护照EI1234567", []),
    # inside a longer code
    ("护照号AG25352389", []),
    ("护照号G253523890", []),
    # masked
    ("护照号G1****389", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans(scan, text, expected):
    assert scan(passport, text) == expected


VALIDATE = [
    ("g25352389", "护照:", "", W),
    ("g25352389", "", "(护照)", W),
    ("g25352389", "", "", None),
    ("e00160027", "证件号码:", "", W),
]


@pytest.mark.parametrize(("candidate", "before", "after", "expected"), VALIDATE)
def test_validate(candidate, before, after, expected):
    assert passport.validate(candidate, before, after) == expected


@pytest.mark.parametrize(
    ("candidate", "masked"),
    [("G25352389", "G2****389"), ("e00160027", "E0****027"), ("SE1234567", "SE****567")],
)
def test_mask(candidate, masked):
    assert passport.mask(candidate) == masked
