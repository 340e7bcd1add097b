"""The pipeline, owned here alone: bytes -> Segments -> folded text -> hits -> findings -> FileResult.

`Scanner` holds what lives as long as a rule set (the automaton, detectors, jieba on demand) and
scans one file at a time with memory bounded by the largest segment. `scan_paths` expands
directories and spreads large runs over processes, one Scanner per process.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator

from secscan.config import Config
from secscan.decide import Decider
from secscan.errors import ExtractError, SecscanError
from secscan.extract import SUFFIXES, decide_format, extract
from secscan.match import Matcher
from secscan.messages import detail_text
from secscan.messages import text as message
from secscan.model import (
    FileResult,
    Finding,
    Format,
    Location,
    Observation,
    Part,
    RulesetInfo,
    ScanResult,
    Segment,
    Status,
    summarise,
    verdict_of,
)
from secscan.normalise import fold, fold_chars, identity
from secscan.ruleset import RuleSet, load_ruleset
from secscan.segment import Segmenter

TYPE_CHECKING = False  # typing costs ~3 ms of the hook's start-up; annotations only
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

EXCERPT_CHARS = 2000
# Runs at least this large go to a process pool (forking costs ~20 ms a worker).
PARALLEL_MIN_FILES = 24
PARALLEL_MIN_BYTES = 4 * 1024 * 1024


class _FileState:
    """What one file's scan accumulates (a plain class: dataclasses cost start-up time)."""

    __slots__ = ("error", "excerpt", "excerpt_len", "findings", "status", "title")

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.status = Status.OK
        self.error: str | None = None
        self.title: str | None = None
        self.excerpt: list[str] = []
        self.excerpt_len = 0


class Scanner:
    """A compiled rule set and everything needed to scan files with it."""

    def __init__(self, config: Config, ruleset: RuleSet | None = None) -> None:
        self.config = config
        self.ruleset = ruleset or load_ruleset(config.rules, builtin=config.builtin_rules)
        self.info = RulesetInfo(version=self.ruleset.version, sha256=self.ruleset.sha256)
        self.matcher = Matcher(self.ruleset)
        self.segmenter = Segmenter()
        self.decider = Decider(self.ruleset, self.segmenter, config.lang)

    def scan_text(self, text: str, part: Part = Part.BODY) -> list[Finding]:
        """Findings in one piece of text (what `secscan rules test` runs examples through)."""
        return self._segment(Segment(text=text, part=part, location=Location(line=1, column=1)))

    def _segment(self, segment: Segment) -> list[Finding]:
        chars = fold_chars(segment.text)
        folded, lines = fold(segment.text, chars), identity(chars)
        hits = self.matcher.hits(folded, lines.text)
        return self.decider.decide(hits, segment, folded, lines)

    def scan_bytes(self, data: bytes, name: str) -> FileResult:
        """Scan one file's content; `name` is its path as the user gave it."""
        digest = hashlib.sha256(data).hexdigest()
        fmt, claimed = decide_format(data, name)
        state = _FileState()
        base = os.path.basename(name)
        if base and base != "-":
            filename = Segment(text=base, part=Part.METADATA, detail="filename")
            state.findings.extend(self._segment(filename))
        if claimed is not None and claimed is not fmt and data:
            state.findings.extend(
                self.decider.observe(
                    Observation(kind="format-mismatch", part=Part.METADATA, value=claimed.value, detail=fmt.value)
                )
            )
        if data:
            self._extract_into(state, data, fmt)
        findings = tuple(state.findings)
        if b"secscan:allow" in data:  # inline allow markers, post-decide (secscan/suppress.py)
            from secscan.suppress import apply_inline  # only for files that carry one

            rules, observe, lang = self.decider.rules, self.decider.observe, self.config.lang
            findings = tuple(apply_inline(data, fmt, list(findings), rules, observe, lang))
        return FileResult(
            path=name,
            sha256=digest,
            format=fmt,
            status=state.status,
            error=state.error,
            verdict=verdict_of(findings, state.status),
            findings=findings,
            size=len(data),
            title=state.title,
            excerpt="".join(state.excerpt) or None,
        )

    def _extract_into(self, state: _FileState, data: bytes, fmt: Format) -> None:
        limits = self.config.limits
        try:
            for item in extract(data, fmt, limits, limits.deadline()):
                if isinstance(item, Observation):
                    self._observation(state, item)
                else:
                    self._remember_text(state, item)
                    state.findings.extend(self._segment(item))
        except SecscanError as exc:
            state.status, state.error = Status.ERROR, exc.render(self.config.lang)
        except RecursionError:
            state.status = Status.ERROR
            state.error = message("limit_depth", self.config.lang)
        except Exception as exc:  # a parser bug on a hostile file must not pass the file
            state.status = Status.ERROR
            state.error = message("extract_crash", self.config.lang, error=type(exc).__name__)

    def _observation(self, state: _FileState, obs: Observation) -> None:
        if obs.kind == "unreadable":
            state.status = Status.ERROR
            detail = obs.detail or obs.value
            said = detail_text(detail, self.config.lang)
            state.error = message("unreadable_part", self.config.lang, detail=said)
        state.findings.extend(self.decider.observe(obs))

    def _remember_text(self, state: _FileState, segment: Segment) -> None:
        if segment.part is not Part.BODY or state.excerpt_len >= EXCERPT_CHARS:
            return
        if state.title is None:
            for line in segment.text.splitlines():
                line = line.strip().lstrip("#").strip()
                if line:
                    state.title = line[:80]
                    break
        piece = segment.text[: EXCERPT_CHARS - state.excerpt_len]
        state.excerpt.append(piece)
        state.excerpt_len += len(piece)

    def scan_path(self, path: str, stdin_name: str = "-") -> FileResult:
        """Read and scan one file (`-`: standard input, reported as `stdin_name`).

        An unreadable file is a result with status error, never an exception.
        """
        if path == "-":
            return self.scan_bytes(sys.stdin.buffer.read(), stdin_name)
        try:
            data = _read(path, self.config)
        except ExtractError as exc:
            return self.error_result(path, exc.render(self.config.lang))
        return self.scan_bytes(data, path)

    def error_result(self, path: str, error: str) -> FileResult:
        return FileResult(
            path=path,
            sha256="",
            format=None,
            status=Status.ERROR,
            error=error,
            verdict=verdict_of((), Status.ERROR),
            findings=(),
        )


def _read(path: str, config: Config) -> bytes:
    if not os.path.lexists(path):
        raise ExtractError("no_such_path", path=path)
    try:
        size = os.path.getsize(path)
        if size > config.limits.max_file_bytes:
            raise ExtractError("limit_file_size", size=size, limit=config.limits.max_file_bytes)
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise ExtractError("not_readable", path=path, reason=exc.strerror or type(exc).__name__) from None


# --- many files ------------------------------------------------------------------------------


def expand_paths(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[str]:
    """Files named directly, and files of a known format below named directories (sorted)."""
    patterns = tuple(exclude)
    for given in paths:
        if given == "-":
            yield given
            continue
        if os.path.isdir(given):
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _excluded(os.path.join(root, d), patterns))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if os.path.splitext(name)[1].lower() in SUFFIXES and not _excluded(full, patterns):
                        yield full
        elif not _excluded(given, patterns):
            yield given  # a missing file becomes a result with status error, not a stop


def is_excluded(path: str, patterns: Iterable[str]) -> bool:
    """True when `path` matches one of the --exclude patterns (as expand_paths applies them)."""
    return _excluded(path, tuple(patterns))


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    name = os.path.basename(path)
    norm = path.replace(os.sep, "/")
    return any(fnmatch.fnmatch(norm, pat) or fnmatch.fnmatch(name, pat) or fnmatch.fnmatch(norm, f"*/{pat}") for pat in patterns)


_WORKER: Scanner | None = None


def _init_worker(config: Config, ruleset: RuleSet) -> None:
    global _WORKER
    _WORKER = Scanner(config, ruleset)


def _scan_in_worker(path: str) -> FileResult:
    assert _WORKER is not None
    return _WORKER.scan_path(path)


def scan_files(
    scanner: Scanner,
    files: list[str],
    on_result: Callable[[FileResult], None] | None = None,
    stdin_name: str = "-",
) -> ScanResult:
    """Scan `files` in order, in parallel when the run is large; report each result as it ends."""
    parallel = "-" not in files and _is_large(files)
    def scan_one(path: str) -> FileResult:
        return scanner.scan_path(path, stdin_name)

    done = tuple(_run(scanner, files, scan_one, _scan_in_worker, parallel, on_result))
    return ScanResult(ruleset=scanner.info, files=done, summary=summarise(done))


def _scan_blob_in_worker(item: tuple[str, bytes]) -> FileResult:
    assert _WORKER is not None
    return _WORKER.scan_bytes(item[1], item[0])


def scan_blobs(
    scanner: Scanner,
    items: list[tuple[str, bytes]],
    on_result: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Scan contents already read (name, bytes), such as staged blobs; in parallel when large,
    as scan_files does. Results come in the order of `items`."""
    size = sum(len(data) for _name, data in items)
    parallel = len(items) > 1 and (len(items) >= PARALLEL_MIN_FILES or size >= PARALLEL_MIN_BYTES)
    def scan_one(item: tuple[str, bytes]) -> FileResult:
        return scanner.scan_bytes(item[1], item[0])

    return _run(scanner, items, scan_one, _scan_blob_in_worker, parallel, on_result)


def _run(
    scanner: Scanner,
    items: list[T],
    scan_one: Callable[[T], FileResult],
    in_worker: Callable[[T], FileResult],
    parallel: bool,
    on_result: Callable[[FileResult], None] | None,
) -> list[FileResult]:
    """Results of `items` in order: in this process, or over a pool of one Scanner per process
    when `parallel` and there is more than one core to use."""
    jobs = scanner.config.jobs or os.cpu_count() or 1
    results: list[FileResult] = []
    if parallel and jobs > 1:
        from concurrent.futures import ProcessPoolExecutor  # ~12 ms: only for large runs

        with ProcessPoolExecutor(
            max_workers=min(jobs, len(items)),
            initializer=_init_worker,
            initargs=(scanner.config, scanner.ruleset),
        ) as pool:
            outcomes: Iterable[FileResult] = pool.map(in_worker, items, chunksize=8)
            for result in outcomes:
                results.append(result)
                if on_result:
                    on_result(result)
        return results
    for item in items:
        result = scan_one(item)
        results.append(result)
        if on_result:
            on_result(result)
    return results


def _is_large(files: list[str]) -> bool:
    if len(files) >= PARALLEL_MIN_FILES:
        return True
    total = 0
    for f in files:
        try:
            total += os.path.getsize(f)
        except OSError:
            continue
    return len(files) > 1 and total >= PARALLEL_MIN_BYTES
