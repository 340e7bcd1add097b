"""Baselines: reviewed findings only inform, new ones fail; stable across edits; versioned."""

from __future__ import annotations

import json

import pytest

from secscan import baseline
from secscan.errors import BaselineError
from tests.hook.conftest import LEAK_PAGE

NAME = ".secscan-baseline.json"
SECOND_LEAK = LEAK_PAGE.replace("<p>秘密★1年</p>", "<p>秘密★1年</p>\n<p>机密★5年</p>")


def test_baselined_finding_passes_and_a_new_one_fails(git_repo, cli) -> None:
    git_repo.stage("news/a.html", LEAK_PAGE)
    code, out, _ = cli("baseline", "create", "--staged", "--reason", "历史页面，2024年已解密")
    assert code == 0
    assert "1 项" in out
    code, out, _ = cli("scan", "--staged", "--no-ledger", "--baseline", NAME, "--format", "json")
    assert code == 0
    [finding] = json.loads(out)["files"][0]["findings"]
    assert finding["suppressed"] == "baseline"
    assert finding["reason"] == "张三: 历史页面，2024年已解密"

    git_repo.stage("news/a.html", SECOND_LEAK)
    code, out, _ = cli("scan", "--staged", "--no-ledger", "--baseline", NAME)
    assert code == 1
    assert "news/a.html:4:4:" in out  # the new mark
    assert "已复核（基线）：张三: 历史页面，2024年已解密" in out  # the old one, shown as reviewed


def test_baseline_from_config_file(git_repo, cli) -> None:
    git_repo.stage("news/a.html", LEAK_PAGE)
    cli("baseline", "create", "--staged", "--reason", "已复核")
    git_repo.write(".secscan.toml", f'baseline = "{NAME}"\n')
    code, _out, _ = cli("scan", "--staged", "--no-ledger")
    assert code == 0


def test_an_edit_elsewhere_keeps_the_baseline_valid(git_repo, cli) -> None:
    git_repo.stage("news/a.html", LEAK_PAGE)
    cli("baseline", "create", "--staged", "--reason", "已复核")
    before = (git_repo.root / NAME).read_text(encoding="utf-8")
    moved = LEAK_PAGE.replace("<body>\n", "<body>\n<p>新增一段说明。</p>\n<p>又一段。</p>\n")
    git_repo.stage("news/a.html", moved)
    code, _out, _ = cli("scan", "--staged", "--no-ledger", "--baseline", NAME)
    assert code == 0
    cli("baseline", "update", "--staged")
    assert (git_repo.root / NAME).read_text(encoding="utf-8") == before  # nothing to rewrite


def test_baseline_file_holds_no_line_numbers_timestamps_or_plaintext(git_repo, cli) -> None:
    git_repo.stage("news/a.html", LEAK_PAGE)
    cli("baseline", "create", "--staged", "--reason", "已复核")
    text = (git_repo.root / NAME).read_text(encoding="utf-8")
    doc = json.loads(text)
    assert doc["tool"] == "secscan"
    assert doc["version"] == baseline.FORMAT_VERSION
    [entry] = doc["findings"]
    assert set(entry) == {"path", "rule_id", "fingerprint", "reviewed_by", "reason"}
    assert entry["path"] == "news/a.html"
    assert "秘密" not in text  # no plaintext
    assert "line" not in text  # no line numbers
    assert "20" not in text.replace(entry["fingerprint"], "")  # no dates


def test_update_keeps_reviews_and_drops_what_is_gone(git_repo, cli) -> None:
    git_repo.write("a.html", SECOND_LEAK)
    git_repo.write("b.md", "秘密★1年\n")
    code, _out, _ = cli("baseline", "create", "a.html", "b.md", "--reason", "首次复核")
    assert code == 0
    assert len(json.loads((git_repo.root / NAME).read_text())["findings"]) == 3
    git_repo.write("a.html", LEAK_PAGE)  # one of its two marks removed
    (git_repo.root / "b.md").unlink()  # the file deleted
    git_repo.write("c.md", "机密★5年\n")  # not in the baseline, not named: untouched
    code, out, _ = cli("baseline", "update")
    assert code == 0
    assert "保留 1 项，删除 2 项" in out
    [kept] = json.loads((git_repo.root / NAME).read_text())["findings"]
    assert (kept["path"], kept["reason"], kept["reviewed_by"]) == ("a.html", "首次复核", "张三")


def test_update_adds_new_findings_only_when_asked_with_a_reason(git_repo, cli) -> None:
    git_repo.write("a.html", LEAK_PAGE)
    cli("baseline", "create", "a.html", "--reason", "首次复核")
    git_repo.write("a.html", SECOND_LEAK)
    code, out, _ = cli("baseline", "update")
    assert "另有 1 项新发现未加入基线" in out
    assert len(json.loads((git_repo.root / NAME).read_text())["findings"]) == 1
    code, _out, err = cli("baseline", "update", "--add-new")
    assert code == 2
    assert "--add-new --reason" in err
    code, out, _ = cli(
        "baseline", "update", "--add-new", "--reason", "第二次复核", "--reviewer", "李四"
    )
    assert code == 0
    entries = json.loads((git_repo.root / NAME).read_text())["findings"]
    assert sorted((e["reviewed_by"], e["reason"]) for e in entries) == [
        ("张三", "首次复核"),
        ("李四", "第二次复核"),
    ]


def test_create_refuses_to_overwrite_reviews(git_repo, cli) -> None:
    git_repo.write("a.html", LEAK_PAGE)
    cli("baseline", "create", "a.html", "--reason", "首次复核")
    code, _out, err = cli("baseline", "create", "a.html", "--reason", "again")
    assert code == 2
    assert "已存在" in err
    code, _out, _ = cli("baseline", "create", "a.html", "--reason", "重建", "--force")
    assert code == 0


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "不是有效的 JSON（line 1 column 2）"),
        ('{"findings": []}', "不是 secscan 基线文件"),
        (
            '{"tool": "secscan", "version": 99, "findings": []}',
            "格式版本 99 高于本程序支持的版本 1，请升级 secscan",
        ),
        (
            '{"tool": "secscan", "version": 1, "findings": [{"path": "a"}]}',
            "第 1 项：rule_id 缺失或为空 / missing or empty",
        ),
        (
            '{"tool": "secscan", "version": 1, "findings": [{"path": "a", "line": 3}]}',
            "第 1 项：line 未知字段 / unknown key",
        ),
    ],
)
def test_broken_baseline_is_exit_2_with_the_file_and_reason(
    git_repo, cli, content, reason
) -> None:
    git_repo.stage("a.html", LEAK_PAGE)
    git_repo.write("b.json", content)
    code, out, err = cli("scan", "--staged", "--no-ledger", "--baseline", "b.json")
    assert code == 2
    assert out == ""  # nothing was scanned: a broken baseline stops before the scan
    assert err.strip() == f"secscan: 错误: 基线文件 b.json：{reason}"


def test_missing_baseline_is_exit_2(git_repo, cli) -> None:
    git_repo.stage("a.html", LEAK_PAGE)
    code, _out, err = cli(
        "scan", "--staged", "--no-ledger", "--baseline", "nope.json", "--lang", "en"
    )
    assert code == 2
    assert err.strip() == "secscan: error: baseline file nope.json: no such file"


def test_older_versions_are_upgraded_step_by_step(tmp_path, monkeypatch) -> None:
    def from_0(doc):
        # a hypothetical format 0 that called the reviewer "auditor"
        for item in doc["findings"]:
            item["reviewed_by"] = item.pop("auditor")
        return doc

    monkeypatch.setattr(baseline, "UPGRADES", {0: from_0})
    path = tmp_path / "old.json"
    old = {"path": "a.html", "rule_id": "r", "fingerprint": "f", "auditor": "王五", "reason": "ok"}
    path.write_text(json.dumps({"tool": "secscan", "version": 0, "findings": [old]}))
    [entry] = baseline.load(str(path)).entries
    assert entry.reviewed_by == "王五"


def test_unknown_older_version_is_refused(tmp_path) -> None:
    path = tmp_path / "old.json"
    path.write_text('{"tool": "secscan", "version": 0, "findings": []}')
    with pytest.raises(BaselineError):
        baseline.load(str(path))


def test_baselined_and_allowed_findings_are_ledgered_as_such(git_repo, cli, tmp_path) -> None:
    import sqlite3

    git_repo.stage("news/a.html", LEAK_PAGE)
    cli("baseline", "create", "--staged", "--reason", "历史页面，已复核")
    allowed = "<!-- secscan:allow mark-secret-star 引用解密文件 -->\n机密★5年\n"
    git_repo.stage("news/b.md", allowed)
    code, _out, _err = cli("scan", "--staged", "--baseline", NAME)
    assert code == 0
    db = sqlite3.connect(tmp_path / "ledger.sqlite")
    bodies = [json.loads(body) for (body,) in db.execute("select body from entries order by id")]
    recorded = {
        (f["suppressed"], f["reason"])
        for body in bodies
        for f in body.get("findings", [])
        if f["rule_id"] == "mark-secret-star"
    }
    assert recorded == {("baseline", "张三: 历史页面，已复核"), ("inline", "引用解密文件")}
    assert {body["actor"] for body in bodies} == {"张三"}  # the committer, from git config
