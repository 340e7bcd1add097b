"""Bank card numbers: 16-19 digits, Luhn (ISO/IEC 7812-1 Annex B) and a card-scheme IIN.

Severity (chinese-rules.md §3.4):

- Luhn right and a known IIN (UnionPay 62/81, Visa 4, Mastercard 51-55/2221-2720, JCB 35,
  Discover 60/65, old domestic 9 at 19 digits): BLOCK;
- Luhn wrong but 62/9-prefixed with a card word near (银行卡, 卡号, 账号, 开户行, 户名, 收款):
  WARN — some UnionPay debit cards really fail Luhn (braintree/card-validator #112, hutool #2510);
- 对公 / 单位账户 labels: INFO at most (an organisation's account is published on purpose);
- anything else, including 18-character numbers that are valid ID numbers or 统一社会信用代码
  (cn_id and uscc own those), runs labelled 订单号/流水号/编号 and amounts (…元): None.

Groups of four separated by one space or dash are accepted (6226 0509 6775 0613); a grouped run
that continues into more digit groups is not a card and is not cut into one.
"""

from __future__ import annotations

import re

from secscan.detectors import _context, cn_id, uscc
from secscan.mask import mask_middle
from secscan.model import Severity

NAME = "bank_card"

# Contiguous 16-19 digits, or 4-4-4-4 groups with an optional 1-3 digit tail (19-digit cards).
# The first digit is consumed before the look-behinds so that re skips to digits in C.
PATTERN = re.compile(
    r"[0-9](?<![0-9A-Za-z*][0-9])"
    r"(?:[0-9]{15,18}(?![0-9A-Za-z*@])"
    r"|(?<![0-9][ -][0-9])[0-9]{3}[ -][0-9]{4}[ -][0-9]{4}[ -][0-9]{4}(?:[ -][0-9]{1,3})?"
    r"(?![ -]?[0-9])(?![A-Za-z*@]))"
)

# secscan.match runs PATTERN only around digit runs (or @ signs) when ANCHOR says so:
# the whole number is one run of digits, spaces and dashes.
ANCHOR = "digits"

CARD_WORDS = _context.words(
    "银行卡 卡号 账号 帐号 开户行 开户银行 户名 收款 借记卡 信用卡 储蓄卡 银行账户"
)
ORG_ACCOUNT_WORDS = _context.words("对公 单位账户 基本账户 基本户 单位名称 财政专户")
_WINDOW = 20


def luhn_ok(digits: str) -> bool:
    """Luhn mod 10 (ISO/IEC 7812-1): double every second digit from the right."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def has_card_iin(digits: str) -> bool:
    """The issuer identification number belongs to a scheme that issues cards in China."""
    if digits.startswith(("62", "81", "4", "35", "60", "65")):
        return True
    if "51" <= digits[:2] <= "55" or "2221" <= digits[:4] <= "2720":
        return True
    return digits.startswith("9") and len(digits) == 19


def validate(candidate: str, before: str, after: str) -> Severity | None:
    digits = re.sub(r"[^0-9]", "", candidate)
    if not 16 <= len(digits) <= 19:
        return None
    near = before[-_WINDOW:]
    card_word = _context.has_any(near, CARD_WORDS)
    if len(digits) == 18 and cn_id.is_valid(digits):
        return None  # an ID number: the cn_id rule reports it
    if len(digits) == 18 and uscc.is_valid(digits) and not card_word:
        return None  # an all-digit 统一社会信用代码
    labels = {"record": _context.RECORD_LABELS, "card": CARD_WORDS}
    if _context.closest(near, labels) == "record" or _context.is_quantity(before, after):
        return None
    if luhn_ok(digits) and has_card_iin(digits):
        found = Severity.BLOCK
    elif card_word and digits.startswith(("62", "9")):
        found = Severity.WARN
    else:
        return None
    if _context.has_any(near, ORG_ACCOUNT_WORDS):
        return Severity.INFO
    return found


def mask(candidate: str) -> str:
    """Keep the IIN (first six) and the last four: 622605******0613, 6226 05** **** 0613."""
    return mask_middle(_context.ascii_form(candidate), 6, 4)
