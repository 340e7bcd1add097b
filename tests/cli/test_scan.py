"""`secscan scan` through the real CLI: exit codes, the JSON contract, stdin, errors, imports."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from secscan.cli import main

SCHEMA = json.loads((Path(__file__).parents[2] / "secscan/resources/report.schema.json").read_text())
LEAK = "关于召开专题会议的通知\n秘密★1年\n请各单位准时参加。\n"
CLEAN = "关于召开年度工作会议的通知\n请各单位准时参加。\n"
DRAFT = "关于某某工作的实施方案（征求意见稿）\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_exit_codes_and_json_contract(tmp_path, run_secscan) -> None:
    clean, leak = write(tmp_path, "clean.txt", CLEAN), write(tmp_path, "leak.md", LEAK)
    ok = run_secscan("scan", "--format", "json", "--no-ledger", str(clean))
    assert ok.returncode == 0, ok.stderr
    report = json.loads(ok.stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["summary"] == {"files": 1, "pass": 1, "warn": 0, "block": 0, "error": 0}

    bad = run_secscan("scan", "--format", "json", "--no-ledger", str(clean), str(leak))
    assert bad.returncode == 1
    report = json.loads(bad.stdout)
    jsonschema.validate(report, SCHEMA)
    [leaked] = [f for f in report["files"] if f["path"].endswith("leak.md")]
    assert leaked["verdict"] == "block"
    [finding] = [f for f in leaked["findings"] if f["rule_id"] == "mark-secret-star"]
    assert finding["location"] == {"line": 2, "column": 1}
    assert finding["category"] == "classification-mark" and finding["part"] == "body"
    assert len(report["ruleset"]["sha256"]) == 64


def test_usage_error_is_exit_2_with_one_line(run_secscan) -> None:
    proc = run_secscan("scan", "--format", "yaml", "x.txt")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("secscan: 错误: 参数有误：")


def test_stdin_with_a_name(run_secscan) -> None:
    proc = run_secscan("scan", "--format", "json", "--no-ledger", "--stdin-name", "draft.md", "-", stdin=LEAK)
    assert proc.returncode == 1
    [entry] = json.loads(proc.stdout)["files"]
    assert entry["path"] == "draft.md" and entry["verdict"] == "block"


def test_broken_rule_file_names_file_rule_and_field(tmp_path, run_secscan) -> None:
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "local.toml").write_text(
        '[meta]\nversion = "2026.11.1"\n\n[[rule]]\nid = "local-x"\nname = "本地"\nname_en = "x"\n'
        'category = "secret"\nseverity = "warn"\nmessage = "m"\nmessage_en = "m"\n'
        'keywords = ["某某"]\nexamples = ["某某"]\ncounter_examples = ["无"]\n',
        encoding="utf-8",
    )
    clean = write(tmp_path, "clean.txt", CLEAN)
    proc = run_secscan("scan", "--rules", str(rules), str(clean))
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"secscan: 错误: 规则文件 {rules / 'local.toml'}：规则 local-x，字段 category："
        "应为 classification-mark | secret-keyword | pii | draft-marker | internal-address | "
        "hidden-content | metadata | expression / must be one of classification-mark | "
        "secret-keyword | pii | draft-marker | internal-address | hidden-content | metadata | expression"
    )


def test_unknown_rule_field_is_an_error(tmp_path, capsys) -> None:
    rules = tmp_path / "r"
    rules.mkdir()
    (rules / "a.toml").write_text(
        '[meta]\nversion = "2026.11.1"\n[[rule]]\nid = "a-b"\nkeyword = ["x"]\n', encoding="utf-8"
    )
    assert main(["scan", "--rules", str(rules), str(tmp_path)]) == 2
    assert "字段 keyword：未知字段" in capsys.readouterr().err


def test_custom_rules_extend_the_shipped_set(tmp_path, capsys) -> None:
    rules = tmp_path / "r"
    rules.mkdir()
    (rules / "local.toml").write_text(
        '[meta]\nversion = "2026.12.1"\n\n[[rule]]\nid = "local-project"\nname = "本地涉密项目代号"\n'
        'name_en = "Local project code name"\ncategory = "secret-keyword"\nseverity = "block"\n'
        'message = "项目代号不得公开。"\nmessage_en = "Code names must not be published."\n'
        'keywords = ["天河工程"]\nexamples = ["[[天河工程]]进展"]\ncounter_examples = ["天河区工程"]\n',
        encoding="utf-8",
    )
    draft = write(tmp_path, "d.txt", "天河工程进展顺利。\n")
    assert main(["scan", "--no-ledger", "--format", "json", "--rules", str(rules), str(draft)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ruleset"]["version"] == "2026.12.1"
    assert {f["rule_id"] for f in report["files"][0]["findings"]} == {"local-project"}


def test_fail_on_warn(tmp_path, capsys) -> None:
    draft = write(tmp_path, "draft.txt", DRAFT)
    assert main(["scan", "--no-ledger", str(draft)]) == 0
    assert main(["scan", "--no-ledger", "--fail-on", "warn", str(draft)]) == 1
    out = capsys.readouterr().out
    assert "过程稿标志" in out and "需复核" in out


def test_english_report(tmp_path, capsys) -> None:
    leak = write(tmp_path, "leak.txt", LEAK)
    assert main(["--lang", "en", "scan", "--no-ledger", str(leak)]) == 1
    out = capsys.readouterr().out
    assert f"{leak}:2:1: block State-secret classification mark (★) [mark-secret-star]" in out
    assert "summary: 1 files" in out


def test_plain_report_lines_link_to_path_line_column(tmp_path, capsys) -> None:
    leak = write(tmp_path, "leak.txt", LEAK)
    main(["scan", "--no-ledger", str(leak)])
    out = capsys.readouterr().out
    assert f"{leak}:2:1: 阻断 国家秘密密级标志（★） [mark-secret-star] — 秘密★1年" in out
    assert "处理建议: 发现国家秘密密级标志" in out


def test_directory_recursion_and_exclude(tmp_path, capsys) -> None:
    site = tmp_path / "site"
    (site / "drafts").mkdir(parents=True)
    write(site, "index.md", CLEAN)
    write(site / "drafts", "leak.txt", LEAK)
    (site / "logo.png").write_bytes(b"\x89PNG")
    assert main(["scan", "--no-ledger", "--format", "json", str(site)]) == 1
    paths = {Path(f["path"]).name for f in json.loads(capsys.readouterr().out)["files"]}
    assert paths == {"index.md", "leak.txt"}
    assert main(["scan", "--no-ledger", "--exclude", "drafts/*", str(site)]) == 0


def test_missing_file_fails_closed(tmp_path, capsys) -> None:
    assert main(["scan", "--no-ledger", str(tmp_path / "missing.txt")]) == 1
    assert "无法检查" in capsys.readouterr().out


def test_config_file_sets_defaults(tmp_path, capsys, monkeypatch) -> None:
    (tmp_path / ".secscan.toml").write_text('fail_on = "warn"\nlang = "en"\n', encoding="utf-8")
    write(tmp_path, "draft.txt", DRAFT)
    monkeypatch.chdir(tmp_path)
    assert main(["scan", "--no-ledger", "draft.txt"]) == 1
    assert "summary:" in capsys.readouterr().out


def test_unknown_config_key_is_exit_2(tmp_path, capsys, monkeypatch) -> None:
    (tmp_path / ".secscan.toml").write_text('fail_onn = "warn"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["scan", "--no-ledger", "."]) == 2
    assert "未知配置项 / unknown key: fail_onn" in capsys.readouterr().err


def test_small_clean_text_imports_nothing_heavy(tmp_path, run_secscan) -> None:
    clean = write(tmp_path, "clean.txt", CLEAN)
    code = (
        "import sys; from secscan.cli import main; rc = main(['scan', '--no-ledger', sys.argv[1]]);"
        "heavy = [m for m in ('jieba', 'pdfminer', 'docx', 'lxml', 'rich', 'openpyxl', 'sqlite3',"
        " 'multiprocessing', 'charset_normalizer') if m in sys.modules];"
        "print('HEAVY', heavy); raise SystemExit(rc)"
    )
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", code, str(clean)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stdout


@pytest.mark.parametrize("args", [["rules", "test"], ["rules", "list"]])
def test_rules_subcommands(args, capsys) -> None:
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "mark-secret-star" in out or "失败 0 例" in out
