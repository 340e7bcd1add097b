"""Engine benchmark: every figure of issue 2 measured in one run, on the same machine state.

    .venv/bin/python bench/bench_engine.py [--mb 20] [--quick]

1. Pipeline vs bare automaton: ~20 MB of generated Chinese prose with planted hits, scanned by
   `Scanner.scan_bytes` (decode, segment, fold, match, decide) against a bare pyahocorasick
   iteration over the same text with the same keywords; once with the shipped rules, once with
   5,000 extra keywords (a 保密办's own list), and on the real government work reports in
   ../shared when present (repeated to the same size).
2. Start-up: `secscan scan` on a small clean text file against `python -c pass` (medians of
   subprocess runs, bytecode compiled, as a user's installation has it).
3. The first hit that needs jieba: a small file whose hit needs a word boundary, against the
   small clean file (jieba's cache warm, as after the first run on a machine).
4. Memory: peak RSS scanning one 4 MB file against ten of them (streaming per file).

Machines here drift up to ~1.7x between runs: compare the ratios, which are taken in one run.
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
sys.path.insert(0, str(ROOT))

from corpus_text import generate  # noqa: E402

PY = sys.executable
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_automaton(keywords: set[str]):
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for k in keywords:
        automaton.add_word(k, k)
    automaton.make_automaton()
    return automaton


def extra_keywords(n: int) -> tuple[str, ...]:
    """n made-up three- and four-character terms from common characters (a local list)."""
    rng = random.Random(5000)
    chars = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(chars) for _ in range(rng.choice((3, 4)))))
    return tuple(sorted(words))


def pipeline_vs_bare(label: str, data: bytes, scanner, repeat: int) -> dict[str, float | str]:
    from secscan.normalise import fold_keyword

    text = data.decode("utf-8")
    keywords = {fold_keyword(k) for r in scanner.ruleset.rules for k in (*r.keywords, *r.triggers)}
    automaton = bare_automaton(keywords)
    scanner.scan_bytes(b"\xe6\x9c\xba\xe5\xaf\x86\xe6\x96\x87\xe4\xbb\xb6", "warm.txt")  # jieba loaded
    bare = median_time(lambda: sum(1 for _ in automaton.iter(text)), repeat)
    full = median_time(lambda: scanner.scan_bytes(data, "bench.txt"), repeat)
    mb = len(data) / 1e6
    return {
        "case": label,
        "keywords": len(keywords),
        "mb": round(mb, 1),
        "bare_s": round(bare, 3),
        "bare_mb_s": round(mb / bare, 1),
        "pipeline_s": round(full, 3),
        "pipeline_mb_s": round(mb / full, 1),
        "ratio": round(full / bare, 2),
    }


def with_extra_keywords(n: int):
    from secscan.config import Config
    from secscan.engine import Scanner
    from secscan.model import Category, Severity
    from secscan.ruleset import Rule, RuleSet, load_ruleset

    base = load_ruleset()
    extra = Rule(
        id="bench-local-list",
        name="本地关键词表",
        name_en="Local keyword list",
        category=Category.SECRET_KEYWORD,
        severity=Severity.WARN,
        message="m",
        message_en="m",
        keywords=extra_keywords(n),
        boundary="word",
    )
    ruleset = RuleSet(version=base.version, sha256=base.sha256, rules=(*base.rules, extra))
    return Scanner(Config(), ruleset)


def real_reports(size: int) -> bytes | None:
    folder = ROOT.parent / "shared" / "corpus" / "real" / "text"
    files = sorted(folder.glob("govreports2026__*.txt"))
    if not files:
        return None
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in files)
    data = text.encode("utf-8")
    return (data * (size // len(data) + 1))[:size].decode("utf-8", "ignore").encode("utf-8")


def run_cli(args: list[str], repeat: int) -> float:
    def once() -> None:
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, check=False)

    once()
    return median_time(once, repeat)


def startup(tmp: Path, repeat: int) -> dict[str, float]:
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "secscan")], env=ENV, check=False, stdout=subprocess.DEVNULL)
    clean = tmp / "clean.txt"
    clean.write_text("关于召开年度工作会议的通知\n请各单位准时参加。\n", encoding="utf-8")
    hit = tmp / "hit.txt"
    hit.write_text("关于召开年度工作会议的通知\n此件为机密文件，请妥善保管。\n", encoding="utf-8")
    script = Path(PY).parent / "secscan"  # the console script a user runs
    entry = [str(script)] if script.exists() else [PY, "-m", "secscan"]
    scan = [*entry, "scan", "--no-ledger"]
    base = run_cli([PY, "-c", "pass"], repeat)
    small = run_cli([*scan, str(clean)], repeat)
    jieba_hit = run_cli([*scan, str(hit)], repeat)
    return {
        "python_c_pass_ms": round(base * 1000, 1),
        "scan_clean_ms": round(small * 1000, 1),
        "startup_ratio": round(small / base, 2),
        "scan_jieba_hit_ms": round(jieba_hit * 1000, 1),
        "first_jieba_hit_extra_s": round(jieba_hit - small, 3),
    }


def peak_rss(files: list[Path]) -> int:
    code = (
        "import resource, sys\n"
        "from secscan.cli import main\n"
        "main(['scan', '--no-ledger', '--jobs', '1', '--format', 'json', *sys.argv[1:]])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    proc = subprocess.run([PY, "-c", code, *map(str, files)], capture_output=True, text=True, env=ENV, check=False)
    return int(proc.stderr.strip().splitlines()[-1])


def memory(tmp: Path) -> dict[str, float]:
    data = generate(4_000_000, seed=7).encode("utf-8")
    files = []
    for i in range(10):
        path = tmp / f"m{i}.txt"
        path.write_bytes(data)
        files.append(path)
    one, ten = peak_rss(files[:1]), peak_rss(files)
    return {"rss_one_4mb_file_mb": round(one / 1024, 1), "rss_ten_4mb_files_mb": round(ten / 1024, 1), "rss_ratio": round(ten / one, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=20.0, help="size of the generated text (MB)")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions per timing (median)")
    parser.add_argument("--quick", action="store_true", help="2 MB and fewer repetitions")
    args = parser.parse_args()
    size = int((2 if args.quick else args.mb) * 1e6)
    repeat = 3 if args.quick else args.repeat

    from secscan.config import Config
    from secscan.engine import Scanner

    scanner = Scanner(Config())
    data = generate(size).encode("utf-8")
    rows = [pipeline_vs_bare("generated, shipped rules", data, scanner, repeat)]
    rows.append(pipeline_vs_bare("generated, + 5,000 keywords", data, with_extra_keywords(5000), repeat))
    real = real_reports(size)
    if real is not None:
        rows.append(pipeline_vs_bare("31 work reports, shipped rules", real, scanner, repeat))
    with tempfile.TemporaryDirectory() as tmp:
        start = startup(Path(tmp), 21 if not args.quick else 7)
        mem = memory(Path(tmp))

    print(f"{'case':34} {'kw':>6} {'MB':>5} {'bare MB/s':>10} {'pipeline MB/s':>14} {'ratio':>6}")
    for r in rows:
        print(f"{r['case']:34} {r['keywords']:>6} {r['mb']:>5} {r['bare_mb_s']:>10} {r['pipeline_mb_s']:>14} {r['ratio']:>6}")
    print(
        f"start-up: python -c pass {start['python_c_pass_ms']} ms, secscan scan clean.txt "
        f"{start['scan_clean_ms']} ms, ratio {start['startup_ratio']}"
    )
    print(f"first hit needing jieba adds {start['first_jieba_hit_extra_s']} s")
    print(
        f"peak RSS: one 4 MB file {mem['rss_one_4mb_file_mb']} MB, ten 4 MB files "
        f"{mem['rss_ten_4mb_files_mb']} MB (ratio {mem['rss_ratio']})"
    )
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "engine.json").write_text(json.dumps({"throughput": rows, "startup": start, "memory": mem}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
