"""Annual figures and the self-check paragraph: the seed's counts, sentences that are true."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from secscan import ledger
from secscan.ledger.summary import largest_remainder, paragraph, render_text, summarise_year
from secscan.model import Severity
from tests.ledger.builders import approve_and_publish, at, file_result, finding, scan_result

# Section 四 of ../shared/seed-report.txt: what the office published in 2013, by category.
SEED = {
    "法规公文类": 24,
    "计划总结类": 22,
    "工作信息类": 24,
    "统计数据": 25,
    "政务动态类": 4,
    "人事信息类": 2,
}
# Largest remainder of those counts over 101. The report prints 21% for 22/101 (21.78%): wrong.
# 统计数据 25/101 = 24.75% has the smallest remainder and gets 24%, not the report's 25%, so
# that the six shares add up to exactly 100.
SHARES = {
    "法规公文类": 24,
    "计划总结类": 22,
    "工作信息类": 24,
    "统计数据": 24,
    "政务动态类": 4,
    "人事信息类": 2,
}


def seed_ledger(path: Path) -> list[int]:
    ids: list[int] = []
    for month, (category, count) in enumerate(SEED.items(), start=1):
        files = [
            file_result(f"2013/{category}/{n}.docx", title=f"{category}第{n}号")
            for n in range(count)
        ]
        ids += ledger.record_scan(
            path, scan_result(*files), reviewer="王芳", category=category, when=at(2013, month, 3)
        )
    approve_and_publish(path, ids, at(2013, 11, 20))
    return ids


def year(path: Path, y: int = 2013):
    book, verification = ledger.load_with_verification(path)
    return summarise_year(book, y, verification)


def test_seed_reports_own_table_is_what_the_test_uses(shared_dir):
    text = (shared_dir / "seed-report.txt").read_text(encoding="utf-8")
    section = text[text.index("四、") : text.index("五、")]
    found = dict(
        re.findall(
            r"(法规公文类|计划总结类|工作信息类|统计数据|政务动态类|人事信息类)(\d+)条", section
        )
    )
    assert {k: int(v) for k, v in found.items()} == SEED
    assert "共101条" in section


def test_seed_year_gives_back_the_seed_counts_with_correct_percentages(ledger_path):
    seed_ledger(ledger_path)
    s = year(ledger_path)
    assert s.published_total == 101
    assert {c.category: c.count for c in s.published} == SEED
    assert {c.category: c.percent for c in s.published} == SHARES
    assert sum(c.percent for c in s.published) == 100
    text = paragraph(s)
    assert "计划总结类22条，占22%" in text
    assert "占21%" not in text
    assert (
        "全年主动公开政府信息共101条，其中法规公文类24条，占24%；计划总结类22条，占22%；"
        "工作信息类24条，占24%；统计数据25条，占24%；政务动态类4条，占4%；人事信息类2条，占2%。"
    ) in text
    assert text.endswith(
        "经自查，未出现将涉密信息在政府网站上公开情况，政府信息公开保密审查相关台账资料健全。"
    )
    assert year(ledger_path, 2014).published_total == 0


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([24, 22, 24, 25, 4, 2], [24, 22, 24, 24, 4, 2]),
        ([1, 1, 1], [34, 33, 33]),  # ties: earlier position first
        ([0, 0], [0, 0]),
        ([3], [100]),
        ([1, 2], [33, 67]),
    ],
)
def test_largest_remainder_adds_up_to_100(counts, expected):
    assert largest_remainder(counts) == expected
    assert sum(expected) in (0, 100)


def test_published_item_with_unresolved_block_changes_the_sentence(ledger_path):
    ids = seed_ledger(ledger_path)
    (bad,) = ledger.record_scan(
        ledger_path,
        scan_result(file_result("2013/泄露.docx", title="工作简报", findings=[finding()])),
        reviewer="王芳",
        category=None,
        when=at(2013, 12, 1),
    )
    ledger.review(
        ledger_path, bad, decision="同意公开", reviewer="李明", publish=True, when=at(2013, 12, 2)
    )
    s = year(ledger_path)
    assert [i.id for i in s.published_unresolved] == [bad]
    text = paragraph(s)
    assert "未出现将涉密信息在政府网站上公开情况" not in text
    assert (
        f"发现1条已公开信息在发布前检查中存在未解决的禁止发布问题（台账第{bad}号），需立即核查处理"
        in text
    )
    assert "1份信息检查结果为禁止发布，其中1份未经整改即已公开" in text
    assert len(ids) == 101


def test_suppressed_block_finding_is_resolved(ledger_path):
    seed_ledger(ledger_path)
    reviewed = finding(suppressed="baseline")
    (ok,) = ledger.record_scan(
        ledger_path,
        scan_result(file_result("2013/标准.docx", findings=[reviewed])),
        reviewer="王芳",
        category=None,
        when=at(2013, 12, 1),
    )
    ledger.review(
        ledger_path, ok, decision="同意公开", reviewer="李明", publish=True, when=at(2013, 12, 2)
    )
    text = paragraph(year(ledger_path))
    assert "未出现将涉密信息在政府网站上公开情况" in text
    assert "审查中未发现需处理的问题" in text


def test_published_item_without_a_decision_means_the_ledger_is_not_complete(ledger_path):
    seed_ledger(ledger_path)
    (bare,) = ledger.record_scan(
        ledger_path,
        scan_result(file_result("2013/动态.docx")),
        reviewer="王芳",
        category=None,
        when=at(2013, 12, 1),
    )
    ledger.publish(ledger_path, bare, reviewer="王芳", when=at(2013, 12, 1))
    s = year(ledger_path)
    text = paragraph(s)
    assert "台账资料健全" not in text
    assert f"有1条已公开信息缺少保密审查意见记录（台账第{bare}号），台账资料有待补充完善" in text
    assert "未出现将涉密信息在政府网站上公开情况" in text
    assert s.published_total == 102


def test_broken_chain_means_the_ledger_is_not_complete(ledger_path):
    seed_ledger(ledger_path)
    conn = sqlite3.connect(ledger_path)
    conn.execute("DROP TRIGGER entries_no_update")
    conn.execute("UPDATE entries SET body = replace(body, '王芳', '张伟') WHERE id = 7")
    conn.commit()
    conn.close()
    text = paragraph(year(ledger_path))
    assert "台账资料健全" not in text
    assert "保密审查台账完整性校验未通过（自第7条记录起），需核查台账" in text


def test_blocked_items_and_what_became_of_them(ledger_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    when = at(2013, 6, 1)
    block = [finding()]
    fixed, withheld, _pending = ledger.record_scan(
        ledger_path,
        scan_result(
            *(file_result(f"{n}.docx", findings=block) for n in ("fixed", "withheld", "x"))
        ),
        reviewer="王芳",
        category=None,
        when=when,
    )
    (rescan,) = ledger.record_scan(
        ledger_path,
        scan_result(file_result("fixed.docx")),
        reviewer="王芳",
        category=None,
        when=at(2013, 6, 2),
    )
    ledger.review(ledger_path, withheld, decision="不予公开", reviewer="李明", when=when)
    s = year(ledger_path)
    outcomes = {b.item.content["path"]: b.outcome for b in s.blocked}
    assert outcomes == {
        "fixed.docx": "fixed",
        "withheld.docx": "withheld",
        "x.docx": "pending",
    }
    assert s.documents == 3
    assert s.scans == 4
    assert dict(s.findings) == {"classification-mark": 3}
    text = paragraph(s)
    assert (
        "审查中发现并提示密级标志3处；3份信息检查结果为禁止发布，其中1份经修改后复查通过，1份经审查不予公开，1份尚待处理。"
        in text
    )
    assert "全年未主动公开政府信息。" in text
    assert rescan == fixed + 3


def test_text_and_markdown_renderings_carry_figures_and_paragraph(ledger_path):
    seed_ledger(ledger_path)
    s = year(ledger_path)
    plain = render_text(s)
    assert "2013年政府信息公开保密审查情况" in plain
    assert "主动公开信息（条）：101" in plain
    assert "计划总结类\t22\t22%" in plain
    assert paragraph(s) in plain
    md = render_text(s, markdown=True)
    assert "| 计划总结类 | 22 | 22% |" in md
    assert "## 自查情况" in md
    english = render_text(s, "en")
    assert "items published：101" in english or "items published: 101" in english


def test_severity_enum_is_what_findings_store():
    assert str(Severity.BLOCK) == "block"
