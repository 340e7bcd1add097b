"""Every user-facing string by key, in Chinese (default) and English (``--lang en``).

Rule names and messages live in the rule files; this table holds the tool's own words.
Keys are grouped by the module that uses them. `text(key, lang, **params)` formats one.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
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
    "binary_content": (
        "内容不是文本（含大量控制字符），无法作为文本检查",
        "the content is not text (many control characters); it cannot be checked as text",
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
    # --- git, hook, baseline, inline allow (secscan/git.py, hook.py, baseline.py, suppress.py)
    "git_missing": ("找不到 git 命令（{reason}）", "git cannot be run ({reason})"),
    "git_failed": ("git {command} 失败：{reason}", "git {command} failed: {reason}"),
    "git_not_repo": (
        "{path} 不在 git 仓库中（--staged、--since 和 hook 需要 git 仓库）",
        "{path} is not inside a git repository (--staged, --since and hook need one)",
    ),
    "git_bad_rev": ("git 中找不到版本 {rev}", "no such revision in git: {rev}"),
    "git_zero_bytes": (
        "暂存了 {files} 个待检查文件，却读到 0 字节内容：未能读取暂存内容，检查无效",
        "{files} staged file(s) to check but 0 bytes read: the staged content was not read",
    ),
    "git_blob_missing": (
        "无法从 git 对象库读取该文件的内容",
        "the content could not be read from the git object store",
    ),
    "git_lfs_missing": (
        "该文件由 Git LFS 管理，本地找不到或无法核对其内容（{oid}），未能检查；请先 git lfs pull",
        "the file is kept in Git LFS and its content is missing or altered here ({oid}); "
        "not checked. Run git lfs pull first",
    ),
    "staged_read": (
        "已从暂存区读取 {files} 个待检查文件，共 {bytes} 字节",
        "read {files} staged file(s) to check, {bytes} bytes",
    ),
    "since_read": (
        "已读取自 {rev} 以来变更的 {files} 个待检查文件，共 {bytes} 字节",
        "read {files} file(s) changed since {rev}, {bytes} bytes",
    ),
    "staged_skipped": (
        "另有 {count} 个文件不是 secscan 能检查的格式，已跳过",
        "{count} more file(s) are not in a format secscan reads; skipped",
    ),
    "scan_no_paths": (
        "请指定要检查的文件或目录，或使用 --staged / --since REV",
        "name files or directories to check, or use --staged / --since REV",
    ),
    "scan_git_and_stdin": (
        "--staged / --since 读取 git 中的内容，不能同时检查标准输入",
        "--staged / --since read from git; they cannot be combined with standard input",
    ),
    "hook_installed": ("已安装 pre-commit 钩子：{path}", "pre-commit hook installed: {path}"),
    "hook_legacy_kept": (
        "原有钩子已保留为 {path}，提交时先运行它，再运行 secscan",
        "the existing hook was kept as {path}; it runs first, then secscan",
    ),
    "hook_foreign": (
        "{path} 已有其他程序的钩子，未覆盖。加 --force 可把它保留为 "
        "pre-commit.legacy 并与 secscan 串联运行；使用 pre-commit 框架的仓库请在 "
        ".pre-commit-config.yaml 中加入 secscan",
        "{path} already holds another hook; left alone. --force keeps it as "
        "pre-commit.legacy and runs it before secscan; repositories using the pre-commit "
        "framework should add secscan to .pre-commit-config.yaml instead",
    ),
    "hook_framework": (
        "{path} 是 pre-commit 框架的钩子，未作改动：请在 .pre-commit-config.yaml 中加入 secscan"
        "（id: secscan，见仓库根目录的 .pre-commit-hooks.yaml）",
        "{path} is the pre-commit framework's hook; nothing changed: add secscan to "
        ".pre-commit-config.yaml (id: secscan, see .pre-commit-hooks.yaml)",
    ),
    "hook_legacy_exists": (
        "{path} 和 {legacy} 都已存在且都不是 secscan 的钩子，未作改动（请先手工合并）",
        "both {path} and {legacy} exist and neither is secscan's; nothing changed (merge them by hand)",
    ),
    "hook_uninstalled": ("已卸载 secscan 钩子：{path}", "secscan hook removed: {path}"),
    "hook_restored": ("已恢复原有钩子：{path}", "the previous hook was restored: {path}"),
    "hook_not_installed": (
        "{path} 不是 secscan 安装的钩子（或不存在），未作改动",
        "{path} is not a hook secscan installed (or does not exist); nothing changed",
    ),
    "baseline_error": ("基线文件 {path}：{reason}", "baseline file {path}: {reason}"),
    "baseline_not_json": ("不是有效的 JSON（{detail}）", "not valid JSON ({detail})"),
    "baseline_not_ours": ("不是 secscan 基线文件", "not a secscan baseline file"),
    "baseline_too_new": (
        "格式版本 {found} 高于本程序支持的版本 {supported}，请升级 secscan",
        "format version {found} is newer than this secscan supports ({supported}); upgrade",
    ),
    "baseline_bad_entry": ("第 {n} 项：{field} {reason}", "entry {n}: {field} {reason}"),
    "baseline_missing": ("文件不存在", "no such file"),
    "baseline_unreadable_file": ("无法读取（{detail}）", "cannot be read ({detail})"),
    "baseline_exists": (
        "基线文件 {path} 已存在：用 secscan baseline update 更新（保留已有复核），或加 --force 重建",
        "{path} exists: run secscan baseline update (keeps the reviews) or add --force to rebuild",
    ),
    "baseline_bad_args": ("参数有误：需要 {detail}", "bad arguments: {detail} is needed"),
    "baseline_written": ("已写入基线 {path}：{count} 项", "baseline written to {path}: {count} entries"),
    "baseline_updated": (
        "已更新基线 {path}：保留 {kept} 项，删除 {dropped} 项（已不存在），新增 {added} 项",
        "baseline {path} updated: {kept} kept, {dropped} dropped (gone), {added} added",
    ),
    "baseline_new_left": (
        "另有 {count} 项新发现未加入基线（复核后用 --add-new --reason 加入）",
        "{count} new finding(s) were not added (review them, then use --add-new --reason)",
    ),
    "baseline_unreadable": (
        "有 {count} 个文件无法完整检查，未写入基线：{paths}",
        "{count} file(s) could not be fully checked; baseline not written: {paths}",
    ),
    "allow_no_rule": ("缺少规则编号", "no rule id"),
    "allow_unknown_rule": ("规则编号 {rule} 不存在", "unknown rule id {rule}"),
    "allow_no_reason": ("缺少复核理由", "no reason given"),
    "junit_suite": ("保密审查", "secscan"),
    # --- ledger (secscan/ledger, secscan/cli/ledger.py) ------------------------------------
    "ledger_missing": (
        "{path}：审查台账不存在（尚未记录过检查）",
        "{path}: no ledger here yet (nothing has been recorded)",
    ),
    "ledger_open": (
        "{path}：无法打开审查台账（{reason}）",
        "{path}: cannot open the ledger ({reason})",
    ),
    "ledger_io": (
        "{path}：审查台账读写失败（{reason}）",
        "{path}: ledger read/write failed ({reason})",
    ),
    "ledger_busy": (
        "{path}：审查台账被其他进程长时间占用，请稍后重试（{reason}）",
        "{path}: the ledger stayed locked by another process; try again ({reason})",
    ),
    "ledger_not_sqlite": (
        "{path}：不是审查台账文件（无法作为 SQLite 数据库打开），未作任何改动",
        "{path}: not a ledger (not an SQLite database); left untouched",
    ),
    "ledger_foreign": (
        "{path}：不是 secscan 审查台账（属于其他程序的数据库），未作任何改动",
        "{path}: not a secscan ledger (another program's database); left untouched",
    ),
    "ledger_too_new": (
        "{path}：审查台账格式版本为 {found}，高于本程序支持的版本 {supported}；"
        "请升级 secscan 后再使用，台账未作任何改动",
        "{path}: ledger schema version {found} is newer than this secscan supports "
        "({supported}); upgrade secscan. The ledger was left untouched",
    ),
    "ledger_bad_category": (
        "信息类别“{value}”无效，可选：{choices}",
        "unknown information category '{value}'; choose one of: {choices}",
    ),
    "ledger_bad_decision": (
        "审查意见“{value}”无效，可选：{choices}",
        "unknown decision '{value}'; choose one of: {choices}",
    ),
    "ledger_bad_date": (
        "日期“{value}”无效，格式应为 YYYY-MM-DD",
        "bad date '{value}', use YYYY-MM-DD",
    ),
    "ledger_no_entry": ("台账中没有第 {id} 条记录", "the ledger has no entry {id}"),
    "ledger_not_scan": ("第 {id} 条记录不是文件检查记录", "entry {id} is not a file check"),
    "ledger_publish_refused": (
        "审查意见为“{decision}”，不能同时记录为已发布",
        "a '{decision}' decision cannot also record publication",
    ),
    "ledger_needs_output": (
        "{format} 格式需要用 --output 指定输出文件",
        "--format {format} needs --output FILE",
    ),
    "ledger_verify_ok": (
        "台账校验通过：共 {count} 条记录，哈希链完整",
        "ledger verified: {count} entries, hash chain intact",
    ),
    "ledger_head": (
        "末条记录哈希：{hash}（可抄录留存，日后校验时比对）",
        "head hash: {hash} (note it down to compare at the next check)",
    ),
    "ledger_chain_ok": ("通过（共 {count} 条记录）", "intact ({count} entries)"),
    "ledger_broken_edited": (
        "台账校验失败：第 {id} 条记录的内容被改动",
        "ledger check failed: entry {id} was edited",
    ),
    "ledger_broken_deleted": (
        "台账校验失败：第 {id} 条记录被删除",
        "ledger check failed: entry {id} was deleted",
    ),
    "ledger_broken_inserted": (
        "台账校验失败：第 {id} 条记录是后来插入的",
        "ledger check failed: entry {id} was inserted",
    ),
    "ledger_broken_reordered": (
        "台账校验失败：第 {id} 条记录的顺序被调换（它本应在现第 {other} 条之后）",
        "ledger check failed: entry {id} was reordered "
        "(it belongs after what is now entry {other})",
    ),
    "ledger_broken_missing_before": (
        "台账校验失败：第 {id} 条记录之前有记录被删除（编号已被重排）",
        "ledger check failed: an entry before entry {id} was deleted (ids were renumbered)",
    ),
    "ledger_col_no": ("序号", "No."),
    "ledger_col_id": ("台账编号", "Entry"),
    "ledger_col_short_id": ("编号", "ID"),
    "ledger_col_nfindings": ("问题数", "Findings"),
    "ledger_col_date": ("日期", "Date"),
    "ledger_col_time": ("检查时间", "Checked at"),
    "ledger_col_title": ("文件名称", "Title"),
    "ledger_col_path": ("文件路径", "Path"),
    "ledger_col_category": ("信息类别", "Category"),
    "ledger_col_category_source": ("类别来源", "Category source"),
    "ledger_col_verdict": ("审查结果", "Result"),
    "ledger_col_findings": ("发现问题", "Findings"),
    "ledger_col_decision": ("处理意见", "Decision"),
    "ledger_col_reviewer": ("审查人", "Reviewer"),
    "ledger_col_published": ("发布日期", "Published"),
    "ledger_col_sha256": ("文件SHA256", "SHA-256"),
    "ledger_col_ruleset": ("规则集版本", "Rule set"),
    "ledger_col_count": ("条数", "Items"),
    "ledger_col_percent": ("占比", "Share"),
    "ledger_guessed": ("自动判断", "guessed"),
    "ledger_given": ("人工指定", "given"),
    "ledger_none": ("无", "none"),
    "ledger_finding_cell": ("{name}（{severity}）{n}处", "{name} ({severity}) x{n}"),
    "ledger_and_more": ("等", " and more"),
    "ledger_pending_review": ("待审查", "awaiting review"),
    "ledger_rechecked_in": ("修改后已复查（台账第{id}条）", "re-checked in entry {id}"),
    "ledger_published_on": ("已于{date}发布", "published {date}"),
    "ledger_sheet": ("保密审查台账", "Review ledger"),
    "ledger_docx_title": ("政府信息公开保密审查台账", "Confidentiality review ledger"),
    "ledger_docx_period": ("{period}", "{period}"),
    "ledger_summary_title": (
        "{year}年政府信息公开保密审查情况",
        "Confidentiality review of published information, {year}",
    ),
    "ledger_summary_paragraph": ("自查情况", "Self-check paragraph (for the report, in Chinese)"),
    "ledger_fig_scans": ("检查次数", "checks run"),
    "ledger_fig_documents": ("检查信息（份）", "documents checked"),
    "ledger_fig_published": ("主动公开信息（条）", "items published"),
    "ledger_fig_findings": ("发现问题（按类别，处）", "findings by category"),
    "ledger_fig_blocked": ("检查结果为禁止发布的信息（份）", "documents blocked"),
    "ledger_fig_unresolved": (
        "已公开但存在未解决禁止发布问题（条）",
        "published with an unresolved block finding",
    ),
    "ledger_fig_undecided": ("已公开但缺少审查意见（条）", "published without a review decision"),
    "ledger_fig_chain": ("台账校验", "ledger check"),
    "ledger_outcome_fixed": ("修改后复查通过", "fixed and passed"),
    "ledger_outcome_withheld": ("不予公开", "withheld"),
    "ledger_outcome_pending": ("待处理", "pending"),
    "ledger_outcome_published_unresolved": ("未整改即公开", "published unresolved"),
    "ledger_source_option": ("--ledger 参数", "the --ledger option"),
    "ledger_source_env": ("环境变量 SECSCAN_LEDGER", "the SECSCAN_LEDGER variable"),
    "ledger_source_config": ("配置文件", "the config file"),
    "ledger_source_default": ("默认位置（用户数据目录）", "the default (user data directory)"),
    "ledger_where_note": ("来源：{source}", "from {source}"),
    "ledger_where_absent": (
        "（文件尚未创建，首次记录检查时创建）",
        " (not created yet; the first record creates it)",
    ),
    "ledger_reviewed": ("已记录审查意见：台账第 {id} 条", "decision recorded as entry {id}"),
    "ledger_published": ("已记录发布：台账第 {id} 条", "publication recorded as entry {id}"),
    "ledger_warn_unresolved": (
        "注意：第 {id} 条检查有 {n} 处未解决的阻断问题，但已记录为发布",
        "warning: check {id} has {n} unresolved block finding(s) and was recorded as published",
    ),
    "ledger_warn_undecided": (
        "注意：第 {id} 条检查尚无审查意见",
        "warning: check {id} has no review decision",
    ),
    "ledger_warn_superseded": (
        "注意：第 {id} 条之后该文件已重新检查（第 {next} 条），发布的应是最新检查的版本",
        "warning: the file was checked again after entry {id} (entry {next}); "
        "publish the latest check",
    ),
    "ledger_list_empty": ("没有符合条件的记录", "no matching entries"),
    "ledger_list_title": ("保密审查台账（{n} 条）", "Review ledger ({n} entries)"),
    "ledger_exported": ("已导出 {n} 条记录：{path}", "exported {n} entries to {path}"),
    "ledger_written": ("已写入：{path}", "written: {path}"),
    "ledger_kind_scan": ("文件检查", "file check"),
    "ledger_kind_review": ("审查意见", "review decision"),
    "ledger_kind_publish": ("发布", "publication"),
    "ledger_field_kind": ("记录类型", "kind"),
    "ledger_field_actor": ("记录人", "recorded by"),
    "ledger_field_ref": ("对应检查", "refers to check"),
    "ledger_field_note": ("备注", "note"),
    "ledger_field_format": ("格式", "format"),
    "ledger_field_status": ("读取状态", "read status"),
    "ledger_field_error": ("读取错误", "read error"),
    "ledger_field_previous": ("上次检查", "previous check"),
    "ledger_field_next": ("复查记录", "re-checked in"),
    "ledger_field_hash": ("本条哈希", "entry hash"),
    "ledger_field_prev_hash": ("上条哈希", "previous hash"),
    "ledger_field_reviews": ("审查意见", "decisions"),
    "ledger_field_rule": ("规则", "rule"),
    "ledger_field_severity": ("级别", "severity"),
    "ledger_field_part": ("部位", "part"),
    "ledger_field_location": ("位置", "location"),
    "ledger_field_match": ("命中内容", "match"),
    "ledger_field_context": ("上下文", "context"),
    "ledger_field_suppressed": ("豁免", "suppressed"),
    # --- end ledger
}


# What `detail` says (where in the file a text came from) is written by the extractors as short
# English keys; staff read it in Chinese. Unknown details (a metadata field's own name) show as-is.
_DETAIL_ZH = {
    "text box": "文本框",
    "comment": "批注",
    "deleted": "修订中删除的文字",
    "inserted": "修订中插入的文字",
    "moved": "修订中移动的文字",
    "field code": "域代码",
    "hyperlink": "超链接",
    "link": "链接",
    "attachedTemplate": "附加模板",
    "filename": "文件名",
    "creator": "作者",
    "lastModifiedBy": "最后修改人",
    "comment author": "批注作者",
    "revision author": "修订作者",
    "annotation author": "注释作者",
    "XMP creator": "XMP 作者",
    "people": "协作者",
    "shared strings": "嵌入表格的文字",
    "hidden element": "隐藏元素",
    "html comment": "网页注释",
    "script string": "脚本中的字符串",
    "title": "标题",
    "template": "template 元素",
    "hidden attribute": "hidden 属性",
    "input type=hidden": "隐藏输入框",
    "covered by a filled rectangle": "被色块遮盖",
    "invisible (render mode 3, white or under 1 pt)": "不可见的文字（透明、白色或小于 1 磅）",
    "outside the crop box": "页面可见区域之外",
    "in a layer (optional content) switched off": "默认关闭的图层中",
    "checked": "已检查",
    "not checked": "未检查",
    "empty user password": "用空密码打开",
}
_DETAIL_ZH_PATTERNS = (
    (r"^table (\d+), row (\d+), cell (\d+)$", r"表格\1第\2行第\3列"),
    (r"^footnote (\S+)$", r"脚注 \1"),
    (r"^endnote (\S+)$", r"尾注 \1"),
    (r"^custom: (.+)$", r"自定义属性 \1"),
    (r"^page (\d+): (\d+) glyphs without Unicode \(cid\)$", r"第\1页有 \2 个字形无法转换为文字（cid）"),
    (r"^page (\d+): GBK text shown through a Latin font \(mojibake\)$", r"第\1页的文字以西文字体显示，无法还原（乱码）"),
    (r"^page (\d+): (.+)$", r"第\1页：\2"),
)


def detail_text(detail: str | None, lang: str = "zh") -> str:
    """A finding's `detail` for a reader: Chinese words for the extractors' English keys."""
    if not detail or lang == "en":
        return detail or ""
    import re

    return "；".join(_detail_piece(piece, re) for piece in detail.split("; "))


def _detail_piece(piece: str, re: Any) -> str:
    if piece.startswith("error:"):  # an inner file's ExtractError, by its message key
        return text(piece[len("error:") :], "zh")
    said = _DETAIL_ZH.get(piece)
    if said is not None:
        return said
    for pattern, replacement in _DETAIL_ZH_PATTERNS:
        if re.match(pattern, piece):
            return str(re.sub(pattern, replacement, piece))
    inner = re.match(r"^(.+?): (.+)$", piece)  # "附件.docx: deleted" from a file inside a file
    if inner:
        return f"{inner.group(1)}：{_detail_piece(inner.group(2), re)}"
    return piece


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
