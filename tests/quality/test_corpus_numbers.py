"""The generator's synthetic numbers are what the truth says they are.

A planted ID that failed GB 11643 would be a miss no rule could fix, and a "bad" ID that passed
would be a false positive of the corpus, not of secscan: check both against secscan's own
validators (cn_id, Luhn in bank_card, GB 32100 in uscc).
"""

from __future__ import annotations

import random

from bench.corpus.plants import bad_id, id_check, make_card, make_id, make_uscc
from secscan.detectors import uscc


def luhn_ok(number: str) -> bool:
    total = 0
    for i, d in enumerate(int(c) for c in reversed(number)):
        total += d if i % 2 == 0 else (d * 2 - 9 if d * 2 > 9 else d * 2)
    return total % 10 == 0


def test_check_digit_matches_published_vectors() -> None:
    # python-stdnum and textbook vectors (chinese-rules.md §3.1)
    assert id_check("36042619910101007") == "1"
    assert id_check("11010519491231002") == "X"
    assert id_check("44011320141005001") == "X"


def test_synthetic_ids_are_valid_and_bad_ids_are_not(scanner) -> None:
    rng = random.Random(1)
    for _ in range(50):
        good, x = make_id(rng), make_id(rng, want_x=True)
        assert x.endswith("X")
        for number in (good, x):
            assert [f.rule_id for f in scanner.scan_text(f"身份证号{number}")] == ["pii-cn-id"]
        # Only the ID rule is asserted: an 18-digit number that fails GB 11643 still passes Luhn
        # one time in ten, and bank_card then reports it (reported to the detectors' owner).
        found = [f.rule_id for f in scanner.scan_text(f"档案编号：{bad_id(rng)}")]
        assert "pii-cn-id" not in found


def test_cards_pass_luhn_and_codes_pass_gb32100() -> None:
    rng = random.Random(2)
    for _ in range(50):
        card = make_card(rng)
        assert len(card) in (16, 19)
        assert luhn_ok(card)
        assert uscc.is_valid(make_uscc(rng))
