"""The pre-commit framework itself runs secscan from this repository (`pre-commit try-repo`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hook.conftest import CLEAN_PAGE, LEAK_PAGE

ROOT = Path(__file__).resolve().parents[2]


def _pre_commit() -> str | None:
    beside = Path(sys.executable).with_name("pre-commit")
    return str(beside) if beside.exists() else shutil.which("pre-commit")


def _snapshot(dest: Path) -> None:
    """Commit the working tree (tracked and new, unignored files) into a fresh repository:
    try-repo installs the hook from a commit, and this test must see uncommitted work too."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=dest, check=True)
    subprocess.run([*git, "add", "-A"], cwd=dest, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "snapshot"], cwd=dest, check=True)


def test_pre_commit_try_repo_blocks_a_leaking_page(tmp_path) -> None:
    pre_commit = _pre_commit()
    if pre_commit is None:
        pytest.skip("pre-commit is not installed")
    source = tmp_path / "secscan-src"
    source.mkdir()
    _snapshot(source)
    site = tmp_path / "site"
    site.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=site, check=True)
    (site / "news").mkdir()
    (site / "news" / "leak.html").write_text(LEAK_PAGE, encoding="utf-8")
    (site / "news" / "ok.html").write_text(CLEAN_PAGE, encoding="utf-8")
    (site / "style.css").write_text("body { color: black } /* 秘密★1年 */\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=site, check=True)
    env = dict(os.environ)
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        SECSCAN_LEDGER=str(tmp_path / "ledger.sqlite"),
    )

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "try-repo", str(source), "secscan", "--files", *files],
            cwd=site,
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
            check=False,
        )

    failed = try_repo("news/leak.html", "news/ok.html", "style.css")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "news/leak.html:3:4:" in failed.stdout
    assert "共检查 2 个文件" in failed.stdout  # style.css is not a format secscan reads
    passed = try_repo("news/ok.html")
    assert passed.returncode == 0, passed.stdout + passed.stderr
