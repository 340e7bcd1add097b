"""Boundary types and the fixed vocabularies of the output contract (DESIGN.md).

Every stage of the pipeline talks through these types: extractors produce `Segment`s and
`Observation`s, the matcher produces `Hit`s, decide produces `Finding`s, the engine a `FileResult`.
Enum values are the contract strings; field names equal the JSON keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    CLASSIFICATION_MARK = "classification-mark"
    SECRET_KEYWORD = "secret-keyword"
    PII = "pii"
    DRAFT_MARKER = "draft-marker"
    INTERNAL_ADDRESS = "internal-address"
    HIDDEN_CONTENT = "hidden-content"
    METADATA = "metadata"
    EXPRESSION = "expression"


class Part(StrEnum):
    BODY = "body"
    HEADER = "header"
    FOOTER = "footer"
    NOTE = "note"
    COMMENT = "comment"
    REVISION = "revision"
    HIDDEN = "hidden"
    METADATA = "metadata"
    ATTRIBUTE = "attribute"
    ANNOTATION = "annotation"


class Severity(StrEnum):
    INFO = "info"
    WARN = "warn"
    BLOCK = "block"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARN: 1, Severity.BLOCK: 2}


class Verdict(StrEnum):
    PASS = "pass"
    WARN = "warn"
    BLOCK = "block"
    ERROR = "error"


class Format(StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"
    TEXT = "text"


class Status(StrEnum):
    OK = "ok"
    ERROR = "error"


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """Where a text sits in its file; a field that does not apply is None (omitted in JSON)."""

    page: int | None = None
    paragraph: int | None = None
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Anchor:
    """A known position inside a segment: `offset` in the segment text sits at line/column.

    Extractors that join several source pieces into one segment (html text nodes, pdf lines)
    give one anchor per piece; the engine maps a finding's offset through the nearest anchor
    at or before it, counting line breaks after it.
    """

    offset: int
    line: int
    column: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """A piece of text from one part of a file. Extractors only produce these (and Observations).

    `detail` says more precisely where the text came from, for the reader of a report:
    a metadata field name (``creator``), a comment's author, a member path of an embedded file.
    """

    text: str
    part: Part
    location: Location = field(default_factory=Location)
    anchors: tuple[Anchor, ...] = ()
    detail: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Observation:
    """A structural fact about a file that is not text: comments present, a scanned page, ...

    `kind` is a stable key (see `secscan.extract.KINDS`); rules with `observation = kind` turn it
    into a finding. `value` is the raw datum (an author name, a template path), masked before output.
    `unreadable` observations make the file's status `error` (fail closed).
    """

    kind: str
    part: Part
    location: Location = field(default_factory=Location)
    value: str = ""
    count: int = 1
    detail: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Hit:
    """A candidate match in folded-text offsets; lives only between match and decide."""

    rule_id: str
    start: int
    end: int
    severity: Severity | None = None  # a validator may lower the rule's severity
    lines: bool = False  # offsets refer to the line view (characters folded, nothing removed)


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    rule_id: str
    rule_name: str
    category: Category
    severity: Severity
    part: Part
    location: Location
    match: str  # masked for personal data
    context: str  # masked for personal data
    message: str
    fingerprint: str
    detail: str | None = None
    suppressed: str | None = None  # "baseline" or "inline" when a review made it informational
    reason: str | None = None  # the reviewer's reason for a suppression


@dataclass(frozen=True, slots=True, kw_only=True)
class FileResult:
    path: str
    sha256: str
    format: Format | None
    status: Status
    error: str | None
    verdict: Verdict
    findings: tuple[Finding, ...]
    size: int = 0
    title: str | None = None  # first heading or line, for the ledger
    excerpt: str | None = None  # start of the body text, for the ledger's category guess only


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesetInfo:
    version: str
    sha256: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    files: int
    passed: int
    warn: int
    block: int
    error: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ScanResult:
    ruleset: RulesetInfo
    files: tuple[FileResult, ...]
    summary: Summary


def verdict_of(findings: tuple[Finding, ...] | list[Finding], status: Status) -> Verdict:
    """DESIGN.md: error when not fully read; else the worst unsuppressed severity."""
    if status is Status.ERROR:
        return Verdict.ERROR
    worst = max((f.severity.rank for f in findings if f.suppressed is None), default=0)
    if worst >= Severity.BLOCK.rank:
        return Verdict.BLOCK
    if worst >= Severity.WARN.rank:
        return Verdict.WARN
    return Verdict.PASS


def summarise(files: tuple[FileResult, ...]) -> Summary:
    counts = {v: 0 for v in Verdict}
    for f in files:
        counts[f.verdict] += 1
    return Summary(
        files=len(files),
        passed=counts[Verdict.PASS],
        warn=counts[Verdict.WARN],
        block=counts[Verdict.BLOCK],
        error=counts[Verdict.ERROR],
    )
