"""landline: 0 + area code + 7-8 digit local number; quiet unless it is somebody's home.

Numbers are synthetic (宁波 0574, 北京 010, 上海 021 area codes with made-up local numbers).
"""

from __future__ import annotations

import pytest

from secscan.detectors import landline

W, INFO = "warn", "info"

SPANS = [
    # --- found -------------------------------------------------------------------------------
    # labelled as a home phone: WARN
    ("家庭电话：0574-87654321", [("0574-87654321", W)]),
    ("住宅电话(010)62345678", [("(010)62345678", W)]),
    # a private person (申请人 + name) with a neutral 联系电话 label: INFO
    ("申请人张三，联系电话：0574-87654321", [("0574-87654321", INFO)]),
    # a name right before: INFO, including the 7-digit local number and an extension
    ("王五 0574-8765432转123", [("0574-8765432转123", INFO)]),
    # a register row with a valid ID number (stdnum vector) in it: INFO
    ("2 44011320141005001x 0574-87654321", [("0574-87654321", INFO)]),
    # full-width brackets and digits fold to ASCII
    ("家庭电话（０２１）６２３４５６７８", [("（０２１）６２３４５６７８", W)]),
    # --- not found ---------------------------------------------------------------------------
    # an office's published lines
    ("办公电话：0574-87654321", []),
    ("监督电话：0574-87654321，传真：0574-87654322", []),
    # the nearest label wins: 联系人 张三 … 办公电话 0574-… is the office line
    ("联系人：张三，办公电话：0574-87654321", []),
    # unlabelled, or labelled only 联系电话: the normal case for an office
    ("联系电话：0574-87654321", []),
    ("地址：宁波市镇海区，0574-87654321", []),
    # 易 is a surname, but 交易中心 is an organisation, not a person (real procurement notice)
    ("市公共资源交易中心：0579-87651729", []),
    # service numbers and 400/800 numbers are public and do not start with 0
    ("请拨打12345政务服务热线或12315、12388", []),
    ("400-123-4567 800-820-8820", []),
    # a local number never starts with 0 or 1
    ("0574-12345678", []),
    # mobile numbers are the mobile detector's
    ("家庭电话13812345678", []),
    # inside longer digit runs
    ("家庭电话9057487654321", []),
    ("家庭电话05748765432199", []),
    # masked
    ("家庭电话0574-****4321", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans(scan, text, expected):
    assert scan(landline, text) == expected


VALIDATE = [
    # candidate, before, after, expected
    ("0574-87654321", "宅电:", "", W),
    ("0574-87654321", "咨询电话:", "", None),
    ("0574-87654321", "家庭住址:宁波市某街道,咨询电话:", "", None),  # office label is nearer
    ("0574-87654321", "咨询电话:0574-1 家庭电话:", "", W),  # home label is nearer
    ("0574-87654321", "联系方式:", "", None),  # 联系方式 says "phone", not "person"
    ("0574-87654321", "", "(李四)", INFO),  # a name right after
    ("0574-87654321", "", "", None),
]


@pytest.mark.parametrize(("candidate", "before", "after", "expected"), VALIDATE)
def test_validate(candidate, before, after, expected):
    assert landline.validate(candidate, before, after) == expected


@pytest.mark.parametrize(
    ("candidate", "masked"),
    [
        # separators and the extension stay: the mask is as long as the original span
        ("0574-87654321", "0574-****4321"),
        ("(010)62345678", "(010)****5678"),
        ("0574-8765432转123", "0574-***5432转123"),
        ("057487654321", "0574****4321"),
        ("（０２１）６２３４５６７８", "(021)****5678"),
    ],
)
def test_mask(candidate, masked):
    assert landline.mask(candidate) == masked
