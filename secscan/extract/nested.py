"""Files inside files: re-emit what an embedded or attached file yields, under its name.

Shared by the docx extractor (word/embeddings/) and the pdf extractor (attached files). A
broken inner file makes the outer one unreadable (fail closed) but keeps what the rest shows;
only the time budget, which belongs to the outer file, still stops everything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from secscan.errors import ExtractError
from secscan.model import Observation, Part, Segment

Item = Segment | Observation


def prefixed(name: str, inner: Iterator[Item]) -> Iterator[Item]:
    """Items of an inner file with `name` in front of their detail."""
    try:
        for item in inner:
            yield replace(item, detail=f"{name}: {item.detail}" if item.detail else name)
    except ExtractError as exc:
        if exc.key == "limit_time":
            raise
        yield Observation(
            kind="unreadable", part=Part.BODY, value=name, detail=f"{name}: error:{exc.key}"
        )
