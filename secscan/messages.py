"""Every user-facing string by key, in Chinese (default) and English (``--lang en``).

Rule names and messages live in the rule files; this table holds the tool's own words.
Keys are grouped by the module that uses them. `text(key, lang, **params)` formats one.
"""

from __future__ import annotations

from typing import Any

LANGS = ("zh", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors (cli maps them to one line: "secscan: 错误: ...") -------------------------
    "error_prefix": ("secscan: 错误: ", "secscan: error: "),
    "unexpected": (
        "内部错误：{error}（加 --debug 重新运行可查看详细信息）",
        "internal error: {error} (rerun with --debug for details)",
    ),
    "interrupted": ("已中断", "interrupted"),
    "rule_error": (
        "规则文件 {path}：规则 {rule}，字段 {field}：{reason}",
        "rule file {path}: rule {rule}, field {field}: {reason}",
    ),
    "config_error": ("配置文件 {path}：{reason}", "config file {path}: {reason}"),
    "config_value": ("配置项 {key}：{reason}", "setting {key}: {reason}"),
    "no_such_path": ("{path}：文件或目录不存在", "{path}: no such file or directory"),
    "not_readable": ("{path}：无法读取（{reason}）", "{path}: cannot be read ({reason})"),
    "no_files": ("没有找到可检查的文件：{path}", "no files to check under {path}"),
    # --- extraction (file status error; reason shown after the path) -----------------------
    "undecodable": (
        "文本无法解码（第 {offset} 字节起不是有效的 UTF-8/GB18030 编码）",
        "text cannot be decoded (invalid UTF-8/GB18030 from byte {offset})",
    ),
    "limit_time": (
        "检查超时（超过 {seconds} 秒），文件未能完整检查",
        "timed out after {seconds} s; the file was not fully checked",
    ),
    "limit_file_size": (
        "文件过大（{size} 字节，上限 {limit} 字节）",
        "file too large ({size} bytes, limit {limit})",
    ),
    "unreadable_part": (
        "文件有部分内容无法读取：{detail}",
        "part of the file could not be read: {detail}",
    ),
    # --- verdicts and report words ---------------------------------------------------------
    "verdict_pass": ("通过", "pass"),
    "verdict_warn": ("需复核", "warn"),
    "verdict_block": ("禁止发布", "block"),
    "verdict_error": ("无法检查", "error"),
    "severity_block": ("阻断", "block"),
    "severity_warn": ("警告", "warn"),
    "severity_info": ("提示", "info"),
}


def text(key: str, lang: str = "zh", /, **params: Any) -> str:
    """The message `key` in `lang`, formatted with `params`; an unknown key shows itself."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key if not params else f"{key} {params}"
    template = pair[1] if lang == "en" else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template
