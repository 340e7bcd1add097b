"""cn_id: 18-character 居民身份证号码 / 港澳台居民居住证 (GB 11643, ISO 7064 MOD 11-2).

Published vectors: python-stdnum tests/test_cn_ric.doctest, validator.js isIdentityCard(zh-CN),
jxlwqq/id-validator.py, textbook examples (chinese-rules.md §3.1). Numbers marked "synthetic" were
built for these tests with the check algorithm and belong to nobody we know of.
"""

from __future__ import annotations

from datetime import date

import pytest

from secscan.detectors import cn_id

B = "block"

SPANS = [
    # --- found -------------------------------------------------------------------------------
    # textbook example, X check character, right after a CJK label (\b would miss it)
    ("身份证号11010519491231002X", [("11010519491231002X", B)]),
    # lower-case x is accepted (stdnum vector 44011320141005001x)
    ("证件号码：44011320141005001x。", [("44011320141005001x", B)]),
    # full-width digits arrive as ASCII after NFKC
    (
        "身份证号３６０４２６１９９１０１０１００７１",
        [("３６０４２６１９９１０１０１００７１", B)],
    ),
    # 4-4-4-4-2 groups as printed on forms (synthetic 330202198001011235)
    ("身份证 3302 0219 8001 0112 35 已登记", [("3302 0219 8001 0112 35", B)]),
    # 6-8-4 with dashes, the standard's own three fields (synthetic 330206198001011230)
    ("号码330206-19800101-1230，", [("330206-19800101-1230", B)]),
    # validator.js and id-validator.py valid vectors, in a table row
    ("1 张三 235407195106112745 男", [("235407195106112745", B)]),
    (
        "520323197806058856、440308199901101512",
        [("520323197806058856", B), ("440308199901101512", B)],
    ),
    # 港澳台居民居住证 810000 / 830000 (id-validator.py)
    ("居住证号810000199408230021", [("810000199408230021", B)]),
    ("居住证号830000199201300022", [("830000199201300022", B)]),
    # born 1880, still a real date (textbook 440524188001010014); 29 Feb 2000 is real (synthetic)
    ("440524188001010014", [("440524188001010014", B)]),
    ("330211200002290017", [("330211200002290017", B)]),
    # without any label: the check digit alone is strong evidence
    ("附件3：33021119800101001X", [("33021119800101001X", B)]),
    # --- not found ---------------------------------------------------------------------------
    # wrong check digit (…002X is right)
    ("身份证号110105194912310021", []),
    # stdnum: wrong check character 36042619910102009X
    ("36042619910102009X", []),
    # stdnum: month 13 (check digit itself right)
    ("360426199113010079", []),
    # stdnum: region 99 does not exist (check digit right)
    ("990426199112010074", []),
    # validator.js: region 16 / check / 31 February
    ("160323197806058856 235407195106112742 520323197802318856", []),
    # id-validator.py: 30 February, region 11-11-11
    ("440308199902301512 111111199901101512", []),
    # 29 February 1900 (not a leap year), synthetic with a right check digit
    ("330211190002290010", []),
    # born 31 Dec 2099: in the future (synthetic, right check digit)
    ("330211209912310014", []),
    # 810101…: Hong Kong codes exist only as the whole 810000 (synthetic, right check digit)
    ("810101198001010016", []),
    # already masked: never a hit
    ("身份证号330211********001X", []),
    ("3302**********0022", []),
    # 统一社会信用代码 (letters, GB 32100) and a longer digit run that contains an ID
    ("统一社会信用代码91110000600037341L", []),
    ("流水号911101051949123100212", []),
    ("ab11010519491231002x", []),
    # an all-digit code that passes both checks, labelled as 信用代码 (synthetic)
    ("统一社会信用代码：110105198008020196", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans(scan, text, expected):
    assert scan(cn_id, text) == expected


VALIDATE = [
    # (candidate as the matcher sees it: folded, lower case), before, expected
    ("360426199101010071", "", B),  # stdnum valid
    ("44011320141005001x", "", B),  # stdnum valid, lower-case x
    ("210203197503102721", "", B),  # validator.js valid
    ("830000199201300022", "", B),  # 台湾居民居住证
    ("330202 19800101 1235", "", B),  # separators stripped before the check (synthetic)
    ("36042619910102009x", "", None),  # checksum
    ("360426199113010079", "", None),  # month 13
    ("440308199901101513", "", None),  # id-validator.py checksum
    ("330211198002310014", "", None),  # 31 February (synthetic, check right)
    ("710000198001010010", "", B),  # 71 (台湾) is a GB/T 2260 province (synthetic)
    ("110105198008020196", "身份证号", B),  # passes GB 32100 too, but labelled as an ID
    ("110105198008020196", "统一社会信用代码", None),  # same number labelled as an org code
]


@pytest.mark.parametrize(("candidate", "before", "expected"), VALIDATE)
def test_validate(candidate, before, expected):
    assert cn_id.validate(candidate, before, "") == expected


def test_future_birth_date_is_judged_against_today():
    assert cn_id.is_real_date("20240229", today=date(2024, 2, 29))
    assert not cn_id.is_real_date("20240301", today=date(2024, 2, 29))


def test_check_char_follows_iso_7064_mod_11_2():
    # S mod 11 -> 1 0 X 9 8 7 6 5 4 3 2; the textbook number's S mod 11 is 2, hence X.
    assert cn_id.check_char("11010519491231002") == "X"
    assert cn_id.check_char("36042619910101007") == "1"


@pytest.mark.parametrize(
    ("candidate", "masked"),
    [
        ("330206198001011230", "330206********1230"),
        ("33021119800101001x", "330211********001X"),
        ("3302 0219 8001 0112 35", "3302 02** **** **12 35"),  # groups kept
        ("３３０２０６１９８００１０１１２３０", "330206********1230"),  # full-width original
    ],
)
def test_mask_keeps_region_and_last_four(candidate, masked):
    # one star per hidden character, so the mask is as long as the original span
    assert cn_id.mask(candidate) == masked
