"""Exports read back: CSV with its BOM, XLSX via openpyxl, the DOCX 台账 via python-docx."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

from secscan import ledger
from secscan.ledger import export
from secscan.ledger.summary import summarise_year
from tests.ledger.builders import at, file_result, finding, scan_result

HEADERS = [
    "序号", "台账编号", "日期", "检查时间", "文件名称", "文件路径", "信息类别", "类别来源",
    "审查结果", "发现问题", "处理意见", "审查人", "发布日期", "文件SHA256", "规则集版本",
]  # fmt: skip


def build(path: Path) -> list[int]:
    march = ledger.record_scan(
        path,
        scan_result(
            file_result("d/通知.docx", findings=[finding(), finding()]),
            file_result("d/统计.docx", title="一季度统计数据"),
        ),
        reviewer="王芳",
        category=None,
        when=at(2026, 3, 2),
    )
    april = ledger.record_scan(
        path,
        scan_result(file_result("d/总结.docx", title="上半年工作总结")),
        reviewer="王芳",
        category="计划总结类",
        when=at(2026, 4, 9),
    )
    ledger.review(
        path,
        march[0],
        decision="不予公开",
        reviewer="李明",
        note="含密级标志",
        when=at(2026, 3, 3),
    )
    ledger.review(
        path, march[1], decision="同意公开", reviewer="李明", publish=True, when=at(2026, 3, 4)
    )
    return march + april


def items(path: Path):
    return ledger.load(path).select()


def test_csv_has_a_bom_and_reads_back(ledger_path):
    build(ledger_path)
    buffer = io.BytesIO()
    export.write_csv(items(ledger_path), buffer)
    data = buffer.getvalue()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == HEADERS
    assert len(rows) == 4
    first = dict(zip(HEADERS, rows[1], strict=True))
    assert first["日期"] == "2026-03-02"
    assert first["文件名称"] == "关于做好2013年信息公开工作的通知"
    assert first["信息类别"] == "法规公文类"
    assert first["类别来源"] == "自动判断"
    assert first["审查结果"] == "禁止发布"
    assert first["发现问题"] == "密级标志（阻断）2处"
    assert first["处理意见"] == "不予公开（含密级标志）"
    assert first["审查人"] == "李明"
    second = dict(zip(HEADERS, rows[2], strict=True))
    assert second["处理意见"] == "同意公开；已于2026-03-04发布"
    assert second["发布日期"] == "2026-03-04"
    assert second["发现问题"] == "无"
    third = dict(zip(HEADERS, rows[3], strict=True))
    assert (third["信息类别"], third["类别来源"], third["处理意见"]) == (
        "计划总结类",
        "人工指定",
        "待审查",
    )


def test_xlsx_has_bold_frozen_header_widths_and_real_dates(ledger_path, tmp_path):
    from openpyxl import load_workbook

    build(ledger_path)
    target = tmp_path / "out" / "台账.xlsx"
    export.write_xlsx(items(ledger_path), target)
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[1]] == HEADERS
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["E"].width == 40  # 文件名称
    assert sheet.column_dimensions["A"].width == 6
    day = sheet["C2"]
    assert isinstance(day.value, datetime)  # openpyxl reads Excel dates back as datetimes
    assert day.value.date() == date(2026, 3, 2)
    assert day.number_format == "yyyy-mm-dd"
    assert sheet["D2"].value == datetime(2026, 3, 2, 9, 0)
    assert sheet["E2"].value == "关于做好2013年信息公开工作的通知"
    assert sheet["I2"].value == "禁止发布"
    assert sheet["M3"].value.date() == date(2026, 3, 4)
    assert sheet["M2"].value is None
    assert sheet.max_row == 4
    assert not list(target.parent.glob(".*.tmp"))  # no temporary file left behind


def test_docx_has_a_titled_table_per_month_with_the_ledger_columns(ledger_path, tmp_path):
    from docx import Document

    build(ledger_path)
    target = tmp_path / "台账.docx"
    export.write_docx(items(ledger_path), target)
    document = Document(str(target))
    headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert headings == ["政府信息公开保密审查台账", "2026年3月", "2026年4月"]
    assert len(document.tables) == 2
    march, april = document.tables
    header = [c.text for c in march.rows[0].cells]
    assert header == [
        "序号",
        "日期",
        "文件名称",
        "信息类别",
        "审查结果",
        "发现问题",
        "处理意见",
        "审查人",
    ]
    row = [c.text for c in march.rows[1].cells]
    assert row == [
        "1", "2026-03-02", "关于做好2013年信息公开工作的通知", "法规公文类", "禁止发布",
        "密级标志（阻断）2处", "不予公开（含密级标志）", "李明",
    ]  # fmt: skip
    assert len(march.rows) == 3
    assert [c.text for c in april.rows[1].cells][2:5] == ["上半年工作总结", "计划总结类", "通过"]


def test_date_range_selects_what_is_exported(ledger_path):
    build(ledger_path)
    book = ledger.load(ledger_path)
    april = book.select(date_from=date(2026, 4, 1), date_to=date(2026, 4, 30))
    assert [i.title for i in april] == ["上半年工作总结"]
    assert len(book.select(date_to=date(2026, 3, 2))) == 2


def test_summary_docx_carries_figures_table_and_paragraph(ledger_path, tmp_path):
    from docx import Document

    build(ledger_path)
    book, verification = ledger.load_with_verification(ledger_path)
    summary = summarise_year(book, 2026, verification)
    target = tmp_path / "小结.docx"
    export.write_summary_docx(summary, target)
    document = Document(str(target))
    assert document.paragraphs[0].text == "2026年政府信息公开保密审查情况"
    facts, shares = document.tables
    assert [c.text for c in facts.rows[2].cells] == ["主动公开信息（条）", "1"]
    assert [c.text for c in shares.rows[4].cells] == ["统计数据", "1", "100%"]
    body = "\n".join(p.text for p in document.paragraphs)
    assert "全年主动公开政府信息共1条，其中统计数据1条，占100%。" in body
    assert "政府信息公开保密审查相关台账资料健全" in body


def test_decision_cell_says_when_the_file_was_checked_again(ledger_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (first,) = ledger.record_scan(
        ledger_path,
        scan_result(file_result("x.docx", findings=[finding()])),
        reviewer="王芳",
        category=None,
    )
    ledger.review(ledger_path, first, decision="修改后公开", reviewer="李明", note="删去密级标志")
    (again,) = ledger.record_scan(
        ledger_path, scan_result(file_result("x.docx")), reviewer="王芳", category=None
    )
    item = ledger.load(ledger_path).items[first]
    assert (
        export.decision_text(item)
        == f"修改后公开（删去密级标志）；修改后已复查（台账第{again}条）"
    )
