"""`secscan ledger …` in-process: output, exit codes and the one-line errors."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from secscan import ledger
from tests.ledger.builders import at, file_result, finding, scan_result


@pytest.fixture
def filled(ledger_path):
    ledger.record_scan(
        ledger_path,
        scan_result(
            file_result("d/a.docx", findings=[finding()]),
            file_result("d/b.docx", title="一季度统计数据"),
        ),
        reviewer="王芳",
        category=None,
        when=at(2026, 3, 2),
    )
    return ledger_path


def test_list_prints_plain_rows_when_piped(run_cli, filled):
    code, out, _ = run_cli("ledger", "list", "--ledger", str(filled))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t") == [
        "编号",
        "日期",
        "文件名称",
        "信息类别",
        "审查结果",
        "问题数",
        "处理意见",
        "审查人",
    ]
    assert lines[1].split("\t") == [
        "1",
        "2026-03-02",
        "关于做好2013年信息公开工作的通知",
        "法规公文类*",
        "禁止发布",
        "1",
        "待审查",
        "王芳",
    ]


def test_list_filters_and_json(run_cli, filled):
    code, out, _ = run_cli(
        "ledger", "list", "--ledger", str(filled), "--verdict", "pass", "--format", "json"
    )
    assert code == 0
    rows = json.loads(out)
    assert [(r["id"], r["category"], r["category_guessed"]) for r in rows] == [
        (2, "统计数据", True)
    ]
    run_cli(
        "ledger",
        "review",
        "2",
        "--decision",
        "同意公开",
        "--reviewer",
        "李明",
        "--ledger",
        str(filled),
    )
    _, out, _ = run_cli(
        "ledger", "list", "--ledger", str(filled), "--undecided", "--format", "json"
    )
    assert [r["id"] for r in json.loads(out)] == [1]
    _, out, _ = run_cli(
        "ledger", "list", "--ledger", str(filled), "--decision", "同意公开", "--format", "json"
    )
    assert [(r["id"], r["decision"], r["reviewer"]) for r in json.loads(out)] == [
        (2, "同意公开", "李明")
    ]
    _, out, _ = run_cli(
        "ledger", "list", "--ledger", str(filled), "--category", "统计", "--format", "json"
    )
    assert [r["id"] for r in json.loads(out)] == [2]
    _, out, _ = run_cli(
        "ledger", "list", "--ledger", str(filled), "--from", "2026-03-03", "--format", "json"
    )
    assert json.loads(out) == []


def test_show_names_the_masked_findings_and_the_hashes(run_cli, filled):
    code, out, _ = run_cli("ledger", "show", "1", "--ledger", str(filled))
    assert code == 0
    assert "信息类别\t法规公文类（自动判断）" in out
    assert "mark.secret 密级标志\t阻断\tbody\tparagraph=2 line=3\t机密★" in out
    assert "本条哈希\t" in out
    code, out, _ = run_cli("ledger", "show", "1", "--ledger", str(filled), "--format", "json")
    assert json.loads(out)["content"]["verdict"] == "block"


def test_review_and_publish_record_new_entries_and_warn(run_cli, filled):
    code, out, err = run_cli(
        "ledger",
        "review",
        "1",
        "--decision",
        "修改后公开",
        "--reviewer",
        "李明",
        "--note",
        "删去密级标志",
        "--ledger",
        str(filled),
    )
    assert (code, out.strip()) == (0, "已记录审查意见：台账第 3 条")
    code, out, err = run_cli(
        "ledger", "publish", "1", "--ledger", str(filled), "--reviewer", "李明"
    )
    assert (code, out.strip()) == (0, "已记录发布：台账第 4 条")
    assert "注意：第 1 条检查有 1 处未解决的阻断问题，但已记录为发布" in err
    item = ledger.load(filled).items[1]
    assert item.decision is not None
    assert (item.decision.decision, item.decision.note) == ("修改后公开", "删去密级标志")


def test_verify_exit_codes_name_the_entry(run_cli, filled):
    code, out, _ = run_cli("ledger", "verify", "--ledger", str(filled))
    head = ledger.verify(filled).head
    assert (code, out.splitlines()) == (
        0,
        [
            "台账校验通过：共 2 条记录，哈希链完整",
            f"末条记录哈希：{head}（可抄录留存，日后校验时比对）",
        ],
    )
    conn = sqlite3.connect(filled)
    assert conn.execute("SELECT hash FROM entries WHERE id = 2").fetchone() == (head,)
    conn.close()
    conn = sqlite3.connect(filled)
    conn.execute("DROP TRIGGER entries_no_update")
    conn.execute("UPDATE entries SET body = replace(body, '\"block\"', '\"pass\"') WHERE id = 1")
    conn.commit()
    conn.close()
    code, out, _ = run_cli("ledger", "verify", "--ledger", str(filled))
    assert (code, out.strip()) == (1, "台账校验失败：第 1 条记录的内容被改动")
    code, out, _ = run_cli("ledger", "verify", "--ledger", str(filled), "--lang", "en")
    assert (code, out.strip()) == (1, "ledger check failed: entry 1 was edited")


def test_where_follows_the_environment(run_cli, monkeypatch, tmp_path):
    target = tmp_path / "env.sqlite"
    monkeypatch.setenv("SECSCAN_LEDGER", str(target))
    code, out, err = run_cli("ledger", "where")
    assert (code, out.strip()) == (0, str(target))
    assert err.strip() == "来源：环境变量 SECSCAN_LEDGER（文件尚未创建，首次记录检查时创建）"


def test_export_csv_to_stdout_has_a_bom(secscan_main, filled, capsysbinary):
    assert secscan_main(["ledger", "export", "--ledger", str(filled)]) == 0
    data = capsysbinary.readouterr().out
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["序号", "台账编号", "日期"]
    assert len(rows) == 3


def test_export_xlsx_needs_an_output_file(run_cli, filled, tmp_path):
    code, _, err = run_cli("ledger", "export", "--format", "xlsx", "--ledger", str(filled))
    assert (code, err.strip()) == (2, "secscan: 错误: xlsx 格式需要用 --output 指定输出文件")
    target = tmp_path / "台账.xlsx"
    code, _, err = run_cli(
        "ledger", "export", "--format", "xlsx", "--output", str(target), "--ledger", str(filled)
    )
    assert code == 0
    assert err.strip() == f"已导出 2 条记录：{target}"
    assert target.stat().st_size > 0


def test_summary_prints_the_paragraph(run_cli, filled, tmp_path):
    code, out, _ = run_cli("ledger", "summary", "--year", "2026", "--ledger", str(filled))
    assert code == 0
    assert "2026年，本单位对拟在政府网站公开的2份信息开展发布前保密审查，共检查2次。" in out
    target = tmp_path / "小结.docx"
    code, _, _ = run_cli(
        "ledger",
        "summary",
        "--year",
        "2026",
        "--format",
        "docx",
        "-o",
        str(target),
        "--ledger",
        str(filled),
    )
    assert code == 0
    assert target.exists()


def test_missing_ledger_and_bad_date_are_one_line_errors(run_cli, tmp_path):
    missing = tmp_path / "none.sqlite"
    code, _, err = run_cli("ledger", "list", "--ledger", str(missing))
    assert (code, err) == (2, f"secscan: 错误: {missing}：审查台账不存在（尚未记录过检查）\n")
    code, _, err = run_cli("ledger", "list", "--ledger", str(missing), "--from", "2026-13-01")
    assert code == 2
    assert err.startswith("secscan: 错误: 参数有误：")
    assert "2026-13-01" in err
    assert not missing.exists()


def test_scan_records_to_the_ledger_masked_and_review_follows(run_cli, tmp_path):
    pytest.importorskip("secscan.engine")
    raw_id = "110101199003074514"  # valid check digit: the engine must find and mask it
    draft = tmp_path / "draft.txt"
    draft.write_text(
        f"关于2013年政府信息公开工作的总结\n联系人身份证号 {raw_id}，本文件为机密★1年。\n",
        encoding="utf-8",
    )
    path = tmp_path / "ledger.sqlite"
    code, _, _ = run_cli("scan", str(draft), "--ledger", str(path), "--reviewer", "王芳")
    assert code == 1
    code, out, _ = run_cli("ledger", "list", "--ledger", str(path), "--format", "json")
    (row,) = json.loads(out)
    assert (row["title"], row["verdict"], row["reviewer"]) == (
        "关于2013年政府信息公开工作的总结",
        "block",
        "王芳",
    )
    assert row["category"] == "计划总结类"
    assert row["category_guessed"] is True
    for part in tmp_path.glob("ledger.sqlite*"):
        assert raw_id.encode() not in part.read_bytes()
    code, _, _ = run_cli(
        "ledger", "review", str(row["id"]), "--decision", "不予公开", "--ledger", str(path)
    )
    assert code == 0
    code, out, _ = run_cli("ledger", "verify", "--ledger", str(path))
    assert (code, out.splitlines()[0]) == (0, "台账校验通过：共 2 条记录，哈希链完整")


def test_publishing_a_superseded_check_warns(run_cli, filled, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ledger.record_scan(filled, scan_result(file_result("x.docx")), reviewer="王芳", category=None)
    ledger.record_scan(filled, scan_result(file_result("x.docx")), reviewer="王芳", category=None)
    code, _, err = run_cli(
        "ledger", "review", "3", "--decision", "同意公开", "--publish", "--ledger", str(filled)
    )
    assert code == 0
    assert "注意：第 3 条之后该文件已重新检查（第 4 条），发布的应是最新检查的版本" in err


def test_cli_choices_match_the_library():
    from secscan.cli import ledger as cli_ledger
    from secscan.model import Verdict

    assert cli_ledger.DECISIONS == ledger.DECISIONS
    assert set(cli_ledger.VERDICTS) == {str(v) for v in Verdict}
