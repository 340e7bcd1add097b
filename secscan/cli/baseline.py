"""`secscan baseline create|update`: the file of reviewed findings (see secscan/baseline.py)."""

from __future__ import annotations

import argparse
import os
import sys

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "baseline",
        parents=[common],
        help="基线：记录已复核的问题，之后只有新问题导致失败",
        description=(
            "基线文件 .secscan-baseline.json 记录已复核的问题"
            "（规则、指纹、复核人、理由；不含行号和原文）。"
        ),
    )
    actions = p.add_subparsers(dest="baseline_action", metavar="ACTION", required=True)
    create = actions.add_parser("create", parents=[common], help="检查后把当前所有问题写入基线")
    update = actions.add_parser(
        "update", parents=[common], help="重新检查：保留仍存在问题的复核，删除已不存在的"
    )
    for q in (create, update):
        q.add_argument(
            "paths", nargs="*", metavar="PATH", help="文件或目录（update 默认为基线中记录的文件）"
        )
        q.add_argument("--staged", action="store_true", help="检查暂存区中的内容（git 索引）")
        q.add_argument(
            "--file",
            default=None,
            metavar="FILE",
            help="基线文件（默认：配置中的 baseline，或仓库根目录的 .secscan-baseline.json）",
        )
        q.add_argument(
            "--reviewer", default=None, help="复核人（默认 git 的 user.name，再次为系统用户）"
        )
        q.add_argument(
            "--rules", action="append", default=None, metavar="DIR", help="追加规则目录"
        )
        q.add_argument(
            "--exclude", action="append", default=None, metavar="GLOB", help="排除匹配的路径"
        )
        q.add_argument("--config", default=None, metavar="FILE", help="配置文件")
        q.set_defaults(run=run)
    create.add_argument("--reason", required=True, help="复核理由（必填，记入基线和台账）")
    create.add_argument(
        "--force", action="store_true", help="基线文件已存在时重建（丢弃原有复核）"
    )
    update.add_argument(
        "--add-new", action="store_true", help="把新发现的问题也加入基线（需 --reason）"
    )
    update.add_argument("--reason", default=None, help="新加入问题的复核理由")


def run(args: argparse.Namespace) -> int:
    from secscan import baseline
    from secscan.cli.scan import LazyScanner
    from secscan.config import load_config
    from secscan.errors import UsageError
    from secscan.messages import text

    flags = {
        "lang": args.lang if getattr(args, "lang_given", False) else None,
        "rules": tuple(args.rules) if args.rules else None,
        "exclude": tuple(args.exclude) if args.exclude else None,
        "reviewer": args.reviewer,
    }
    config = load_config(flags, config_path=args.config)
    path = args.file or config.baseline or _default_path()
    if args.baseline_action == "create":
        if os.path.exists(path) and not args.force:
            raise UsageError("baseline_exists", path=path)
        result = _scan(LazyScanner(config), args, args.paths)
        if _refuse_unreadable(result, args.lang):
            return 1
        folder = os.path.dirname(os.path.abspath(path))
        entries = baseline.create(result, folder, _reviewer(config), args.reason)
        baseline.write(path, entries)
        print(text("baseline_written", args.lang, path=path, count=len(entries)))
        return 0
    if args.add_new and not (args.reason or "").strip():
        raise UsageError("baseline_bad_args", detail="--add-new --reason")
    old = baseline.load(path)
    paths = list(args.paths)
    gone: list[str] = []
    if not paths and not args.staged:
        for stored in old.paths():
            local = os.path.relpath(os.path.join(old.folder, stored))
            if os.path.exists(local):
                paths.append(local)
            else:
                gone.append(stored)  # deleted since: its reviews go
    result = _scan(LazyScanner(config), args, paths) if (paths or args.staged) else None
    if result is not None and _refuse_unreadable(result, args.lang):
        return 1
    from secscan.model import RulesetInfo, ScanResult, Summary

    empty = ScanResult(
        ruleset=RulesetInfo(version="", sha256=""),
        files=(),
        summary=Summary(files=0, passed=0, warn=0, block=0, error=0),
    )
    done = baseline.update(
        old,
        result or empty,
        gone=gone,
        add_new=args.add_new,
        reviewed_by=_reviewer(config),
        reason=args.reason or "",
    )
    baseline.write(path, done.entries)
    print(
        text(
            "baseline_updated",
            args.lang,
            path=path,
            kept=done.kept,
            dropped=done.dropped,
            added=done.added,
        )
    )
    if done.new_left:
        print(text("baseline_new_left", args.lang, count=done.new_left))
    return 0


def _scan(scanner: Any, args: argparse.Namespace, paths: list[str]) -> Any:
    from secscan.cli.scan import collect

    scan_args = argparse.Namespace(
        paths=paths, staged=args.staged, since=None, stdin_name="-", format="text", lang=args.lang
    )
    return collect(scanner, scan_args)


def _refuse_unreadable(result: Any, lang: str) -> bool:
    """A baseline built from a file not fully read would vouch for what nobody saw."""
    from secscan.baseline import unreadable
    from secscan.messages import text

    bad = unreadable(result)
    if bad:
        sys.stderr.write(
            text("error_prefix", lang)
            + text("baseline_unreadable", lang, count=len(bad), paths=", ".join(bad))
            + "\n"
        )
    return bool(bad)


def _default_path() -> str:
    from secscan import git
    from secscan.baseline import DEFAULT_NAME
    from secscan.errors import GitError

    try:
        return os.path.relpath(os.path.join(git.top_level(), DEFAULT_NAME))
    except GitError:
        return DEFAULT_NAME


def _reviewer(config: Any) -> str:
    if config.reviewer:
        return str(config.reviewer)
    from secscan.git import user_name

    name = user_name()
    if name:
        return name
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""
