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
    "no_such_path": ("文件或目录不存在", "no such file or directory"),
    "not_readable": ("无法读取（{reason}）", "cannot be read ({reason})"),
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
    "limit_depth": (
        "文件嵌套过深，无法完整检查",
        "the file is nested too deeply to be checked fully",
    ),
    "extract_crash": (
        "文件内容异常，解析失败（{error}），未能完整检查",
        "the file could not be parsed ({error}); it was not fully checked",
    ),
    "unreadable_part": (
        "文件有部分内容无法读取：{detail}",
        "part of the file could not be read: {detail}",
    ),
    # docx/pdf/html extractors (secscan/extract/{docx,pdf,html,zipguard,xmlsafe}.py)
    "encrypted": ("文件已加密，无法检查", "the file is encrypted and cannot be checked"),
    "corrupt": ("文件已损坏，无法读取（{detail}）", "the file is damaged and cannot be read ({detail})"),
    "not_zip": ("不是有效的 docx（不是 zip 压缩包）", "not a valid docx (not a zip package)"),
    "not_docx": (
        "不是有效的 docx（缺少 word/document.xml）",
        "not a valid docx (word/document.xml is missing)",
    ),
    "legacy_doc": (
        "是旧版 Word（.doc）或其他 OLE 文件，请另存为 docx 后再检查",
        "a legacy Word .doc or other OLE file; save it as docx and check again",
    ),
    "not_pdf": ("不是有效的 PDF（{detail}）", "not a valid PDF ({detail})"),
    "limit_zip_members": (
        "压缩包成员过多（{count} 个，上限 {limit} 个），疑似恶意文件",
        "too many members in the zip ({count}, limit {limit}); possibly hostile",
    ),
    "limit_zip_total": (
        "zip 炸弹：解压后过大（{size} 字节，上限 {limit} 字节）",
        "zip bomb: {size} bytes uncompressed (limit {limit})",
    ),
    "limit_zip_ratio": (
        "zip 炸弹：压缩比过高（{name}：{ratio} 倍，上限 {limit} 倍）",
        "zip bomb: compression ratio {ratio} for {name} (limit {limit})",
    ),
    "limit_part_size": (
        "文件内部件过大（{name}：{size} 字节，上限 {limit} 字节）",
        "a part of the file is too large ({name}: {size} bytes, limit {limit})",
    ),
    "xml_dtd": (
        "XML 部件 {name} 含有 DTD/实体声明，为防范实体注入已拒绝读取",
        "XML part {name} declares a DTD or entities; refused (entity expansion / external entities)",
    ),
    "limit_html_depth": (
        "HTML 嵌套过深（超过 {limit} 层），疑似恶意文件",
        "HTML nested deeper than {limit} levels; possibly hostile",
    ),
    "limit_pdf_pages": (
        "PDF 页数过多（超过 {limit} 页）",
        "the PDF has more than {limit} pages",
    ),
    # --- verdicts and report words ---------------------------------------------------------
    "verdict_pass": ("通过", "pass"),
    "verdict_warn": ("需复核", "warn"),
    "verdict_block": ("禁止发布", "block"),
    "verdict_error": ("无法检查", "error"),
    "severity_block": ("阻断", "block"),
    "severity_warn": ("警告", "warn"),
    "severity_info": ("提示", "info"),
    "part_body": ("正文", "body"),
    "part_header": ("页眉", "header"),
    "part_footer": ("页脚", "footer"),
    "part_note": ("脚注/尾注", "note"),
    "part_comment": ("批注", "comment"),
    "part_revision": ("修订痕迹", "revision"),
    "part_hidden": ("隐藏内容", "hidden"),
    "part_metadata": ("元数据", "metadata"),
    "part_attribute": ("属性", "attribute"),
    "part_annotation": ("注释", "annotation"),
    "category_classification-mark": ("密级标志", "classification mark"),
    "category_secret-keyword": ("涉密词", "secret keyword"),
    "category_pii": ("个人信息", "personal data"),
    "category_draft-marker": ("过程稿标志", "draft marker"),
    "category_internal-address": ("内网地址", "internal address"),
    "category_hidden-content": ("隐藏内容", "hidden content"),
    "category_metadata": ("元数据", "metadata"),
    "category_expression": ("表述问题", "expression"),
    "loc_page": ("第{n}页", "page {n}"),
    "loc_paragraph": ("第{n}段", "paragraph {n}"),
    "loc_line": ("第{n}行", "line {n}"),
    "loc_column": ("第{n}列", "column {n}"),
    "report_file": ("{path}：{verdict}（{count} 项发现）", "{path}: {verdict} ({count} findings)"),
    "report_error": ("{path}：无法检查 — {error}", "{path}: not checked — {error}"),
    "report_advice": ("处理建议", "what to do"),
    "report_context": ("上下文", "context"),
    "report_suppressed": ("已复核（{how}）：{reason}", "reviewed ({how}): {reason}"),
    "suppressed_baseline": ("基线", "baseline"),
    "suppressed_inline": ("行内允许", "inline allow"),
    "report_summary": (
        "汇总：共检查 {files} 个文件 — 通过 {passed}，需复核 {warn}，禁止发布 {block}，无法检查 {error}",
        "summary: {files} files — pass {passed}, warn {warn}, block {block}, error {error}",
    ),
    "report_ruleset": ("规则集版本 {version}（sha256 {sha}）", "ruleset {version} (sha256 {sha})"),
    "report_title": ("保密审查自查结果", "secscan results"),
    "report_col_verdict": ("结论", "verdict"),
    "report_col_count": ("文件数", "files"),
    "report_progress": ("正在检查", "scanning"),
    "rules_test_missed": (
        "未命中：{case}（{source}）示例「{example}」应当命中，实际：{got}",
        "missed: {case} ({source}) example \"{example}\" should fire; got: {got}",
    ),
    "rules_test_fired": (
        "误报：{case}（{source}）反例「{example}」不应命中，实际命中：{got}",
        "false hit: {case} ({source}) counter-example \"{example}\" must not fire; got: {got}",
    ),
    "rules_test_summary": (
        "规则示例检验：共 {total} 例，失败 {failed} 例",
        "rule examples: {total} checked, {failed} failed",
    ),
    "report_fail_hint": (
        "有文件未通过检查（{fail_on}及以上）：请按处理建议修改后重新检查。",
        "some files failed (at or above {fail_on}): fix them as advised and scan again.",
    ),
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
