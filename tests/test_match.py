"""The matcher's gating must find exactly what ungated passes find, only faster."""

from __future__ import annotations

import random

from secscan import detectors
from secscan.match import LINE_CAP, Matcher, _Digest, _validate
from secscan.model import Category, Severity
from secscan.normalise import fold, fold_chars
from secscan.ruleset import Rule, RuleSet


def rule(rule_id: str, pattern: str, triggers: tuple[str, ...] = ()) -> Rule:
    return Rule(
        id=rule_id,
        name=rule_id,
        name_en=rule_id,
        category=Category.CLASSIFICATION_MARK,
        severity=Severity.BLOCK,
        message="m",
        message_en="m",
        pattern=pattern,
        triggers=triggers,
    )


def spans(matcher: Matcher, text: str, rule_id: str) -> list[tuple[int, int]]:
    folded = fold(text)
    return sorted((h.start, h.end) for h in matcher.hits(folded, fold_chars(text)) if h.rule_id == rule_id)


STAR = r"(?:绝|机|秘)密\s*★\s*(?:\d{1,3}\s*个?\s*[年月]|长期)?"
LINE = r"(?m)^[ \t]*(?:绝|机|秘) ?密[ \t]*$"


def test_triggered_pattern_finds_what_the_whole_text_pass_finds() -> None:
    rng = random.Random(3)
    pieces = ["正文内容", "秘密★1年", "机密★长期", "有机密封", "★★★", "绝密 ★", "\n", "机 密★"]
    text = "".join(rng.choice(pieces) for _ in range(3000))
    gated = Matcher(RuleSet(version="1", sha256="x", rules=(rule("g", STAR, ("★",)),)))
    whole = Matcher(RuleSet(version="1", sha256="x", rules=(rule("g", STAR),)))
    assert spans(gated, text, "g") == spans(whole, text, "g") != []


def test_line_pattern_sees_the_documents_own_lines() -> None:
    m = Matcher(RuleSet(version="1", sha256="x", rules=(rule("l", LINE, ("机密",)),)))
    assert spans(m, "标题\n机 密\n正文", "l") == [(3, 6)]
    assert spans(m, "标题\n正文提到机密二字\n", "l") == []


def test_line_pattern_window_never_invents_a_line_end() -> None:
    m = Matcher(RuleSet(version="1", sha256="x", rules=(rule("l", LINE, ("机密",)),)))
    long_line = "机密" + " " * (LINE_CAP + 50) + "后文"
    assert spans(m, long_line, "l") == []


def test_digest_finds_what_the_whole_text_pass_finds() -> None:
    cn_id = detectors.get("cn_id")
    rng = random.Random(5)
    pieces = ["经审核", "身份证号33021119800101001X", "金额12345.67元", "2025年", "电话0574-87654321", "。\n"]
    text = fold("".join(rng.choice(pieces) for _ in range(4000))).text
    whole = [(h.start, h.end) for h in _validate("r", cn_id, text, text, None)]
    digest = _Digest(text)
    assert len(digest.text) < len(text)
    anchored = [(h.start, h.end) for h in _validate("r", cn_id, text, digest.text, digest)]
    assert anchored == whole != []
