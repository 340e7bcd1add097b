"""The six information categories of the annual disclosure report, and a guess from the text.

The categories are those the seed report counts its published items by (法规公文类, 计划总结类,
工作信息类, 统计数据, 政务动态类, 人事信息类). The guess weighs cue words in the title above cue
words in the first part of the text; it is only a guess and is recorded as one, so a supervisor
can see which categories a person chose and which the tool inferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

REGULATION = "法规公文类"
PLAN = "计划总结类"
WORK = "工作信息类"
STATISTICS = "统计数据"
NEWS = "政务动态类"
PERSONNEL = "人事信息类"

# The order of the seed report's own list; also the tie-break order of the guess.
CATEGORIES: tuple[str, ...] = (REGULATION, PLAN, WORK, STATISTICS, NEWS, PERSONNEL)
# The default when no cue fires: the broadest category, as a person filing it would choose.
FALLBACK = WORK

_CUES: dict[str, tuple[str, ...]] = {
    REGULATION: (
        "通知",
        "决定",
        "办法",
        "规定",
        "条例",
        "细则",
        "意见",
        "批复",
        "通告",
        "公告",
        "命令",
        "实施方案",
        "印发",
        "转发",
        "规范性文件",
        "发〔",
        "发[",
    ),
    PLAN: (
        "计划",
        "总结",
        "工作要点",
        "规划",
        "年度报告",
        "工作思路",
        "小结",
        "述职",
        "工作报告",
        "半年",
        "安排",
    ),
    WORK: (
        "工作信息",
        "简报",
        "工作情况",
        "开展",
        "推进",
        "落实",
        "办理",
        "窗口",
        "服务",
        "进展",
        "举措",
        "成效",
    ),
    STATISTICS: (
        "统计",
        "数据",
        "报表",
        "同比",
        "环比",
        "增长",
        "月报",
        "季报",
        "指标",
        "万元",
        "亿元",
        "完成情况表",
    ),
    NEWS: (
        "调研",
        "视察",
        "考察",
        "会见",
        "慰问",
        "召开",
        "出席",
        "检查指导",
        "座谈",
        "动态",
        "来我",
        "走访",
    ),
    PERSONNEL: (
        "任免",
        "任命",
        "免去",
        "聘任",
        "招聘",
        "录用",
        "任前公示",
        "人事",
        "干部",
        "考录",
        "职务",
        "遴选",
    ),
}
_TITLE_WEIGHT = 3
# Document-type and action words any category's title may carry ("关于…任免的通知" is personnel
# news, not a regulation): they count in the title like a word in the body.
_WEAK = frozenset({"通知", "意见", "公告", "通告", "决定", "安排", "服务", "开展", "推进", "落实"})
_PER_CUE_CAP = 3  # one word repeated all through a long text should not outvote the title
_PERCENT_OR_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?\s*(?:%|％|万|亿|元|人次|件)")


@dataclass(frozen=True, slots=True)
class Classification:
    category: str
    guessed: bool


def normalise_category(value: str) -> str | None:
    """The category `value` names: in full or by a unique start of two or more characters
    ("计划总结", "统计"); None if it names none or several."""
    value = value.strip()
    if len(value) < 2:
        return None
    matches = [c for c in CATEGORIES if c.startswith(value)]
    return matches[0] if len(matches) == 1 else None


def guess(title: str, text: str = "") -> str:
    """The most likely category of a document with this title and opening text."""
    scores = dict.fromkeys(CATEGORIES, 0)
    for category, cues in _CUES.items():
        for cue in cues:
            if cue in title:
                scores[category] += 1 if cue in _WEAK else _TITLE_WEIGHT
            scores[category] += min(text.count(cue), _PER_CUE_CAP)
    # many figures with units are what a statistics release is made of
    scores[STATISTICS] += min(len(_PERCENT_OR_FIGURE.findall(text)) // 3, _PER_CUE_CAP)
    best = max(CATEGORIES, key=lambda c: (scores[c], -CATEGORIES.index(c)))
    return best if scores[best] > 0 else FALLBACK


def classify(title: str, text: str = "", given: str | None = None) -> Classification:
    """The given category when there is one, else the guess, marked as a guess."""
    if given is not None:
        category = normalise_category(given)
        if category is None:
            from secscan.errors import LedgerError

            raise LedgerError("ledger_bad_category", value=given, choices="、".join(CATEGORIES))
        return Classification(category, guessed=False)
    return Classification(guess(title, text), guessed=True)
