"""Mainland China mobile numbers (+86), the most frequent privacy leak in published notices.

The candidate is lenient (``1[3-9]`` + 9 digits, optionally ``+86``/``0086`` and 3-4-4 groups);
validity follows libphonenumber's CN mobile ranges (phonenumbers 9.0.43, ``region_CN.py``;
chinese-rules.md §3.2). Severity (chinese-rules.md §6.2):

- allocated range and a person near (姓名, 联系人, 手机, 联系方式, 申请人 …, a name such as
  张三 / 王女士 right beside it, or a valid ID number in the same row): BLOCK — a named
  person's mobile;
- allocated range, nobody named: WARN — still usually somebody's own phone;
- outside the allocated ranges: WARN only with a person or phone word near, else None;
- a record label (订单号, 编号, 文号 …) nearest the number, or a unit after it (元, 万, 人): None.

A mobile labelled 咨询电话 is not let through: an office line published as a staff member's mobile
is exactly what the 2022 永安市 通报 called a privacy leak. Exempting office labels is the
landline detector's business.
"""

from __future__ import annotations

import re

from secscan.detectors import _context, cn_id
from secscan.mask import mask_middle
from secscan.model import Severity

NAME = "mobile"

# '@' is kept out after the number: 13812345678@163.com is the e-mail detector's hit. The first
# character (+, 0 of 0086, or 1) is consumed before the look-behinds so that re skips to it in C.
PATTERN = re.compile(
    r"[+01](?<![0-9A-Za-z*+][+01])"
    r"(?:(?<=\+)86[ -]?1|(?<=0)086[ -]?1|(?<=1))"
    r"[3-9][0-9](?:[0-9]{8}|[ -][0-9]{4}[ -][0-9]{4})"
    r"(?![0-9A-Za-z*@])"
)

# secscan.match runs PATTERN only around digit runs (or @ signs) when ANCHOR says so:
# a +86 prefix stands at most 1 character before the digit run.
ANCHOR = "digits"

# libphonenumber CN mobile: 1(?:610\d|740[0-5])\d{6} or 1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|
# 7[0-35-8])\d{8} — written here from those published ranges.
_ALLOCATED = re.compile(
    r"1(?:610[0-9]|740[0-5])[0-9]{6}"
    r"|1(?:[38][0-9]|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])[0-9]{8}"
)

PHONE_WORDS = ("手机", "电话", "联系方式", "tel", "mobile", "phone")


def national(candidate: str) -> str:
    """The 11-digit national number: country code and separators removed."""
    digits = re.sub(r"[^0-9]", "", candidate)
    if candidate.startswith("+86"):
        digits = digits[2:]
    elif candidate.startswith("0086"):
        digits = digits[4:]
    return digits


def is_allocated(number: str) -> bool:
    return _ALLOCATED.fullmatch(number) is not None


def validate(candidate: str, before: str, after: str) -> Severity | None:
    number = national(candidate)
    if len(number) != 11:
        return None
    labels = {"record": _context.RECORD_LABELS, "phone": PHONE_WORDS + _context.PERSON_WORDS}
    if _context.closest(before[-12:], labels) == "record":
        return None
    if _context.is_quantity(before, after):
        return None
    person = _context.is_person_context(before, after) or cn_id.occurs_in(before + " " + after)
    if is_allocated(number):
        return Severity.BLOCK if person else Severity.WARN
    if person or _context.has_any(before[-12:], PHONE_WORDS):
        return Severity.WARN
    return None


def mask(candidate: str) -> str:
    """138****5678: keep +86, the carrier prefix and the last four, as local practice does."""
    value = _context.ascii_form(candidate)
    country = 2 if value.startswith(("+86", "0086")) else 0
    zeros = 2 if value.startswith("0086") else 0
    return mask_middle(value, zeros + country + 3, 4)
