"""`secscan hook install|uninstall`: the plain git pre-commit hook (see secscan/hook.py)."""

from __future__ import annotations

import argparse

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "hook",
        parents=[common],
        help="安装或卸载 git 提交前检查钩子（不使用 pre-commit 框架的仓库）",
        description=(
            "在当前 git 仓库安装 pre-commit 钩子："
            "每次提交前检查暂存区中的网页和附件，发现阻断问题即阻止提交。"
        ),
    )
    actions = p.add_subparsers(dest="hook_action", metavar="ACTION", required=True)
    install = actions.add_parser("install", parents=[common], help="写入 .git/hooks/pre-commit")
    install.add_argument(
        "--force",
        action="store_true",
        help="已有其他钩子时，把它保留为 pre-commit.legacy 并在 secscan 之前运行",
    )
    install.set_defaults(run=run)
    uninstall = actions.add_parser("uninstall", parents=[common], help="卸载钩子，恢复原有钩子")
    uninstall.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from secscan import hook
    from secscan.messages import text

    if args.hook_action == "install":
        done = hook.install(force=args.force)
        print(text("hook_installed", args.lang, path=done.path))
        if done.legacy:
            print(text("hook_legacy_kept", args.lang, path=done.legacy))
        return 0
    removed = hook.uninstall()
    if not removed.removed:
        print(text("hook_not_installed", args.lang, path=removed.path))
        return 0
    print(text("hook_uninstalled", args.lang, path=removed.path))
    if removed.restored:
        print(text("hook_restored", args.lang, path=removed.restored))
    return 0
