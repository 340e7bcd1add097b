"""统一社会信用代码 (GB 32100-2015): a recogniser, not a leak.

An organisation's unified social credit code is public registry data, so this detector never
blocks: `validate` answers INFO at most. Its real job is `is_valid`, which `cn_id` and `bank_card`
consult so that an 18-character organisation code is never reported as an ID or a bank card.
The shipped rules give it no rule of its own (an info line for every supplier in a procurement
notice would be noise); a 保密办 that wants to list them can add one with ``validator = "uscc"``.
"""

from __future__ import annotations

import re
import unicodedata

from secscan.model import Severity

NAME = "uscc"

# GB 32100 alphabet: digits and capitals without I, O, Z, S, V (31 symbols, values 0..30).
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
# Weights are 3^i mod 31 for positions 1..17 (GB 32100-2015, 附录 B).
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# 登记管理部门码: 1-9 for the registering authorities, A (中央军委改革和编制办公室),
# N (农业), Y (其他).
_AUTHORITIES = frozenset("123456789ANY")

PATTERN = re.compile(
    r"[0-9a-hj-npqrtuwxyA-HJ-NPQRTUWXY](?<![0-9A-Za-z][0-9a-hj-npqrtuwxyA-HJ-NPQRTUWXY])"
    r"[0-9a-hj-npqrtuwxyA-HJ-NPQRTUWXY]{17}(?![0-9A-Za-z])"
)


def check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters (upper case)."""
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, _WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def is_valid(code: str) -> bool:
    """True when `code` is a well-formed 统一社会信用代码 with a correct check character.

    Positions 3-8 are the GB/T 2260 region code and must be digits; the first character may be a
    letter (A/N/Y), which python-stdnum wrongly rejects (chinese-rules.md §3.5).
    """
    code = code.upper()
    if len(code) != 18 or any(ch not in _VALUE for ch in code):
        return False
    if code[0] not in _AUTHORITIES or not code[2:8].isdigit():
        return False
    return check_char(code[:17]) == code[17]


def validate(candidate: str, before: str, after: str) -> Severity | None:
    """INFO for a valid code (recognised as public), None otherwise."""
    return Severity.INFO if is_valid(candidate) else None


def mask(candidate: str) -> str:
    """Unchanged (upper case): the code is published in the national registry."""
    return unicodedata.normalize("NFKC", candidate).upper()
