"""The human report: Chinese first, rich on a terminal, plain lines when piped.

Plain output is one finding per line, ``path:line:column: 级别 规则 — 匹配 — 上下文``, so editors
and terminals link to it and scripts can grep it; the advice follows on an indented line.
rich is imported only when writing to a terminal (it costs ~2× Python's start-up).
"""

from __future__ import annotations

from collections.abc import Iterable

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import IO, Any

from secscan.messages import detail_text, text
from secscan.model import FileResult, Finding, Location, ScanResult, Severity, Verdict


def where(path: str, loc: Location, part: str, lang: str) -> str:
    """`path:line:column` when the location has a line, else path with page/paragraph words."""
    if loc.line is not None:
        head = f"{path}:{loc.line}:{loc.column or 1}"
    else:
        head = path
    words = []
    if loc.page is not None:
        words.append(text("loc_page", lang, n=loc.page))
    if loc.paragraph is not None:
        words.append(text("loc_paragraph", lang, n=loc.paragraph))
    if part != "body":
        words.append(text(f"part_{part}", lang))
    sep = "，" if lang != "en" else ", "
    return f"{head} ({sep.join(words)})" if words else head


def verdict_word(verdict: Verdict, lang: str) -> str:
    return text(f"verdict_{verdict.value}", lang)


def severity_word(severity: Severity, lang: str) -> str:
    return text(f"severity_{severity.value}", lang)


def _finding_line(path: str, f: Finding, lang: str) -> str:
    dash = " — "
    loc = where(path, f.location, f.part.value, lang)
    detail = _detail(f.detail, lang)
    # The rule id is what a reviewer writes into a `secscan:allow RULE_ID 理由` marker.
    line = f"{loc}: {severity_word(f.severity, lang)} {f.rule_name} [{f.rule_id}]{detail}"
    if f.match:
        line += f"{dash}{f.match}"
    if f.context and f.context != f.match:
        line += f"{dash}「{f.context}」" if lang != "en" else f"{dash}\"{f.context}\""
    return line


def _detail(detail: str | None, lang: str) -> str:
    """Where exactly the text came from, in the reader's language: （修订中删除的文字）."""
    if not detail:
        return ""
    said = detail_text(detail, lang)
    return f"（{said}）" if lang != "en" else f" ({said})"


def render_plain(result: ScanResult, lang: str, out: IO[str], fail_on: Severity) -> None:
    for r in result.files:
        _plain_file(r, lang, out)
    _plain_summary(result, lang, out, fail_on)


def _plain_file(r: FileResult, lang: str, out: IO[str]) -> None:
    if r.error:
        out.write(text("report_error", lang, path=r.path, error=r.error) + "\n")
    if not r.findings and r.error:
        return
    out.write(
        text("report_file", lang, path=r.path, verdict=verdict_word(r.verdict, lang), count=len(r.findings))
        + "\n"
    )
    for f in _ordered(r.findings):
        out.write(_finding_line(r.path, f, lang) + "\n")
        out.write(f"    {text('report_advice', lang)}: {f.message}\n")
        if f.suppressed:
            how = text(f"suppressed_{f.suppressed}", lang)
            out.write(f"    {text('report_suppressed', lang, how=how, reason=f.reason or '')}\n")


def _plain_summary(result: ScanResult, lang: str, out: IO[str], fail_on: Severity) -> None:
    s = result.summary
    out.write(
        text("report_summary", lang, files=s.files, passed=s.passed, warn=s.warn, block=s.block, error=s.error)
        + "\n"
    )
    out.write(text("report_ruleset", lang, version=result.ruleset.version, sha=result.ruleset.sha256[:12]) + "\n")


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    def key(f: Finding) -> tuple[Any, ...]:
        loc = f.location
        return (
            -f.severity.rank,
            loc.page or 0,
            loc.paragraph or 0,
            loc.line or 0,
            loc.column or 0,
            f.rule_id,
        )

    return sorted(findings, key=key)


# --- rich ------------------------------------------------------------------------------------

_STYLE = {Verdict.PASS: "green", Verdict.WARN: "yellow", Verdict.BLOCK: "bold red", Verdict.ERROR: "magenta"}
_SEV_STYLE = {Severity.BLOCK: "bold red", Severity.WARN: "yellow", Severity.INFO: "cyan"}


def render_rich(result: ScanResult, lang: str, console: Any, fail_on: Severity) -> None:
    """Per file its verdict, each finding with location, rule, highlighted context and advice."""
    from rich.table import Table
    from rich.text import Text

    for r in result.files:
        head = Text()
        head.append(r.path, style="bold")
        head.append("  ")
        head.append(verdict_word(r.verdict, lang), style=_STYLE[r.verdict])
        console.print(head)
        if r.error:
            console.print(Text("  " + r.error, style="magenta"))
        for f in _ordered(r.findings):
            console.print(_rich_finding(r.path, f, lang, Text))
    table = Table(title=text("report_title", lang), show_header=True)
    table.add_column(text("report_col_verdict", lang))
    table.add_column(text("report_col_count", lang), justify="right")
    s = result.summary
    for verdict, count in (
        (Verdict.PASS, s.passed),
        (Verdict.WARN, s.warn),
        (Verdict.BLOCK, s.block),
        (Verdict.ERROR, s.error),
    ):
        table.add_row(Text(verdict_word(verdict, lang), style=_STYLE[verdict]), str(count))
    console.print(table)
    console.print(
        Text(text("report_ruleset", lang, version=result.ruleset.version, sha=result.ruleset.sha256[:12]), style="dim")
    )


def _rich_finding(path: str, f: Finding, lang: str, Text: Any) -> Any:  # noqa: N803
    out = Text("  ")
    out.append(f"[{severity_word(f.severity, lang)}] ", style=_SEV_STYLE[f.severity])
    out.append(f.rule_name, style="bold")
    out.append("  " + where(path, f.location, f.part.value, lang), style="dim")
    if f.detail:
        out.append(_detail(f.detail, lang), style="dim")
    out.append("\n    ")
    context = f.context or f.match
    at = context.find(f.match) if f.match else -1
    if at >= 0:
        out.append(context[:at])
        out.append(f.match, style="reverse " + _SEV_STYLE[f.severity])
        out.append(context[at + len(f.match) :])
    else:
        out.append(context)
    out.append(f"\n    {text('report_advice', lang)}：" if lang != "en" else f"\n    {text('report_advice', lang)}: ")
    out.append(f.message)
    if f.suppressed:
        how = text(f"suppressed_{f.suppressed}", lang)
        out.append("\n    " + text("report_suppressed", lang, how=how, reason=f.reason or ""), style="green")
    return out
