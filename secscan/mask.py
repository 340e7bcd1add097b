"""Masking of personal data, shared by decide, report and ledger: outputs must not become the leak.

Local practice (永安市 2023 通报, chinese-rules.md §3): keep the head and tail of a number,
mask the middle (330206********1234, 138****5678); names keep the surname only.
"""

from __future__ import annotations

import re


def mask_middle(value: str, head: int, tail: int) -> str:
    """`value` with all but the first `head` and last `tail` letters/digits replaced by ``*``.

    Separators stay where they are, so a mask is as long as what it hides (the report's
    highlighting and the rule examples' [[...]] spans keep lining up): 3302 02** **** **12 35.
    A value with no more than head + tail of them is hidden whole.
    """
    secret = [i for i, ch in enumerate(value) if ch.isalnum()]
    hidden = set(secret[head : len(secret) - tail] if len(secret) > head + tail else secret)
    return "".join("*" if i in hidden else ch for i, ch in enumerate(value))


def mask_name(value: str) -> str:
    """张三丰 → 张**; Steve Canny → S**** C****: enough to find the field, not to name the person."""
    value = value.strip()
    if not value:
        return value
    if re.search(r"[\u4e00-\u9fff]", value):
        return value[0] + "*" * (len(value) - 1)
    return " ".join(w[0] + "*" * (len(w) - 1) if w else w for w in value.split(" "))


def apply_masks(text: str, spans: list[tuple[int, int, str]], offset: int = 0) -> str:
    """Replace each (start, end, replacement) span (absolute offsets; `text` starts at `offset`)."""
    out, pos = [], 0
    for start, end, replacement in sorted(spans):
        a, b = start - offset, end - offset
        if b <= pos or a >= len(text):
            continue
        whole = a >= pos and b <= len(text)
        a, b = max(a, pos), min(b, len(text))
        out.append(text[pos:a])
        # a span cut by the window's edge is masked whole, never shown in part
        out.append(replacement if whole else "*" * (b - a))
        pos = b
    out.append(text[pos:])
    return "".join(out)


_USER_DIR = re.compile(r"(?i)((?:users|documents and settings|home)[\\/])([^\\/]+)")


def mask_observed(value: str) -> str:
    """Mask a metadata value: a user directory inside a path, or a person's name."""
    if "\\" in value or "/" in value:
        return _USER_DIR.sub(lambda m: m.group(1) + mask_name(m.group(2)), value)
    if len(value) <= 40:
        return mask_name(value)
    return value
