"""Limits against hostile files (zip bombs, entity expansion, huge or deeply nested input).

One frozen `Limits` travels from the config to every extractor; `Deadline` enforces the time
budget per file cooperatively (extractors call `check()` between pages, parts and nodes).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from secscan.errors import ExtractError

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    max_file_bytes: int = 100 * MiB
    max_zip_members: int = 5000
    max_zip_uncompressed: int = 512 * MiB
    max_zip_ratio: int = 200  # uncompressed / compressed, per member and in total
    max_xml_bytes: int = 128 * MiB  # one XML part, uncompressed
    max_html_depth: int = 1000
    max_pdf_pages: int = 5000
    max_embedded_depth: int = 3  # docx inside docx inside ...
    max_seconds: float = 120.0  # per file

    def deadline(self) -> Deadline:
        return Deadline(seconds=self.max_seconds)


class Deadline:
    """A file's time budget, checked cooperatively (a plain class: start-up cost)."""

    __slots__ = ("seconds", "started")

    def __init__(self, *, seconds: float, started: float | None = None) -> None:
        self.seconds = seconds
        self.started = time.monotonic() if started is None else started

    def check(self) -> None:
        """Raise `ExtractError` once the file has used up its time budget."""
        if time.monotonic() - self.started > self.seconds:
            raise ExtractError("limit_time", seconds=self.seconds)


def check_size(data: bytes, limits: Limits) -> None:
    if len(data) > limits.max_file_bytes:
        raise ExtractError("limit_file_size", size=len(data), limit=limits.max_file_bytes)
