"""居民身份证号码, 18 characters (GB 11643-1999), and 港澳台居民居住证 numbers.

Layout: 6-digit address code (GB/T 2260) + birth date YYYYMMDD + 3-digit order code + a check
character computed with ISO 7064 MOD 11-2. A candidate is a hit only when the province is real,
the birth date exists and is not in the future, and the check character is right: the odds that a
random 18-digit run passes all three are well under 1 in 100.

The candidate may be written in groups (``3302 0219 8001 0112 34``, ``330206-19800101-1234``);
separators are stripped before validating. Masked values (``330211********001X``) never match.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # datetime costs ~1.5 ms at start-up: imported on the first candidate
if TYPE_CHECKING:
    from datetime import date

from secscan.detectors import _context, uscc
from secscan.mask import mask_middle
from secscan.model import Severity

NAME = "cn_id"

# Contiguous, the 6-8-4 layout of the standard, or the 4-4-4-4-2 layout of forms and banks.
# Look-arounds keep digits, Latin letters and mask stars out on both sides (\b does not separate
# a CJK character from a digit). The first digit is consumed before the look-behind so that re
# skips to digits in C: a leading look-around defeats that and costs ~6x on Chinese text.
PATTERN = re.compile(
    r"[0-9](?<![0-9A-Za-z*][0-9])"
    r"(?:[0-9]{16}[0-9xX]"
    r"|[0-9]{5}[ -][0-9]{8}[ -][0-9]{3}[0-9xX]"
    r"|[0-9]{3}[ -][0-9]{4}[ -][0-9]{4}[ -][0-9]{4}[ -][0-9][0-9xX])"
    r"(?![0-9A-Za-z*])"
)

# secscan.match runs PATTERN only around digit runs (or @ signs) when ANCHOR says so:
# the whole number is one run of digits, spaces and dashes.
ANCHOR = "digits"

# GB/T 2260 province codes in use, plus 71 (台湾) as listed there.
PROVINCES = frozenset(
    _context.words(
        "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46"
        " 50 51 52 53 54 61 62 63 64 65 71"
    )
)
# 港澳台居民居住证 (2018) use these whole address codes with the same check algorithm.
RESIDENCE_PERMITS = frozenset({"810000", "820000", "830000"})

# ISO 7064 MOD 11-2: weight of position i (1-based from the left) is 2^(18-i) mod 11.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"  # check character for S mod 11 = 0..10
_OLDEST_YEAR = 1800  # textbook example 440524188001010014 is born in 1880

_ID_LABELS = ("身份证", "身份号码", "公民身份", "证件号")


def compact(candidate: str) -> str:
    """The candidate without group separators, check character in upper case."""
    return candidate.replace(" ", "").replace("-", "").upper()


def check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of GB 11643 for 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def is_real_date(yyyymmdd: str, today: date | None = None) -> bool:
    """A calendar date that exists, from 1800 on and not after `today`."""
    from datetime import date

    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return born.year >= _OLDEST_YEAR and born <= (today or date.today())


def is_real_region(address: str) -> bool:
    """A province code of GB/T 2260, or one of the three 居住证 codes."""
    if address[:2] in {"81", "82", "83"}:
        return address in RESIDENCE_PERMITS
    return address[:2] in PROVINCES


def is_valid(code: str, today: date | None = None) -> bool:
    """True for an 18-character ID number (already compacted) that passes every check."""
    if len(code) != 18 or not code[:17].isdigit() or code[17] not in "0123456789X":
        return False
    return (
        is_real_region(code[:6])
        and is_real_date(code[6:14], today)
        and check_char(code[:17]) == code[17]
    )


def occurs_in(text: str) -> bool:
    """True when `text` holds a valid ID number: a row of a register of people (张三 ID 138…)."""
    return any(is_valid(compact(m.group())) for m in PATTERN.finditer(text))


def validate(candidate: str, before: str, after: str) -> Severity | None:
    code = compact(candidate)
    if not is_valid(code):
        return None
    # An all-digit 统一社会信用代码 can pass the ID checks by chance; with its label beside it and
    # its own GB 32100 check right, it is the organisation's public code.
    labels = {"org": _context.ORG_CODE_LABELS, "id": _ID_LABELS}
    if _context.closest(before, labels) == "org" and uscc.is_valid(code):
        return None
    return Severity.BLOCK


def mask(candidate: str) -> str:
    """Keep the address code and the last four (330206********1234), as local practice does."""
    return mask_middle(_context.ascii_form(candidate).upper(), 6, 4)
