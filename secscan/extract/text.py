"""Plain text and Markdown: decoded explicitly, cut into line-numbered segments.

Segments end at a paragraph break (a blank line) once they pass `CHUNK` characters, so memory
stays flat on large files and a mark never straddles two segments inside a paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator

from secscan.extract.encoding import decode
from secscan.extract.limits import Deadline, Limits
from secscan.model import Location, Part, Segment

CHUNK = 64 * 1024


def extract(data: bytes, limits: Limits, deadline: Deadline) -> Iterator[Segment]:
    text, _codec = decode(data)
    yield from segments_of(text, deadline)


def segments_of(text: str, deadline: Deadline | None = None, part: Part = Part.BODY) -> Iterator[Segment]:
    """Cut `text` into body segments that carry the line where each starts."""
    start, line, size = 0, 1, len(text)
    while start < size:
        end = _cut(text, start)
        chunk = text[start:end]
        yield Segment(text=chunk, part=part, location=Location(line=line, column=1))
        line += chunk.count("\n")
        start = end
        if deadline is not None:
            deadline.check()


def _cut(text: str, start: int) -> int:
    if len(text) - start <= CHUNK:
        return len(text)
    limit = start + CHUNK
    brk = text.find("\n\n", limit, limit + CHUNK)
    if brk != -1:
        return brk + 2
    brk = text.find("\n", limit)
    return len(text) if brk == -1 else brk + 1
