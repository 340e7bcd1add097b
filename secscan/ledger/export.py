"""Exports of the ledger for a 保密办: CSV (UTF-8 with BOM), XLSX and the DOCX 台账.

Every export is built from the same rows (`ledger_rows`), so CSV, XLSX and DOCX never disagree.
openpyxl and python-docx are imported inside the functions that need them. Files are written
to a temporary name beside the target and renamed into place: an interrupted export never
leaves half a 台账 where the last good one was.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from secscan.ledger.book import Item
from secscan.ledger.summary import YearSummary, figures, paragraph
from secscan.messages import text

# (message key of the header, XLSX column width in characters)
COLUMNS: tuple[tuple[str, int], ...] = (
    ("ledger_col_no", 6),
    ("ledger_col_id", 8),
    ("ledger_col_date", 12),
    ("ledger_col_time", 18),
    ("ledger_col_title", 40),
    ("ledger_col_path", 40),
    ("ledger_col_category", 12),
    ("ledger_col_category_source", 10),
    ("ledger_col_verdict", 10),
    ("ledger_col_findings", 48),
    ("ledger_col_decision", 30),
    ("ledger_col_reviewer", 10),
    ("ledger_col_published", 12),
    ("ledger_col_sha256", 20),
    ("ledger_col_ruleset", 14),
)
# The columns a 保密办 keeps in the printed 台账 (issue 4), by index into a row.
DOCX_COLUMNS = (0, 2, 4, 6, 8, 9, 10, 11)
_LIST_FINDINGS = 6  # distinct problems named in a cell before "等"


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the 台账: typed values (dates stay dates until a format renders them)."""

    values: tuple[Any, ...]

    def as_text(self) -> list[str]:
        out = []
        for value in self.values:
            if isinstance(value, datetime):
                out.append(value.strftime("%Y-%m-%d %H:%M:%S"))
            elif isinstance(value, date):
                out.append(value.isoformat())
            else:
                out.append("" if value is None else str(value))
        return out


def headers(lang: str = "zh") -> list[str]:
    return [text(key, lang) for key, _ in COLUMNS]


def findings_text(item: Item, lang: str = "zh") -> str:
    """The problems of a scan in one cell: 身份证号（阻断）2处；… or 无."""
    counts = Counter(
        (str(f.get("rule_name") or f.get("rule_id")), str(f.get("severity")))
        for f in item.active_findings
    )
    if not counts:
        return text("ledger_none", lang)
    parts = [
        text("ledger_finding_cell", lang, name=name, severity=text(f"severity_{sev}", lang), n=n)
        for (name, sev), n in list(counts.items())[:_LIST_FINDINGS]
    ]
    more = text("ledger_and_more", lang) if len(counts) > _LIST_FINDINGS else ""
    return "；".join(parts) + more


def decision_text(item: Item, lang: str = "zh") -> str:
    """处理意见: the last decision with its note, the re-check if any, the publication date."""
    if item.decision is None:
        out = text("ledger_pending_review", lang)
    else:
        out = item.decision.decision or ""
        if item.decision.note:
            out += f"（{item.decision.note}）"
    if item.next_scan is not None:
        out += "；" + text("ledger_rechecked_in", lang, id=item.next_scan)
    if item.published is not None:
        published = item.published.time.date().isoformat()
        out += "；" + text("ledger_published_on", lang, date=published)
    return out


def ledger_rows(items: Sequence[Item], lang: str = "zh") -> list[Row]:
    rows = []
    for number, item in enumerate(items, start=1):
        content = item.content
        ruleset = content.get("ruleset") or {}
        rows.append(
            Row(
                (
                    number,
                    item.id,
                    item.date,
                    item.time.replace(tzinfo=None),  # local wall time; Excel has no zones
                    item.title,
                    content.get("path") or "",
                    item.category,
                    text("ledger_guessed" if item.category_guessed else "ledger_given", lang),
                    text(f"verdict_{item.verdict}", lang),
                    findings_text(item, lang),
                    decision_text(item, lang),
                    item.reviewer,
                    item.published.time.date() if item.published else None,
                    content.get("sha256") or "",
                    ruleset.get("version") or "",
                )
            )
        )
    return rows


def write_csv(items: Sequence[Item], stream: IO[bytes], lang: str = "zh") -> None:
    """CSV with a UTF-8 BOM (Excel reads the Chinese correctly only with it), CRLF lines."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers(lang))
    for row in ledger_rows(items, lang):
        writer.writerow(row.as_text())
    stream.write(buffer.getvalue().encode("utf-8-sig"))


def write_xlsx(items: Sequence[Item], target: Path, lang: str = "zh") -> None:
    """XLSX: bold, frozen header, widths fitted to Chinese text, dates as Excel dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = text("ledger_sheet", lang)
    sheet.append(headers(lang))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in ledger_rows(items, lang):
        sheet.append(list(row.values))
    for index, (_, width) in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        for cell in sheet[letter][1:]:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
            elif width >= 30:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    with _atomic(target) as tmp:
        book.save(tmp)


def periods(items: Sequence[Item]) -> list[tuple[str, list[Item]]]:
    """Items grouped by calendar month, in date order: one table per month in the DOCX."""
    groups: dict[tuple[int, int], list[Item]] = {}
    for item in sorted(items, key=lambda i: (i.time, i.id)):
        groups.setdefault((item.date.year, item.date.month), []).append(item)
    return [(f"{y}年{m}月", group) for (y, m), group in groups.items()]


def write_docx(items: Sequence[Item], target: Path, lang: str = "zh") -> None:
    """The 台账 as a Word document: a titled table per month with the eight usual columns."""
    from docx import Document
    from docx.enum.section import WD_ORIENT

    document = Document()
    section = document.sections[0]
    # eight columns of Chinese text need the width of a landscape page
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading(text("ledger_docx_title", lang), level=0)
    all_headers = headers(lang)
    for period, group in periods(items):
        document.add_heading(text("ledger_docx_period", lang, period=period), level=1)
        table = document.add_table(rows=1, cols=len(DOCX_COLUMNS))
        table.style = "Table Grid"
        for cell, index in zip(table.rows[0].cells, DOCX_COLUMNS, strict=True):
            cell.text = all_headers[index]
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in ledger_rows(group, lang):
            values = row.as_text()
            cells = table.add_row().cells
            for cell, index in zip(cells, DOCX_COLUMNS, strict=True):
                cell.text = values[index]
    with _atomic(target) as tmp:
        document.save(str(tmp))


def write_summary_docx(summary: YearSummary, target: Path, lang: str = "zh") -> None:
    """The year's figures, the table by category and the self-check paragraph, as DOCX."""
    from docx import Document

    document = Document()
    document.add_heading(text("ledger_summary_title", lang, year=summary.year), level=0)
    facts = document.add_table(rows=0, cols=2)
    facts.style = "Table Grid"
    for label, value in figures(summary, lang):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_heading(text("ledger_fig_published", lang), level=1)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, key in zip(
        table.rows[0].cells,
        ("ledger_col_category", "ledger_col_count", "ledger_col_percent"),
        strict=True,
    ):
        cell.text = text(key, lang)
    for share in summary.published:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = (
            share.category,
            str(share.count),
            f"{share.percent}%",
        )
    document.add_heading(text("ledger_summary_paragraph", lang), level=1)
    document.add_paragraph(paragraph(summary))
    with _atomic(target) as tmp:
        document.save(str(tmp))


@contextlib.contextmanager
def _atomic(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`, renamed over it only when writing succeeded."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with _atomic(target) as tmp:
        tmp.write_bytes(data)
