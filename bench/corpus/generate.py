"""Generate the labelled quality corpus: government drafts with planted leaks, and their truth.

    .venv/bin/python bench/corpus/generate.py                  # write bench/out/corpus/
    .venv/bin/python bench/corpus/generate.py --out DIR        # elsewhere
    .venv/bin/python bench/corpus/generate.py --check          # truth.json matches this script

The output is deterministic (fixed seed, the fixed dates of tests/builders.py), so only this
script and the truth file (bench/corpus/truth.json) are committed; the documents (about 3 MB of
docx/pdf) are written at run time into bench/out/, which git ignores. Each document is one of
six genres; a plant is a leak of one category put in one part of the file in one disguise
(spaced, full-width, traditional, split over runs or lines, in a table, a text box, a comment, a
tracked deletion, hidden text, a PDF annotation, under a drawn black box, in an html attribute).
Identity and card numbers are synthetic: computed with the GB 11643 check digit and Luhn.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.corpus.plan import SEED, Doc, plan_documents, verdict  # noqa: E402
from bench.corpus.render import RENDER  # noqa: E402

TRUTH = ROOT / "bench" / "corpus" / "truth.json"
DEFAULT_OUT = ROOT / "bench" / "out" / "corpus"


def truth_of(docs: list[Doc]) -> dict[str, object]:
    return {
        "generator": "bench/corpus/generate.py",
        "seed": SEED,
        "documents": [
            {
                "file": d.file,
                "format": {"txt": "text", "md": "text"}.get(d.kind, d.kind),
                "encoding": d.encoding,
                "genre": d.genre,
                "expected_verdict": verdict(d),
                "items": [asdict(i) for i in d.items],
                "negatives": d.negatives,
            }
            for d in docs
        ],
    }


def kind_of(file: str) -> str:
    """txt, md, html, docx or pdf: a corpus file's family (the first word of its folder)."""
    return file.split("/")[0].split("-")[0]


def generate(out: Path, formats: set[str] | None = None) -> dict[str, object]:
    """Write the corpus under `out` (all of it, or the `formats` named); return the whole truth."""
    docs = plan_documents(random.Random(SEED))
    for doc in docs:
        if formats is not None and kind_of(doc.file) not in formats:
            continue
        path = out / doc.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(RENDER[doc.kind](doc))
    truth = truth_of(docs)
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if truth.json is stale")
    parser.add_argument(
        "--write-truth", action="store_true", help="update bench/corpus/truth.json"
    )
    args = parser.parse_args(argv)
    truth = generate(args.out)
    text = json.dumps(truth, ensure_ascii=False, indent=1)
    if args.check:
        same = TRUTH.is_file() and TRUTH.read_text("utf-8") == text
        print("truth.json is current" if same else "truth.json differs: rerun with --write-truth")
        return 0 if same else 1
    if args.write_truth:
        TRUTH.write_text(text, "utf-8")
    docs = truth["documents"]
    assert isinstance(docs, list)
    print(f"{len(docs)} documents, {sum(len(d['items']) for d in docs)} items -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
