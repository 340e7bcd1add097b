"""JUnit XML for CI dashboards (GitLab, Jenkins, Azure): one test case per checked file.

A file at or above `--fail-on` is a failure, a file that could not be fully read an error, and
its findings are the failure's text, one ``path:line:column: 规则 — 内容`` line each; findings
below the threshold or suppressed by a review go to ``system-out`` so the dashboard still shows
them. Personal data stays masked (finding fields come masked from decide).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from secscan.messages import text
from secscan.model import FileResult, Finding, ScanResult, Severity, Status, Verdict
from secscan.report.text import severity_word, verdict_word, where


def render(result: ScanResult, lang: str = "zh", fail_on: Severity = Severity.BLOCK) -> str:
    failing = {Verdict.BLOCK} if fail_on is Severity.BLOCK else {Verdict.BLOCK, Verdict.WARN}
    suite_name = text("junit_suite", lang)
    failures = sum(1 for r in result.files if r.status is Status.OK and r.verdict in failing)
    errors = sum(1 for r in result.files if r.status is Status.ERROR)
    counts = {"tests": str(len(result.files)), "failures": str(failures), "errors": str(errors)}
    root = ET.Element("testsuites", {"name": suite_name, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": suite_name, "skipped": "0", **counts})
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", name="ruleset.version", value=result.ruleset.version)
    ET.SubElement(props, "property", name="ruleset.sha256", value=result.ruleset.sha256)
    for r in result.files:
        _case(suite, r, lang, failing)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _case(suite: ET.Element, r: FileResult, lang: str, failing: set[Verdict]) -> None:
    case = ET.SubElement(suite, "testcase", classname="secscan", name=r.path, file=r.path)
    counted = [f for f in r.findings if f.suppressed is None and _fails(f, failing)]
    others = [f for f in r.findings if f not in counted]
    verdict = verdict_word(r.verdict, lang)
    if r.status is Status.ERROR:
        node = ET.SubElement(case, "error", type="error", message=f"{verdict}: {r.error or ''}")
        node.text = r.error or ""
    elif r.verdict in failing:
        message = text("report_file", lang, path=r.path, verdict=verdict, count=len(counted))
        node = ET.SubElement(case, "failure", type=r.verdict.value, message=message)
        node.text = "\n".join(_line(r.path, f, lang) for f in counted)
    if others:
        ET.SubElement(case, "system-out").text = "\n".join(_line(r.path, f, lang) for f in others)


def _fails(f: Finding, failing: set[Verdict]) -> bool:
    return Verdict(f.severity.value) in failing if f.severity is not Severity.INFO else False


def _line(path: str, f: Finding, lang: str) -> str:
    head = f"{where(path, f.location, f.part.value, lang)}: {severity_word(f.severity, lang)} "
    line = f"{head}{f.rule_name} [{f.rule_id}] — {f.match}"
    if f.suppressed:
        how = text(f"suppressed_{f.suppressed}", lang)
        line += " — " + text("report_suppressed", lang, how=how, reason=f.reason or "")
    return line
