"""Hook benchmark: wall time of the installed pre-commit hook, against `python -c pass`.

    .venv/bin/python bench/bench_hook.py [--runs 15] [--big-runs 5] [--pages 1000]

A throwaway repository gets `secscan hook install`; then for a commit of a stylesheet only, of
one small clean html page and of 1,000 pages (~5 KB each, as a site's news section), the hook
script itself (`.git/hooks/pre-commit`: sh, Python start-up, git plumbing, scan, ledger) is run
repeatedly with those files staged, interleaved with `python -c pass`, and the medians and
their ratio are printed and written to bench/out/hook.json. The same is measured for
`secscan scan --staged --no-ledger`, to show what the ledger costs. Machines here drift
between runs: compare the ratios, which are taken in one run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from corpus_text import SENTENCES  # noqa: E402

PY = sys.executable
CLEAN = (*SENTENCES[:5], SENTENCES[7], SENTENCES[10])  # no planted hits, no contact numbers


def page(seed: int, sentences: int) -> str:
    rng = random.Random(seed)
    body = "\n".join(f"<p>{rng.choice(CLEAN)}</p>" for _ in range(sentences))
    return (
        '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>工作动态 {seed}</title></head>\n<body>\n<h1>工作动态（第{seed}期）</h1>\n"
        f"{body}\n</body></html>\n"
    )


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def make_repo(base: Path, name: str, pages: int, sentences: int) -> Path:
    repo = base / name
    (repo / "news").mkdir(parents=True)
    git(repo, "init", "-q")
    git(repo, "config", "user.name", "基准测试")
    git(repo, "config", "user.email", "bench@example.gov.cn")
    for i in range(pages):
        (repo / "news" / f"{i:04d}.html").write_text(page(i, sentences), encoding="utf-8")
    git(repo, "add", "news")
    subprocess.run(
        [PY, "-m", "secscan", "hook", "install"], cwd=repo, check=True, capture_output=True
    )
    return repo


def timed(cmd: list[str], cwd: Path, env: dict[str, str], expect: int = 0) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != expect:
        raise SystemExit(f"{cmd} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    return elapsed


def measure(repo: Path, runs: int, env: dict[str, str]) -> dict[str, float]:
    """Medians (ms) of the hook, the scan without ledger, and python -c pass, interleaved."""
    hook = str(repo / ".git" / "hooks" / "pre-commit")
    scan = [PY, "-m", "secscan", "scan", "--staged", "--no-ledger"]
    times: dict[str, list[float]] = {"hook": [], "scan_no_ledger": [], "python_c_pass": []}
    timed([hook], repo, env)  # warm: bytecode, the rule-set cache, the ledger file
    for _ in range(runs):
        times["python_c_pass"].append(timed([PY, "-c", "pass"], repo, env))
        times["hook"].append(timed([hook], repo, env))
        times["scan_no_ledger"].append(timed(scan, repo, env))
    medians = {k: statistics.median(v) * 1000 for k, v in times.items()}
    base = medians["python_c_pass"]
    return {
        **{f"{k}_ms": round(v, 1) for k, v in medians.items()},
        "hook_ratio": round(medians["hook"] / base, 1),
        "scan_no_ledger_ratio": round(medians["scan_no_ledger"] / base, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of the one-page commit")
    parser.add_argument("--big-runs", type=int, default=5, help="runs of the large commit")
    parser.add_argument("--pages", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="secscan-bench-hook-") as tmp:
        base = Path(tmp)
        env = dict(os.environ, SECSCAN_LEDGER=str(base / "ledger.sqlite"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        assets = make_repo(base, "assets", 0, 0)
        (assets / "static").mkdir()
        (assets / "static" / "site.css").write_text("body { color: #333 }\n", encoding="utf-8")
        git(assets, "add", "static")
        small = make_repo(base, "one", 1, 12)
        big = make_repo(base, "many", args.pages, 40)
        size = sum(p.stat().st_size for p in (big / "news").iterdir())
        results = {
            "cpus": os.cpu_count(),
            "css_only": measure(assets, args.runs, env),
            "one_page": measure(small, args.runs, env),
            f"{args.pages}_pages": {"bytes": size, **measure(big, args.big_runs, env)},
        }
    out = ROOT / "bench" / "out" / "hook.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
