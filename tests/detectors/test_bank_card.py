"""bank_card: 16-19 digits; Luhn + IIN -> block; Luhn-invalid 62/9 + card word -> warn.

Valid vectors: validator.js UnionPay list (6226050967750613, 6234917882863855, 6246281879460688,
6263892624162870, 8171999900000000021). Luhn-invalid: hutool #2510 6214832018989180 (a real
UnionPay debit card per its reporter), KingsMentor/Luhn #2 6221730301002042987 and
4563512600991090527. Numbers marked "synthetic" were completed with a Luhn digit here.
"""

from __future__ import annotations

import pytest

from secscan.detectors import bank_card

B, W, INFO = "block", "warn", "info"

SPANS = [
    # --- found -------------------------------------------------------------------------------
    # Luhn + UnionPay IIN, labelled or not
    ("银行卡号：6226050967750613", [("6226050967750613", B)]),
    ("6234917882863855", [("6234917882863855", B)]),
    # groups of four with spaces or dashes (validator.js 6246281879460688)
    ("卡号 6246 2818 7946 0688 开户行", [("6246 2818 7946 0688", B)]),
    ("6263-8926-2416-2870", [("6263-8926-2416-2870", B)]),
    # 19 digits: UnionPay 81 and a 19-digit 62 card in 4-4-4-4-3 (synthetic)
    ("8171999900000000021", [("8171999900000000021", B)]),
    ("账号6222 0212 3456 7890 128", [("6222 0212 3456 7890 128", B)]),
    # old domestic 9-prefixed 19-digit card (synthetic)
    ("9558801234567890128", [("9558801234567890128", B)]),
    # Luhn-invalid UnionPay cards exist: WARN with a card word near
    ("收款账号：6214832018989180", [("6214832018989180", W)]),
    ("开户行：某银行 户名：张三 卡号：6221730301002042987", [("6221730301002042987", W)]),
    # an organisation's account: INFO at most
    ("对公账户 账号：6226050967750613", [("6226050967750613", INFO)]),
    # --- not found ---------------------------------------------------------------------------
    # Luhn-invalid 62 card without any card word
    ("6214832018989180", []),
    # Luhn-invalid Visa-range number even with a card word (only 62/9 get the benefit of doubt)
    ("卡号4563512600991090527", []),
    # an order number: labelled, and its prefix 20 is no card scheme (Luhn right, synthetic)
    ("订单号2023112800012348", []),
    ("2023112800012348", []),
    # a labelled record number with a card-like prefix (synthetic, Luhn right)
    ("合同编号6228480012345671", []),
    # 18-digit ID numbers belong to cn_id, even when Luhn happens to hold (synthetic)
    ("620102198001010754", []),
    # an all-digit 统一社会信用代码 (GB 32100 check right, Luhn right; synthetic)
    ("统一社会信用代码623302000000000061", []),
    ("统一社会信用代码91110000600037341L", []),
    # too short or too long, or inside a longer digit run
    ("622605096775061", []),
    ("62260509677506130000", []),
    ("1 6226050967750613 9", [("6226050967750613", B)]),
    ("1234 6226 0509 6775 0613", []),
    ("6226 0509 6775 0613 1234", []),
    # an amount (Luhn right by chance), not a card
    ("合计6226050967750613元", []),
    # masked
    ("卡号6226********0613", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans(scan, text, expected):
    assert scan(bank_card, text) == expected


VALIDATE = [
    # candidate, before, expected
    ("6226050967750613", "", B),
    ("4111111111111111", "", B),  # Visa test number, Luhn right
    ("5500000000000004", "", B),  # Mastercard test number
    ("2221000000000009", "", B),  # Mastercard 2-series
    ("3528000000000007", "", B),  # JCB
    ("6214832018989180", "卡号:", W),
    ("6214832018989180", "", None),
    ("9558801234567890120", "银行卡:", W),  # 9-prefixed, Luhn wrong, card word
    ("1234567812345670", "", None),  # Luhn right, no card IIN
    ("6226050967750613", "流水号:", None),
    ("6226050967750613", "基本户", INFO),
    ("623302000000000061", "卡号:", B),  # a USCC shape, but labelled as a card number
]


@pytest.mark.parametrize(("candidate", "before", "expected"), VALIDATE)
def test_validate(candidate, before, expected):
    assert bank_card.validate(candidate, before, "") == expected


@pytest.mark.parametrize(
    ("digits", "ok"),
    [("6226050967750613", True), ("6214832018989180", False), ("79927398713", True)],
)
def test_luhn(digits, ok):
    # 79927398713 is the usual worked example of the Luhn algorithm
    assert bank_card.luhn_ok(digits) is ok


@pytest.mark.parametrize(
    ("candidate", "masked"),
    [
        ("6226050967750613", "622605******0613"),
        ("6222 0212 3456 7890 128", "6222 02** **** ***0 128"),  # groups kept
        ("６２２６０５０９６７７５０６１３", "622605******0613"),
    ],
)
def test_mask_keeps_iin_and_last_four(candidate, masked):
    assert bank_card.mask(candidate) == masked
