"""private_ip: RFC 1918, loopback and link-local IPv4 with a network sign near -> WARN."""

from __future__ import annotations

import pytest

from secscan.detectors import private_ip

W = "warn"

SPANS = [
    # --- found -------------------------------------------------------------------------------
    # a URL, a port, a UNC path
    ("登录http://192.168.1.10/oa", [("192.168.1.10", W)]),
    ("访问 10.12.3.4:8080 即可", [("10.12.3.4:8080", W)]),
    (r"\\172.16.0.5\公文", [("172.16.0.5", W)]),
    # a network word near
    ("服务器IP：10.0.0.1", [("10.0.0.1", W)]),
    ("内网地址为172.31.255.254。", [("172.31.255.254", W)]),
    ("网关 192.168.0.1", [("192.168.0.1", W)]),
    ("http://127.0.0.1:8000/admin", [("127.0.0.1:8000", W)]),
    ("自动获取地址169.254.10.20", [("169.254.10.20", W)]),
    # CIDR
    ("10.0.0.0/8 网段", [("10.0.0.0", W)]),
    # --- not found ---------------------------------------------------------------------------
    # clause numbers in running text, even when an address word stands near
    ("按照第10.2.3.4条执行", []),
    ("详见10.2.3.4条规定的地址要求", []),
    ("见本标准10.2.3.4", []),
    # versions
    ("升级至v10.0.1.2版本", []),
    ("版本10.0.1.2的服务器", []),
    # public and out-of-range addresses
    ("服务器IP：8.8.8.8", []),
    ("服务器IP：172.32.0.1", []),
    ("服务器IP：192.169.0.1", []),
    # octets above 255, leading zeros, a fifth part
    ("服务器IP：10.0.0.256", []),
    ("服务器IP：10.01.2.3", []),
    ("服务器IP：10.1.2.3.4", []),
    # a public site
    ("访问www.gov.cn", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans(scan, text, expected):
    assert scan(private_ip, text) == expected


VALIDATE = [
    # candidate, before, after, expected
    ("192.168.1.1", "http://", "", W),
    ("192.168.1.1", "", "/share", W),
    ("192.168.1.1:70000", "", "", None),  # no such port
    ("10.2.3.4", "第", "", None),
    ("10.2.3.4", "", "", None),
    ("10.2.3.4", "ip:", "", W),
    ("10.2.3.4", "ip 第", "条", None),  # clause words veto network words
]


@pytest.mark.parametrize(("candidate", "before", "after", "expected"), VALIDATE)
def test_validate(candidate, before, after, expected):
    assert private_ip.validate(candidate, before, after) == expected


def test_mask_leaves_the_address_readable():
    assert private_ip.mask("10.0.0.1") == "10.0.0.1"
