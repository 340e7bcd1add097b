"""uscc: 统一社会信用代码 (GB 32100-2015), a recogniser that other detectors consult.

Vectors from python-stdnum tests/test_cn_uscc.doctest (chinese-rules.md §3.5).
"""

from __future__ import annotations

import pytest

from secscan.detectors import uscc

SPANS = [
    # stdnum valid vectors, found as recognised public codes (INFO, never more)
    ("统一社会信用代码：91110000600037341L", [("91110000600037341L", "info")]),
    ("代码121200004013590816。", [("121200004013590816", "info")]),
    (
        "91310115MA1K3BTP2B、9144030071526726XG",
        [
            ("91310115MA1K3BTP2B", "info"),
            ("9144030071526726XG", "info"),
        ],
    ),
    # wrong check character (…341L is right)
    ("91110000600037341N", []),
    # I, O, Z, S, V are not in the alphabet
    ("9111000060003IOZSV", []),
    # part of a longer run
    ("X91110000600037341L", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans(scan, text, expected):
    assert scan(uscc, text) == expected


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("91110000600037341L", True),
        ("91110000600037341l", True),  # folded text is lower case
        ("121200004013590816", True),
        ("91310115MA1K3BTP2B", True),
        ("91110000600037341N", False),  # check character
        ("01110000600037341L", False),  # registration authority 0 does not exist
        ("9111A000600037341L", False),  # region code (positions 3-8) must be digits
        ("9111000060003734", False),  # too short
    ],
)
def test_is_valid(code, valid):
    assert uscc.is_valid(code) is valid


def test_letter_authority_codes_are_valid():
    # A/N/Y authorities are legal (python-stdnum rejects them); build one with the check.
    first17 = "N2330200MA2H00001"
    assert uscc.is_valid(first17 + uscc.check_char(first17))


def test_mask_leaves_the_public_code_readable():
    assert uscc.mask("91110000600037341l") == "91110000600037341L"
