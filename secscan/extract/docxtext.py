"""docx text: walk the WordprocessingML parts into Segments, each with its part and place.

Owns paragraphs and their runs: tables (nested too) with table/row/cell, text boxes (the
DrawingML copy only; the VML fallback repeats it), comments with their authors, foot- and
endnotes, tracked insertions and deletions (moves too) with their authors, hidden text
(w:vanish, w:specVanish, hidden styles, white on the page), field codes that carry link
targets, and the page Word last rendered each paragraph on. Runs are joined per paragraph, so
a mark split over runs is one text. Strict OOXML names are mapped onto the transitional ones.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from secscan.errors import ExtractError
from secscan.extract.limits import Deadline, Limits
from secscan.extract.xmlsafe import parse
from secscan.extract.zipguard import SafeZip
from secscan.model import Location, Observation, Part, Segment

Item = Segment | Observation

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
# Strict (ISO/IEC 29500 Strict) names -> transitional names; the element names are the same.
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", _W.encode()),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
)


def w(name: str) -> str:
    """The Clark name {namespace}name of a WordprocessingML element or attribute."""
    return f"{{{_W}}}{name}"


P, R, T, DELTEXT, INSTR = w("p"), w("r"), w("t"), w("delText"), w("instrText")
TAB, BR, CR, NBHYPHEN = w("tab"), w("br"), w("cr"), w("noBreakHyphen")
RPR, PPR, VANISH, SPECVANISH = w("rPr"), w("pPr"), w("vanish"), w("specVanish")
RSTYLE, PSTYLE, LASTPAGE = w("rStyle"), w("pStyle"), w("lastRenderedPageBreak")
INS, DEL, MOVEFROM, MOVETO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
TBL, TR, TC, TXBX = w("tbl"), w("tr"), w("tc"), w("txbxContent")
COMMENT, FOOTNOTE, ENDNOTE = w("comment"), w("footnote"), w("endnote")
VAL, AUTHOR, TYPE, ID, STYLEID = w("val"), w("author"), w("type"), w("id"), w("styleId")
STYLE = w("style")
FLDSIMPLE, INSTR_ATTR = w("fldSimple"), w("instr")
COLOR, HIGHLIGHT, SHD = w("color"), w("highlight"), w("shd")
_WHITE_VALUES = (b'w:val="FFFFFF"', b'w:val="ffffff"')
_PLAIN_PARENTS = frozenset({w("body"), w("hdr"), w("ftr")})
FALLBACK, CHOICE = f"{{{_MC}}}Fallback", f"{{{_MC}}}Choice"
RELATIONSHIP = f"{{{_RELS}}}Relationship"

_OFF = ("0", "false", "off")
_BODY, _INSERTED, _DELETED, _HIDDEN = 0, 1, 2, 3
LINK_FIELD = re.compile(r"\b(HYPERLINK|INCLUDETEXT|INCLUDEPICTURE|LINK|DDEAUTO|DDE)\b", re.I)


def parse_part(data: bytes, name: str) -> Any:
    """Parse one OOXML part safely, Strict namespaces mapped onto the transitional ones."""
    for strict, transitional in _STRICT:
        if strict in data:
            data = data.replace(strict, transitional)
    return parse(data, name)


def hidden_styles(package: SafeZip, main: str) -> frozenset[str]:
    """Style ids whose run properties hide the text (a hidden style hides every run using it)."""
    name = posixpath.join(posixpath.dirname(main), "styles.xml")
    if not package.has(name):
        return frozenset()
    data = package.read(name)
    if b"anish" not in data:  # styles.xml is large and almost never hides anything
        return frozenset()
    hidden = set()
    for mark in parse_part(data, name).iter(VANISH, SPECVANISH):
        rpr, style = mark.getparent(), mark.getparent().getparent()
        if style is not None and style.tag == STYLE and _is_vanished(rpr):
            hidden.add(style.get(STYLEID, ""))
    return frozenset(hidden)


def _is_white(rpr: Any) -> bool:
    """White text on the (white) page, with no highlight or shading behind it. Only checked
    for paragraphs straight in the body/header/footer: in table cells and shapes a fill set by
    a style may sit behind it, and white on a dark header row is legitimate."""
    color = rpr.find(COLOR)
    return (
        color is not None
        and color.get(VAL, "").upper() == "FFFFFF"
        and rpr.find(HIGHLIGHT) is None
        and rpr.find(SHD) is None
    )


def _is_vanished(rpr: Any) -> bool:
    for tag in (VANISH, SPECVANISH):
        mark = rpr.find(tag)
        if mark is not None and mark.get(VAL, "1").lower() not in _OFF:
            return True
    return False


# --- text of the WordprocessingML parts --------------------------------------------------------


@dataclass(slots=True)
class _Para:
    number: int
    page: int | None
    detail: str | None
    skip: bool = False
    hidden: bool = False  # the paragraph style hides it
    boxed: bool = False  # inside a text box, which does not break the page flow
    plain: bool = False  # straight in the body, header or footer: no cell or shape fill behind
    body: list[str] = field(default_factory=list)
    # (kind, author, text) pieces outside the body: revisions and hidden runs, in order
    other: list[tuple[int, str, str]] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Cell:
    table: int
    row: int
    cell: int


class Reader:
    """Reads the text parts of one package and keeps the counts the observations report."""

    def __init__(
        self, package: SafeZip, limits: Limits, deadline: Deadline, hidden_styles: frozenset[str]
    ) -> None:
        self.package, self.limits, self.deadline = package, limits, deadline
        self.hidden_styles = hidden_styles
        self.comments = 0
        self.comment_authors: dict[str, None] = {}
        self.revisions = 0
        self.revision_authors: dict[str, None] = {}
        self.hidden_runs = 0
        self.may_hide = True
        self.may_whiten = False
        # A page background may be dark; then white text is legible and we cannot tell.
        self.page_background = False

    def part(
        self, name: str, part: Part, detail: str | None, main_document: bool = False
    ) -> Iterator[Item]:
        self.deadline.check()
        data = self.package.read(name)
        root = parse_part(data, name)
        if main_document and root.tag != w("document"):
            raise ExtractError("not_docx")  # e.g. an xlsx or pptx: its main part is no w:document
        if main_document:
            self.page_background = root.find(w("background")) is not None
        # Most parts hide nothing; skipping the per-run property lookups then saves ~20 %.
        self.may_whiten = not self.page_background and any(w in data for w in _WHITE_VALUES)
        self.may_hide = b"anish" in data or bool(self.hidden_styles) or self.may_whiten
        if part is Part.COMMENT:
            for comment in root.iter(COMMENT):
                self.comments += 1
                self.comment_authors[comment.get(AUTHOR, "")] = None
        for rev in root.iter(INS, DEL, MOVEFROM, MOVETO):
            self.revisions += 1
            self.revision_authors[rev.get(AUTHOR, "")] = None
        paged = main_document and _has_page_marks(root)
        yield from self._paragraphs(root, part, detail, paged)
        if b"fldSimple" in data:  # a simple field keeps its code in an attribute
            for simple in root.iter(FLDSIMPLE):
                code = simple.get(INSTR_ATTR, "")
                if LINK_FIELD.search(code):
                    yield Segment(text=code.strip(), part=Part.ATTRIBUTE, detail="field code")

    def _paragraphs(
        self, root: Any, part: Part, detail: str | None, paged: bool
    ) -> Iterator[Item]:
        paras: dict[Any, _Para] = {}
        tables: dict[Any, int] = {}
        cells: dict[Any, _Cell] = {}
        page = 1 if paged else None
        for count, el in enumerate(root.iter(P, R)):
            if not count % 4096:
                self.deadline.check()
            if el.tag == P:
                para = _Para(len(paras) + 1, page, detail)
                self._context(el, para, tables, cells)
                paras[el] = para
                continue
            kind, author, owner = _run_context(el)
            found = paras.get(owner) if owner is not None else None
            if found is None or found.skip:
                continue
            para = found
            if kind == _BODY and self.may_hide and (para.hidden or self._is_hidden_run(el, para)):
                kind = _HIDDEN
            for child in el:
                tag = child.tag
                if tag in (T, DELTEXT):
                    text = child.text or ""
                elif tag == TAB:
                    text = "\t"
                elif tag in (BR, CR):
                    text = "\n"
                elif tag == NBHYPHEN:
                    text = "-"
                elif tag == INSTR:
                    para.fields.append(child.text or "")
                    continue
                elif tag == LASTPAGE and page is not None and not para.boxed:
                    page += 1
                    if not para.body and not para.other:  # the paragraph starts the page
                        para.page = page
                    continue
                else:
                    continue
                if kind == _BODY:
                    para.body.append(text)
                else:
                    para.other.append((kind, author, text))
        self.deadline.check()
        for para in paras.values():
            if not para.skip:
                yield from self._emit(para, part)

    def _context(
        self, p: Any, para: _Para, tables: dict[Any, int], cells: dict[Any, _Cell]
    ) -> None:
        """Fill in where a paragraph sits: text box, table cell, comment, note; or skip it."""
        ppr = p.find(PPR)
        if ppr is not None and self.hidden_styles:
            style = ppr.find(PSTYLE)
            para.hidden = style is not None and style.get(VAL) in self.hidden_styles
        node = p.getparent()
        if node.tag in _PLAIN_PARENTS:  # most paragraphs: nothing around them to report
            para.plain = ppr is None or ppr.find(SHD) is None
            return
        where: list[str] = []
        cell: _Cell | None = None
        while node is not None:
            tag = node.tag
            if tag == TC and cell is None:
                cell = cells.get(node) or self._cell(node, tables, cells)
            elif tag == TXBX and not para.boxed:
                para.boxed = True
                where.insert(0, "text box")
            elif tag == FALLBACK and node.getparent().find(CHOICE) is not None:
                # The VML fallback repeats the DrawingML text box of the Choice branch.
                para.skip = True
                return
            elif tag == COMMENT:
                where.append("comment")  # the author goes out as an `author` observation
            elif tag in (FOOTNOTE, ENDNOTE):
                if node.get(TYPE) in ("separator", "continuationSeparator"):
                    para.skip = True
                    return
                where.append(f"{'footnote' if tag == FOOTNOTE else 'endnote'} {node.get(ID)}")
            node = node.getparent()
        if cell is not None:
            where.append(f"table {cell.table}, row {cell.row}, cell {cell.cell}")
        if para.detail:
            where.insert(0, para.detail)
        para.detail = "; ".join(where) or None

    @staticmethod
    def _cell(tc: Any, tables: dict[Any, int], cells: dict[Any, _Cell]) -> _Cell:
        tr = tc.getparent()
        tbl = tr.getparent() if tr is not None else None
        while tbl is not None and tbl.tag != TBL:  # rows may sit inside w:sdt / w:customXml
            tbl = tbl.getparent()
        number = tables.setdefault(tbl, len(tables) + 1)
        row = sum(1 for _ in tr.itersiblings(TR, preceding=True)) + 1 if tr is not None else 0
        cell = _Cell(number, row, sum(1 for _ in tc.itersiblings(TC, preceding=True)) + 1)
        cells[tc] = cell
        return cell

    def _is_hidden_run(self, run: Any, para: _Para) -> bool:
        rpr = run.find(RPR)
        if rpr is None:
            return False
        if _is_vanished(rpr):
            return True
        if self.may_whiten and para.plain and _is_white(rpr):
            return True
        if self.hidden_styles:
            style = rpr.find(RSTYLE)
            return style is not None and style.get(VAL) in self.hidden_styles
        return False

    def _emit(self, para: _Para, part: Part) -> Iterator[Item]:
        where = Location(paragraph=para.number, page=para.page)
        text = "".join(para.body)
        if text.strip():
            yield Segment(text=text, part=part, location=where, detail=para.detail)
        # Adjacent pieces of one kind and author join, so a mark split over runs stays whole.
        pieces: list[tuple[int, str, str]] = []
        for kind, author, piece in para.other:
            if pieces and pieces[-1][0] == kind and pieces[-1][1] == author:
                pieces[-1] = (kind, author, pieces[-1][2] + piece)
            else:
                pieces.append((kind, author, piece))
        for kind, author, piece in pieces:
            if not piece.strip():
                continue
            if kind == _HIDDEN:
                self.hidden_runs += 1
                yield Segment(text=piece, part=Part.HIDDEN, location=where, detail=para.detail)
            else:
                verb = "deleted" if kind == _DELETED else "inserted"
                note = verb  # the author is an `author` observation, masked; never in a detail
                detail = f"{para.detail}; {note}" if para.detail else note
                yield Segment(text=piece, part=Part.REVISION, location=where, detail=detail)
        codes = " ".join(para.fields)
        if LINK_FIELD.search(codes):
            yield Segment(
                text=codes.strip(), part=Part.ATTRIBUTE, location=where, detail="field code"
            )

    def authors_seen(self) -> set[str]:
        return {a for a in (*self.comment_authors, *self.revision_authors) if a.strip()}

    def summary(self) -> Iterator[Item]:
        """The presence observations: comments, tracked changes, hidden text, and their authors."""
        if self.comments:
            yield Observation(kind="comments", part=Part.COMMENT, count=self.comments)
        if self.revisions:
            yield Observation(kind="revisions", part=Part.REVISION, count=self.revisions)
        if self.hidden_runs:
            yield Observation(kind="hidden-text", part=Part.HIDDEN, count=self.hidden_runs)
        for author in self.comment_authors:
            if author.strip():
                yield Observation(
                    kind="author", part=Part.COMMENT, value=author, detail="comment author"
                )
        for author in self.revision_authors:
            if author.strip() and author not in self.comment_authors:
                yield Observation(
                    kind="author", part=Part.REVISION, value=author, detail="revision author"
                )


def _run_context(run: Any) -> tuple[int, str, Any]:
    """(kind, revision author, owning paragraph) of a run; owner None when the run is skipped."""
    kind, author = _BODY, ""
    node = run.getparent()
    while node is not None:
        tag = node.tag
        if tag == P:
            return kind, author, node
        if tag in (DEL, MOVEFROM):
            kind, author = _DELETED, node.get(AUTHOR, "")
        elif tag in (INS, MOVETO) and kind == _BODY:
            kind, author = _INSERTED, node.get(AUTHOR, "")
        elif tag == FALLBACK and node.getparent().find(CHOICE) is not None:
            return kind, author, None
        node = node.getparent()
    return kind, author, None


def _has_page_marks(root: Any) -> bool:
    # Word records where it last broke pages; other producers do not, and then pages are unknown.
    return next(root.iter(LASTPAGE), None) is not None
