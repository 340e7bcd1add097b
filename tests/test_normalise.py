"""The fold: what it joins, what it must never join, and offsets back to the original text."""

from __future__ import annotations

import pytest

from secscan.normalise import fold, fold_chars, fold_keyword


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("机 密", "机密"),  # a space between two characters
        ("机　密", "机密"),  # an ideographic space (GB/T 9704-1999 layout: 秘　密)
        ("机*密", "机密"),  # a symbol put between them
        ("机＊密", "机密"),  # full-width asterisk folds to * first
        ("机\n密", "机密"),  # a mark split over two lines
        ("機密", "机密"),  # traditional to simplified
        ("祕密", "秘密"),  # variant form
        ("㊙密", "秘密"),  # circled ideograph (NFKC)
        ("秘密★１年", "秘密★1年"),  # full-width digit; ★ is kept, it is the mark's grammar
        ("⼗七⼤", "十七大"),  # Kangxi radicals as pdfminer emits them
        ("⻘年", "青年"),  # CJK Radicals Supplement, which NFKC leaves alone
        ("\u200b机\u200d密", "机密"),  # zero-width characters anywhere
        ("ＡＢＣ", "abc"),  # full width and case
    ],
)
def test_fold_joins_evasions(text: str, folded: str) -> None:
    assert fold(text).text == folded


@pytest.mark.parametrize(
    "text",
    [
        "机。密",  # never across sentence punctuation
        "机！密",
        "机；密",
        "机\n\n密",  # a paragraph break separates
        "机\t密",  # a table-cell boundary
        "hello world",  # Latin words keep their spaces
        "3302 0219",  # digits keep their groups; detectors read them
        "一二三",  # Chinese numerals are content, never folded into digits
    ],
)
def test_fold_keeps_structure(text: str) -> None:
    assert fold(text).text == fold_chars(text)


def test_fold_is_cheap_translate_for_plain_text() -> None:
    folded = fold("本单位保密审查制度健全")
    assert folded.starts == (0,)
    assert folded.text == "本单位保密审查制度健全"


def test_offsets_point_back_at_the_original() -> None:
    original = "前文\u200b机 * 密★1年 后文"
    folded = fold(original)
    start = folded.text.index("机密")
    a, b = folded.span(start, start + len("机密★1年"))
    assert original[a:b] == "机 * 密★1年"


def test_offset_of_text_after_several_removed_runs() -> None:
    original = "秘 密 文 件"
    folded = fold(original)
    assert folded.text == "秘密文件"
    assert [folded.to_original(i) for i in range(4)] == [0, 2, 4, 6]
    assert folded.span(2, 4) == (4, 7)


def test_keyword_and_text_meet_in_the_middle() -> None:
    assert fold_keyword("內部資料") == fold("内 部 资 料").text


def test_path_separators_between_cjk_are_kept(scanner) -> None:
    assert fold("\\\\文件服务器\\公文").text == "\\\\文件服务器\\公文"
    ids = {f.rule_id for f in scanner.scan_text("共享目录：\\\\文件服务器\\公文\\2026")}
    assert "net-unc-path" in ids
