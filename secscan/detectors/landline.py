"""Mainland landline numbers: 0 + area code + a 7-8 digit local number, optional extension.

Most landlines in a government draft are the office's own published lines, so this detector
is quiet unless the number is plainly somebody's home (chinese-rules.md §3.3):

- the nearest label is an office one (办公电话, 咨询电话, 监督电话, 投诉/举报电话, 传真, 热线,
  值班电话 …): None — a public contact point;
- the nearest label is a home one (家庭电话, 住宅电话, 宅电, 家庭住址 …): WARN;
- a person word, a name or a valid ID number beside it (申请人张三 0574-…): INFO — often a
  named official's desk line, worth a look but not a leak by itself;
- otherwise: None (an unlabelled office number, or one labelled only 联系电话, is the normal case).

Service numbers (12345, 12315, 12388) and 400/800 numbers do not start with 0 and never match.
"""

from __future__ import annotations

import re

from secscan.detectors import _context, cn_id
from secscan.mask import mask_middle
from secscan.model import Severity

NAME = "landline"

# Area codes: 010, 02x, or 0[3-9]xx (GB/T 2260-era numbering plan); local numbers never start
# with 0 or 1. Forms: 0574-87654321, (0574)87654321, 0574 8765 4321, 057487654321, ext. 转123.
# The first character is consumed before the look-behind so that re skips to it in C.
PATTERN = re.compile(
    r"[(0](?<![0-9A-Za-z*][(0])"
    r"(?:(?<=\()0(?:10|2[0-9]|[3-9][0-9]{2})\)[ -]?|(?<=0)(?:10|2[0-9]|[3-9][0-9]{2})[ -]?)"
    r"[2-9][0-9]{2,3}[ -]?[0-9]{4}"
    r"(?:(?:转|-|分机|ext\.?)[0-9]{1,5})?"
    r"(?![0-9A-Za-z*])"
)

# secscan.match runs PATTERN only around digit runs (or @ signs) when ANCHOR says so:
# a ( before, an extension (转123, ext.123) at most 9 characters after the run.
ANCHOR = "digits"

# Labels of a public contact point. 联系电话 alone is neutral:
# 申请人张三，联系电话 … is a person's.
OFFICE_LABELS = _context.words(
    "办公电话 办公室电话 咨询电话 监督电话 投诉电话 举报电话 服务电话 热线 值班电话 传真 受理电话"
    " 报名电话 总机 办公室 服务中心 服务窗口"
)
HOME_LABELS = ("家庭电话", "住宅电话", "宅电", "家庭住址", "家庭联系电话", "家中电话", "住宅")
# 手机 and 联系方式 say "a phone" here, not "a person".
_PERSON = tuple(w for w in _context.PERSON_WORDS if w not in {"手机", "联系方式"})
_WINDOW = 20

_PARTS = re.compile(r"\(?(0(?:10|2[0-9]|[3-9][0-9]{2}))\)?[ -]?([2-9][0-9]{2,3})[ -]?([0-9]{4})")


def validate(candidate: str, before: str, after: str) -> Severity | None:
    nearest = _context.closest(before, {"office": OFFICE_LABELS, "home": HOME_LABELS})
    if nearest == "home":
        return Severity.WARN
    if nearest == "office":
        return None
    near_person = _context.is_near(before, after, _PERSON, _WINDOW)
    if near_person or _context.is_name_before(before) or _context.is_name_after(after):
        return Severity.INFO
    if cn_id.occurs_in(before + " " + after):  # a row of a register of people
        return Severity.INFO
    return None


def mask(candidate: str) -> str:
    """Keep the area code, the last four of the local number and an extension: 0574-****4321."""
    value = _context.ascii_form(candidate)
    parts = _PARTS.match(value)
    if parts is None:  # not a PATTERN match; hide everything but the length
        return "*" * len(candidate)
    main, extension = value[: parts.end()], value[parts.end() :]
    return mask_middle(main, len(parts.group(1)), 4) + extension
