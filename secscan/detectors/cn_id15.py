"""Legacy 15-digit 居民身份证号码 (issued before GB 11643-1999 took effect).

Layout: 6-digit address code + birth date YYMMDD (always 19YY) + 3-digit order code; there is
no check digit, so region and date alone would let far too many 15-digit runs through. A hit
therefore also needs an ID word (身份证, 证件号码, 公民身份号码 …) just before or after it.
"""

from __future__ import annotations

import re

from secscan.detectors import _context, cn_id
from secscan.mask import mask_middle
from secscan.model import Severity

NAME = "cn_id15"

# The first digit is consumed before the look-behind so that re can skip to candidate
# characters in C (a leading look-around defeats that and costs ~6x on Chinese text).
PATTERN = re.compile(r"[0-9](?<![0-9A-Za-z*][0-9])[0-9]{14}(?![0-9A-Za-z*])")

# secscan.match runs PATTERN only around digit runs (or @ signs) when ANCHOR says so:
# the whole number is one digit run.
ANCHOR = "digits"

CONTEXT_WORDS = ("身份证", "身份号码", "公民身份", "证件号", "证件号码", "身份证件")
_WINDOW = 20


def is_valid(code: str) -> bool:
    """15 digits with a real province and a real 19YY birth date."""
    if len(code) != 15 or not code.isdigit():
        return False
    return cn_id.is_real_region(code[:6]) and cn_id.is_real_date("19" + code[6:12])


def validate(candidate: str, before: str, after: str) -> Severity | None:
    if not is_valid(candidate):
        return None
    return Severity.BLOCK if _context.is_near(before, after, CONTEXT_WORDS, _WINDOW) else None


def mask(candidate: str) -> str:
    """Keep the address code and the last three; the whole birth date is hidden."""
    return mask_middle(_context.ascii_form(candidate), 6, 3)
