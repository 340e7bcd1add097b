"""`secscan rules list` and `secscan rules test`: see and check the loaded rule set."""

from __future__ import annotations

import argparse
import sys

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("rules", parents=[common], help="查看或检验规则", description="查看或检验规则集。")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, helptext in (("list", "列出已加载的规则"), ("test", "用每条规则的示例和反例检验规则")):
        a = actions.add_parser(name, parents=[common], help=helptext, description=helptext)
        a.add_argument("--rules", action="append", default=None, metavar="DIR", help="追加规则目录")
        a.add_argument("--no-builtin-rules", action="store_true", help="不加载内置规则")
        a.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from secscan.ruleset import load_ruleset

    ruleset = load_ruleset(args.rules or (), builtin=not args.no_builtin_rules)
    if args.action == "list":
        return _list(ruleset, args)
    return _test(ruleset, args)


def _list(ruleset: Any, args: argparse.Namespace) -> int:
    from secscan.messages import text

    if args.format == "json":
        import json

        rows = [
            {
                "id": r.id,
                "name": r.localized_name(args.lang),
                "category": r.category.value,
                "severity": r.severity.value,
                "source": r.source,
            }
            for r in ruleset.rules
        ]
        doc = {"version": ruleset.version, "sha256": ruleset.sha256, "rules": rows}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return 0
    for r in ruleset.rules:
        severity = text(f"severity_{r.severity.value}", args.lang)
        category = text(f"category_{r.category.value}", args.lang)
        sys.stdout.write(f"{r.id}\t{severity}\t{category}\t{r.localized_name(args.lang)}\n")
    sys.stdout.write(text("report_ruleset", args.lang, version=ruleset.version, sha=ruleset.sha256[:12]) + "\n")
    return 0


def _test(ruleset: Any, args: argparse.Namespace) -> int:
    from secscan.messages import text
    from secscan.ruletest import check_ruleset

    failures = check_ruleset(ruleset)
    for f in failures:
        sys.stdout.write(f.describe(args.lang) + "\n")
    total = sum(len(r.examples) + len(r.counter_examples) for r in ruleset.rules)
    sys.stdout.write(text("rules_test_summary", args.lang, total=total, failed=len(failures)) + "\n")
    return 1 if failures else 0
