"""email: addresses at personal mail providers -> WARN; office and gov.cn mailboxes are public."""

from __future__ import annotations

import pytest

from secscan.detectors import email

W, INFO = "warn", "info"

SPANS = [
    # --- found -------------------------------------------------------------------------------
    ("联系人张三，邮箱zhangsan@qq.com。", [("zhangsan@qq.com", W)]),
    ("E-mail: Zhang.San_1980@163.com", [("Zhang.San_1980@163.com", W)]),
    ("12345678@qq.com", [("12345678@qq.com", W)]),  # a QQ number as mailbox
    ("请发送至li.si+cv@gmail.com或", [("li.si+cv@gmail.com", W)]),
    ("mailto:wangwu@vip.163.com", [("wangwu@vip.163.com", W)]),
    # full-width @ and letters fold to ASCII
    ("ｚｈａｎｇ＠１２６．ｃｏｍ", [("ｚｈａｎｇ＠１２６．ｃｏｍ", W)]),
    # a personal provider published as an office mailbox: INFO
    ("投稿邮箱：zhenhaibgs@163.com", [("zhenhaibgs@163.com", INFO)]),
    # --- not found ---------------------------------------------------------------------------
    # government and organisation mailboxes are public contact points
    ("电子邮箱：zhbgs@zh.gov.cn", []),
    ("xxgk@nbzh.gov.cn、info@example.org", []),
    # a look-alike domain is not the provider
    ("someone@qq.com.example.net", []),
    ("someone@myqq.com", []),
    # not an address at all
    ("www.gov.cn", []),
    ("@qq.com", []),
    # masked
    ("z***@qq.com", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans(scan, text, expected):
    assert scan(email, text) == expected


VALIDATE = [
    ("zhangsan@qq.com", "", W),
    ("zhangsan@qq.com", "举报信箱:", INFO),
    ("zhangsan@nb.gov.cn", "", None),
    ("zhangsan@-qq.com", "", None),  # not a DNS label
    ("zhangsan@qq..com", "", None),
]


@pytest.mark.parametrize(("candidate", "before", "expected"), VALIDATE)
def test_validate(candidate, before, expected):
    assert email.validate(candidate, before, "") == expected


@pytest.mark.parametrize(
    ("candidate", "masked"),
    [
        # one star per hidden character: the mask is as long as the address it hides
        ("zhangsan@qq.com", "z*******@qq.com"),
        ("Zhang.San@163.com", "Z********@163.com"),
        ("ｚｈａｎｇ＠１２６．ｃｏｍ", "z****@126.com"),
    ],
)
def test_mask(candidate, masked):
    assert email.mask(candidate) == masked
