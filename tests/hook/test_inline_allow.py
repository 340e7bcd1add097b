"""Inline allow markers: `<!-- secscan:allow RULE_ID 理由 -->` with a reason suppresses, without
one suppresses nothing and is itself reported."""

from __future__ import annotations

import json

import pytest

from secscan.model import Format
from secscan.suppress import find_markers

ALLOWED = (
    "<html><body>\n<h1>历史档案</h1>\n"
    "<!-- secscan:allow mark-secret-star 原件已于2024年解密，见解密通知 -->\n"
    "<p>秘密★1年</p>\n</body></html>\n"
)
NO_REASON = ALLOWED.replace(" 原件已于2024年解密，见解密通知", "")


def findings(out: str) -> list[dict]:
    return [f for file in json.loads(out)["files"] for f in file["findings"]]


def test_allow_with_reason_passes_in_a_commit(git_repo, cli) -> None:
    git_repo.stage("archive/a.html", ALLOWED)
    code, out, _ = cli("scan", "--staged", "--no-ledger", "--format", "json")
    assert code == 0
    [mark] = [f for f in findings(out) if f["rule_id"] == "mark-secret-star"]
    assert (mark["suppressed"], mark["reason"]) == ("inline", "原件已于2024年解密，见解密通知")
    assert mark["location"] == {"line": 4, "column": 4}


def test_allow_reason_is_shown_in_the_text_report(git_repo, cli) -> None:
    git_repo.stage("archive/a.html", ALLOWED)
    _code, out, _ = cli("scan", "--staged", "--no-ledger")
    assert "已复核（行内允许）：原件已于2024年解密，见解密通知" in out


def test_allow_without_reason_fails_and_is_reported(git_repo, cli) -> None:
    git_repo.stage("archive/a.html", NO_REASON)
    code, out, _ = cli("scan", "--staged", "--no-ledger", "--format", "json")
    assert code == 1
    by_rule = {f["rule_id"]: f for f in findings(out)}
    assert by_rule["mark-secret-star"]["suppressed"] is None
    invalid = by_rule["allow-marker-invalid"]
    assert invalid["location"] == {"line": 3, "column": 1}
    assert "缺少复核理由" in invalid["message"]


def test_allow_with_unknown_rule_suppresses_nothing(git_repo, cli) -> None:
    git_repo.stage("a.md", "<!-- secscan:allow mark-secret-typo 已解密 -->\n秘密★1年\n")
    code, out, _ = cli("scan", "--staged", "--no-ledger", "--format", "json")
    assert code == 1
    [invalid] = [f for f in findings(out) if f["rule_id"] == "allow-marker-invalid"]
    assert "规则编号 mark-secret-typo 不存在" in invalid["message"]


def test_allow_covers_only_the_named_rule(tmp_path, cli) -> None:
    page = tmp_path / "a.md"
    page.write_text("<!-- secscan:allow mark-secret-star 已解密 -->\n秘密★1年 机密★5年 内部资料\n")
    code, out, _ = cli("scan", "--no-ledger", "--fail-on", "warn", "--format", "json", str(page))
    left = {f["rule_id"] for f in findings(out) if f["suppressed"] is None}
    assert "mark-secret-star" not in left
    assert left  # 内部资料 is another rule: still reported
    assert code == 1


def test_allow_in_a_markdown_file_covers_the_next_paragraph_only(tmp_path, cli) -> None:
    page = tmp_path / "a.md"
    page.write_text(
        "# 标题\n\n<!-- secscan:allow mark-secret-star 已解密 -->\n\n"
        "第一行秘密★1年\n第二行秘密★2年\n\n秘密★3年\n"
    )
    code, out, _ = cli("scan", "--no-ledger", "--format", "json", str(page))
    marks = [f for f in findings(out) if f["rule_id"] == "mark-secret-star"]
    assert [(f["location"]["line"], f["suppressed"]) for f in marks] == [
        (5, "inline"),
        (6, "inline"),
        (8, None),
    ]
    assert code == 1


def test_marker_in_a_txt_comment_line_and_trailing_on_the_same_line(tmp_path, cli) -> None:
    page = tmp_path / "a.txt"
    page.write_text("# secscan:allow mark-secret-star 引用已解密文件\n秘密★1年\n")
    assert cli("scan", "--no-ledger", str(page))[0] == 0
    page.write_text("秘密★1年 <!-- secscan:allow mark-secret-star 引用已解密文件 -->\n")
    assert cli("scan", "--no-ledger", str(page))[0] == 0


@pytest.mark.parametrize(
    ("source", "covered"),
    [
        # the next element, when it spans lines, up to its end tag (nested tags counted)
        ("<!-- secscan:allow r 理由 -->\n<div>\n<div>a</div>\nb\n</div>\nc\n", (1, 5)),
        # the next non-blank line when the element closes on it
        ("<!-- secscan:allow r 理由 -->\n\n<p>a</p>\n<p>b</p>\n", (1, 3)),
        # plain text after the marker: that line
        ("<!-- secscan:allow r 理由 -->\ntext\nmore\n", (1, 2)),
    ],
)
def test_html_marker_scope(source, covered) -> None:
    [marker] = find_markers(source, Format.HTML, frozenset({"r"}))
    assert (marker.first, marker.last) == covered
    assert marker.problem is None


def test_several_rules_in_one_marker() -> None:
    [marker] = find_markers(
        "<!-- secscan:allow a,b 理由 -->\nx\n", Format.TEXT, frozenset({"a", "b"})
    )
    assert marker.rules == ("a", "b")
    assert marker.reason == "理由"


def test_markers_in_gb18030_pages_are_read(tmp_path, cli) -> None:
    page = tmp_path / "a.html"
    page.write_bytes(
        (
            '<html><head><meta charset="gb18030"></head><body>\n'
            "<!-- secscan:allow mark-secret-star 已解密 -->\n<p>秘密★1年</p>\n</body></html>\n"
        ).encode("gb18030")
    )
    code, out, _ = cli("scan", "--no-ledger", "--format", "json", str(page))
    [mark] = [f for f in findings(out) if f["rule_id"] == "mark-secret-star"]
    assert (mark["suppressed"], mark["reason"]) == ("inline", "已解密")
    assert code == 0


def test_marker_covers_its_own_words_but_not_what_follows_on_its_line(tmp_path, cli) -> None:
    page = tmp_path / "a.md"
    page.write_text(
        "<!-- secscan:allow mark-secret-star 内部资料已公开 --> 身份证号 110101199003074514\n"
        "秘密★1年\n",
        encoding="utf-8",
    )
    code, out, _ = cli("scan", "--no-ledger", "--format", "json", str(page))
    by_line = {(f["location"]["line"], f["category"]): f for f in findings(out)}
    assert by_line[(2, "classification-mark")]["suppressed"] == "inline"
    assert by_line[(1, "pii")]["suppressed"] is None  # after the marker: not the reviewer's words
    reason_hits = [f for (line, _c), f in by_line.items() if line == 1 and f["category"] != "pii"]
    assert reason_hits
    assert all(f["suppressed"] == "inline" for f in reason_hits)  # 内部资料 in the reason
    assert code == 1
