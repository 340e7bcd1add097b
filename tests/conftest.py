"""Shared fixtures. Tests that read ../shared skip cleanly where it is absent (a fresh clone)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REAL = SHARED / "corpus" / "real"
SAMPLES = ROOT / "samples"

# One cache directory for the whole session (jieba's dictionary, the parsed rule set), never the
# user's own ~/.cache. Set before any test imports secscan, inherited by subprocesses.
os.environ.setdefault("SECSCAN_CACHE_DIR", tempfile.mkdtemp(prefix="secscan-test-cache-"))


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present in this checkout")
    return SHARED


@pytest.fixture
def real_corpus() -> Path:
    if not REAL.is_dir():
        pytest.skip("../shared/corpus/real is not present in this checkout")
    return REAL


@pytest.fixture(scope="session")
def scanner():
    """A Scanner on the shipped rules, shared by the session (building it costs ~10 ms)."""
    from secscan.config import Config
    from secscan.engine import Scanner

    return Scanner(Config())


@pytest.fixture
def run_secscan(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `python -m secscan ARGS` in a subprocess, in tmp_path, with no ledger by default."""

    def run(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        full_env = dict(os.environ)
        full_env.setdefault("SECSCAN_LEDGER", str(tmp_path / "ledger.sqlite"))
        full_env.update(env or {})
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        proc = subprocess.run(
            [sys.executable, "-m", "secscan", *args],
            input=data,
            capture_output=True,
            cwd=cwd or tmp_path,
            env=full_env,
            timeout=120,
        )
        return subprocess.CompletedProcess(
            proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
        )

    return run
