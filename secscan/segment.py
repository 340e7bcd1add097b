"""Word boundaries near a candidate hit, with jieba, loaded lazily and fast.

jieba is never run on a whole text (1.5 MB/s): only on a window of a few dozen characters around
a CJK keyword hit, and only when a rule asks for word boundaries. A clean file never loads it.

Choice (issue 2): rule keywords are NOT added to jieba's dictionary. Adding 机密 with a high
frequency makes jieba cut 有机密封 as 有/机密/封 and the look-alike would fire; jieba must judge the
text as ordinary Chinese, independently of what we look for (tests/test_segment.py shows both).

Start-up: jieba's own loader reads its prefix dictionary with `marshal.load(file)` (~0.6 s) and
imports pkg_resources (~80 ms) only to open its bundled files. We keep our own copy of the
dictionary cache and read it with one `marshal.loads(bytes)`, and import jieba with
pkg_resources masked so jieba opens its files by path.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; annotations are not evaluated
if TYPE_CHECKING:
    from typing import Any

WINDOW = 12  # characters of context on each side; enough for jieba to settle the edges


def cache_dir() -> str:
    """SECSCAN_CACHE_DIR, else $XDG_CACHE_HOME/secscan, else ~/.cache/secscan."""
    own = os.environ.get("SECSCAN_CACHE_DIR")
    if own:
        return own
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "secscan")


def _import_jieba() -> Any:
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    masked = "pkg_resources" not in sys.modules
    if masked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if masked:
            del sys.modules["pkg_resources"]
    import logging

    jieba.setLogLevel(logging.WARNING)
    return jieba


class Segmenter:
    """A jieba tokenizer created on first use; one per Scanner (so per process)."""

    def __init__(self) -> None:
        self._tokenizer: Any = None

    @property
    def loaded(self) -> bool:
        return self._tokenizer is not None

    def tokenizer(self) -> Any:
        if self._tokenizer is None:
            self._tokenizer = _load_tokenizer()
        return self._tokenizer

    def token_starts(self, window: str) -> list[int]:
        """Offsets in `window` where a jieba token starts, plus len(window)."""
        starts, pos = [], 0
        for token in self.tokenizer().cut(window, HMM=False):
            starts.append(pos)
            pos += len(token)
        starts.append(pos)
        return starts

    def is_word(self, text: str, start: int, end: int) -> bool:
        """True when [start, end) of `text` does not cut through a word (chinese-rules.md §1.6).

        The hit must start where a token starts; it must end where a token ends, unless the hit
        is the head of one longer token (此件为[机密]文件 → 机密文件: kept). 有[机密]封 (有机/密封)
        and [内部资料]性 (内部/资料性) are dropped.
        """
        lo = max(0, start - WINDOW)
        hi = min(len(text), end + WINDOW)
        starts = self.token_starts(text[lo:hi])
        s, e = start - lo, end - lo
        if s not in starts:
            return False
        if e in starts:
            return True
        # the token that covers the hit's last character
        last_token_start = max(p for p in starts if p < e)
        return last_token_start == s


def _load_tokenizer() -> Any:
    jieba = _import_jieba()
    tokenizer = jieba.Tokenizer()
    cache = os.path.join(cache_dir(), f"jieba-{jieba.__version__}-{_dict_stamp(tokenizer)}.marshal")
    try:
        with open(cache, "rb") as handle:
            tokenizer.FREQ, tokenizer.total = marshal.loads(handle.read())
        tokenizer.initialized = True
        return tokenizer
    except (OSError, ValueError, EOFError, TypeError):
        pass
    tokenizer.initialize()
    with contextlib.suppress(OSError):  # a read-only home only costs speed
        import tempfile

        os.makedirs(os.path.dirname(cache), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(cache), prefix=".jieba-")
        with os.fdopen(fd, "wb") as out:
            marshal.dump((tokenizer.FREQ, tokenizer.total), out)
        os.replace(tmp, cache)
    return tokenizer


def _dict_stamp(tokenizer: Any) -> str:
    with contextlib.suppress(OSError):
        st = os.stat(tokenizer.get_dict_file().name)
        return f"{st.st_size}-{int(st.st_mtime)}"
    return "default"
