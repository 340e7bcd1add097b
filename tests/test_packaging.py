"""The built wheel (not the editable checkout) carries the rules and the data it needs."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_rules_and_runs(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    [wheel] = dist.glob("secscan-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "secscan/rules/marks.toml" in names
    assert "secscan/data/fold.bin" in names
    assert "secscan/resources/report.schema.json" in names

    target = tmp_path / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import secscan, secscan.ruleset as r; "
        "print(secscan.__file__); print(r.shipped_rules_dir())"
    )
    where = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    module_file, rules_dir = where.stdout.split()
    assert module_file.startswith(str(target)) and rules_dir.startswith(str(target))
    listed = subprocess.run(
        [sys.executable, "-m", "secscan", "rules", "list"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert listed.returncode == 0, listed.stderr
    assert "mark-secret-star" in listed.stdout
