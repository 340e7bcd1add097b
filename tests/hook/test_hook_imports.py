"""The hook's usual commit, one small clean html page, loads none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

from tests.hook.conftest import CLEAN_PAGE, secscan_env

HEAVY = ("jieba", "pdfminer", "docx", "lxml", "rich", "openpyxl")


def test_one_clean_page_commit_imports_nothing_heavy(git_repo, tmp_path) -> None:
    git_repo.stage("news/a.html", CLEAN_PAGE)
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "secscan", "scan", "--staged", "--no-ledger"],
        cwd=git_repo.root,
        capture_output=True,
        text=True,
        env=secscan_env(tmp_path),
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    imported = {
        line.rsplit("|", 1)[-1].strip().split(".")[0]
        for line in proc.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert imported.isdisjoint(HEAVY), sorted(imported & set(HEAVY))
    assert "已从暂存区读取 1 个待检查文件" in proc.stderr


def test_commit_without_pages_loads_no_engine(git_repo, tmp_path) -> None:
    git_repo.stage("static/site.css", "body { color: black }\n")
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "secscan", "scan", "--staged"],
        cwd=git_repo.root,
        capture_output=True,
        text=True,
        env=secscan_env(tmp_path),
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "secscan.engine" not in proc.stderr
    assert "secscan.ledger" not in proc.stderr  # nothing checked, nothing recorded
    assert "规则集版本" in proc.stdout
