"""Private, loopback and link-local IPv4 addresses: a map of the intranet should not go public.

Ranges: RFC 1918 (10/8, 172.16/12, 192.168/16), loopback 127/8 (RFC 1122) and link-local
169.254/16 (RFC 3927). Dotted quads are also clause numbers (10.2.3.4) and versions (v10.0.1.2),
so a candidate is a hit only with a network sign: a scheme or UNC prefix (``http://``, ``\\\\``),
a port, a path or CIDR suffix, or a word such as IP, 地址, 服务器, 内网, 网关 nearby. A clause
word right beside it (第…条, 版本) vetoes it. Octets above 255 or with leading zeros are not
addresses. Severity WARN for all ranges (a loopback URL still shows an internal system's path).
"""

from __future__ import annotations

import re

from secscan.detectors import _context
from secscan.model import Severity

NAME = "private_ip"

_OCTET = r"[0-9]{1,3}"
# Every range starts with 1 (10, 127, 172, 192, 169): the literal lets re skip to it in C, and
# the look-behind after it keeps digits, letters and dots out in front.
PATTERN = re.compile(
    r"1(?<![0-9A-Za-z.]1)"
    rf"(?:(?:0|27)\.{_OCTET}\.{_OCTET}\.{_OCTET}"
    rf"|(?:72\.(?:1[6-9]|2[0-9]|3[01])|92\.168|69\.254)\.{_OCTET}\.{_OCTET})"
    r"(?::[0-9]{1,5})?"
    r"(?![0-9A-Za-z]|\.[0-9])"
)

# secscan.match runs PATTERN only around digit runs (or @ signs) when ANCHOR says so:
# the dotted quad is one run; a port ends at most 6 characters after it.
ANCHOR = "digits"

NETWORK_WORDS = _context.words(
    "ip 地址 服务器 内网 主机 网关 网段 子网 掩码 dns 数据库 host server 端口 访问 登录"
    " 登陆 局域网 url 网址 链接 ping ssh ftp"
)
VETO_BEFORE = ("第", "版本", "version", "条款", "章节", "标准")
VETO_AFTER = ("条", "款", "项", "节", "章", "版")
_PREFIXES = ("://", "\\\\", "@", "//", "\\")


def octets(candidate: str) -> list[str]:
    return candidate.split(":", 1)[0].split(".")


def is_address(candidate: str) -> bool:
    """Four octets of 0-255 without leading zeros, and a port of 1-65535 when there is one."""
    parts = octets(candidate)
    if len(parts) != 4 or any((len(p) > 1 and p[0] == "0") or int(p) > 255 for p in parts):
        return False
    if ":" in candidate:
        port = candidate.split(":", 1)[1]
        return 0 < int(port) <= 65535
    return True


def validate(candidate: str, before: str, after: str) -> Severity | None:
    if not is_address(candidate):
        return None
    if before.endswith(_PREFIXES) or ":" in candidate or after.startswith(("/", "\\")):
        return Severity.WARN
    if before.endswith(VETO_BEFORE) or after.startswith(VETO_AFTER):
        return None
    near = before[-20:] + "|" + after[:12]
    if _context.has_any(near, NETWORK_WORDS):
        return Severity.WARN
    return None


def mask(candidate: str) -> str:
    """Unchanged: an address is not personal data, and the reviewer must see which host it is."""
    return candidate
