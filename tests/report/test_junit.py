"""`--format junit`: one test case per file; failures at --fail-on, errors for unreadable files."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from secscan.cli import main


def run(tmp_path, capsys, monkeypatch, *args: str) -> tuple[int, ET.Element]:
    monkeypatch.chdir(tmp_path)
    code = main(["scan", "--no-ledger", "--format", "junit", *args])
    return code, ET.fromstring(capsys.readouterr().out)


def test_junit_failures_errors_and_passes(tmp_path, capsys, monkeypatch) -> None:
    (tmp_path / "leak.md").write_text("通知\n秘密★1年\n", encoding="utf-8")
    (tmp_path / "ok.md").write_text("通知\n请准时参加。\n", encoding="utf-8")
    code, root = run(tmp_path, capsys, monkeypatch, "leak.md", "ok.md", "missing.pdf")
    assert code == 1
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    failure = cases["leak.md"].find("failure")
    assert failure is not None
    assert "leak.md:2:1: 阻断 国家秘密密级标志（★） [mark-secret-star] — 秘密★1年" in (
        failure.text or ""
    )
    assert cases["ok.md"].find("failure") is None
    assert cases["missing.pdf"].find("error") is not None


def test_junit_warn_is_a_failure_only_with_fail_on_warn(tmp_path, capsys, monkeypatch) -> None:
    (tmp_path / "draft.md").write_text("关于某某工作的实施方案（征求意见稿）\n", encoding="utf-8")
    _code, root = run(tmp_path, capsys, monkeypatch, "draft.md")
    case = root.find("testsuite/testcase")
    assert case is not None
    assert case.find("failure") is None
    assert case.find("system-out") is not None  # still shown on the dashboard
    code, root = run(tmp_path, capsys, monkeypatch, "--fail-on", "warn", "draft.md")
    assert code == 1
    assert root.find("testsuite/testcase/failure") is not None
