"""mobile: mainland mobile numbers; warn by default, block beside a person.

Valid vectors: validator.js isMobilePhone(zh-CN) (13523333233, 15052052020, 16565600001,
17269427292, 18199617480, 19151751717, +8613238234822, 008618812341234); ranges from
libphonenumber region_CN (chinese-rules.md §3.2). 13812345678-style numbers are synthetic.
"""

from __future__ import annotations

import pytest

from secscan.detectors import mobile

B, W = "block", "warn"

SPANS = [
    # --- found -------------------------------------------------------------------------------
    # a bare allocated number: somebody's phone, WARN
    ("请拨打13523333233咨询", [("13523333233", W)]),
    # 联系人 + name + 手机: the 永安市 通报 case, BLOCK
    ("联系人：张三，手机13523333233", [("13523333233", B)]),
    # a name right before (王女士) or right after (（李四）) the number
    ("王女士 15052052020", [("15052052020", B)]),
    ("18199617480（李四）", [("18199617480", B)]),
    # a table row: 序号 姓名 性别 手机 (spaces between CJK characters are folded away)
    ("1 张三 男 19151751717", [("19151751717", B)]),
    # a register row: the name is two columns away, but a valid ID number stands in the row
    ("1 李四 女 360426199101010071 18199617480", [("18199617480", B)]),
    # 3-4-4 groups and +86 / 0086 prefixes belong to the span
    ("手机号码：138-1234-5678", [("138-1234-5678", B)]),
    ("Tel: +86 138 1234 5678", [("+86 138 1234 5678", W)]),
    ("+8613238234822", [("+8613238234822", W)]),
    ("008618812341234", [("008618812341234", W)]),
    # 16x and 17x ranges (validator.js vectors)
    ("16565600001；17269427292", [("16565600001", W), ("17269427292", W)]),
    # an organisation's name before the number is not a person's (公安局 ends in 局)
    ("镇海区公安局 13812345678", [("13812345678", W)]),
    # a comma then a word that starts like a unit (人民路) is not a quantity
    ("电话13812345678，人民路12号", [("13812345678", W)]),
    # an office label does not make a mobile public: still WARN
    ("咨询电话：13812345678", [("13812345678", W)]),
    # full-width digits fold to ASCII
    ("手机１３８１２３４５６７８", [("１３８１２３４５６７８", B)]),
    # outside the allocated ranges (149, any-rule strict) but labelled 手机: WARN
    ("手机：14999230918", [("14999230918", W)]),
    # --- not found ---------------------------------------------------------------------------
    # outside the allocated ranges and unlabelled (libphonenumber has no 149 / 174-6)
    ("14999230918", []),
    ("17469427292", []),
    # 12x is not a mobile prefix (validator.js invalid vectors)
    ("12038389438 12838389438", []),
    # a leading 0 makes it part of a longer digit run (validator.js invalid 013838389438)
    ("013838389438", []),
    # landline (010-38238383) is not a mobile
    ("010-38238383", []),
    # masked
    ("手机138****1234", []),
    # inside an ID number or a longer digit run
    ("11010519491231002X", []),
    ("6213812345678901", []),
    # an order number labelled as such
    ("订单号13812345678", []),
    # a mailbox name: the e-mail detector reports it
    ("13812345678@163.com", []),
    # an amount in a budget table, not a phone
    ("总投资13500000000元", []),
    ("¥13500000000", []),
    # the 12345 hotline
    ("市民可拨打12345政务服务热线", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans(scan, text, expected):
    assert scan(mobile, text) == expected


VALIDATE = [
    # candidate, before, after, expected
    ("13523333233", "", "", W),
    ("13523333233", "姓名:张三 ", "", B),
    ("13523333233", "联系方式:", "", B),
    ("16237108167", "", "", W),  # 162: libphonenumber-valid, any-rule strict rejects it
    ("16237108167", "手机:", "", B),
    ("14999230918", "", "", None),  # lenient only, no context
    ("14999230918", "电话:", "", W),  # lenient only, phone word
    ("17400512345", "", "", W),  # 17400-17405 allocated
    ("17406512345", "", "", None),  # 17406 not allocated
    ("16100123456", "", "", W),  # 1610 allocated
    ("13523333233", "编号:", "", None),  # record label nearest
    ("13523333233", "编号:1 联系人:", "", B),  # the person label is nearer than 编号
    ("+86 135 2333 3233", "", "", W),
    ("1352333323", "", "", None),  # 10 digits (not a PATTERN match, validate still says no)
]


@pytest.mark.parametrize(("candidate", "before", "after", "expected"), VALIDATE)
def test_validate(candidate, before, after, expected):
    assert mobile.validate(candidate, before, after) == expected


@pytest.mark.parametrize(
    ("candidate", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "+86 138 **** 5678"),
        ("0086-138-1234-5678", "0086-138-****-5678"),
        ("１３８１２３４５６７８", "138****5678"),
    ],
)
def test_mask(candidate, masked):
    assert mobile.mask(candidate) == masked
