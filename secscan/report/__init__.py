"""Report writers by output format; each serialises a ScanResult in exactly one place."""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import IO

    from secscan.ruleset import RuleSet

from secscan.model import ScanResult, Severity


def render(
    fmt: str,
    result: ScanResult,
    lang: str,
    out: IO[str],
    fail_on: Severity,
    *,
    terminal: bool,
    ruleset: RuleSet | None = None,
) -> None:
    """Write `result` to `out` in `fmt` (text, json, sarif, junit); SARIF describes the rules
    from `ruleset` when given (names and help in both languages), else from the findings."""
    if fmt == "sarif":
        from secscan.report import sarif

        out.write(sarif.render(result, lang, ruleset))
    elif fmt == "junit":
        from secscan.report import junit

        out.write(junit.render(result, lang, fail_on))
    elif fmt == "json":
        from secscan.report import json as json_report

        out.write(json_report.render(result))
    elif fmt == "text" and terminal:
        from rich.console import Console

        from secscan.report.text import render_rich

        render_rich(result, lang, Console(file=out, highlight=False), fail_on)
    elif fmt == "text":
        from secscan.report.text import render_plain

        render_plain(result, lang, out, fail_on)
    else:
        raise ValueError(fmt)
