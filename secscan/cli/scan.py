"""`secscan scan`: options, the calls, and the exit code. The pipeline lives in engine.py."""

from __future__ import annotations

import argparse
import sys
TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any

from secscan.model import ScanResult, Severity, Status, Verdict

OUTPUT_FORMATS = ("text", "json")


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "scan",
        parents=[common],
        help="检查文件或目录（docx、pdf、html、txt、md）",
        description="检查待发布的文件：密级标志、涉密词、个人信息、隐藏内容、元数据、内网地址、过程稿标志。",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="文件或目录；- 表示标准输入")
    p.add_argument("--format", choices=OUTPUT_FORMATS, default="text", help="输出格式（默认 text）")
    p.add_argument("--fail-on", choices=("block", "warn"), default=None, help="达到该级别即返回 1（默认 block）")
    p.add_argument("--rules", action="append", default=None, metavar="DIR", help="追加规则目录（可重复；同编号规则覆盖内置规则）")
    p.add_argument("--no-builtin-rules", action="store_true", help="只用 --rules 指定的规则，不用内置规则")
    p.add_argument("--exclude", action="append", default=None, metavar="GLOB", help="排除匹配的路径（可重复）")
    p.add_argument("--stdin-name", default="-", metavar="NAME", help="标准输入内容的文件名（用于判断格式）")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="并行进程数（默认按 CPU 核数）")
    p.add_argument("--config", default=None, metavar="FILE", help="配置文件（默认查找 .secscan.toml 或 pyproject.toml）")
    p.add_argument("--output", "-o", default=None, metavar="FILE", help="把报告写入文件")
    ledger = p.add_argument_group("审查台账")
    ledger.add_argument("--ledger", default=None, metavar="PATH", help="台账文件（SQLite）")
    ledger.add_argument("--no-ledger", action="store_true", help="不写入审查台账")
    ledger.add_argument("--reviewer", default=None, help="审查人（默认当前系统用户）")
    ledger.add_argument("--category", default=None, help="信息类别（默认自动判断）")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from secscan.config import load_config
    from secscan.engine import Scanner, expand_paths, scan_files

    flags = {
        "lang": args.lang if args.lang_given else None,
        "fail_on": args.fail_on,
        "rules": tuple(args.rules) if args.rules else None,
        "builtin_rules": False if args.no_builtin_rules else None,
        "exclude": tuple(args.exclude) if args.exclude else None,
        "jobs": args.jobs,
        "ledger": args.ledger,
        "reviewer": args.reviewer,
    }
    config = load_config(flags, config_path=args.config)
    if not args.lang_given:
        args.lang = config.lang  # the config file may choose the language; a flag wins
    scanner = Scanner(config)
    files = list(expand_paths(args.paths, config.exclude))
    if sys.stderr.isatty() and len(files) > 1 and args.format == "text":
        result = _scan_with_progress(scanner, files, args)
    else:
        result = scan_files(scanner, files, stdin_name=args.stdin_name)
    _write_report(result, args, config.fail_on)
    if not args.no_ledger:
        _record(result, args, config)
    return exit_code(result, config.fail_on)


def _scan_with_progress(scanner: Any, files: list[str], args: argparse.Namespace) -> ScanResult:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from secscan.engine import scan_files
    from secscan.messages import text

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task(text("report_progress", args.lang), total=len(files))
        return scan_files(
            scanner,
            files,
            on_result=lambda _r: progress.advance(task),
            stdin_name=args.stdin_name,
        )


def _write_report(result: ScanResult, args: argparse.Namespace, fail_on: Severity) -> None:
    from secscan.report import render

    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            render(args.format, result, args.lang, out, fail_on, terminal=False)
        return
    render(args.format, result, args.lang, sys.stdout, fail_on, terminal=sys.stdout.isatty())


def _record(result: ScanResult, args: argparse.Namespace, config: Any) -> None:
    from secscan import ledger

    path = ledger.resolve_path(config.ledger)
    texts = {r.path: r.excerpt for r in result.files if r.excerpt}
    ledger.record_scan(path, result, reviewer=config.reviewer, category=args.category, texts=texts)


def exit_code(result: ScanResult, fail_on: Severity) -> int:
    """0: nothing at or above `fail_on`; 1: a file at or above it, or a file not fully read."""
    threshold = Verdict.BLOCK if fail_on is Severity.BLOCK else Verdict.WARN
    failing = {Verdict.BLOCK} if threshold is Verdict.BLOCK else {Verdict.BLOCK, Verdict.WARN}
    for r in result.files:
        if r.status is Status.ERROR or r.verdict in failing:
            return 1
    return 0
