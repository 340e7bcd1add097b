"""SARIF 2.1.0 for code-scanning tools (GitHub, GitLab, Azure DevOps), serialised here alone.

One run: `tool.driver.rules` describes every rule of the rule set (name and message in the chosen
language, both languages in `help.text` and in `properties`), each finding is a result with its
physical location (region startLine/startColumn where the format has lines; page, paragraph and
part in the result's properties), the fingerprint as a partial fingerprint (so a code-scanning
service follows a finding across commits without line numbers), and a suppression for baselined
(external) or inline-allowed (inSource) findings with the reviewer's reason. Personal data stays
masked: `match` and `context` come masked from decide and no raw snippet is written (gitleaks'
SARIF carries the raw secret unless --redact is given).
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from secscan import __version__
from secscan.messages import text
from secscan.model import FileResult, Finding, ScanResult, Severity, Status

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any

    from secscan.ruleset import Rule, RuleSet


SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "secscanFingerprint/v1"
_LEVEL = {Severity.BLOCK: "error", Severity.WARN: "warning", Severity.INFO: "note"}


def render(result: ScanResult, lang: str = "zh", ruleset: RuleSet | None = None) -> str:
    return json.dumps(sarif_dict(result, lang, ruleset), ensure_ascii=False, indent=2) + "\n"


def sarif_dict(
    result: ScanResult, lang: str = "zh", ruleset: RuleSet | None = None
) -> dict[str, Any]:
    rules = _rules(result, lang, ruleset)
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [_result(r, f, index, lang) for r in result.files for f in r.findings]
    errors = [_notification(r, lang) for r in result.files if r.status is Status.ERROR]
    driver: dict[str, Any] = {
        "name": "secscan",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": rules,
        "properties": {
            "ruleset": {"version": result.ruleset.version, "sha256": result.ruleset.sha256}
        },
    }
    invocation: dict[str, Any] = {"executionSuccessful": not errors}
    if errors:
        invocation["toolExecutionNotifications"] = errors
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",  # columns count characters, not UTF-16 units
                "results": results,
            }
        ],
    }


# --- rules -------------------------------------------------------------------------------------


def _rules(result: ScanResult, lang: str, ruleset: RuleSet | None) -> list[dict[str, Any]]:
    described: dict[str, dict[str, Any]] = {}
    if ruleset is not None:
        for rule in ruleset.rules:
            described[rule.id] = _descriptor(rule, lang)
    for r in result.files:  # a finding of a rule not in the given set still gets a descriptor
        for f in r.findings:
            if f.rule_id not in described:
                described[f.rule_id] = _descriptor_from_finding(f)
    return [described[k] for k in sorted(described)]


def _descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    name, message = rule.localized_name(lang), rule.localized_message(lang)
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": name},
        "fullDescription": {"text": message},
        "help": {"text": f"{rule.name}\n{rule.message}\n\n{rule.name_en}\n{rule.message_en}"},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {
            "category": rule.category.value,
            "severity": rule.severity.value,
            "tags": ["secscan", rule.category.value],
            "name_zh": rule.name,
            "name_en": rule.name_en,
            "message_zh": rule.message,
            "message_en": rule.message_en,
        },
    }


def _descriptor_from_finding(f: Finding) -> dict[str, Any]:
    return {
        "id": f.rule_id,
        "name": f.rule_id,
        "shortDescription": {"text": f.rule_name},
        "fullDescription": {"text": f.message},
        "help": {"text": f"{f.rule_name}\n{f.message}"},
        "defaultConfiguration": {"level": _LEVEL[f.severity]},
        "properties": {"category": f.category.value, "severity": f.severity.value},
    }


# --- results -----------------------------------------------------------------------------------


def artifact_uri(path: str) -> str:
    """A URI reference for a reported path: relative paths stay relative (to the checkout, as
    code scanning expects), with non-ASCII characters percent-encoded."""
    if os.path.isabs(path):
        return "file://" + quote(path.replace(os.sep, "/"), safe="/:")
    return quote(path.replace(os.sep, "/"), safe="/")


def _result(r: FileResult, f: Finding, index: dict[str, int], lang: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(r.path)}}
    loc = f.location
    if loc.line is not None:
        physical["region"] = {"startLine": loc.line, "startColumn": loc.column or 1}
    sep = "：" if lang != "en" else ": "
    out: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": index[f.rule_id],
        "level": _LEVEL[f.severity],
        "message": {
            "text": f"{f.rule_name} — {f.match}{sep}{f.message}"
            if f.match
            else f"{f.rule_name}{sep}{f.message}"
        },
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": _properties(f),
    }
    if f.suppressed:
        out["suppressions"] = [
            {
                "kind": "external" if f.suppressed == "baseline" else "inSource",
                "status": "accepted",
                "justification": f.reason or "",
            }
        ]
    return out


def _properties(f: Finding) -> dict[str, Any]:
    props: dict[str, Any] = {
        "category": f.category.value,
        "severity": f.severity.value,
        "part": f.part.value,
        "match": f.match,  # masked for personal data
        "context": f.context,  # masked for personal data
    }
    for key in ("page", "paragraph"):
        value = getattr(f.location, key)
        if value is not None:
            props[key] = value
    if f.detail:
        props["detail"] = f.detail
    if f.suppressed:
        props["suppressed"] = f.suppressed
    return props


def _notification(r: FileResult, lang: str) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": text("report_error", lang, path=r.path, error=r.error or "")},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}],
    }
