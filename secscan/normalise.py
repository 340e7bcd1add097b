"""Fold text for matching and keep a map back to the original offsets.

Two steps, both linear and cheap (reference/performance.md):
1. a length-preserving `str.translate` through a dense table (NFKC single-character forms,
   Kangxi and supplement radicals, traditional → simplified, lower case), generated once by
   tools/gen_fold_table.py into data/fold.tsv;
2. removal of noise with `re.sub`-free run tracking: zero-width and format characters anywhere,
   and between two CJK characters a short run of spaces, at most one line break, or up to three
   symbols (机 密, 机*密, a mark split over lines). Never across 。！？；, a paragraph break (two
   line breaks) or a tab (table-cell boundary), and never between Latin letters or digits
   (chinese-rules.md §1.6). ★ and ☆ are kept: they are the mark's own grammar.

The offset map is sparse: one (folded start, original start) pair per kept run.
"""

from __future__ import annotations

import os
import re
from array import array
from bisect import bisect_right

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (the ranges of `CJK`), without paying for a regex compile at start-up."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF

_ZERO_WIDTH = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufe0f\ufeff"
_SPACE = " \u00a0\u2000-\u200a\u3000\r\n"
# Symbols an evader or a layout puts between two characters. After the fold, full-width forms
# are ASCII already. Sentence punctuation (。！？；，、：) and brackets are deliberately absent.
# / and \ are not noise: they are path separators (\\文件服务器\公文, D:\公文\), and a path must
# reach the internal-address rules whole.
_SYMBOL = r"*·•_\-~#@^+=|.`'\"○●◆◇■□▲△※"
# Candidate runs only; whether a run sits between two CJK characters is checked in Python on the
# few runs found, which is ~2× faster than CJK look-arounds inside the regex (measured on 20 MB).
_NOISE = re.compile(f"[{_SPACE}{_SYMBOL}{_ZERO_WIDTH}]+")
_ZW_RUN = re.compile(f"[{_ZERO_WIDTH}]+")
_ZW_SET = frozenset(
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\ufe0f\ufeff"
)
_SYMBOL_SET = frozenset("*·•_-~#@^+=|.`'\"○●◆◇■□▲△※")
MAX_RUN = 8

TABLE_FILE = os.path.join(os.path.dirname(__file__), "data", "fold.bin")


def _load_table() -> list[int]:
    """data/fold.bin: little-endian uint16 pairs (source, target), from tools/gen_fold_table.py."""
    pairs = array("H")
    with open(TABLE_FILE, "rb") as handle:
        pairs.frombytes(handle.read())
    table = list(range(0x10000))
    for i in range(0, len(pairs), 2):
        table[pairs[i]] = pairs[i + 1]
    return table


_TABLE: list[int] | None = None


def fold_chars(text: str) -> str:
    """The length-preserving character fold alone (no noise removal)."""
    global _TABLE
    if _TABLE is None:  # built once per process, on first use (~2 ms)
        _TABLE = _load_table()
    return text.translate(_TABLE)


class Folded:
    """Folded text; `starts[i]` in folded text corresponds to `origins[i]` in the original.

    A plain class, not a dataclass: each dataclass costs ~0.8 ms at start-up, paid by every
    pre-commit run.
    """

    __slots__ = ("origins", "starts", "text")

    def __init__(self, text: str, starts: tuple[int, ...], origins: tuple[int, ...]) -> None:
        self.text, self.starts, self.origins = text, starts, origins

    def to_original(self, index: int) -> int:
        """Original offset of folded character `index` (an end offset maps past its char)."""
        if index >= len(self.text):
            if not self.text:
                return self.origins[0]
            return self.to_original(len(self.text) - 1) + 1
        i = bisect_right(self.starts, index) - 1
        return self.origins[i] + (index - self.starts[i])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded span [start, end)."""
        if end <= start:
            pos = self.to_original(start)
            return pos, pos
        return self.to_original(start), self.to_original(end - 1) + 1


def fold(text: str, chars: str | None = None) -> Folded:
    """Fold `text` for matching, keeping the map back to original offsets.

    `chars` may pass `fold_chars(text)` when the caller has it already.
    """
    if chars is None:
        chars = fold_chars(text)
    starts: list[int] = [0]
    origins: list[int] = [0]
    pieces: list[str] = []
    kept_from = 0
    folded_len = 0
    last = len(chars) - 1
    for m in _NOISE.finditer(chars):
        a, b = m.span()
        run = m.group()
        if b - a <= MAX_RUN and a > 0 and b <= last and is_cjk(chars[a - 1]) and is_cjk(chars[b]):
            drops = [(a, b)] if _is_droppable(run) else []
        else:
            drops = []
        if not drops and not _ZW_SET.isdisjoint(run):
            drops = [(a + z.start(), a + z.end()) for z in _ZW_RUN.finditer(run)]
        for da, db in drops:
            if da > kept_from:
                pieces.append(chars[kept_from:da])
                folded_len += da - kept_from
            kept_from = db
            starts.append(folded_len)
            origins.append(db)
    if kept_from == 0:
        return Folded(chars, (0,), (0,))
    pieces.append(chars[kept_from:])
    return Folded("".join(pieces), tuple(starts), tuple(origins))


def _is_droppable(run: str) -> bool:
    """A run between two CJK characters is noise unless it looks like real structure."""
    if run.count("\n") > 1:
        return False  # a paragraph break separates, it does not hide
    symbols = sum(1 for c in run if c in _SYMBOL_SET)
    return symbols <= 3


def identity(chars: str) -> Folded:
    """A Folded whose offsets are the original ones (the line view)."""
    return Folded(chars, (0,), (0,))


def fold_keyword(keyword: str) -> str:
    """Keywords go through the same fold as the text, so both sides always agree."""
    return fold(keyword).text
