"""Detection quality as numbers: recall, precision and false blocks, secscan beside a naive filter.

    .venv/bin/python bench/quality.py --naive            # whole corpus + real slices, JSON too
    .venv/bin/python bench/quality.py --formats txt,md   # a subset of the synthetic corpus

Three slices (docs/quality.md):
- synthetic: bench/corpus/generate.py's 220 documents; every planted item is labelled.
- benign: the real texts of ../shared/corpus/real/text and ../shared/seed-report.txt; every
  warn or block there is false. A page is 1,800 characters (about one A4 page of 公文).
- real files: the docx/pdf/html of ../shared/corpus/real; none may crash, findings are listed.

Matching rule: a finding (severity warn or block; info is advice, not a finding) matches a planted
item when category and part are equal and the texts overlap: after folding both (secscan's own
normaliser: width, traditional script, spaces and line breaks), one contains the other, or a piece
of the finding's masked match between asterisks (two characters or more) lies inside the item.
Items without text (comments present, the author of a comment) match on category and part. A
finding that overlaps planted text of another category points at a real leak: it is counted as
"cross", neither right nor false. Any other finding is a false positive.

The naive baseline is what common sensitive-word filters do: plain substring search of every
`keywords` entry of the shipped rules, plus the level words a filter would list (绝密 机密 秘密
内部 涉密), over the raw extracted text of the same documents, with no normalisation, no word
boundaries, no context and no validators.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from secscan.config import Config  # noqa: E402
from secscan.engine import Scanner  # noqa: E402
from secscan.normalise import fold, fold_chars  # noqa: E402

SHARED = ROOT.parent / "shared"
REAL = SHARED / "corpus" / "real"
OUT = ROOT / "bench" / "out"
PAGE_CHARS = 1800
NAIVE_LEVEL_WORDS = {
    "绝密": "classification-mark",
    "机密": "classification-mark",
    "秘密": "classification-mark",
    "内部": "classification-mark",
    "涉密": "secret-keyword",
}
COUNTED = ("block", "warn")


@dataclass(frozen=True)
class Hit:
    """A finding reduced to what scoring needs (secscan's or the naive filter's)."""

    rule_id: str
    category: str
    part: str
    severity: str
    match: str


def canon(text: str) -> str:
    return fold(text, fold_chars(text)).text


def overlaps(match: str, item: str) -> bool:
    m, i = canon(match), canon(item)
    if not m:
        return False
    if m in i or i in m:
        return True
    return any(len(piece) >= 2 and piece in i for piece in m.split("*"))


# --- the two scanners -------------------------------------------------------------------------


def secscan_hits(scanner: Scanner, data: bytes, name: str) -> tuple[str, list[Hit]]:
    result = scanner.scan_bytes(data, name)
    hits = [
        Hit(f.rule_id, str(f.category), str(f.part), str(f.severity), f.match)
        for f in result.findings
        if str(f.severity) in COUNTED and f.suppressed is None
    ]
    return str(result.verdict), hits


class Naive:
    """Substring matching of the rules' keyword lists over the raw extracted text."""

    def __init__(self, scanner: Scanner) -> None:
        self.words: dict[str, tuple[str, str, str]] = {}
        for rule in scanner.ruleset.rules:
            if str(rule.severity) not in COUNTED:
                continue
            for word in rule.keywords:
                self.words.setdefault(word, (rule.id, str(rule.category), str(rule.severity)))
        for word, category in NAIVE_LEVEL_WORDS.items():
            self.words.setdefault(word, ("naive-level-word", category, "block"))
        self.limits = scanner.config.limits

    def hits(self, data: bytes, name: str) -> tuple[str, list[Hit]]:
        from secscan.extract import decide_format, extract
        from secscan.model import Segment

        fmt, _ = decide_format(data, name)
        found: list[Hit] = []
        try:
            for item in extract(data, fmt, self.limits, self.limits.deadline()):
                if isinstance(item, Segment):
                    found += self._search(item.text, str(item.part))
        except Exception:  # the naive filter has no error path: what it read is what it scored
            pass
        worst = max((2 if h.severity == "block" else 1 for h in found), default=0)
        return ("pass", "warn", "block")[worst], found

    def _search(self, text: str, part: str) -> Iterable[Hit]:
        for word, (rule_id, category, severity) in self.words.items():
            start = text.find(word)
            while start != -1:
                yield Hit(rule_id, category, part, severity, word)
                start = text.find(word, start + 1)


# --- scoring ----------------------------------------------------------------------------------


class Score:
    """Counts for one scanner over the synthetic slice, by category and by part."""

    def __init__(self) -> None:
        self.items: Counter[tuple[str, str]] = Counter()  # (axis, key) -> planted
        self.found: Counter[tuple[str, str]] = Counter()  # planted and found
        self.right: Counter[tuple[str, str]] = Counter()  # findings that match an item
        self.false: Counter[tuple[str, str]] = Counter()  # findings that match nothing
        self.cross = 0
        self.verdicts = Counter[str]()
        self.misses: list[dict[str, object]] = []
        self.false_list: list[dict[str, object]] = []
        self.wrong: list[dict[str, object]] = []

    def add(self, doc: dict[str, object], verdict: str, hits: list[Hit]) -> None:
        from bench.corpus.generate import kind_of

        items = doc["items"]
        assert isinstance(items, list)
        kind = kind_of(str(doc["file"]))
        right = verdict == doc["expected_verdict"]
        self.verdicts["right" if right else "wrong"] += 1
        if not right:
            self.wrong.append(
                {"file": doc["file"], "expected": doc["expected_verdict"], "got": verdict}
            )
        used = [False] * len(hits)
        for item in items:
            keys = (
                ("category", item["category"]),
                ("part", item["part"]),
                ("format", kind),
                ("variant", item["variant"]),
                ("all", "all"),
            )
            for key in keys:
                self.items[key] += 1
            got = [n for n, h in enumerate(hits) if _matches(h, item)]
            for n in got:
                used[n] = True
            if got:
                for key in keys:
                    self.found[key] += 1
            else:
                self.misses.append({"file": doc["file"], **item})
        texts = [(i["part"], i["text"]) for i in items if i["text"]]
        for hit, ok in zip(hits, used, strict=True):
            keys = (
                ("category", hit.category),
                ("part", hit.part),
                ("format", kind),
                ("all", "all"),
            )
            if ok:
                for key in keys:
                    self.right[key] += 1
            elif any(part == hit.part and overlaps(hit.match, t) for part, t in texts):
                self.cross += 1
            else:
                for key in keys:
                    self.false[key] += 1
                self.false_list.append({"file": doc["file"], **hit.__dict__})

    def table(self) -> dict[str, dict[str, dict[str, float | int | None]]]:
        out: dict[str, dict[str, dict[str, float | int | None]]] = defaultdict(dict)
        for axis, key in sorted(set(self.items) | set(self.false)):
            planted, right, false = (
                self.items[(axis, key)],
                self.right[(axis, key)],
                self.false[(axis, key)],
            )
            out[axis][key] = {
                "items": planted,
                "found": self.found[(axis, key)],
                "recall": round(self.found[(axis, key)] / planted, 4) if planted else None,
                "precision": round(right / (right + false), 4) if right + false else None,
                "false_findings": false,
            }
        return dict(out)


def _matches(hit: Hit, item: dict[str, object]) -> bool:
    if hit.category != item["category"] or hit.part != item["part"]:
        return False
    text = item["text"]
    return text is None or overlaps(hit.match, str(text))


# --- slices -----------------------------------------------------------------------------------


def synthetic(
    corpus: Path, formats: set[str] | None, scanners: dict[str, object]
) -> dict[str, object]:
    from bench.corpus.generate import generate, kind_of

    truth = generate(corpus, formats)
    documents = truth["documents"]
    assert isinstance(documents, list)
    docs = [d for d in documents if formats is None or kind_of(d["file"]) in formats]
    scores = {name: Score() for name in scanners}
    elapsed, size = 0.0, 0
    for doc in docs:
        data = (corpus / doc["file"]).read_bytes()
        size += len(data)
        for name, scan in scanners.items():
            start = time.perf_counter()
            verdict, hits = scan(data, doc["file"])  # type: ignore[operator]
            if name == "secscan":
                elapsed += time.perf_counter() - start
            scores[name].add(doc, verdict, hits)
    return {
        "documents": len(docs),
        "bytes": size,
        "scan_seconds": round(elapsed, 3),
        "scores": scores,
    }


def positives() -> dict[str, str]:
    """Real files that SOURCES.md says carry real marks (bench/corpus/real-labels.json)."""
    labels = json.loads((ROOT / "bench" / "corpus" / "real-labels.json").read_text("utf-8"))
    return dict(labels["positives"])


def benign(scanners: dict[str, object]) -> dict[str, object]:
    known = positives()
    paths = [*sorted((REAL / "text").glob("*")), SHARED / "seed-report.txt"]
    paths = [p for p in paths if f"text/{p.name}" not in known]
    chars, elapsed = 0, 0.0
    found: dict[str, list[dict[str, object]]] = {name: [] for name in scanners}
    for path in paths:
        data = path.read_bytes()
        chars += len(data.decode("utf-8", errors="replace"))
        for name, scan in scanners.items():
            start = time.perf_counter()
            _, hits = scan(data, path.name)  # type: ignore[operator]
            if name == "secscan":
                elapsed += time.perf_counter() - start
            found[name] += [{"file": path.name, **h.__dict__} for h in hits]
    pages = chars / PAGE_CHARS
    summary = {}
    for name, hits in found.items():
        blocks = sum(1 for h in hits if h["severity"] == "block")
        warns = len(hits) - blocks
        summary[name] = {
            "false_blocks": blocks,
            "false_warns": warns,
            "false_blocks_per_100_pages": round(100 * blocks / pages, 2),
            "false_warns_per_20_pages": round(20 * warns / pages, 2),
            "by_category": dict(Counter(str(h["category"]) for h in hits)),
            "blocks_per_100_pages_by_category": {
                k: round(100 * v / pages, 2)
                for k, v in Counter(
                    str(h["category"]) for h in hits if h["severity"] == "block"
                ).items()
            },
            "findings": hits if name == "secscan" else hits[:50],
        }
    return {
        "files": len(paths),
        "chars": chars,
        "pages": round(pages, 1),
        "scan_seconds": round(elapsed, 3),
        **summary,
    }


def real_files(scanner: Scanner) -> dict[str, object]:
    known = positives()
    rows = []
    for name in (n for n in known if n.startswith("text/")):
        result = scanner.scan_bytes((REAL / name).read_bytes(), name)
        rows.append(
            {
                "file": name,
                "status": str(result.status),
                "verdict": str(result.verdict),
                "labelled_positive": known[name],
                "findings": [],
            }
        )
    for sub in ("docx", "pdf", "html"):
        for path in sorted((REAL / sub).glob("*")):
            try:
                result = scanner.scan_bytes(path.read_bytes(), path.name)
            except Exception as exc:  # a crash is the one thing this slice forbids
                rows.append({"file": f"{sub}/{path.name}", "crash": repr(exc)})
                continue
            rows.append(
                {
                    "file": f"{sub}/{path.name}",
                    "status": str(result.status),
                    "verdict": str(result.verdict),
                    "labelled_positive": known.get(f"{sub}/{path.name}"),
                    "findings": [
                        {
                            "rule_id": f.rule_id,
                            "category": str(f.category),
                            "part": str(f.part),
                            "severity": str(f.severity),
                            "match": f.match,
                        }
                        for f in result.findings
                        if str(f.severity) in COUNTED
                    ],
                }
            )
    return {"files": len(rows), "crashes": sum(1 for r in rows if "crash" in r), "rows": rows}


# --- report -----------------------------------------------------------------------------------


def evaluate(
    corpus: Path,
    formats: set[str] | None = None,
    naive: bool = True,
    real: bool = True,
    rules: Path | None = None,
) -> dict[str, object]:
    """Run every slice; the returned dict is what bench/out/quality.json holds."""
    config = Config() if rules is None else Config(rules=(str(rules),), builtin_rules=False)
    scanner = Scanner(config)
    scanners: dict[str, object] = {"secscan": lambda d, n: secscan_hits(scanner, d, n)}
    if naive:
        scanners["naive"] = Naive(scanner).hits
    syn = synthetic(corpus, formats, scanners)
    scores: dict[str, Score] = syn.pop("scores")  # type: ignore[assignment]
    result: dict[str, object] = {"page_chars": PAGE_CHARS, "synthetic": syn}
    for name, score in scores.items():
        total = sum(score.verdicts.values())
        result[name] = {
            "table": score.table(),
            "verdict_accuracy": round(score.verdicts["right"] / total, 4) if total else None,
            "cross_category_findings": score.cross,
            "wrong_verdicts": score.wrong,
            "misses": score.misses,
            "false_positives": score.false_list,
        }
    if real and REAL.is_dir():
        result["benign"] = benign(scanners)
        result["real_files"] = real_files(scanner)
    return result


def fmt(value: object) -> str:
    return "—" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def print_table(result: dict[str, object]) -> None:
    names = [n for n in ("secscan", "naive") if n in result]
    syn = result["synthetic"]
    print(
        f"synthetic: {syn['documents']} documents, {syn['bytes'] / 1e6:.2f} MB, "  # type: ignore[index]
        f"secscan scan {syn['scan_seconds']} s"
    )  # type: ignore[index]
    head = f"{'':24}{'items':>6}" + "".join(f"{n + ' R':>11}{n + ' P':>11}" for n in names)
    for axis in ("all", "category", "part", "format"):
        print(f"\n[{axis}]\n{head}")
        table = result["secscan"]["table"][axis]  # type: ignore[index]
        for key, row in table.items():
            line = f"{key:24}{row['items']:>6}"
            for n in names:
                other = result[n]["table"][axis].get(key, {})  # type: ignore[index]
                line += f"{fmt(other.get('recall')):>11}{fmt(other.get('precision')):>11}"
            print(line)
    print(
        "\nverdict accuracy: "
        + ", ".join(f"{n} {fmt(result[n]['verdict_accuracy'])}" for n in names)
    )  # type: ignore[index]
    if "benign" in result:
        b = result["benign"]
        print(
            f"benign: {b['files']} files, {b['pages']} pages of {PAGE_CHARS} chars, "  # type: ignore[index]
            f"secscan scan {b['scan_seconds']} s"  # type: ignore[index]
        )
        for n in names:
            s = b[n]  # type: ignore[index]
            print(
                f"  {n:8} false blocks {s['false_blocks']} "
                f"({s['false_blocks_per_100_pages']}/100 pages), "
                f"false warns {s['false_warns']} ({s['false_warns_per_20_pages']}/20 pages)"
            )
        r = result["real_files"]
        print(f"real files: {r['files']} scanned, {r['crashes']} crashes")  # type: ignore[index]


def markdown(result: dict[str, object]) -> str:
    """The side-by-side table for docs/quality.md (written as bench/out/quality.md)."""
    names = [n for n in ("secscan", "naive") if n in result]
    head = "| | 条目 | " + " | ".join(f"{n} 召回 | {n} 精确" for n in names) + " |"
    rows = [head, "|---|---:|" + "---:|---:|" * len(names)]
    labels = {"all": "合计", "category": "类别", "part": "部位", "format": "格式"}
    for axis in ("all", "category", "part", "format"):
        table = result["secscan"]["table"][axis]  # type: ignore[index]
        for key, row in table.items():
            cells = [f"{labels[axis]} `{key}`" if axis != "all" else "**合计**", str(row["items"])]
            for n in names:
                other = result[n]["table"][axis].get(key, {})  # type: ignore[index]
                cells += [fmt(other.get("recall")), fmt(other.get("precision"))]
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=OUT / "corpus")
    parser.add_argument("--formats", help="comma list of txt,md,html,docx,pdf (default: all)")
    parser.add_argument("--naive", action="store_true", help="score the naive filter beside it")
    parser.add_argument("--no-real", action="store_true", help="skip the ../shared slices")
    parser.add_argument("--json", type=Path, default=OUT / "quality.json")
    parser.add_argument("--rules", type=Path, help="score this rule directory instead of rules/")
    args = parser.parse_args(argv)
    formats = set(args.formats.split(",")) if args.formats else None
    result = evaluate(
        args.corpus, formats, naive=args.naive, real=not args.no_real, rules=args.rules
    )
    print_table(result)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    args.json.with_suffix(".md").write_text(markdown(result), "utf-8")
    print(f"\nwritten: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
