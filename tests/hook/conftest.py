"""Fixtures for the hook tests: a real git repository in tmp_path, and the CLI run inside it."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from secscan.cli import main

LEAK_PAGE = "<html><body>\n<h1>关于召开专题会议的通知</h1>\n<p>秘密★1年</p>\n</body></html>\n"
CLEAN_PAGE = (
    "<html><body>\n<h1>关于召开专题会议的通知</h1>\n<p>请各单位准时参加。</p>\n</body></html>\n"
)


class Repo:
    """A git work tree with a committer set, and helpers to write, stage and commit."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, check=check
        )

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def stage(self, name: str, text: str) -> Path:
        path = self.write(name, text)
        self.git("add", name)
        return path

    def commit(
        self, message: str = "commit", *, verify: bool = False
    ) -> subprocess.CompletedProcess[str]:
        args = ["commit", "-q", "-m", message] + ([] if verify else ["--no-verify"])
        return self.git(*args, check=False)


@pytest.fixture
def git_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    """An empty repository in tmp_path/site, made the current directory; the ledger in tmp_path."""
    root = tmp_path / "site"
    root.mkdir()
    repo = Repo(root)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "张三")
    repo.git("config", "user.email", "zhang@example.gov.cn")
    repo.git("config", "commit.gpgsign", "false")
    monkeypatch.chdir(root)
    monkeypatch.setenv("SECSCAN_LEDGER", str(tmp_path / "ledger.sqlite"))
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    return repo


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run `secscan ARGS` in-process; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def secscan_env(tmp_path: Path) -> dict[str, str]:
    """Environment for subprocesses (git hooks): this Python's secscan, a ledger in tmp_path."""
    env = dict(os.environ)
    env["SECSCAN_LEDGER"] = str(tmp_path / "ledger.sqlite")
    env.pop("PRE_COMMIT", None)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env
