"""港澳通行证 numbers, both directions (format only: no published check digit).

- 往来港澳通行证 (mainland residents travelling to Hong Kong/Macao): the card issued since 2014
  is ``C`` + a letter or digit (no I, O) + 7 digits; the old booklet ``W`` + 8 digits
  (chinese-rules.md §3.6, the booklet form unverified);
- 港澳居民来往内地通行证 (回乡证, Hong Kong/Macao residents): ``H`` (香港) or ``M`` (澳门) + the
  8-digit lifetime number, optionally + the 2-digit 换证次数 (公安部 2010).

Short letter-digit codes are common, so a candidate is a hit only with a permit word near it
(通行证, 回乡证, 港澳, 证件号码); then it is WARN, like a passport number.
"""

from __future__ import annotations

import re

from secscan.detectors import _context
from secscan.mask import mask_middle
from secscan.model import Severity

NAME = "hk_macau_permit"

PATTERN = re.compile(
    r"[cwhmCWHM](?<![0-9A-Za-z*][cwhmCWHM])"
    r"(?:(?<=[cC])[0-9a-hj-np-zA-HJ-NP-Z][0-9]{7}|(?<=[wW])[0-9]{8}|(?<=[hmHM])[0-9]{8}(?:[0-9]{2})?)"
    r"(?![0-9A-Za-z*])"
)

# secscan.match runs PATTERN only around digit runs (or @ signs) when ANCHOR says so:
# the type letters stand at most 2 characters before 7-10 digits.
ANCHOR = "digits"

CONTEXT_WORDS = ("通行证", "回乡证", "港澳", "证件号", "证件号码")
_WINDOW = 20


def validate(candidate: str, before: str, after: str) -> Severity | None:
    return Severity.WARN if _context.is_near(before, after, CONTEXT_WORDS, _WINDOW) else None


def mask(candidate: str) -> str:
    """C6****913: the type letter and one more, then the last three."""
    return mask_middle(_context.ascii_form(candidate).upper(), 2, 3)
