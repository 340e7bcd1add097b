"""docx: every text a Word file carries, each with its part, read straight from the OOXML parts.

Owns the WordprocessingML reading: body paragraphs and tables (nested too), text boxes (the
DrawingML copy only; the VML fallback repeats it), headers, footers, foot- and endnotes, comments
with their authors, tracked insertions and deletions (moves too), hidden text (w:vanish,
w:specVanish, hidden styles), field codes that carry link targets, core/app/custom properties,
embedded files and images. python-docx's object model is ~10x slower than lxml on the parts and
models none of the hidden parts, so lxml reads the XML directly (reference/performance.md).
Strict OOXML (ISO 29500 Strict namespaces) is mapped onto the transitional names before parsing.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from secscan.errors import ExtractError
from secscan.extract.limits import Deadline, Limits
from secscan.extract.nested import prefixed
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


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


P, R, T, DELTEXT, INSTR = _w("p"), _w("r"), _w("t"), _w("delText"), _w("instrText")
TAB, BR, CR, NBHYPHEN = _w("tab"), _w("br"), _w("cr"), _w("noBreakHyphen")
RPR, PPR, VANISH, SPECVANISH = _w("rPr"), _w("pPr"), _w("vanish"), _w("specVanish")
RSTYLE, PSTYLE, LASTPAGE = _w("rStyle"), _w("pStyle"), _w("lastRenderedPageBreak")
INS, DEL, MOVEFROM, MOVETO = _w("ins"), _w("del"), _w("moveFrom"), _w("moveTo")
TBL, TR, TC, TXBX = _w("tbl"), _w("tr"), _w("tc"), _w("txbxContent")
COMMENT, FOOTNOTE, ENDNOTE = _w("comment"), _w("footnote"), _w("endnote")
VAL, AUTHOR, TYPE, ID, STYLEID = _w("val"), _w("author"), _w("type"), _w("id"), _w("styleId")
STYLE = _w("style")
FLDSIMPLE, INSTR_ATTR = _w("fldSimple"), _w("instr")
COLOR, HIGHLIGHT, SHD = _w("color"), _w("highlight"), _w("shd")
_WHITE_VALUES = (b'w:val="FFFFFF"', b'w:val="ffffff"')
_PLAIN_PARENTS = frozenset({_w("body"), _w("hdr"), _w("ftr")})
FALLBACK, CHOICE = f"{{{_MC}}}Fallback", f"{{{_MC}}}Choice"
RELATIONSHIP = f"{{{_RELS}}}Relationship"

_OFF = ("0", "false", "off")
_BODY, _INSERTED, _DELETED, _HIDDEN = 0, 1, 2, 3
_LINK_FIELD = re.compile(r"\b(HYPERLINK|INCLUDETEXT|INCLUDEPICTURE|LINK|DDEAUTO|DDE)\b", re.I)
# Sensitivity labels (Microsoft Purview's MSIP_Label_<guid>_Name, Titus, home-grown
# SecurityLevel fields); DocSecurity is Word's own lock flag, not a label.
_LABEL_NAME = re.compile(
    r"MSIP_Label_.*_Name$|classification|securitylevel|sensitivity|密级|保密", re.I
)
_PATHLIKE = re.compile(r"[\\/]|^[A-Za-z]:")
_CORE_SKIP = {"created", "modified", "lastPrinted", "revision"}
_APP_TEXT = ("Company", "Manager", "Template", "HyperlinkBase")


def extract(data: bytes, limits: Limits, deadline: Deadline) -> Iterator[Item]:
    """Yield every Segment and Observation of a docx package."""
    yield from _extract(data, limits, deadline, depth=0)


def nested(data: bytes, limits: Limits, deadline: Deadline, depth: int) -> Iterator[Item]:
    """Extract a docx found inside another file, `depth` levels down."""
    return _extract(data, limits, deadline, depth)


def _extract(data: bytes, limits: Limits, deadline: Deadline, depth: int) -> Iterator[Item]:
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # An OLE compound file: encrypted OOXML keeps its payload in a stream named
        # "EncryptedPackage" (MS-OFFCRYPTO); anything else is a legacy binary .doc.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ExtractError("encrypted")
        raise ExtractError("legacy_doc")
    package = SafeZip(data, limits)
    main = _main_part(package)
    rels = _rels(package, main)
    hidden_styles = _hidden_styles(package, main)
    reader = _Reader(package, limits, deadline, hidden_styles)
    yield from reader.part(main, Part.BODY, None, main_document=True)
    for target in _targets(rels, "header", package, "word/header"):
        yield from reader.part(target, Part.HEADER, target)
    for target in _targets(rels, "footer", package, "word/footer"):
        yield from reader.part(target, Part.FOOTER, target)
    for kind in ("footnotes", "endnotes"):
        for target in _targets(rels, kind, package, f"word/{kind}.xml"):
            yield from reader.part(target, Part.NOTE, target)
    for target in _targets(rels, "comments", package, "word/comments.xml"):
        yield from reader.part(target, Part.COMMENT, None)
    # Building blocks and placeholder text the document carries but never shows
    for target in _targets(rels, "glossaryDocument", package, "word/glossary/document.xml"):
        yield from reader.part(target, Part.HIDDEN, target)
    yield from reader.summary()
    yield from _links(rels, package, main)
    yield from _properties(package)
    yield from _side_metadata(package, reader.authors_seen())
    yield from _media(package, limits, deadline, depth)


# --- package structure -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rel:
    kind: str  # the last segment of the relationship type: header, footer, hyperlink, ...
    target: str
    external: bool


def _main_part(package: SafeZip) -> str:
    if package.has("_rels/.rels"):
        for rel in _read_rels(package, "_rels/.rels", ""):
            if rel.kind == "officeDocument" and package.has(rel.target):
                return rel.target
    if package.has("word/document.xml"):
        return "word/document.xml"
    raise ExtractError("not_docx")


def _rels(package: SafeZip, part: str) -> list[_Rel]:
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", name + ".rels")
    return _read_rels(package, path, folder) if package.has(path) else []


def _read_rels(package: SafeZip, path: str, base: str) -> list[_Rel]:
    root = parse(package.read(path), path)
    rels = []
    for rel in root.iter(RELATIONSHIP):
        target = rel.get("Target", "")
        external = rel.get("TargetMode") == "External"
        if not external:
            target = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
        rels.append(_Rel(rel.get("Type", "").rsplit("/", 1)[-1], target, external))
    return rels


def _targets(rels: list[_Rel], kind: str, package: SafeZip, prefix: str) -> list[str]:
    """Parts of `kind` named by the relationships, plus orphans that only the name gives away
    (a header no section points at is still in the file, and still published with it)."""
    found = [r.target for r in rels if r.kind == kind and not r.external and package.has(r.target)]
    for name in package.names():
        orphan = name.startswith(prefix) and name.endswith(".xml") and name not in found
        if orphan and "/_rels/" not in name:
            found.append(name)
    return found


def _read_xml(package: SafeZip, name: str) -> Any:
    return _parse_part(package.read(name), name)


def _parse_part(data: bytes, name: str) -> Any:
    for strict, transitional in _STRICT:
        if strict in data:
            data = data.replace(strict, transitional)
    return parse(data, name)


def _hidden_styles(package: SafeZip, main: str) -> frozenset[str]:
    """Style ids whose run properties hide the text (a hidden style hides every run using it)."""
    name = posixpath.join(posixpath.dirname(main), "styles.xml")
    if not package.has(name):
        return frozenset()
    data = package.read(name)
    if b"anish" not in data:  # styles.xml is large and almost never hides anything
        return frozenset()
    hidden = set()
    for mark in _parse_part(data, name).iter(VANISH, SPECVANISH):
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


class _Reader:
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
        root = _parse_part(data, name)
        if main_document and root.tag != _w("document"):
            raise ExtractError("not_docx")  # e.g. an xlsx or pptx: its main part is no w:document
        if main_document:
            self.page_background = root.find(_w("background")) is not None
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
                if _LINK_FIELD.search(code):
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
                where.append(node.get(AUTHOR) or "?")
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
                note = f"{verb} by {author or '?'}"
                detail = f"{para.detail}; {note}" if para.detail else note
                yield Segment(text=piece, part=Part.REVISION, location=where, detail=detail)
        codes = " ".join(para.fields)
        if _LINK_FIELD.search(codes):
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


# --- links, properties, embedded files ---------------------------------------------------------


def _links(rels: list[_Rel], package: SafeZip, main: str) -> Iterator[Item]:
    seen: set[str] = set()
    for rel in rels:
        if rel.external and rel.kind == "hyperlink" and rel.target not in seen:
            seen.add(rel.target)
            yield Segment(text=rel.target, part=Part.ATTRIBUTE, detail="hyperlink")
    settings = posixpath.join(posixpath.dirname(main), "settings.xml")
    for rel in _rels(package, settings) if package.has(settings) else []:
        if rel.kind == "attachedTemplate":
            yield Segment(text=rel.target, part=Part.METADATA, detail="attachedTemplate")
            yield Observation(
                kind="template-path",
                part=Part.METADATA,
                value=rel.target,
                detail="attachedTemplate",
            )


def _properties(package: SafeZip) -> Iterator[Item]:
    from lxml import etree

    if package.has("docProps/core.xml"):
        for el in _read_xml(package, "docProps/core.xml"):
            name, text = etree.QName(el).localname, (el.text or "").strip()
            if not text or name in _CORE_SKIP:
                continue
            yield Segment(text=text, part=Part.METADATA, detail=name)
            if name in ("creator", "lastModifiedBy"):
                yield Observation(kind="author", part=Part.METADATA, value=text, detail=name)
    if package.has("docProps/app.xml"):
        yield from _app_properties(_read_xml(package, "docProps/app.xml"))
    if package.has("docProps/custom.xml"):
        for prop in _read_xml(package, "docProps/custom.xml"):
            name = prop.get("name", "")
            value = " ".join(t.strip() for t in prop.itertext() if t.strip())
            if not value:
                continue
            yield Segment(text=value, part=Part.METADATA, detail=f"custom: {name}")
            # value = the name, so that a rule's allow list can name harmless properties
            yield Observation(kind="custom-property", part=Part.METADATA, value=name, detail=value)
            if _LABEL_NAME.search(name):
                yield Observation(
                    kind="classification-label", part=Part.METADATA, value=value, detail=name
                )


_CUSTOM_XML = re.compile(r"^customXml/item\d+\.xml$")


def _side_metadata(package: SafeZip, authors: set[str]) -> Iterator[Item]:
    """word/people.xml (reviewers with their account ids, often e-mail addresses) and
    customXml items (SharePoint/OA properties: names, internal URLs)."""
    from lxml import etree

    if package.has("word/people.xml"):
        for person in _read_xml(package, "word/people.xml"):
            attrs = {
                etree.QName(k).localname: v for el in person.iter() for k, v in el.attrib.items()
            }
            name = attrs.get("author", "")
            if name and name not in authors:
                authors.add(name)
                yield Observation(kind="author", part=Part.METADATA, value=name, detail="people")
            if attrs.get("userId"):
                yield Segment(text=attrs["userId"], part=Part.METADATA, detail=f"people: {name}")
    for name in package.names():
        if _CUSTOM_XML.match(name):
            values = [t.strip() for t in _read_xml(package, name).itertext() if t.strip()]
            if values:
                yield Segment(text="\n".join(values), part=Part.METADATA, detail=name)


def _app_properties(root: Any) -> Iterator[Item]:
    from lxml import etree

    for el in root:
        name, text = etree.QName(el).localname, (el.text or "").strip()
        if name == "TitlesOfParts":
            for title in el.itertext():
                if title.strip():
                    yield Segment(text=title.strip(), part=Part.METADATA, detail=name)
            continue
        if name not in _APP_TEXT or not text:
            continue
        yield Segment(text=text, part=Part.METADATA, detail=name)
        if name == "Company":
            yield Observation(kind="company", part=Part.METADATA, value=text, detail=name)
        elif name == "Manager":
            yield Observation(kind="author", part=Part.METADATA, value=text, detail=name)
        elif name == "Template" and _PATHLIKE.search(text):
            yield Observation(kind="template-path", part=Part.METADATA, value=text, detail=name)


def _media(package: SafeZip, limits: Limits, deadline: Deadline, depth: int) -> Iterator[Item]:
    images = [n for n in package.names() if n.startswith("word/media/") and not n.endswith("/")]
    if images:
        yield Observation(kind="image", part=Part.BODY, count=len(images), value=images[0])
    for name in package.names():
        if not name.startswith("word/embeddings/") or name.endswith("/"):
            continue
        data = package.read(name, cap=limits.max_file_bytes)
        if depth >= limits.max_embedded_depth or not data.startswith(b"PK\x03\x04"):
            yield Observation(kind="embedded", part=Part.BODY, value=name, detail="not checked")
            continue
        if b"word/document.xml" in data:
            inner = _extract(data, limits, deadline, depth + 1)
        elif b"xl/sharedStrings.xml" in data:
            inner = _xlsx_strings(data, limits)
        else:
            yield Observation(kind="embedded", part=Part.BODY, value=name, detail="not checked")
            continue
        yield Observation(kind="embedded", part=Part.BODY, value=name, detail="checked")
        yield from prefixed(name, inner)


def _xlsx_strings(data: bytes, limits: Limits) -> Iterator[Item]:
    """The text cells of an embedded workbook (its shared strings): name lists with ID
    numbers are what embedded spreadsheets in government drafts most often leak."""
    package = SafeZip(data, limits)
    root = parse(package.read("xl/sharedStrings.xml"), "xl/sharedStrings.xml")
    cells = ["".join(si.itertext()) for si in root]
    text = "\n".join(c for c in cells if c.strip())
    if text:
        yield Segment(text=text, part=Part.BODY, detail="shared strings")
