"""Every observation kind an extractor can emit is declared in KINDS and has a shipped rule."""

from __future__ import annotations

import re

from secscan.extract import KINDS
from secscan.ruleset import parse_file
from tests.conftest import ROOT

EXTRACTORS = ("docx", "docxtext", "pdf", "pdfglyphs", "pdfparts", "html", "nested", "text")


def emitted_kinds() -> set[str]:
    kinds: set[str] = set()
    for name in EXTRACTORS:
        source = (ROOT / "secscan" / "extract" / f"{name}.py").read_text(encoding="utf-8")
        kinds |= set(re.findall(r'kind="([a-z-]+)"', source))
    from secscan.extract.pdfglyphs import HIDDEN_DETAIL  # the pdf names its hidden-text kinds here

    return kinds | {kind for kind, _ in HIDDEN_DETAIL.values()}


def test_emitted_kinds_are_declared():
    assert emitted_kinds() - KINDS == set()


def test_every_declared_kind_has_a_rule():
    observed = set()
    for path in (ROOT / "rules").glob("*.toml"):
        _, rules = parse_file(path, path.read_bytes())
        observed |= {r.observation for r in rules if r.observation}
    extractor_kinds = KINDS - {"allow-marker-invalid"}  # that one comes from secscan/suppress.py
    assert extractor_kinds - observed == set()
