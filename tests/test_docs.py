"""Keep the README honest: every subcommand and every `scan` option is documented there."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from secscan.cli import SUBCOMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[1]

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_every_subcommand_is_in_the_readme() -> None:
    commands = _subparsers(build_parser())
    assert set(commands) == set(SUBCOMMANDS)
    for name, sub in commands.items():
        assert f"secscan {name}" in README, name
        for action_name in _subparsers(sub):
            assert re.search(rf"secscan {name} {action_name}\b", README), f"{name} {action_name}"


def test_every_scan_option_is_in_the_readme() -> None:
    scan = _subparsers(build_parser())["scan"]
    for action in scan._actions:
        for flag in action.option_strings:
            if flag.startswith("--") and flag not in ("--help", "--debug"):
                assert flag in README, flag


def test_readme_has_no_unfilled_sections() -> None:
    assert not re.search(r"<!-- *(hook|quality|bench|todo) *-->", README, re.IGNORECASE)
