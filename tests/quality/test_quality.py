"""Detection quality stays measured: the planted text slice and the benign real texts.

The full run is bench/quality.py (all formats, the naive baseline, the real files); this keeps
the parts that are cheap enough for every CI run, so a rule or engine change that loses recall
or starts blocking public law text fails here. Figures and method: docs/quality.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.corpus.generate import TRUTH, truth_of
from bench.corpus.plan import SEED, plan_documents
from bench.quality import Naive, Scanner, benign, secscan_hits, synthetic

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def text_slice(tmp_path_factory: pytest.TempPathFactory, scanner: Scanner) -> dict[str, object]:
    corpus = tmp_path_factory.mktemp("corpus")
    scanners = {
        "secscan": lambda d, n: secscan_hits(scanner, d, n),
        "naive": Naive(scanner).hits,
    }
    return synthetic(corpus, {"txt", "md", "html"}, scanners)


def test_committed_truth_matches_the_generator() -> None:
    import random

    current = json.dumps(
        truth_of(plan_documents(random.Random(SEED))), ensure_ascii=False, indent=1
    )
    assert TRUTH.read_text("utf-8") == current, "rerun bench/corpus/generate.py --write-truth"


def test_planted_text_items_are_found(text_slice: dict[str, object]) -> None:
    score = text_slice["scores"]["secscan"]  # type: ignore[index]
    table = score.table()
    assert table["all"]["all"]["recall"] >= 0.97, score.misses
    assert table["all"]["all"]["precision"] >= 0.97, score.false_list
    for category, row in table["category"].items():
        if row["items"] >= 10:
            assert row["recall"] >= 0.95, (category, score.misses)


def test_verdicts_of_the_text_slice(text_slice: dict[str, object]) -> None:
    verdicts = text_slice["scores"]["secscan"].verdicts  # type: ignore[index]
    assert verdicts["right"] / (verdicts["right"] + verdicts["wrong"]) >= 0.95


def test_secscan_beats_the_naive_filter(text_slice: dict[str, object]) -> None:
    ours = text_slice["scores"]["secscan"].table()["all"]["all"]  # type: ignore[index]
    naive = text_slice["scores"]["naive"].table()["all"]["all"]  # type: ignore[index]
    assert ours["recall"] > naive["recall"] + 0.3
    assert ours["precision"] > naive["precision"] + 0.3


def test_benign_real_texts_never_block(real_corpus: Path, scanner: Scanner) -> None:
    result = benign({"secscan": lambda d, n: secscan_hits(scanner, d, n)})
    ours = result["secscan"]
    assert ours["false_blocks"] == 0, ours["findings"]  # type: ignore[index]
    assert ours["false_warns_per_20_pages"] <= 1.0, ours["findings"]  # type: ignore[index]
