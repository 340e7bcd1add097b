"""From candidate hits to findings: word boundaries, parts, allow and context phrases, masking.

Order for each hit: the rule's `parts`; Latin/digit boundaries (a hit may not start or end inside
a run of letters or digits: 69 is not in 695); CJK word boundaries with jieba in a small window
(有机密封 drops 机密); `allow` phrases that contain the hit (保密审查制度 contains 保密); `context`
phrases that must or must not stand near. A shorter hit of a rule inside a longer hit of the same
rule is folded into the longer one. Personal data is masked in `match` and `context` here, before
anything leaves the engine.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable

from secscan import detectors
from secscan.mask import apply_masks, mask_observed
from secscan.model import Finding, Hit, Location, Observation, Segment
from secscan.normalise import Folded, fold_keyword, is_cjk
from secscan.ruleset import Rule, RuleSet
from secscan.segment import Segmenter

CONTEXT_CHARS = 20  # of original text on each side of a match in a report
_WS = re.compile(r"\s+")


def _is_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class Decider:
    """Everything decide needs that lives as long as the rule set."""

    def __init__(self, ruleset: RuleSet, segmenter: Segmenter, lang: str = "zh") -> None:
        self.ruleset, self.segmenter, self.lang = ruleset, segmenter, lang
        self.rules = self.ruleset.by_id()
        self.allow = {r.id: r.folded_allow for r in self.ruleset.rules}
        self.require = {r.id: r.folded_require for r in self.ruleset.rules}
        self.forbid = {r.id: r.folded_forbid for r in self.ruleset.rules}
        self.by_observation: dict[str, list[Rule]] = {}
        for r in self.ruleset.rules:
            if r.observation is not None:
                self.by_observation.setdefault(r.observation, []).append(r)

    # --- text hits -------------------------------------------------------------------------

    def decide(
        self, hits: Iterable[Hit], segment: Segment, folded: Folded, lines: Folded
    ) -> list[Finding]:
        """Findings of `segment` from `hits` over its folded view and its line view."""
        kept: list[Hit] = []
        masks: list[tuple[int, int, str]] = []
        for hit in hits:
            rule = self.rules[hit.rule_id]
            view = lines if hit.lines else folded
            if rule.validator is not None:
                masks.append(self._mask_span(rule, hit, segment, view))
            if self._accept(rule, hit, segment, view):
                kept.append(hit)
        return [
            self._finding(h, segment, lines if h.lines else folded, lines.text, masks)
            for h in _longest(kept)
        ]

    def _accept(self, rule: Rule, hit: Hit, segment: Segment, view: Folded) -> bool:
        text = view.text
        if rule.parts is not None and segment.part not in rule.parts:
            return False
        if not _alnum_boundaries(text, hit.start, hit.end):
            return False
        if rule.boundary == "word" and not self._cjk_boundaries(text, hit.start, hit.end):
            return False
        if self._allowed(rule.id, text, hit.start, hit.end):
            return False
        return self._context_ok(rule, view, segment.text, hit.start, hit.end)

    def _cjk_boundaries(self, text: str, start: int, end: int) -> bool:
        if not (is_cjk(text[start]) or is_cjk(text[end - 1])):
            return True
        return self.segmenter.is_word(text, start, end)

    def _allowed(self, rule_id: str, text: str, start: int, end: int) -> bool:
        """True when an allow phrase occurrence covers the whole hit."""
        for phrase in self.allow[rule_id]:
            lo = max(0, end - len(phrase))
            pos = text.find(phrase, lo, start + len(phrase))
            while pos != -1 and pos <= start:
                if pos + len(phrase) >= end:
                    return True
                pos = text.find(phrase, pos + 1, start + len(phrase))
        return False

    def _context_ok(self, rule: Rule, view: Folded, original: str, start: int, end: int) -> bool:
        text = view.text
        window = rule.context.window
        lo, hi = max(0, start - window), end + window
        near = text[lo:hi]
        forbid = self.forbid[rule.id]
        # A forbid phrase speaks for its own sentence only: 不得 closing one sentence must not
        # vouch for 附件：涉密人员名单 on the next line (measured: bench/quality.py misses).
        if forbid and any(p in near for p in forbid):
            a, b = _clause(view, original, lo, start, end, hi)
            if any(p in text[a:b] for p in forbid):
                return False
        required = self.require[rule.id]
        return not required or any(p in near for p in required)

    def _mask_span(
        self, rule: Rule, hit: Hit, segment: Segment, folded: Folded
    ) -> tuple[int, int, str]:
        start, end = folded.span(hit.start, hit.end)
        assert rule.validator is not None
        original = segment.text[start:end]
        return start, end, detectors.get(rule.validator).mask(original)

    def _finding(
        self,
        hit: Hit,
        segment: Segment,
        folded: Folded,
        line_text: str,
        masks: list[tuple[int, int, str]],
    ) -> Finding:
        rule = self.rules[hit.rule_id]
        start, end = folded.span(hit.start, hit.end)
        source = segment.text
        match = apply_masks(source[start:end], masks, offset=start)
        lo, hi = max(0, start - CONTEXT_CHARS), min(len(source), end + CONTEXT_CHARS)
        context = _WS.sub(" ", apply_masks(source[lo:hi], masks, offset=lo)).strip()
        severity = rule.severity
        if hit.severity is not None and hit.severity.rank < severity.rank:
            severity = hit.severity
        near = _same_line(line_text, start, end, 16)  # the document's own lines, folded
        return Finding(
            rule_id=rule.id,
            rule_name=rule.localized_name(self.lang),
            category=rule.category,
            severity=severity,
            part=segment.part,
            location=locate(segment, start),
            match=_WS.sub(" ", match),
            context=context,
            message=rule.localized_message(self.lang),
            fingerprint=fingerprint(rule.id, folded.text[hit.start : hit.end], near),
            detail=segment.detail,
        )

    # --- observations ----------------------------------------------------------------------

    def observe(self, obs: Observation) -> list[Finding]:
        findings = []
        for rule in self.by_observation.get(obs.kind, ()):
            value = fold_keyword(obs.value.strip()) if obs.value else ""
            if value and value in self.allow[rule.id]:
                continue
            masked = mask_observed(obs.value) if obs.value else ""
            findings.append(
                Finding(
                    rule_id=rule.id,
                    rule_name=rule.localized_name(self.lang),
                    category=rule.category,
                    severity=rule.severity,
                    part=obs.part,
                    location=obs.location,
                    match=masked,
                    context=masked,
                    message=_fill(rule.localized_message(self.lang), obs),
                    fingerprint=fingerprint(rule.id, obs.kind, f"{obs.value}\0{obs.detail or ''}"),
                    detail=obs.detail,
                )
            )
        return findings


def _fill(message: str, obs: Observation) -> str:
    if "{" not in message:
        return message
    try:
        return message.format(count=obs.count, value=mask_observed(obs.value), detail=obs.detail or "")
    except (KeyError, IndexError, ValueError):
        return message


def _alnum_boundaries(text: str, start: int, end: int) -> bool:
    """Latin letters and digits are whole words: a hit may not cut a run of them."""
    if start > 0 and _is_alnum(text[start]) and _is_alnum(text[start - 1]):
        return False
    return not (end < len(text) and _is_alnum(text[end - 1]) and _is_alnum(text[end]))


def _longest(hits: list[Hit]) -> list[Hit]:
    """Drop a hit contained in a longer (or equal, earlier) hit of the same rule."""
    hits.sort(key=lambda h: (h.rule_id, h.start, -h.end))
    out: list[Hit] = []
    last: dict[str, int] = {}
    for h in hits:
        if last.get(h.rule_id, -1) >= h.end:
            continue
        out.append(h)
        last[h.rule_id] = max(last.get(h.rule_id, -1), h.end)
    out.sort(key=lambda h: (h.start, h.rule_id))
    return out


def locate(segment: Segment, offset: int) -> Location:
    """The location of original offset `offset` of `segment`'s text."""
    loc = segment.location
    base_offset, line, column = 0, loc.line, loc.column
    if segment.anchors:
        i = bisect_right([a.offset for a in segment.anchors], offset) - 1
        if i >= 0:
            anchor = segment.anchors[i]
            base_offset, line, column = anchor.offset, anchor.line, anchor.column
    if line is None:
        return loc
    text = segment.text
    breaks = text.count("\n", base_offset, offset)
    if breaks:
        last = text.rfind("\n", base_offset, offset)
        return Location(
            page=loc.page, paragraph=loc.paragraph, line=line + breaks, column=offset - last
        )
    return Location(
        page=loc.page,
        paragraph=loc.paragraph,
        line=line,
        column=(column or 1) + offset - base_offset,
    )


def _same_line(text: str, start: int, end: int, reach: int) -> str:
    """Up to `reach` characters around [start, end), not crossing a line break: an edit on
    another line leaves a finding's fingerprint (and so the baseline) alone."""
    lo = text.rfind("\n", max(0, start - reach), start) + 1 or max(0, start - reach)
    hi = text.find("\n", end, end + reach)
    return text[lo : hi if hi != -1 else end + reach]


def fingerprint(rule_id: str, hit: str, near: str) -> str:
    """Stable identity of a finding: rule, normalised hit, surrounding text; no line numbers."""
    digest = hashlib.sha256(f"{rule_id}\0{hit}\0{near}".encode()).hexdigest()
    return digest[:32]


_CLAUSE_STOPS = "。！？；;!?\n"


def _clause(
    view: Folded, original: str, lo: int, start: int, end: int, hi: int
) -> tuple[int, int]:
    """Folded bounds of the sentence around [start, end) within [lo, hi).

    Stops are sentence punctuation and line breaks, including a single line break that the fold
    dropped between two CJK characters (read back from the original text).
    """
    a, b = _clause_start(view.text, lo, start), _clause_end(view.text, end, hi)
    starts = view.starts
    for k in range(max(1, bisect_right(starts, a)), bisect_right(starts, b)):
        pos = starts[k]
        if "\n" in original[view.to_original(pos - 1) + 1 : view.origins[k]]:
            if pos <= start:
                a = max(a, pos)
            elif pos >= end:
                b = min(b, pos)
    return a, b


def _clause_start(text: str, lo: int, start: int) -> int:
    """Where the sentence holding text[start] begins, not before `lo`."""
    return max([lo, *(text.rfind(c, lo, start) + 1 for c in _CLAUSE_STOPS)])


def _clause_end(text: str, end: int, hi: int) -> int:
    """Where the sentence holding text[end - 1] ends, not after `hi`."""
    found = [p for p in (text.find(c, end, hi) for c in _CLAUSE_STOPS) if p != -1]
    return min([hi, *found])
