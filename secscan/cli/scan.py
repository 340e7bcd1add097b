"""`secscan scan`: options, the calls, and the exit code. The pipeline lives in engine.py."""

from __future__ import annotations

import argparse
import os
import sys
TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any

from secscan.model import FileResult, ScanResult, Severity, Status, Verdict

OUTPUT_FORMATS = ("text", "json", "sarif", "junit")


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "scan",
        parents=[common],
        help="检查文件或目录（docx、pdf、html、txt、md）",
        description="检查待发布的文件：密级标志、涉密词、个人信息、隐藏内容、元数据、内网地址、过程稿标志。",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="文件或目录；- 表示标准输入（与 --staged/--since 同用时只查这些路径）")
    p.add_argument("--format", choices=OUTPUT_FORMATS, default="text", help="输出格式（默认 text）")
    p.add_argument("--fail-on", choices=("block", "warn"), default=None, help="达到该级别即返回 1（默认 block）")
    p.add_argument("--rules", action="append", default=None, metavar="DIR", help="追加规则目录（可重复；同编号规则覆盖内置规则）")
    p.add_argument("--no-builtin-rules", action="store_true", help="只用 --rules 指定的规则，不用内置规则")
    p.add_argument("--exclude", action="append", default=None, metavar="GLOB", help="排除匹配的路径（可重复）")
    p.add_argument("--stdin-name", default="-", metavar="NAME", help="标准输入内容的文件名（用于判断格式）")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="并行进程数（默认按 CPU 核数）")
    p.add_argument("--config", default=None, metavar="FILE", help="配置文件（默认查找 .secscan.toml 或 pyproject.toml）")
    p.add_argument("--output", "-o", default=None, metavar="FILE", help="把报告写入文件")
    repo = p.add_argument_group("git 仓库（提交前检查、持续集成）")
    which = repo.add_mutually_exclusive_group()
    which.add_argument("--staged", action="store_true", help="检查暂存区中新增、修改、改名的文件（读取 git 索引中的内容，不读工作区）")
    which.add_argument("--since", default=None, metavar="REV", help="检查自 REV 分出以来变更的文件（HEAD 中的内容；用于合并请求的 CI）")
    repo.add_argument("--baseline", default=None, metavar="FILE", help="基线文件：其中已复核的问题只作提示，只有新问题导致失败")
    ledger = p.add_argument_group("审查台账")
    ledger.add_argument("--ledger", default=None, metavar="PATH", help="台账文件（SQLite）")
    ledger.add_argument("--no-ledger", action="store_true", help="不写入审查台账")
    ledger.add_argument("--reviewer", default=None, help="审查人（默认当前系统用户）")
    ledger.add_argument("--category", default=None, help="信息类别（默认自动判断）")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from secscan.config import load_config

    flags = {
        "lang": args.lang if args.lang_given else None,
        "fail_on": args.fail_on,
        "rules": tuple(args.rules) if args.rules else None,
        "builtin_rules": False if args.no_builtin_rules else None,
        "exclude": tuple(args.exclude) if args.exclude else None,
        "jobs": args.jobs,
        "ledger": args.ledger,
        "reviewer": args.reviewer,
        "baseline": args.baseline,
    }
    config = load_config(flags, config_path=args.config)
    if not args.lang_given:
        args.lang = config.lang  # the config file may choose the language; a flag wins
    reviewed = _load_baseline(config.baseline)  # a broken baseline stops before any scan
    scanner = LazyScanner(config)
    result = collect(scanner, args)
    if reviewed is not None:
        from secscan.baseline import apply

        result = apply(result, reviewed)
    _write_report(result, args, config.fail_on, scanner.ruleset)
    if not args.no_ledger:
        _record(result, args, config)
    return exit_code(result, config.fail_on)


class LazyScanner:
    """The Scanner, built on first use: a commit that stages nothing secscan reads (css, images,
    scripts) never pays for the matcher (~20 ms of the hook's ~110 ms). Rule errors still stop
    the run, since the report's rule set version loads the rules (~2 ms) either way."""

    __slots__ = ("_ruleset", "_scanner", "config")

    def __init__(self, config: Any) -> None:
        self.config = config
        self._ruleset: Any = None
        self._scanner: Any = None

    @property
    def ruleset(self) -> Any:
        if self._ruleset is None:
            from secscan.ruleset import load_ruleset

            self._ruleset = load_ruleset(self.config.rules, builtin=self.config.builtin_rules)
        return self._ruleset

    @property
    def info(self) -> Any:
        from secscan.model import RulesetInfo

        return RulesetInfo(version=self.ruleset.version, sha256=self.ruleset.sha256)

    def get(self) -> Any:
        if self._scanner is None:
            from secscan.engine import Scanner

            self._scanner = Scanner(self.config, self.ruleset)
        return self._scanner


def collect(scanner: LazyScanner, args: argparse.Namespace) -> ScanResult:
    """Scan what the arguments name: paths, or the staged / changed content from git."""
    from secscan.errors import UsageError

    if args.staged or args.since:
        if "-" in args.paths:
            raise UsageError("scan_git_and_stdin")
        return _collect_git(scanner, args)
    if not args.paths:
        raise UsageError("scan_no_paths")
    from secscan.engine import expand_paths, scan_files

    files = list(expand_paths(args.paths, scanner.config.exclude))

    def scan(on_result: Any) -> ScanResult:
        return scan_files(scanner.get(), files, on_result=on_result, stdin_name=args.stdin_name)

    return _with_progress(len(files) > 1, len(files), args, scan)


def _collect_git(scanner: LazyScanner, args: argparse.Namespace) -> ScanResult:
    """Staged blobs (--staged) or HEAD's blobs changed since REV (--since); never the work tree."""
    from secscan import git
    from secscan.extract import format_by_name
    from secscan.messages import text
    from secscan.model import summarise

    top = git.top_level()
    if args.staged:
        changes = git.staged_changes(top, [os.path.abspath(p) for p in args.paths])
    else:
        changes = git.changes_since(args.since, top, [os.path.abspath(p) for p in args.paths])
    names = {c.path: os.path.relpath(os.path.join(top, c.path)) for c in changes}
    wanted = [c for c in changes if format_by_name(c.path) is not None]
    if scanner.config.exclude:
        from secscan.engine import is_excluded

        wanted = [c for c in wanted if not is_excluded(names[c.path], scanner.config.exclude)]
    contents = git.read_blobs(wanted, top, scanner.config.limits.max_file_bytes)
    # Say what was read: a hook that silently read nothing is the trap this guards against.
    key = "staged_read" if args.staged else "since_read"
    read = text(key, args.lang, files=contents.files, bytes=contents.bytes, rev=args.since)
    sys.stderr.write(f"secscan: {read}\n")
    if len(changes) > len(wanted):
        skipped = text("staged_skipped", args.lang, count=len(changes) - len(wanted))
        sys.stderr.write(f"secscan: {skipped}\n")
    items = [(names[b.change.path], b.data) for b in contents.blobs if b.data is not None]
    scanned = iter(_scan_blobs(scanner, items, args) if items else [])
    files = []
    for blob in contents.blobs:  # results in the order git listed the files
        if blob.data is not None:
            files.append(next(scanned))
        else:
            error = text(blob.error or "git_blob_missing", args.lang, **blob.params)
            files.append(scanner.get().error_result(names[blob.change.path], error))
    done = tuple(files)
    return ScanResult(ruleset=scanner.info, files=done, summary=summarise(done))


def _scan_blobs(
    scanner: LazyScanner, items: list[tuple[str, bytes]], args: argparse.Namespace
) -> list[FileResult]:
    # Imported here: a commit with nothing secscan reads never loads the engine (~35 ms).
    from secscan.engine import PARALLEL_MIN_FILES, scan_blobs

    def scan(on_result: Any) -> list[FileResult]:
        return scan_blobs(scanner.get(), items, on_result=on_result)

    # The progress bar (rich) only for large commits: the usual one-page commit stays light.
    return _with_progress(len(items) >= PARALLEL_MIN_FILES, len(items), args, scan)


def _with_progress(show: bool, total: int, args: argparse.Namespace, scan: Any) -> Any:
    """Run `scan(on_result)`, with a progress bar on a terminal when `show` (rich costs ~2x
    Python's start-up, so small runs and the hook's usual one-page commit go without)."""
    if not (show and sys.stderr.isatty() and args.format == "text"):
        return scan(None)
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from secscan.messages import text

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task(text("report_progress", args.lang), total=total)
        return scan(lambda _r: progress.advance(task))


def _load_baseline(path: str | None) -> Any:
    if not path:
        return None
    from secscan.baseline import load

    return load(path)


def _write_report(
    result: ScanResult, args: argparse.Namespace, fail_on: Severity, ruleset: Any = None
) -> None:
    from secscan.report import render

    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            render(args.format, result, args.lang, out, fail_on, terminal=False, ruleset=ruleset)
        return
    # A commit's output stays one `path:line:column:` line per finding even on a terminal, so
    # editors and terminals link to it (issue 5); rich's layout is for reading a scan.
    terminal = sys.stdout.isatty() and not (args.staged or args.since)
    render(args.format, result, args.lang, sys.stdout, fail_on, terminal=terminal, ruleset=ruleset)


def _record(result: ScanResult, args: argparse.Namespace, config: Any) -> None:
    if not result.files:
        return  # nothing checked, nothing to record (and the ledger's imports cost ~20 ms)
    from secscan import ledger

    path = ledger.resolve_path(config.ledger)
    texts = {r.path: r.excerpt for r in result.files if r.excerpt}
    reviewer = config.reviewer
    if reviewer is None and (args.staged or args.since or os.environ.get("PRE_COMMIT") == "1"):
        from secscan.git import user_name

        reviewer = user_name()  # in a commit, the committer is the one answering for it
    ledger.record_scan(path, result, reviewer=reviewer, category=args.category, texts=texts)


def exit_code(result: ScanResult, fail_on: Severity) -> int:
    """0: nothing at or above `fail_on`; 1: a file at or above it, or a file not fully read."""
    threshold = Verdict.BLOCK if fail_on is Severity.BLOCK else Verdict.WARN
    failing = {Verdict.BLOCK} if threshold is Verdict.BLOCK else {Verdict.BLOCK, Verdict.WARN}
    for r in result.files:
        if r.status is Status.ERROR or r.verdict in failing:
            return 1
    return 0
