"""A rule's forbid phrases speak for the sentence they stand in (secscan/decide.py `_clause`).

Found by bench/quality.py: 附件：涉密人员名单 on the line after a sentence ending in 不得复制 was
suppressed because 不得 lay within the rule's window, across the line break that the fold drops
between two CJK characters.
"""

from __future__ import annotations

import pytest


def rules_of(scanner, text: str) -> list[str]:
    return [f.rule_id for f in scanner.scan_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        # 。 ends the forbidding sentence
        "此件为机密文件，未经批准不得复制。\n附件：涉密人员名单",
        # the next line: the fold dropped the line break between two CJK characters
        "附件3：保密要害部门部位名单\n对依法不宜公开的信息不予公开。",
        "附件3：保密要害部门部位名单\n\n严禁将涉密信息上网。",  # next paragraph
    ],
)
def test_forbid_phrase_in_another_sentence_does_not_suppress(scanner, text: str) -> None:
    assert "secret-matter" in rules_of(scanner, text)


@pytest.mark.parametrize(
    "text",
    [
        "严禁在非涉密计算机上处理涉密文件。",
        "机关、单位应当加强涉密载体管理。",
        "不得将涉密人员名单上传互联网",
    ],
)
def test_forbid_phrase_in_the_same_sentence_still_suppresses(scanner, text: str) -> None:
    assert "secret-matter" not in rules_of(scanner, text)
