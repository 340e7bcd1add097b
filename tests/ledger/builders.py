"""Builders for ledger tests: scan results made directly, so the engine is not needed."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from secscan.model import (
    Category,
    FileResult,
    Finding,
    Format,
    Location,
    Part,
    RulesetInfo,
    ScanResult,
    Severity,
    Status,
    summarise,
    verdict_of,
)

ROOT = Path(__file__).resolve().parents[2]
RULESET = RulesetInfo(version="2026.11.1", sha256="ab" * 32)
CST = timezone(timedelta(hours=8))


def at(year: int, month: int = 1, day: int = 1, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, tzinfo=CST)


def finding(
    *,
    rule_id: str = "mark.secret",
    rule_name: str = "密级标志",
    category: Category = Category.CLASSIFICATION_MARK,
    severity: Severity = Severity.BLOCK,
    match: str = "机密★",
    context: str = "本文件为机密★1年",
    suppressed: str | None = None,
    part: Part = Part.BODY,
) -> Finding:
    return Finding(
        rule_id=rule_id,
        rule_name=rule_name,
        category=category,
        severity=severity,
        part=part,
        location=Location(paragraph=2, line=3),
        match=match,
        context=context,
        message="含密级标志，不得公开",
        fingerprint="f" * 16,
        suppressed=suppressed,
        reason="误报：引用的是标准名称" if suppressed else None,
    )


def file_result(
    path: str = "drafts/notice.docx",
    *,
    title: str | None = "关于做好2013年信息公开工作的通知",
    findings: Iterable[Finding] = (),
    status: Status = Status.OK,
    sha: str = "cd" * 32,
) -> FileResult:
    found = tuple(findings)
    return FileResult(
        path=path,
        sha256=sha,
        format=Format.DOCX,
        status=status,
        error=None if status is Status.OK else "文本无法解码",
        verdict=verdict_of(found, status),
        findings=found,
        size=1234,
        title=title,
    )


def scan_result(*files: FileResult) -> ScanResult:
    return ScanResult(ruleset=RULESET, files=files, summary=summarise(files))


PYTHON = sys.executable


def approve_and_publish(
    path: Path, ids: Iterable[int], when: datetime, reviewer: str = "李明"
) -> None:
    """Record 同意公开 and publication for every scan in `ids`, in one transaction."""
    from secscan.ledger.records import publish_content, review_content
    from secscan.ledger.store import Store

    with Store(path).appending() as appender:
        for ref in ids:
            appender.append(
                review_content(ref, decision="同意公开", actor=reviewer, note=None, when=when)
            )
            appender.append(publish_content(ref, actor=reviewer, note=None, when=when))
