"""The pipeline end to end on text: evasions caught, look-alikes not, locations, masking."""

from __future__ import annotations

import pytest

from secscan.model import Category, Part, Severity, Status, Verdict

# (text, rule expected) — every evasion form of issue 2 on a whole line of prose
EVASIONS = [
    ("秘密★1年", "mark-secret-star"),
    ("机 密★长期", "mark-secret-star"),
    ("机*密文件已收到", "secret-carrier-level"),
    ("機密★10年", "mark-secret-star"),
    ("秘密★１年", "mark-secret-star"),
    ("机\n密★5年", "mark-secret-star"),
    ("秘　密", "mark-secret-line"),
    ("㊙密★", "mark-secret-star"),
    ("內部資料 注意保存", "mark-internal-line"),
    ("徵求意見稿", "draft-marker"),
]

LOOK_ALIKES = [
    "本项目采用有机密封材料，密封性能良好。",
    "成功的秘密在于坚持。",
    "健全内部管理制度，加强内部控制。",
    "严格执行保密审查制度，做到涉密信息不上网、上网信息不涉密。",
    "召开保密工作会议，部署保密宣传教育月活动。",
    "保护商业秘密和个人隐私。",
    "确保信息的机密性、完整性和可用性。",
    "统一社会信用代码：91110000600037341L",
    "订单编号：202311210001234567",
    "咨询电话：12345",
]


@pytest.mark.parametrize(("text", "rule_id"), EVASIONS)
def test_evasion_forms_are_caught(scanner, text: str, rule_id: str) -> None:
    ids = {f.rule_id for f in scanner.scan_text(text)}
    assert rule_id in ids


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_do_not_warn_or_block(scanner, text: str) -> None:
    serious = [f for f in scanner.scan_text(text) if f.severity is not Severity.INFO]
    assert serious == []


def test_location_points_at_the_original_line_and_column(scanner) -> None:
    text = "第一行\n第二行 正文 机 密★1年 结束\n第三行"
    [finding] = [f for f in scanner.scan_text(text) if f.rule_id == "mark-secret-star"]
    assert (finding.location.line, finding.location.column) == (2, 8)
    assert finding.match == "机 密★1年"
    assert finding.category is Category.CLASSIFICATION_MARK
    assert finding.part is Part.BODY


def test_personal_data_is_masked_in_match_and_context(scanner) -> None:
    text = "联系人：张三，身份证号码33021119800101001X，手机13812345678。"
    findings = scanner.scan_text(text)
    rendered = " ".join(f.match + f.context for f in findings)
    assert "33021119800101001X" not in rendered
    assert "13812345678" not in rendered
    ids = {f.rule_id: f for f in findings}
    assert ids["pii-cn-id"].match == "330211********001X"


def test_file_verdicts_and_name(scanner) -> None:
    clean = scanner.scan_bytes("关于召开年度工作会议的通知\n".encode(), "notice.txt")
    assert (clean.status, clean.verdict, clean.findings) == (Status.OK, Verdict.PASS, ())
    assert clean.title == "关于召开年度工作会议的通知"
    named = scanner.scan_bytes("会议纪要\n".encode(), "秘密★会议纪要.txt")
    assert named.verdict is Verdict.BLOCK
    assert named.findings[0].part is Part.METADATA
    assert named.findings[0].detail == "filename"


def test_gb18030_text_is_decoded(scanner) -> None:
    result = scanner.scan_bytes("附件：内部资料汇编\n".encode("gb18030"), "a.txt")
    assert result.status is Status.OK
    assert "mark-internal" in {f.rule_id for f in result.findings}


def test_binary_bytes_named_txt_are_an_error_not_a_pass(scanner) -> None:
    import random

    noise = random.Random(7).randbytes(4096)
    result = scanner.scan_bytes(noise, "bad.txt")
    assert (result.status, result.verdict) == (Status.ERROR, Verdict.ERROR)
    assert result.error


def test_empty_file_passes(scanner) -> None:
    result = scanner.scan_bytes(b"", "empty.txt")
    assert (result.status, result.verdict) == (Status.OK, Verdict.PASS)


def test_missing_file_is_an_error(scanner, tmp_path) -> None:
    result = scanner.scan_path(str(tmp_path / "nope.txt"))
    assert result.verdict is Verdict.ERROR
    assert result.error == "文件或目录不存在"


def test_seed_report_passes_without_block_or_warn(scanner, shared_dir) -> None:
    data = (shared_dir / "seed-report.txt").read_bytes()
    result = scanner.scan_bytes(data, "seed-report.txt")
    serious = [f for f in result.findings if f.severity is not Severity.INFO]
    assert result.verdict is Verdict.PASS, [(f.rule_id, f.match) for f in serious]


def test_fingerprint_ignores_line_numbers(scanner) -> None:
    a = scanner.scan_text("前言\n正文：秘密★1年。")
    b = scanner.scan_text("前言\n\n\n新增一段。\n正文：秘密★1年。")
    fa = [f.fingerprint for f in a if f.rule_id == "mark-secret-star"]
    fb = [f.fingerprint for f in b if f.rule_id == "mark-secret-star"]
    assert fa == fb
