"""The ledger's last line of defence against storing personal data in clear.

Findings arrive masked by the engine; titles, paths, notes and error texts do not pass through
the detectors. Before anything is written, long digit runs (ID card numbers, bank cards) and
mobile numbers in those free-text fields are masked in the house style (keep head and tail:
330206********1234, 138****5678). It over-masks on purpose: a ledger with a masked document
number is harmless, a ledger with an ID number in clear is the leak it exists to prevent.
"""

from __future__ import annotations

import re

from secscan.mask import mask_middle

# 15-19 digits (GB 11643 ID numbers old and new, bank cards) with an optional X check digit,
# allowing the space/dash grouping people type; not part of a longer digit run.
_LONG_NUMBER = re.compile(r"(?<![0-9])[0-9](?:[ -]?[0-9]){13,17}[0-9Xx](?![0-9])")
# Mainland mobile numbers: 1[3-9] and 9 more digits, optionally grouped 3-4-4.
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")


def redact(text: str | None) -> str | None:
    """`text` with ID/bank-card numbers and mobile numbers masked; None stays None."""
    if not text:
        return text
    text = _LONG_NUMBER.sub(lambda m: mask_middle(m.group(0), 6, 4), text)
    return _MOBILE.sub(lambda m: mask_middle(m.group(0), 3, 4), text)
