"""Validated detectors for personal data and other checkable shapes.

A detector narrows with `PATTERN` (linear, no nested quantifiers) over the folded text and decides
with `validate` (check digit, region, date, context). Rules name a detector with
``validator = "<NAME>"``; the rule's severity caps what `validate` returns.
Implementations are modules listed in `DETECTORS` (explicit, like pre-commit's all_languages).
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType

from secscan.model import Severity

TYPE_CHECKING = False  # typing costs ~3 ms at start-up; the Protocol is only for the checker
if TYPE_CHECKING:
    from typing import Protocol
else:
    Protocol = object


class Detector(Protocol):
    NAME: str
    PATTERN: re.Pattern[str]

    def validate(self, candidate: str, before: str, after: str) -> Severity | None:
        """The severity of `candidate` given up to ~30 folded chars on each side; None if not a hit."""
        ...

    def mask(self, candidate: str) -> str:
        """`candidate` with the identifying middle masked (330206********1234, 138****5678)."""
        ...


# name -> module path; filled by the detector modules' authors, one line each.
DETECTORS: dict[str, str] = {
    "cn_id": "secscan.detectors.cn_id",
    "cn_id15": "secscan.detectors.cn_id15",
    "mobile": "secscan.detectors.mobile",
    "landline": "secscan.detectors.landline",
    "bank_card": "secscan.detectors.bank_card",
    "passport": "secscan.detectors.passport",
    "hk_macau_permit": "secscan.detectors.hk_macau_permit",
    "email": "secscan.detectors.email",
    "uscc": "secscan.detectors.uscc",
    "private_ip": "secscan.detectors.private_ip",
    "user_path": "secscan.detectors.user_path",
}


def get(name: str) -> Detector:
    """The detector called `name`; KeyError when there is none."""
    module: ModuleType = importlib.import_module(DETECTORS[name])
    detector: Detector = module  # a module meets the Protocol
    return detector
