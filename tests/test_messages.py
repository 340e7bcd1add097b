"""Every message exists in both languages; details are said in Chinese."""

from __future__ import annotations

import pytest

from secscan.messages import MESSAGES, detail_text, text


def test_every_message_has_chinese_and_english() -> None:
    for key, (zh, en) in MESSAGES.items():
        assert zh and en, key


@pytest.mark.parametrize(
    ("detail", "said"),
    [
        ("deleted", "修订中删除的文字"),
        ("table 1, row 2, cell 3; deleted", "表格1第2行第3列；修订中删除的文字"),
        ("附件.docx: comment", "附件.docx：批注"),
        ("x.pdf: error:encrypted", "x.pdf：" + text("encrypted", "zh")),
        ("page 3: 12 glyphs without Unicode (cid)", "第3页有 12 个字形无法转换为文字（cid）"),
        ("dc:title", "dc:title"),  # a metadata field's own name stays as it is
    ],
)
def test_details_in_chinese(detail: str, said: str) -> None:
    assert detail_text(detail, "zh") == said
    assert detail_text(detail, "en") == detail
