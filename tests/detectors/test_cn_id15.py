"""cn_id15: legacy 15-digit 居民身份证号码 (region + 19YYMMDD + order; no check digit).

Published vector: validator.js isIdentityCard(zh-CN) 110101491001001. The others are synthetic.
With no check digit the detector needs an ID word near the number.
"""

from __future__ import annotations

import pytest

from secscan.detectors import cn_id15

B = "block"

SPANS = [
    # --- found -------------------------------------------------------------------------------
    # validator.js vector, labelled 身份证号
    ("身份证号：110101491001001", [("110101491001001", B)]),
    # 公民身份号码 label, synthetic 宁波镇海 number born 1980-01-01
    ("公民身份号码330211800101001，", [("330211800101001", B)]),
    # the label after the number, as in a table heading on the right
    ("330211800101001（身份证）", [("330211800101001", B)]),
    # --- not found ---------------------------------------------------------------------------
    # no ID word near: 15 digits alone are too common (order and account numbers)
    ("订单号110101491001001", []),
    ("共计110101491001001元", []),
    # region 99 does not exist
    ("身份证号990101491001001", []),
    # 31 February 1980
    ("身份证号330211800231001", []),
    # part of a longer digit run (an 18-digit number is cn_id's business)
    ("身份证号11010519491231002X", []),
    ("身份证号1101014910010012", []),
    # masked
    ("身份证号330211******001", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans(scan, text, expected):
    assert scan(cn_id15, text) == expected


VALIDATE = [
    ("110101491001001", "身份证号", "", B),
    ("110101491001001", "", "（证件号码）", B),
    ("110101491001001", "", "", None),  # no context
    ("110101491301001", "身份证号", "", None),  # month 13
    ("160101491001001", "身份证号", "", None),  # region 16
    ("11010149100100x", "身份证号", "", None),  # 15-digit numbers have no check character
]


@pytest.mark.parametrize(("candidate", "before", "after", "expected"), VALIDATE)
def test_validate(candidate, before, after, expected):
    assert cn_id15.validate(candidate, before, after) == expected


def test_mask_hides_the_whole_birth_date():
    assert cn_id15.mask("330211800101001") == "330211******001"
