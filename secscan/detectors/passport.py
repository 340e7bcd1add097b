"""Passport numbers of the People's Republic of China (format only: there is no check digit).

Forms (validator.js ``isPassportNumber`` CN; any86/any-rule; chinese-rules.md §3.6):
ordinary passports ``G`` + 8 digits and the e-passport ``E`` + a letter or digit (no I, O) +
7 digits; official forms ``D``/``S``/``P`` + 8 digits and ``DE``/``SE``/``PE`` + 7 digits.
Nine characters of letter-and-digits occur in part numbers and codes too, so a candidate is a
hit only with a passport word near it (护照, 证件号码 …) and then it is WARN: a travel document
number identifies a person but is rarely the whole leak.
"""

from __future__ import annotations

import re

from secscan.detectors import _context
from secscan.mask import mask_middle
from secscan.model import Severity

NAME = "passport"

PATTERN = re.compile(
    r"[gdspeGDSPE](?<![0-9A-Za-z*][gdspeGDSPE])"
    r"(?:(?<=[gdspGDSP])[0-9]{8}|(?<=[eE])[a-hj-np-zA-HJ-NP-Z0-9][0-9]{7}|(?<=[dspDSP])[eE][0-9]{7})"
    r"(?![0-9A-Za-z*])"
)

# secscan.match runs PATTERN only around digit runs (or @ signs) when ANCHOR says so:
# the type letters stand at most 2 characters before 7-8 digits.
ANCHOR = "digits"

CONTEXT_WORDS = ("护照", "passport", "证件号", "证件号码", "旅行证件")
_WINDOW = 20


def validate(candidate: str, before: str, after: str) -> Severity | None:
    return Severity.WARN if _context.is_near(before, after, CONTEXT_WORDS, _WINDOW) else None


def mask(candidate: str) -> str:
    """G1****389: the type letter and one more, then the last three."""
    return mask_middle(_context.ascii_form(candidate).upper(), 2, 3)
