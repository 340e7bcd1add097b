"""Text joined from many source pieces, keeping where each piece came from (line, column).

`TextBuffer` joins the pieces of one part into a Segment with one `Anchor` per piece, so the
engine can point a finding at its source line; `LineCounter` turns increasing offsets into
line/column in linear time. Used by the html extractor, where a page is thousands of pieces.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from secscan.model import Anchor, Location, Part, Segment


@dataclass(slots=True)
class TextBuffer:
    """Text of one part being joined, with an anchor for each source piece."""

    part: Part
    detail: str | None = None
    pieces: list[str] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, line: int, column: int) -> None:
        self.anchors.append(Anchor(offset=self.length, line=line, column=column))
        self.pieces.append(text)
        self.length += len(text)

    def add_line(self, text: str, line: int, column: int) -> None:
        self.anchors.append(Anchor(offset=self.length, line=line, column=column))
        self.pieces.append(text + "\n")
        self.length += len(text) + 1

    def glue(self, sep: str) -> None:
        """Separate pieces by one space or line break (a run of them collapses into one)."""
        if not self.pieces:
            return
        last = self.pieces[-1]
        if last == " " and sep == "\n":
            self.pieces[-1] = sep
        elif not last.endswith(sep) and last != "\n":
            self.pieces.append(sep)
            self.length += 1

    def take(self) -> Segment | None:
        text = "".join(self.pieces)
        anchors = tuple(self.anchors)
        self.pieces, self.anchors, self.length = [], [], 0
        if not text.strip() or not anchors:
            return None
        first = anchors[0]
        return Segment(
            text=text,
            part=self.part,
            location=Location(line=first.line, column=first.column),
            anchors=anchors,
            detail=self.detail,
        )


class LineCounter:
    """Line and column of increasing offsets, counted incrementally (linear in the page)."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line, self.start = text, 0, 1, 0

    def at(self, pos: int) -> tuple[int, int]:
        text = self.text
        if pos < self.pos:  # a step back inside the current tag: count back, not from 0
            self.line -= text.count("\n", pos, self.pos)
            self.start = text.rfind("\n", 0, pos) + 1
        else:
            newlines = text.count("\n", self.pos, pos)
            if newlines:
                self.line += newlines
                self.start = text.rfind("\n", self.pos, pos) + 1
        self.pos = pos
        return self.line, pos - self.start + 1
