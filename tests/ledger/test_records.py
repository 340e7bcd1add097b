"""What a scan, review and publish entry holds; the re-scan link; masking of personal data."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from secscan import ledger
from secscan.errors import LedgerError
from secscan.ledger.records import os_user
from secscan.model import Category, Part, Severity, Status
from tests.ledger.builders import RULESET, at, file_result, finding, scan_result


def bodies(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [b for (b,) in conn.execute("SELECT body FROM entries ORDER BY id")]
    finally:
        conn.close()


def test_scan_entry_records_the_check(ledger_path):
    result = scan_result(file_result("drafts/notice.docx", findings=[finding()]))
    ids = ledger.record_scan(
        ledger_path, result, reviewer="王芳", category=None, when=at(2026, 3, 2)
    )
    item = ledger.load(ledger_path).items[ids[0]]
    c = item.content
    assert c["kind"] == "scan"
    assert c["time"] == "2026-03-02T09:00:00+08:00"
    assert c["actor"] == "王芳"
    assert c["path"] == "drafts/notice.docx"
    assert c["title"] == "关于做好2013年信息公开工作的通知"
    assert c["sha256"] == "cd" * 32
    assert c["format"] == "docx"
    assert c["ruleset"] == {"version": RULESET.version, "sha256": RULESET.sha256}
    assert c["verdict"] == "block"
    assert c["findings"] == [
        {
            "rule_id": "mark.secret",
            "rule_name": "密级标志",
            "category": "classification-mark",
            "severity": "block",
            "part": "body",
            "location": {"paragraph": 2, "line": 3},
            "match": "机密★",
            "context": "本文件为机密★1年",
            "suppressed": None,
            "reason": None,
        }
    ]
    assert c["category"] == "法规公文类"
    assert c["category_guessed"] is True


def test_given_category_overrides_the_guess_and_is_not_marked_guessed(ledger_path):
    ids = ledger.record_scan(
        ledger_path, scan_result(file_result()), reviewer="王芳", category="统计"
    )
    item = ledger.load(ledger_path).items[ids[0]]
    assert (item.category, item.category_guessed) == ("统计数据", False)


def test_unknown_category_is_refused_before_anything_is_written(ledger_path):
    with pytest.raises(LedgerError) as info:
        ledger.record_scan(
            ledger_path, scan_result(file_result()), reviewer="x", category="机密类"
        )
    assert info.value.key == "ledger_bad_category"
    assert "法规公文类" in info.value.render("zh")
    assert len(ledger.load(ledger_path).entries) == 0


def test_excerpt_guides_the_guess_and_is_not_stored(ledger_path):
    untitled = file_result("d/x.docx", title=None)
    excerpt = "2013年1-6月行政审批办件统计\n受理 1200 件，同比增长 12%，办结率 99%，收费 30 万元"
    ids = ledger.record_scan(
        ledger_path,
        scan_result(untitled),
        reviewer="王芳",
        category=None,
        texts={"d/x.docx": excerpt},
    )
    item = ledger.load(ledger_path).items[ids[0]]
    assert item.title == "2013年1-6月行政审批办件统计"
    assert item.category == "统计数据"
    assert "同比增长" not in bodies(ledger_path)[0]


def test_title_falls_back_to_the_file_name(ledger_path):
    ids = ledger.record_scan(
        ledger_path,
        scan_result(file_result("d/年度工作总结.docx", title=None)),
        reviewer="王芳",
        category=None,
    )
    item = ledger.load(ledger_path).items[ids[0]]
    assert (item.title, item.category) == ("年度工作总结.docx", "计划总结类")


def test_reviewer_defaults_to_the_os_user(ledger_path):
    ids = ledger.record_scan(ledger_path, scan_result(file_result()), reviewer=None, category=None)
    assert ledger.load(ledger_path).items[ids[0]].actor == os_user()


def test_rescan_of_the_same_path_links_to_the_earlier_entry(ledger_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    two = scan_result(file_result("d/a.docx", findings=[finding()]), file_result("d/b.docx"))
    first = ledger.record_scan(ledger_path, two, reviewer="王芳", category=None)
    fixed = ledger.record_scan(
        ledger_path, scan_result(file_result("d/a.docx")), reviewer="王芳", category=None
    )
    book = ledger.load(ledger_path)
    assert book.items[fixed[0]].content["previous"] == first[0]
    assert book.items[first[0]].next_scan == fixed[0]
    assert book.items[first[1]].next_scan is None
    # the same relative name elsewhere is another file
    monkeypatch.chdir(tmp_path.parent)
    other = ledger.record_scan(
        ledger_path, scan_result(file_result("d/a.docx")), reviewer="王芳", category=None
    )
    assert ledger.load(ledger_path).items[other[0]].content["previous"] is None


def test_stdin_scans_are_never_linked(ledger_path):
    for _ in range(2):
        ids = ledger.record_scan(
            ledger_path, scan_result(file_result("-")), reviewer="王芳", category=None
        )
    assert ledger.load(ledger_path).items[ids[0]].content["previous"] is None


def test_review_and_publish_are_new_entries_never_updates(ledger_path):
    (scan,) = ledger.record_scan(
        ledger_path, scan_result(file_result()), reviewer="王芳", category=None
    )
    before = bodies(ledger_path)
    ledger.review(ledger_path, scan, decision="修改后公开", reviewer="李明", note="删去附件二")
    ledger.review(ledger_path, scan, decision="同意公开", reviewer="李明", publish=True)
    after = bodies(ledger_path)
    assert after[:1] == before
    assert len(after) == 4
    item = ledger.load(ledger_path).items[scan]
    assert [r.decision for r in item.reviews] == ["修改后公开", "同意公开"]
    assert item.reviews[0].note == "删去附件二"
    assert item.decision is not None
    assert item.decision.decision == "同意公开"
    assert item.published is not None
    assert item.reviewer == "李明"


def test_review_refers_through_to_the_scan(ledger_path):
    (scan,) = ledger.record_scan(
        ledger_path, scan_result(file_result()), reviewer="王芳", category=None
    )
    (first,) = ledger.review(ledger_path, scan, decision="修改后公开", reviewer="李明")
    ledger.publish(ledger_path, first, reviewer="李明")
    assert ledger.load(ledger_path).items[scan].published is not None


def test_bad_review_targets_and_decisions_are_refused(ledger_path):
    ledger.record_scan(ledger_path, scan_result(file_result()), reviewer="王芳", category=None)
    with pytest.raises(LedgerError) as info:
        ledger.review(ledger_path, 9, decision="同意公开", reviewer="李明")
    assert info.value.render("zh") == "台账中没有第 9 条记录"
    with pytest.raises(LedgerError) as info:
        ledger.review(ledger_path, 1, decision="同意", reviewer="李明")
    assert info.value.key == "ledger_bad_decision"
    with pytest.raises(LedgerError) as info:
        ledger.review(ledger_path, 1, decision="不予公开", reviewer="李明", publish=True)
    assert info.value.key == "ledger_publish_refused"
    assert len(ledger.load(ledger_path).entries) == 1


RAW_ID = "330206198001011234"  # structurally an ID number (18 digits); must never be stored
RAW_MOBILE = "13812345678"


def test_no_raw_personal_number_lands_in_the_ledger(ledger_path):
    masked = finding(
        rule_id="pii.cn_id",
        rule_name="身份证号",
        category=Category.PII,
        severity=Severity.BLOCK,
        match="330206********1234",
        context="申请人王*，身份证号330206********1234，联系电话138****5678",
        part=Part.COMMENT,
    )
    # the title, path, error and note do not pass through the detectors: the ledger masks them
    leaky = file_result(
        f"uploads/{RAW_MOBILE}/申请表.docx",
        title=f"关于{RAW_ID}号申请的答复",
        findings=[masked],
        status=Status.OK,
    )
    ids = ledger.record_scan(ledger_path, scan_result(leaky), reviewer="王芳", category=None)
    ledger.review(
        ledger_path, ids[0], decision="不予公开", reviewer="李明", note=f"联系{RAW_MOBILE}核实"
    )

    for text in bodies(ledger_path):
        assert RAW_ID not in text
        assert RAW_MOBILE not in text
        # no digit run longer than a masked number's visible head (6) outside what we put in
        stripped = text.replace(RULESET.sha256, "").replace("cd" * 32, "")
        stripped = re.sub(r'"time":"[^"]*"', "", stripped)
        assert re.findall(r"[0-9]{7,}", stripped) == []
    for part in ledger_path.parent.iterdir():  # the database, its WAL and shared memory
        data = part.read_bytes()
        assert RAW_ID.encode() not in data
        assert RAW_MOBILE.encode() not in data
    item = ledger.load(ledger_path).items[ids[0]]
    assert item.title == "关于330206********1234号申请的答复"
    assert item.findings[0]["match"] == "330206********1234"


def test_an_empty_run_creates_no_ledger(ledger_path):
    assert ledger.record_scan(ledger_path, scan_result(), reviewer="王芳", category=None) == []
    assert not ledger_path.exists()
