"""Fixtures for ledger tests: a ledger path, an environment for child processes, the CLI."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ledger.builders import ROOT


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger" / "ledger.sqlite"


@pytest.fixture
def subprocess_env() -> dict[str, str]:
    """Environment for child pythons that import secscan from this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.fixture
def secscan_main(monkeypatch: pytest.MonkeyPatch) -> Callable[[list[str]], int]:
    """`secscan.cli.main` with the `ledger` subcommand registered and no ledger in the env."""
    import secscan.cli as cli

    if "ledger" not in cli.SUBCOMMANDS:  # while the lead's tuple is being assembled
        monkeypatch.setattr(cli, "SUBCOMMANDS", (*cli.SUBCOMMANDS, "ledger"))
    monkeypatch.delenv("SECSCAN_LEDGER", raising=False)
    return cli.main


@pytest.fixture
def run_cli(
    secscan_main: Callable[[list[str]], int], capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """`secscan.cli.main(argv)` -> (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = secscan_main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run
