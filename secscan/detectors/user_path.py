"""User-profile paths (C:\\Users\\张三\\…, /home/zhangsan/): where a draft was saved, and by whom.

A path into a user profile names the author's account (often their real name) and shows the
office's machine layout, so it is always a hit (BLOCK; the rule caps it). It is a detector
rather than a plain pattern rule so that `mask` can hide the user name in every report and in
the ledger, as DESIGN.md asks for personal data: ``C:\\Users\\张*\\``.

Forms: a drive letter, ``:``, either slash (file:/// links write ``c:/users/…``), ``Users`` or
``Documents and Settings``, then the profile folder; or Unix ``/home/<user>/`` and macOS
``/Users/<user>/`` outside a URL.
"""

from __future__ import annotations

import re

from secscan.detectors import _context
from secscan.mask import mask_middle
from secscan.model import Severity

NAME = "user_path"

_FOLDER = r"[^\s\\/:*?\"<>|,，。；;、]{1,64}"
# The first character (drive letter or '/') is consumed before the look-behinds so that re
# skips to candidates in C; the profile folder name ends the span.
PATTERN = re.compile(
    r"[a-zA-Z/]"
    r"(?:(?<=[a-zA-Z])(?<![0-9A-Za-z][a-zA-Z]):[\\/](?i:users|documents and settings)[\\/]"
    + _FOLDER
    + r"|(?<=/)(?<![0-9A-Za-z.:/]/)(?i:home|users)/[0-9A-Za-z_.-]{1,32}(?=/))"
)

_PROFILE = re.compile(r"(?i)^(.*?(?:users|documents and settings|home)[\\/])(.+)$")


def validate(candidate: str, before: str, after: str) -> Severity | None:
    return Severity.BLOCK


def mask(candidate: str) -> str:
    """Keep the path up to the profile folder and the folder name's first character."""
    value = _context.ascii_form(candidate)
    parts = _PROFILE.match(value)
    if parts is None:
        return "*" * len(candidate)
    return parts.group(1) + mask_middle(parts.group(2), 1, 0)
