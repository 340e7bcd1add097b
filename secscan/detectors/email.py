"""E-mail addresses at personal mail providers (qq.com, 163.com, gmail.com …).

An address at ``gov.cn`` or at an organisation's own domain is a published contact point and
never a hit. An address at a personal provider usually belongs to one person (and a QQ address
also gives away the QQ number), so it is WARN; when the nearest label is an office mailbox
(投稿邮箱, 举报邮箱, 监督邮箱, 咨询邮箱 …) it is INFO: small offices do publish such mailboxes
on purpose, but a reviewer should still see it (chinese-rules.md §3.7).
"""

from __future__ import annotations

import re

from secscan.detectors import _context
from secscan.model import Severity

NAME = "email"

# Bounded repeats keep the pattern linear (no nested quantifiers): a local part of up to 64
# characters and a domain that ends in a letter. The look-behind stops a match starting inside
# a longer local part; validate() checks the domain's shape.
PATTERN = re.compile(
    r"[0-9A-Za-z](?<![0-9A-Za-z._%+-][0-9A-Za-z])[0-9A-Za-z._%+-]{0,63}"
    r"@[0-9A-Za-z][0-9A-Za-z.-]{0,250}[A-Za-z](?![0-9A-Za-z-])"
)

# secscan.match runs PATTERN only around digit runs (or @ signs) when ANCHOR says so:
# the mailbox name is at most 64 characters, the domain at most 252.
ANCHOR = "@"

PERSONAL_DOMAINS = frozenset(
    _context.words(
        "qq.com vip.qq.com foxmail.com 163.com 126.com yeah.net vip.163.com vip.126.com"
        " 188.com netease.com sina.com sina.cn vip.sina.com sohu.com 139.com 189.cn wo.cn"
        " wo.com.cn 21cn.com tom.com aliyun.com 263.net gmail.com googlemail.com outlook.com"
        " hotmail.com live.com live.cn msn.com yahoo.com yahoo.com.cn yahoo.cn icloud.com"
        " me.com mac.com proton.me protonmail.com yandex.com mail.ru"
    )
)
OFFICE_LABELS = _context.words(
    "投稿 举报 监督 咨询 受理 投诉 信箱 公共邮箱 单位邮箱 办公邮箱 官方邮箱"
)
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def split(candidate: str) -> tuple[str, str]:
    local, _, domain = candidate.lower().rpartition("@")
    return local, domain


def is_domain(domain: str) -> bool:
    """Dot-separated DNS labels (RFC 1035 shape) with at least two of them."""
    labels = domain.split(".")
    return len(labels) >= 2 and all(_LABEL.fullmatch(label) for label in labels)


def validate(candidate: str, before: str, after: str) -> Severity | None:
    local, domain = split(candidate)
    if not local or not is_domain(domain) or domain not in PERSONAL_DOMAINS:
        return None
    if _context.has_any(before[-12:], OFFICE_LABELS):
        return Severity.INFO
    return Severity.WARN


def mask(candidate: str) -> str:
    """z*******@qq.com: the first character of the mailbox name, one star per hidden one."""
    local, _, domain = _context.ascii_form(candidate).rpartition("@")
    return local[:1] + "*" * (len(local) - 1) + "@" + domain
