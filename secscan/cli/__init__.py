"""Command line: `main(argv) -> int`, dispatch to one module per subcommand, error mapping.

Each subcommand module offers ``add_parser(subparsers, common)`` and ``run(args) -> int`` and
keeps its heavy imports inside `run`, so that `secscan scan` on a small text file stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
import traceback
from collections.abc import Iterator, Sequence

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any, NoReturn

from secscan import __version__
from secscan.errors import SecscanError
from secscan.messages import text

SUBCOMMANDS = ("scan", "rules", "ledger", "baseline", "hook")

EXIT_OK, EXIT_FOUND, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


# argparse's own words, for the Chinese help and errors (argparse looks `_` up at call time).
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "options": "选项",
    "positional arguments": "位置参数",
    "show this help message and exit": "显示帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的值 %(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个参数值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
}


def _speak_chinese_argparse() -> None:
    argparse._ = lambda message: _ARGPARSE_ZH.get(message, message)  # type: ignore[attr-defined]


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter with the width from os (argparse imports shutil for it, ~3 ms
    that every pre-commit run would pay even without asking for help)."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        try:
            width = os.get_terminal_size().columns - 2
        except OSError:
            width = 78
        kwargs.setdefault("width", max(40, width))
        super().__init__(prog, **kwargs)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line in the chosen language, exit 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        lang = _lang_from_argv(sys.argv[1:])
        hint = "（用 secscan --help 查看用法）" if lang != "en" else " (see secscan --help)"
        prefix = text("error_prefix", lang)
        label = "参数有误：" if lang != "en" else "bad arguments: "
        sys.stderr.write(f"{prefix}{label}{message}{hint}\n")
        raise SystemExit(EXIT_USAGE)


def _lang_from_argv(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("SECSCAN_LANG", "zh")


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser; with a subcommand in `argv`, only that subcommand's module is imported
    (building every subparser costs ~15 ms, a tenth of the hook's budget)."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--lang", choices=("zh", "en"), default=argparse.SUPPRESS, help="输出语言 / output language"
    )
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="出错时显示详细信息 / show tracebacks"
    )
    parser = _Parser(
        prog="secscan",
        description="保密审查自查工具：发布前检查密级标志、涉密词、个人信息、隐藏内容和元数据",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"secscan {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    chosen = _subcommand(argv)
    names = (chosen,) if chosen in SUBCOMMANDS else SUBCOMMANDS
    for name in names:
        importlib.import_module(f"secscan.cli.{name}").add_parser(sub, common)
    return parser


def _subcommand(argv: Sequence[str]) -> str | None:
    """The first word of `argv` that is not an option or the value of --lang."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


@contextlib.contextmanager
def error_mapping(lang: str, debug: bool) -> Iterator[list[int]]:
    """Turn exceptions into one line on stderr and an exit code; yields a one-slot code box."""
    box = [EXIT_OK]
    prefix = text("error_prefix", lang)
    try:
        yield box
    except SecscanError as exc:
        sys.stderr.write(prefix + exc.render(lang) + "\n")
        box[0] = exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write(prefix + text("interrupted", lang) + "\n")
        box[0] = EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`secscan scan ... | head`); not our failure, but not a pass.
        with contextlib.suppress(Exception):
            sys.stderr.close()
        box[0] = EXIT_FOUND
    except Exception as exc:  # the last line of defence: never a bare traceback
        if debug:
            traceback.print_exc()
        sys.stderr.write(prefix + text("unexpected", lang, error=f"{type(exc).__name__}: {exc}") + "\n")
        box[0] = EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from_argv(args_list)
    debug = "--debug" in args_list
    with error_mapping(lang, debug) as box:
        if lang != "en":
            _speak_chinese_argparse()
        parser = build_parser(args_list)
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exc:  # --help, --version, usage errors
            return int(exc.code or 0)
        args.lang_given = getattr(args, "lang", None) is not None
        args.lang = getattr(args, "lang", None) or lang
        args.debug = getattr(args, "debug", False)
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
        box[0] = args.run(args)
    return box[0]
