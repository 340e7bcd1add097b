"""`--format sarif`: valid SARIF 2.1.0 (the OASIS schema kept in tests/data), rules in both
languages, physical locations, fingerprints, suppressions, personal data masked."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from secscan.cli import main

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json").read_text())
PAGE = (
    "<html><body>\n<h1>通知</h1>\n<p>秘密★1年</p>\n"
    "<!-- secscan:allow mark-secret-star 已解密，见解密通知 -->\n<p>机密★5年</p>\n"
    "<p>联系人身份证号 110101199003074514</p>\n</body></html>\n"
)


@pytest.fixture
def sarif(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "通知.html").write_text(PAGE, encoding="utf-8")

    def run(*extra: str) -> tuple[int, dict]:
        code = main(["scan", "--no-ledger", "--format", "sarif", *extra, "news"])
        return code, json.loads(capsys.readouterr().out)

    return run


def test_sarif_validates_against_the_2_1_0_schema(sarif) -> None:
    code, log = sarif()
    assert code == 1
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["version"] == "2.1.0"


def test_rules_carry_chinese_and_english(sarif) -> None:
    _code, log = sarif()
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    star = rules["mark-secret-star"]
    assert star["shortDescription"]["text"] == "国家秘密密级标志（★）"
    assert "密级" in star["fullDescription"]["text"]
    assert star["properties"]["name_en"]
    assert star["properties"]["message_en"]
    assert star["properties"]["name_en"] in star["help"]["text"]
    assert star["properties"]["name_zh"] in star["help"]["text"]
    assert star["defaultConfiguration"]["level"] == "error"


def test_results_have_locations_fingerprints_and_inline_suppressions(sarif) -> None:
    _code, log = sarif()
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    marks = [r for r in run["results"] if r["ruleId"] == "mark-secret-star"]
    assert len(marks) == 2
    for r in marks:
        assert rules[r["ruleIndex"]]["id"] == "mark-secret-star"
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "news/%E9%80%9A%E7%9F%A5.html"
        assert len(r["partialFingerprints"]["secscanFingerprint/v1"]) == 32
    by_line = {r["locations"][0]["physicalLocation"]["region"]["startLine"]: r for r in marks}
    assert by_line[3]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 4
    assert "suppressions" not in by_line[3]
    assert by_line[5]["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "已解密，见解密通知"}
    ]


def test_baselined_findings_are_external_suppressions(sarif, tmp_path, capsys) -> None:
    assert main(["baseline", "create", "news", "--reason", "已复核", "--file", "b.json"]) == 0
    capsys.readouterr()
    code, log = sarif("--baseline", "b.json")
    assert code == 0
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    results = log["runs"][0]["results"]
    kinds = {s["kind"] for r in results for s in r.get("suppressions", [])}
    assert kinds == {"external", "inSource"}
    assert all(r.get("suppressions") for r in results if r["level"] == "error")


def test_personal_data_is_masked_everywhere_in_the_log(sarif, tmp_path) -> None:
    _code, log = sarif()
    text = json.dumps(log, ensure_ascii=False)
    assert "110101199003074514" not in text
    assert "1101" in text  # the masked form keeps its ends for the reader


def test_unreadable_file_is_a_tool_notification(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["scan", "--no-ledger", "--format", "sarif", "missing.pdf"])  # cannot be read
    log = json.loads(capsys.readouterr().out)
    assert code == 1
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["level"] == "error"
