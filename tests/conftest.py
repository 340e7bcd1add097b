"""Shared fixtures. Tests that read ../shared skip cleanly where it is absent (a fresh clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REAL = SHARED / "corpus" / "real"
SAMPLES = ROOT / "samples"


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
