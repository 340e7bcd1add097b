"""hk_macau_permit: 往来港澳通行证 (C…, W…) and 回乡证 (H…/M…), context-gated, WARN.

Formats from 公安部 rules as gathered in chinese-rules.md §3.6; all numbers here are synthetic.
"""

from __future__ import annotations

import pytest

from secscan.detectors import hk_macau_permit

W = "warn"

SPANS = [
    # --- found -------------------------------------------------------------------------------
    # card form since 2014: C + letter/digit + 7 digits
    ("往来港澳通行证号码：C12345678", [("C12345678", W)]),
    ("往来港澳通行证CA1234567", [("CA1234567", W)]),
    # old booklet: W + 8 digits
    ("通行证号W12345678", [("W12345678", W)]),
    # 回乡证: H/M + 8 digits, optionally + 2-digit 换证次数
    ("回乡证号码H0123456701", [("H0123456701", W)]),
    ("港澳居民来往内地通行证 M01234567", [("M01234567", W)]),
    # --- not found ---------------------------------------------------------------------------
    # no permit word near
    ("产品批号C12345678", []),
    # C + I/O is not issued; H + 9 digits is neither form
    ("通行证CI1234567 通行证H012345678", []),
    # inside a longer code
    ("通行证号XC12345678", []),
    # masked
    ("通行证号C1****678", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans(scan, text, expected):
    assert scan(hk_macau_permit, text) == expected


VALIDATE = [
    ("c12345678", "通行证:", "", W),
    ("h0123456701", "", "(回乡证)", W),
    ("c12345678", "", "", None),
]


@pytest.mark.parametrize(("candidate", "before", "after", "expected"), VALIDATE)
def test_validate(candidate, before, after, expected):
    assert hk_macau_permit.validate(candidate, before, after) == expected


def test_mask():
    assert hk_macau_permit.mask("c12345678") == "C1****678"
    assert hk_macau_permit.mask("H0123456701") == "H0******701"
