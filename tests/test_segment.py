"""Word boundaries with jieba in a window, and the choice to keep rule keywords out of its
dictionary (issue 2: decide deliberately and prove it on look-alikes)."""

from __future__ import annotations

import pytest

from secscan.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


@pytest.mark.parametrize(
    ("text", "hit", "is_word"),
    [
        ("有机密封材料", "机密", False),  # 有机/密封材料: the hit starts inside a word
        ("商业秘密保护", "秘密", False),  # 商业秘密/保护
        ("内部资料性出版物管理办法", "内部资料", False),  # 内部/资料性: a word runs out of the hit
        ("此件为机密文件", "机密", True),  # 机密文件: the hit is the head of one word
        ("秘密文件", "秘密", True),
        ("征求意见稿", "征求意见稿", True),  # 征求意见/稿: aligned at both ends
        ("内部资料，注意保存", "内部资料", True),
        ("所有机密文件", "机密", True),  # 所有/机密文件, not 所/有机/密文/件
    ],
)
def test_word_boundaries(segmenter: Segmenter, text: str, hit: str, is_word: bool) -> None:
    start = text.index(hit)
    assert segmenter.is_word(text, start, start + len(hit)) is is_word


def test_keywords_in_the_dictionary_would_break_look_alikes() -> None:
    """Why keywords stay out: given a high frequency, jieba agrees with the matcher."""
    seg = Segmenter()
    assert seg.is_word("有机密封材料", 1, 3) is False
    seg.tokenizer().add_word("机密", freq=10**7)
    assert seg.is_word("有机密封材料", 1, 3) is True  # 有/机密/封材料: the look-alike would fire


def test_clean_text_never_loads_jieba(scanner) -> None:
    fresh = Segmenter()
    scanner.segmenter, saved = fresh, scanner.segmenter
    scanner.decider.segmenter = fresh
    try:
        scanner.scan_text("关于召开二〇二六年全市安全生产工作会议的通知")
        assert not fresh.loaded
    finally:
        scanner.segmenter = scanner.decider.segmenter = saved
