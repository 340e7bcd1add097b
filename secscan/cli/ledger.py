"""`secscan ledger …`: list, show, review, publish, verify, where, export and summary.

Options, calls into `secscan.ledger` and output only; the ledger logic lives in the package.
Rich tables on a terminal, tab-separated plain text when piped, JSON with ``--format json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from secscan.ledger import Book

DECISIONS = ("同意公开", "修改后公开", "不予公开")  # == secscan.ledger.DECISIONS (kept light)
VERDICTS = ("pass", "warn", "block", "error")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value}: YYYY-MM-DD") from None


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--ledger", default=None, metavar="PATH", help="台账文件（SQLite）")
    where.add_argument("--config", default=None, metavar="FILE", help="配置文件")
    parents = [common, where]
    p = sub.add_parser(
        "ledger",
        parents=parents,
        help="保密审查台账：查看、审查意见、发布、校验、导出、年度小结",
        description="保密审查台账：每次检查的记录、审查意见与发布情况，可校验、导出和生成年度小结。",
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    a = actions.add_parser("list", parents=parents, help="列出检查记录")
    _add_range(a)
    a.add_argument("--verdict", action="append", choices=VERDICTS, help="按审查结果筛选（可重复）")
    a.add_argument("--decision", action="append", choices=DECISIONS, help="按审查意见筛选")
    a.add_argument("--category", action="append", help="按信息类别筛选（可重复）")
    a.add_argument("--undecided", action="store_true", help="只列尚无审查意见的最新检查")
    a.add_argument("--format", choices=("text", "json"), default="text")

    a = actions.add_parser("show", parents=parents, help="显示一条记录的详情")
    a.add_argument("id", type=int, metavar="ID")
    a.add_argument("--format", choices=("text", "json"), default="text")

    a = actions.add_parser(
        "review", parents=parents, help="记录审查意见（新增记录，不修改原记录）"
    )
    a.add_argument("id", type=int, metavar="ID", help="文件检查记录的编号")
    a.add_argument("--decision", required=True, choices=DECISIONS)
    a.add_argument("--reviewer", default=None, help="审查人（默认当前系统用户）")
    a.add_argument("--note", default=None, help="备注")
    a.add_argument("--publish", action="store_true", help="同时记录为已发布")

    a = actions.add_parser("publish", parents=parents, help="记录文件已在网站发布")
    a.add_argument("id", type=int, metavar="ID", help="文件检查记录的编号")
    a.add_argument("--reviewer", default=None, help="记录人（默认当前系统用户）")
    a.add_argument("--note", default=None, help="备注（如发布栏目、网址）")

    actions.add_parser("verify", parents=parents, help="校验台账哈希链是否完整")
    actions.add_parser("where", parents=parents, help="显示台账文件位置")

    a = actions.add_parser("export", parents=parents, help="导出台账（csv、xlsx、docx）")
    a.add_argument("--format", choices=("csv", "xlsx", "docx"), default="csv")
    _add_range(a)
    a.add_argument("--output", "-o", default=None, metavar="FILE", help="输出文件（csv 可省略）")

    a = actions.add_parser("summary", parents=parents, help="年度保密审查情况与自查段落")
    a.add_argument("--year", type=int, default=date.today().year, metavar="YYYY")
    a.add_argument("--format", choices=("text", "md", "docx"), default="text")
    a.add_argument("--output", "-o", default=None, metavar="FILE")
    p.set_defaults(run=run)


def _add_range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")


def run(args: argparse.Namespace) -> int:
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "list": _list,
        "show": _show,
        "review": _review,
        "publish": _publish,
        "verify": _verify,
        "where": _where,
        "export": _export,
        "summary": _summary,
    }
    return handlers[args.action](args)


def _settings(args: argparse.Namespace) -> tuple[Path, str, str | None]:
    """The ledger path, where it came from, and the configured reviewer."""
    from secscan.config import load_config
    from secscan.ledger.paths import locate

    config = load_config({"lang": args.lang}, config_path=args.config)
    path, source = locate(args.ledger, config.ledger)
    return path, source, config.reviewer


def _say(key: str, args: argparse.Namespace, stream: Any = None, **params: Any) -> None:
    from secscan.messages import text

    (stream or sys.stdout).write(text(key, args.lang, **params) + "\n")


def _t(key: str, args: argparse.Namespace, **params: Any) -> str:
    from secscan.messages import text

    return text(key, args.lang, **params)


def _table(
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    nowrap: frozenset[int] = frozenset(),
) -> None:
    """A rich table on a terminal; tab-separated lines (header first) when piped.

    Columns in `nowrap` (ids, dates, verdicts) keep one line; the long text columns fold.
    """
    if not sys.stdout.isatty():
        lines = (headers, *rows) if any(headers) else rows
        for line in lines:
            sys.stdout.write("\t".join(cell.replace("\t", " ") for cell in line) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_header=any(headers))
    for index, header in enumerate(headers):
        table.add_column(header, overflow="fold", no_wrap=index in nowrap)
    for row in rows:
        table.add_row(*row)
    Console().print(table)


# --- list / show ------------------------------------------------------------------------------


def _list(args: argparse.Namespace) -> int:
    from secscan import ledger
    from secscan.ledger import views
    from secscan.ledger.classify import normalise_category

    path, _, _ = _settings(args)
    items = ledger.load(path).select(
        date_from=args.date_from,
        date_to=args.date_to,
        verdicts=args.verdict or (),
        decisions=args.decision or (),
        categories=[normalise_category(c) or c for c in args.category or ()],
        undecided=args.undecided,
    )
    if args.format == "json":
        _json([views.item_json(item) for item in items])
    elif not items:
        _say("ledger_list_empty", args, sys.stderr)
    else:
        headers, rows = views.list_table(items, args.lang)
        _table(_t("ledger_list_title", args, n=len(items)), headers, rows, views.LIST_NOWRAP)
    return 0


def _show(args: argparse.Namespace) -> int:
    from secscan import ledger
    from secscan.errors import LedgerError
    from secscan.ledger import views

    path, _, _ = _settings(args)
    book = ledger.load(path)
    entry = book.get(args.id)
    if entry is None:
        raise LedgerError("ledger_no_entry", id=args.id)
    if args.format == "json":
        _json(views.entry_json(entry))
        return 0
    fields = views.show_fields(book, entry, args.lang)
    title = f"{_t('ledger_col_id', args)} {entry.id}"
    _table(title, ["", ""], [[label, value] for label, value in fields], frozenset({0}))
    item = book.items.get(entry.id)
    if item is not None and item.findings:
        headers, rows = views.findings_table(item, args.lang)
        _table(_t("ledger_col_findings", args), headers, rows)
    return 0


def _json(doc: Any) -> None:
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


# --- review / publish -------------------------------------------------------------------------


def _review(args: argparse.Namespace) -> int:
    from secscan import ledger

    path, _, reviewer = _settings(args)
    ids = ledger.review(
        path,
        args.id,
        decision=args.decision,
        reviewer=args.reviewer or reviewer,
        note=args.note,
        publish=args.publish,
    )
    _say("ledger_reviewed", args, id=ids[0])
    if args.publish:
        _warn_publication(ledger.load(path), args.id, args)
        _say("ledger_published", args, id=ids[1])
    return 0


def _publish(args: argparse.Namespace) -> int:
    from secscan import ledger

    path, _, reviewer = _settings(args)
    new_id = ledger.publish(path, args.id, reviewer=args.reviewer or reviewer, note=args.note)
    _warn_publication(ledger.load(path), args.id, args)
    _say("ledger_published", args, id=new_id)
    return 0


def _warn_publication(book: Book, entry_id: int, args: argparse.Namespace) -> None:
    """Publication is recorded as the fact it is; say so when it went out with open problems."""
    entry = book.get(entry_id)
    ref = entry.content.get("ref") if entry is not None and entry.kind != "scan" else entry_id
    item = book.items.get(ref) if isinstance(ref, int) else None
    if item is None:
        return
    if item.unresolved_blocks:
        _say("ledger_warn_unresolved", args, sys.stderr, id=item.id, n=len(item.unresolved_blocks))
    if item.decision is None:
        _say("ledger_warn_undecided", args, sys.stderr, id=item.id)
    if item.next_scan is not None:
        _say("ledger_warn_superseded", args, sys.stderr, id=item.id, next=item.next_scan)


# --- verify / where ---------------------------------------------------------------------------


def _verify(args: argparse.Namespace) -> int:
    from secscan import ledger
    from secscan.ledger.summary import problem_text

    path, _, _ = _settings(args)
    result = ledger.verify(path)
    sys.stdout.write(problem_text(result, args.lang) + "\n")
    if result.ok and result.checked:
        # A ledger rewritten from the first entry on verifies again; a head hash noted down
        # elsewhere (the 台账 printout, the annual report's file) is what catches that.
        _say("ledger_head", args, hash=result.head)
    return 0 if result.ok else 1


def _where(args: argparse.Namespace) -> int:
    path, source, _ = _settings(args)
    sys.stdout.write(f"{path}\n")
    note = _t("ledger_where_note", args, source=_t(f"ledger_source_{source}", args))
    if not path.exists():
        note += _t("ledger_where_absent", args)
    sys.stderr.write(note + "\n")
    return 0


# --- export / summary -------------------------------------------------------------------------


def _export(args: argparse.Namespace) -> int:
    from secscan import ledger
    from secscan.errors import UsageError
    from secscan.ledger import export

    if args.format != "csv" and not args.output:
        raise UsageError("ledger_needs_output", format=args.format)
    path, _, _ = _settings(args)
    items = ledger.load(path).select(date_from=args.date_from, date_to=args.date_to)
    if args.format == "csv":
        if args.output is None:
            sys.stdout.flush()
            export.write_csv(items, sys.stdout.buffer, args.lang)
            sys.stdout.buffer.flush()
            return 0
        import io

        buffer = io.BytesIO()
        export.write_csv(items, buffer, args.lang)
        export.write_bytes_atomic(Path(args.output), buffer.getvalue())
    elif args.format == "xlsx":
        export.write_xlsx(items, Path(args.output), args.lang)
    else:
        export.write_docx(items, Path(args.output), args.lang)
    _say("ledger_exported", args, sys.stderr, n=len(items), path=args.output)
    return 0


def _summary(args: argparse.Namespace) -> int:
    from secscan import ledger
    from secscan.errors import UsageError
    from secscan.ledger import export
    from secscan.ledger.summary import render_text, summarise_year

    if args.format == "docx" and not args.output:
        raise UsageError("ledger_needs_output", format=args.format)
    path, _, _ = _settings(args)
    book, verification = ledger.load_with_verification(path)
    summary = summarise_year(book, args.year, verification)
    if args.format == "docx":
        export.write_summary_docx(summary, Path(args.output), args.lang)
        _say("ledger_written", args, sys.stderr, path=args.output)
        return 0
    rendered = render_text(summary, args.lang, markdown=args.format == "md")
    if args.output:
        export.write_bytes_atomic(Path(args.output), rendered.encode("utf-8"))
        _say("ledger_written", args, sys.stderr, path=args.output)
    else:
        sys.stdout.write(rendered)
    return 0
