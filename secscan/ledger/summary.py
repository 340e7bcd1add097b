"""The annual figures and the self-check paragraph of the disclosure report, from the ledger.

`summarise_year` computes the figures; `paragraph` writes section 四's self-check in the
report's own style, saying only what the figures back up: "未出现将涉密信息在政府网站上公开情况"
only when no published item carries an unresolved block finding, "台账资料健全" only when the
chain verifies and every published item has a review decision; otherwise it says what happened.
Percentages use the largest-remainder method so that they add up to exactly 100.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from secscan.ledger.book import Book, Item
from secscan.ledger.chain import Verification
from secscan.ledger.classify import CATEGORIES

# DESIGN.md's finding categories as the report would name them.
FINDING_CATEGORIES: dict[str, str] = {
    "classification-mark": "密级标志",
    "secret-keyword": "涉密词语",
    "pii": "个人信息",
    "draft-marker": "过程稿标记",
    "internal-address": "内部网络地址",
    "hidden-content": "隐藏内容",
    "metadata": "文件元数据",
    "expression": "表述问题",
}
_MAX_IDS = 5  # entry numbers quoted in a sentence before "等"


@dataclass(frozen=True, slots=True)
class CategoryCount:
    category: str
    count: int
    percent: int


@dataclass(frozen=True, slots=True)
class Blocked:
    """A document that was blocked this year and what became of it (its latest version)."""

    item: Item  # the latest scan of the document
    outcome: str  # "fixed", "withheld", "published_unresolved", "pending"


@dataclass(frozen=True, slots=True)
class YearSummary:
    year: int
    scans: int
    documents: int
    published: tuple[CategoryCount, ...]
    findings: tuple[tuple[str, int], ...]  # finding category, count; only non-zero, by count
    blocked: tuple[Blocked, ...]
    published_unresolved: tuple[Item, ...]  # published with an unresolved block finding
    published_undecided: tuple[Item, ...]  # published without a review decision
    published_withheld: tuple[Item, ...]  # published although the decision was 不予公开
    verification: Verification

    @property
    def published_total(self) -> int:
        return sum(c.count for c in self.published)

    @property
    def ledger_sound(self) -> bool:
        return self.verification.ok and not self.published_undecided


def largest_remainder(counts: Sequence[int], total: int = 100) -> list[int]:
    """Whole percentages of `counts` that sum to `total` (Hare's largest remainder method).

    Each share is floored, then the points left over go to the largest remainders; ties go to
    the larger count, then to the earlier position, so the result is deterministic.
    """
    whole = sum(counts)
    if whole == 0:
        return [0] * len(counts)
    floors = [c * total // whole for c in counts]
    remainders = [c * total % whole for c in counts]  # integers: no float ties to break
    order = sorted(range(len(counts)), key=lambda i: (-remainders[i], -counts[i], i))
    for i in order[: total - sum(floors)]:
        floors[i] += 1
    return floors


def _key(item: Item) -> str:
    return str(item.content.get("path_key") or f"#{item.id}")


def _latest(book: Book, item: Item) -> Item:
    while item.next_scan is not None and item.next_scan in book.items:
        item = book.items[item.next_scan]
    return item


def summarise_year(book: Book, year: int, verification: Verification) -> YearSummary:
    """The year's figures: checks, publications by category, findings and blocked items."""
    scanned = [i for i in book.items.values() if i.date.year == year]
    published: dict[str, Item] = {}  # one per document: re-publishing a correction is one item
    published_versions: list[Item] = []
    for item in book.items.values():
        if item.published is not None and item.published.time.year == year:
            published[_key(item)] = item
            published_versions.append(item)
    counts = Counter(item.category for item in published.values())
    ordered = [counts.get(c, 0) for c in CATEGORIES]
    shares = largest_remainder(ordered)
    findings = Counter(f.get("category") for i in scanned for f in i.active_findings)
    return YearSummary(
        year=year,
        scans=len(scanned),
        documents=len({_key(i) for i in scanned}),
        published=tuple(
            CategoryCount(c, n, p) for c, n, p in zip(CATEGORIES, ordered, shares, strict=True)
        ),
        findings=tuple((str(k), n) for k, n in findings.most_common() if n),
        blocked=_blocked(book, scanned),
        published_unresolved=tuple(i for i in published_versions if i.unresolved_blocks),
        published_undecided=tuple(i for i in published_versions if i.decision is None),
        published_withheld=tuple(
            i for i in published_versions if i.decision and i.decision.decision == "不予公开"
        ),
        verification=verification,
    )


def _blocked(book: Book, scanned: list[Item]) -> tuple[Blocked, ...]:
    seen: dict[str, Blocked] = {}
    for item in scanned:
        if item.verdict != "block" or _key(item) in seen:
            continue
        latest = _latest(book, item)
        if latest.published is not None and latest.unresolved_blocks:
            outcome = "published_unresolved"
        elif latest.decision and latest.decision.decision == "不予公开":
            outcome = "withheld"
        elif latest.verdict in ("pass", "warn"):
            outcome = "fixed"
        else:
            outcome = "pending"
        seen[_key(item)] = Blocked(latest, outcome)
    return tuple(seen.values())


def _ids(items: Sequence[Item]) -> str:
    ids = "、".join(str(i.id) for i in items[:_MAX_IDS])
    return ids + ("等" if len(items) > _MAX_IDS else "")


def paragraph(s: YearSummary) -> str:
    """The year's self-check paragraph in the style of the report's section 四 (Chinese)."""
    out = [
        f"{s.year}年，本单位对拟在政府网站公开的{s.documents}份信息开展发布前保密审查，"
        f"共检查{s.scans}次。"
    ]
    if s.published_total:
        parts = "；".join(
            f"{c.category}{c.count}条，占{c.percent}%" for c in s.published if c.count
        )
        out.append(f"全年主动公开政府信息共{s.published_total}条，其中{parts}。")
    else:
        out.append("全年未主动公开政府信息。")
    out.append(_findings_sentence(s))
    out.append(_self_check_sentence(s))
    return "".join(out)


def _findings_sentence(s: YearSummary) -> str:
    if not s.findings:
        return "审查中未发现需处理的问题。"
    found = "、".join(f"{FINDING_CATEGORIES.get(c, c)}{n}处" for c, n in s.findings)
    sentence = f"审查中发现并提示{found}"
    if not s.blocked:
        return sentence + "，均不属于禁止发布情形。"
    outcomes = Counter(b.outcome for b in s.blocked)
    said = [
        f"{outcomes[key]}份{words}"
        for key, words in (
            ("fixed", "经修改后复查通过"),
            ("withheld", "经审查不予公开"),
            ("pending", "尚待处理"),
            ("published_unresolved", "未经整改即已公开"),
        )
        if outcomes[key]
    ]
    return sentence + f"；{len(s.blocked)}份信息检查结果为禁止发布，其中" + "，".join(said) + "。"


def _self_check_sentence(s: YearSummary) -> str:
    parts = []
    if s.published_unresolved:
        parts.append(
            f"发现{len(s.published_unresolved)}条已公开信息在发布前检查中存在未解决的禁止发布问题"
            f"（台账第{_ids(s.published_unresolved)}号），需立即核查处理"
        )
    else:
        parts.append("未出现将涉密信息在政府网站上公开情况")
    if s.published_withheld:
        parts.append(
            f"有{len(s.published_withheld)}条审查意见为不予公开的信息已公开"
            f"（台账第{_ids(s.published_withheld)}号）"
        )
    if not s.verification.ok and s.verification.problem is not None:
        parts.append(
            f"保密审查台账完整性校验未通过（自第{s.verification.problem.entry_id}条记录起），"
            "需核查台账"
        )
    if s.published_undecided:
        parts.append(
            f"有{len(s.published_undecided)}条已公开信息缺少保密审查意见记录"
            f"（台账第{_ids(s.published_undecided)}号），台账资料有待补充完善"
        )
    if s.ledger_sound:
        parts.append("政府信息公开保密审查相关台账资料健全")
    return "经自查，" + "，".join(parts) + "。"


_OUTCOME_KEYS = ("fixed", "withheld", "pending", "published_unresolved")


def figures(s: YearSummary, lang: str = "zh") -> list[tuple[str, str]]:
    """The figures as (label, value) lines, shared by the text, Markdown and DOCX renderings."""
    from secscan.messages import text

    outcomes = Counter(b.outcome for b in s.blocked)
    blocked = "、".join(
        f"{text('ledger_outcome_' + k, lang)} {outcomes[k]}" for k in _OUTCOME_KEYS if outcomes[k]
    )
    found = "；".join(f"{finding_label(c, lang)} {n}" for c, n in s.findings)
    if s.verification.ok:
        chain = text("ledger_chain_ok", lang, count=s.verification.checked)
    else:
        assert s.verification.problem is not None
        chain = problem_text(s.verification, lang)
    return [
        (text("ledger_fig_scans", lang), str(s.scans)),
        (text("ledger_fig_documents", lang), str(s.documents)),
        (text("ledger_fig_published", lang), str(s.published_total)),
        (text("ledger_fig_findings", lang), found or "0"),
        (
            text("ledger_fig_blocked", lang),
            f"{len(s.blocked)}" + (f"（{blocked}）" * bool(blocked)),
        ),
        (text("ledger_fig_unresolved", lang), str(len(s.published_unresolved))),
        (text("ledger_fig_undecided", lang), str(len(s.published_undecided))),
        (text("ledger_fig_chain", lang), chain),
    ]


def finding_label(category: str, lang: str = "zh") -> str:
    return FINDING_CATEGORIES.get(category, category) if lang != "en" else category


def problem_text(verification: Verification, lang: str = "zh") -> str:
    """One line naming the first bad entry, as `ledger verify` prints it."""
    from secscan.messages import text

    problem = verification.problem
    if problem is None:
        return text("ledger_verify_ok", lang, count=verification.checked)
    return text(f"ledger_broken_{problem.kind}", lang, id=problem.entry_id, other=problem.other)


def render_text(s: YearSummary, lang: str = "zh", *, markdown: bool = False) -> str:
    """The figures, the table by category and the paragraph, as plain text or Markdown."""
    from secscan.messages import text

    title = text("ledger_summary_title", lang, year=s.year)
    head = (
        text("ledger_col_category", lang),
        text("ledger_col_count", lang),
        text("ledger_col_percent", lang),
    )
    lines = [f"# {title}" if markdown else title, ""]
    for label, value in figures(s, lang):
        lines.append(f"- {label}：{value}" if markdown else f"{label}：{value}")
    lines.append("")
    if markdown:
        lines += [f"| {head[0]} | {head[1]} | {head[2]} |", "|---|---:|---:|"]
        lines += [f"| {c.category} | {c.count} | {c.percent}% |" for c in s.published]
    else:
        lines.append("\t".join(head))
        lines += [f"{c.category}\t{c.count}\t{c.percent}%" for c in s.published]
    lines += [
        "",
        f"## {text('ledger_summary_paragraph', lang)}"
        if markdown
        else text("ledger_summary_paragraph", lang) + "：",
        "",
        paragraph(s),
        "",
    ]
    return "\n".join(lines)
