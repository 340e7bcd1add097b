"""pdf: page text in content order, metadata, annotations, forms, attachments, and hidden text.

Owns the PDF reading (pdfminer.six). A custom device records each glyph with its box, render
mode and fill colour, and each filled rectangle and image, without pdfminer's layout analysis
(the costly part of `extract_text`, reference/performance.md). From those it tells apart what a
reader sees from what the file only carries: text under a filled rectangle drawn after it (the
failed redaction), invisible text (render mode 3 or white fill, unless it is an OCR layer over a
scan), text outside the crop box. Pages with images and no text are reported as unchecked scans;
undecodable glyphs ``(cid:NN)`` and GBK bytes shown through a Latin font are `unreadable`.
"""

from __future__ import annotations

import io
import logging
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from secscan.errors import ExtractError
from secscan.extract.limits import Deadline, Limits
from secscan.extract.nested import prefixed
from secscan.model import Anchor, Location, Observation, Part, Segment

Item = Segment | Observation

# Glyph flags
_COVERED, _INVISIBLE, _OUTSIDE, _LAYER = 1, 2, 4, 8
_HIDDEN_DETAIL = {
    _COVERED: ("covered-text", "covered by a filled rectangle"),
    _INVISIBLE: ("invisible-text", "invisible (render mode 3, white or under 1 pt)"),
    _OUTSIDE: ("outside-cropbox", "outside the crop box"),
    _LAYER: ("hidden-layer", "in a layer (optional content) switched off"),
}
_LATIN1_HIGH = re.compile(r"[\u00a1-\u00ff]")
_CID_RUN = re.compile(r"(?:\(cid:\d+\)\s?){3,}")
_WHITE = {(1.0,), (1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 0.0)}


@dataclass(slots=True)
class _Glyph:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    order: int
    flags: int = 0
    undefined: bool = False


@dataclass(slots=True)
class _Fill:
    box: tuple[float, float, float, float]
    order: int
    white: bool


@dataclass(slots=True)
class _PageInfo:
    glyphs: list[_Glyph] = field(default_factory=list)
    fills: list[_Fill] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


def extract(data: bytes, limits: Limits, deadline: Deadline) -> Iterator[Item]:
    """Yield every Segment and Observation of a PDF."""
    yield from _extract(data, limits, deadline, depth=0)


def _extract(data: bytes, limits: Limits, deadline: Deadline, depth: int) -> Iterator[Item]:
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    # pdfminer logs every font quirk as a warning; what matters reaches the report as an
    # Observation, and its log lines would only bury the report on stderr.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    document = _open(data)
    if getattr(document, "encryption", None):
        yield Observation(kind="encrypted", part=Part.METADATA, detail="empty user password")
    yield from _guarded(_info(document), "metadata")
    manager = PDFResourceManager(caching=True)
    device = _device_class()(manager)
    interpreter = PDFPageInterpreter(manager, device)
    device.interpreter, device.layers_off = interpreter, _layers_off(document)
    number = 0
    authors: set[str] = set()  # annotation authors already reported
    try:
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            if number > limits.max_pdf_pages:
                raise ExtractError("limit_pdf_pages", limit=limits.max_pdf_pages)
            deadline.check()
            yield from _page(interpreter, device, page, number)
            yield from _annotations(page, number, authors, _Nest(limits, deadline, depth))
    except ExtractError:
        raise
    except Exception as exc:
        yield Observation(
            kind="unreadable",
            part=Part.BODY,
            location=Location(page=number + 1),
            detail=f"page tree: {type(exc).__name__}",
        )
    yield from _guarded(_catalog(document, _Nest(limits, deadline, depth)), "forms/attachments")


def _guarded(items: Iterator[Item], what: str) -> Iterator[Item]:
    """Document-level parts: a broken object there leaves that part unread, not the file."""
    try:
        yield from items
    except ExtractError:
        raise
    except Exception as exc:  # pdfminer raises anything on a damaged object
        yield Observation(kind="unreadable", part=Part.METADATA, detail=f"{what}: {exc!r}"[:160])


def _open(data: bytes) -> Any:
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser
    from pdfminer.psexceptions import PSException

    if b"%PDF-" not in data[:1024]:
        raise ExtractError("not_pdf", detail="no %PDF- header")
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        raise ExtractError("encrypted") from None
    except PDFEncryptionError as exc:
        raise ExtractError("encrypted") from exc
    except (PSException, Exception) as exc:
        raise ExtractError("corrupt", detail=str(exc)[:120] or type(exc).__name__) from None


# --- the device: glyphs, filled rectangles, images ---------------------------------------------


def _device_class() -> type[Any]:
    """Build the device class lazily, so that importing this module does not import pdfminer."""
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.layout import LTChar
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.utils import apply_matrix_pt, apply_matrix_rect

    class _Device(PDFLayoutAnalyzer):
        info: _PageInfo
        _render = 0
        interpreter: Any = None
        layers_off: frozenset[int] = frozenset()  # object ids of optional content groups
        _marks: list[bool]  # per open marked-content sequence: does it hide its content?
        _hiding = 0

        def begin_page(self, page: Any, ctm: Any) -> None:
            super().begin_page(page, ctm)
            self.info = _PageInfo()
            self._marks, self._hiding = [], 0
            x0, y0, x1, y1 = apply_matrix_rect(ctm, page.cropbox)
            self.info.crop = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))

        def end_page(self, page: Any) -> None:
            self.pageno += 1  # no layout analysis: the glyphs are read in content order

        def begin_tag(self, tag: Any, props: Any = None) -> None:
            hides = bool(self.layers_off) and getattr(tag, "name", None) == "OC"
            hides = hides and _is_layer_off(props, self.interpreter, self.layers_off)
            self._marks.append(hides)
            self._hiding += hides

        def end_tag(self) -> None:
            if self._marks and self._marks.pop():
                self._hiding -= 1

        def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
            self._render = textstate.render
            super().render_string(textstate, seq, ncs, graphicstate)

        def render_char(
            self,
            matrix: Any,
            font: Any,
            fontsize: float,
            scaling: float,
            rise: float,
            cid: int,
            ncs: Any,
            graphicstate: Any,
        ) -> float:
            undefined = False
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text, undefined = f"(cid:{cid})", True
            item = LTChar(
                matrix,
                font,
                fontsize,
                scaling,
                rise,
                text,
                font.char_width(cid),
                font.char_disp(cid),
                ncs,
                graphicstate,
            )
            glyph = _Glyph(
                text,
                item.x0,
                item.y0,
                item.x1,
                item.y1,
                item.size or fontsize,
                len(self.info.glyphs) + len(self.info.fills),
                undefined=undefined,
            )
            # The graphic state is mutated in place by later colour operators: read it now.
            # Text under 1 pt high is the other classic way to hide text in plain sight.
            if (
                self._render in (3, 7)
                or (self._render in (0, 2, 4, 6) and _is_white(graphicstate.ncolor))
                or 0 < fontsize * abs(matrix[3] or matrix[1]) < 1.0
            ):
                glyph.flags |= _INVISIBLE
            if self._hiding:
                glyph.flags |= _LAYER
            self.info.glyphs.append(glyph)
            return float(item.adv)

        def paint_path(
            self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any
        ) -> None:
            if not fill or len(path) < 4 or len(path) > 6:
                return
            shape = "".join(str(seg[0]) for seg in path)
            if shape not in ("mlllh", "mllll", "mlll", "mllllh"):
                return
            pts = [apply_matrix_pt(self.ctm, seg[-2:]) for seg in path if seg[0] != "h"]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            if len(set(xs)) > 2 or len(set(ys)) > 2:
                return  # not an axis-aligned rectangle
            box = (min(xs), min(ys), max(xs), max(ys))
            order = len(self.info.glyphs) + len(self.info.fills)
            self.info.fills.append(_Fill(box, order, _is_white(gstate.ncolor)))

        def render_image(self, name: str, stream: Any) -> None:
            fig = self.cur_item
            self.info.images.append((fig.x0, fig.y0, fig.x1, fig.y1))

    return _Device


def _layers_off(document: Any) -> frozenset[int]:
    """Object ids of the optional content groups (layers) the default view switches off."""
    from pdfminer.pdftypes import PDFObjRef, resolve1

    props = resolve1(document.catalog.get("OCProperties"))
    default = resolve1(props.get("D")) if isinstance(props, dict) else None
    off = resolve1(default.get("OFF")) if isinstance(default, dict) else None
    if not isinstance(off, list):
        return frozenset()
    return frozenset(ref.objid for ref in off if isinstance(ref, PDFObjRef))


def _is_layer_off(props: Any, interpreter: Any, off: frozenset[int]) -> bool:
    """Does a /OC marked-content property (a name in the page's /Properties or an inline
    dict; an OCG or an OCMD membership dict) point at layers that are all switched off?"""
    from pdfminer.pdftypes import PDFObjRef, resolve1
    from pdfminer.psparser import PSLiteral

    ref = props
    if isinstance(props, PSLiteral):
        named = resolve1(getattr(interpreter, "resources", {}).get("Properties"))
        ref = named.get(props.name) if isinstance(named, dict) else None
    if isinstance(ref, PDFObjRef) and ref.objid in off:
        return True
    membership = resolve1(ref)
    if isinstance(membership, dict) and "OCGs" in membership:
        groups = resolve1(membership["OCGs"])
        groups = groups if isinstance(groups, list) else [membership["OCGs"]]
        ids = [g.objid for g in groups if isinstance(g, PDFObjRef)]
        return bool(ids) and all(i in off for i in ids)  # the default policy is AnyOn
    return False


def _is_white(color: Any) -> bool:
    if isinstance(color, (int, float)):
        return float(color) >= 0.999
    if isinstance(color, tuple) and all(isinstance(c, (int, float)) for c in color):
        return tuple(round(float(c), 3) for c in color) in _WHITE
    return False


# --- one page ---------------------------------------------------------------------------------


def _page(interpreter: Any, device: Any, page: Any, number: int) -> Iterator[Item]:
    try:
        interpreter.process_page(page)
    except Exception as exc:
        yield Observation(
            kind="unreadable",
            part=Part.BODY,
            location=Location(page=number),
            detail=f"page {number}: {type(exc).__name__}",
        )
        return
    info: _PageInfo = device.info
    _classify(info)
    where = Location(page=number)
    visible = [g for g in info.glyphs if not g.flags]
    text = ""
    if visible:
        text, anchors = _lines(visible)
        if text.strip():
            yield Segment(text=text, part=Part.BODY, location=where, anchors=anchors)
        yield from _unreadable(visible, text, number)
    if info.images and _is_scan(info, text):
        yield Observation(kind="scanned-page", part=Part.BODY, location=where)
    for flag, (kind, detail) in _HIDDEN_DETAIL.items():
        hidden = [g for g in info.glyphs if g.flags & flag and not g.flags & (flag - 1)]
        if not hidden:
            continue
        text, anchors = _lines(hidden)
        if text.strip():
            yield Segment(
                text=text, part=Part.HIDDEN, location=where, anchors=anchors, detail=detail
            )
            yield Observation(
                kind=kind,
                part=Part.HIDDEN,
                location=where,
                count=len(hidden),
                value=text.strip()[:40],
                detail=detail,
            )


SCAN_TEXT_MAX = 20  # characters: a page number or a stamp printed over a scan


def _is_scan(info: _PageInfo, text: str) -> bool:
    """Images and (almost) no text: no text at all, or a few characters (a page number
    printed over the scan) on a page whose images cover at least half of it."""
    letters = len(text) - text.count(" ") - text.count("\n")
    if letters == 0:
        return True
    if letters > SCAN_TEXT_MAX:
        return False
    cx0, cy0, cx1, cy1 = info.crop
    page = max((cx1 - cx0) * (cy1 - cy0), 1.0)
    covered = sum(max(x1 - x0, 0) * max(y1 - y0, 0) for x0, y0, x1, y1 in info.images)
    return covered >= page / 2


def _classify(info: _PageInfo) -> None:
    """Flag glyphs the reader cannot see: covered, invisible, outside the crop box."""
    glyphs = info.glyphs
    cx0, cy0, cx1, cy1 = info.crop
    for g in glyphs:
        if g.x1 < cx0 or g.x0 > cx1 or g.y1 < cy0 or g.y0 > cy1:
            g.flags |= _OUTSIDE
    orders = [g.order for g in glyphs]
    for f in info.fills:
        # Only a rectangle painted after a glyph can cover it; shading is painted before.
        upto = bisect_left(orders, f.order)
        x0, y0, x1, y1 = f.box
        for g in glyphs[:upto]:
            if x0 <= (g.x0 + g.x1) / 2 <= x1 and y0 <= (g.y0 + g.y1) / 2 <= y1:
                g.flags |= _COVERED
    for g in glyphs:
        if not g.flags & _INVISIBLE:
            continue
        mx, my = (g.x0 + g.x1) / 2, (g.y0 + g.y1) / 2
        # An OCR layer lies invisibly over the scanned image it transcribes: the reader sees
        # that text in the image. White text on a dark box painted before it is visible too.
        if any(_inside(mx, my, box) for box in info.images) or any(
            f.order < g.order and not f.white and _inside(mx, my, f.box) for f in info.fills
        ):
            g.flags &= ~_INVISIBLE


def _inside(x: float, y: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _lines(glyphs: list[_Glyph]) -> tuple[str, tuple[Anchor, ...]]:
    """Join glyphs in content order into lines; one anchor per line (line = 1-based in page)."""
    out: list[str] = []
    anchors = [Anchor(offset=0, line=1, column=1)]
    length, line = 0, 1
    prev: _Glyph | None = None
    for g in glyphs:
        if prev is not None:
            height = max(min(g.size, prev.size), 1.0)
            if abs(g.y0 - prev.y0) > height * 0.5 or g.x0 < prev.x0 - height:
                out.append("\n")
                length += 1
                line += 1
                anchors.append(Anchor(offset=length, line=line, column=1))
            elif g.x0 - prev.x1 > height * 0.25:
                out.append(" ")
                length += 1
        out.append(g.text)
        length += len(g.text)
        prev = g
    return "".join(out), tuple(anchors)


def _unreadable(glyphs: list[_Glyph], text: str, number: int) -> Iterator[Item]:
    """Undecodable glyphs or GBK bytes read as Latin-1 mean the page was not really read."""
    undefined = sum(1 for g in glyphs if g.undefined)
    # A lone bullet in a symbol font is common and harmless; a run or a share is not.
    if undefined >= 3 and (undefined * 20 >= len(glyphs) or _CID_RUN.search(text)):
        yield Observation(
            kind="unreadable",
            part=Part.BODY,
            location=Location(page=number),
            count=undefined,
            detail=f"page {number}: {undefined} glyphs without Unicode (cid)",
        )
        return
    letters = sum(1 for c in text if not c.isspace())
    high = len(_LATIN1_HIGH.findall(text))
    if high >= 8 and high * 3 >= letters and _looks_like_gbk(text):
        yield Observation(
            kind="unreadable",
            part=Part.BODY,
            location=Location(page=number),
            count=high,
            detail=f"page {number}: GBK text shown through a Latin font (mojibake)",
        )


def _looks_like_gbk(text: str) -> bool:
    """True when the Latin-1 run re-read as GBK gives Chinese characters."""
    high = "".join(_LATIN1_HIGH.findall(text))
    try:
        again = high.encode("latin-1").decode("gb18030", errors="ignore")
    except UnicodeEncodeError:
        return False
    cjk = sum(1 for c in again if "\u4e00" <= c <= "\u9fff")
    return cjk * 3 >= len(again) > 0


# --- document-level parts: Info, XMP, annotations, forms, attachments ------------------------


def _text(value: Any) -> str:
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value).replace("\x00", "").strip()
    if isinstance(value, PSLiteral):
        return str(value.name)
    if isinstance(value, str):
        return value.strip()
    return ""


_INFO_SKIP = {"CreationDate", "ModDate", "Trapped"}
_LABEL = re.compile(r"MSIP_Label_.*_Name$|classification|securitylevel|sensitivity|密级", re.I)


def _info(document: Any) -> Iterator[Item]:
    from pdfminer.pdftypes import resolve1

    seen: set[str] = set()
    for info in document.info or []:
        info = resolve1(info)
        if not isinstance(info, dict):
            continue
        for key, raw in info.items():
            name = str(key)
            value = _text(raw)
            if not value or name in _INFO_SKIP:
                continue
            seen.add(value)
            yield Segment(text=value, part=Part.METADATA, detail=name)
            if name == "Author":
                yield Observation(kind="author", part=Part.METADATA, value=value, detail=name)
            elif name == "Company":
                yield Observation(kind="company", part=Part.METADATA, value=value, detail=name)
            elif _LABEL.search(name):
                yield Observation(
                    kind="classification-label", part=Part.METADATA, value=value, detail=name
                )
    yield from _xmp(document, seen)


_XMP_SKIP = re.compile(r"(ID|Date|format|RenditionClass|Trapped|Version)$")


def _xmp(document: Any, seen: set[str]) -> Iterator[Item]:
    from pdfminer.pdftypes import PDFStream, resolve1

    from secscan.extract.xmlsafe import parse

    stream = resolve1(document.catalog.get("Metadata"))
    if not isinstance(stream, PDFStream):
        return
    try:
        root = parse(stream.get_data(), "XMP")
    except ExtractError:
        return  # a broken XMP packet hides nothing the Info dict and the pages do not show
    except Exception:
        return
    from lxml import etree

    for el in root.iter():
        if len(el) or not isinstance(el.tag, str):
            continue
        value = (el.text or "").strip()
        name = etree.QName(el).localname
        owner = etree.QName(el.getparent().getparent()).localname if name == "li" else name
        if not value or value in seen or _XMP_SKIP.search(owner):
            continue
        seen.add(value)
        yield Segment(text=value, part=Part.METADATA, detail=f"XMP {owner}")
        if owner in ("creator", "Author"):
            yield Observation(kind="author", part=Part.METADATA, value=value, detail="XMP creator")


def _annotations(page: Any, number: int, authors: set[str], nest: _Nest) -> Iterator[Item]:
    from pdfminer.pdftypes import resolve1

    annots = resolve1(page.annots) if page.annots else None
    if not isinstance(annots, list):
        return
    where = Location(page=number)
    texts: dict[str, None] = {}
    count = 0
    for ref in annots:
        annot = resolve1(ref)
        if not isinstance(annot, dict):
            continue
        subtype = _text(annot.get("Subtype"))
        if subtype == "Link":
            uri = _link_target(annot)
            if uri:
                yield Segment(text=uri, part=Part.ATTRIBUTE, location=where, detail="link")
            continue
        if subtype == "Widget":
            continue  # form fields are read once from the AcroForm tree
        if subtype == "FileAttachment":
            spec = annot.get("FS")
            yield from nest.attachment(spec, _filespec_name(spec), where)
        pieces = [_text(annot.get(k)) for k in ("Contents", "RC")]
        contents = pieces[0] or _strip_markup(pieces[1])
        author = _text(annot.get("T"))
        if contents and contents not in texts:
            texts[contents] = None
            count += 1
            detail = f"{subtype} by {author}" if author else subtype
            flags = resolve1(annot.get("F"))
            if isinstance(flags, int) and flags & (2 | 32):  # Hidden / NoView: not even shown
                detail += " (hidden)"
            yield Segment(text=contents, part=Part.ANNOTATION, location=where, detail=detail)
            if author and author not in authors:
                authors.add(author)
                yield Observation(
                    kind="author",
                    part=Part.ANNOTATION,
                    location=where,
                    value=author,
                    detail="annotation author",
                )
    if count:
        yield Observation(kind="annotation", part=Part.ANNOTATION, location=where, count=count)


def _strip_markup(rich: str) -> str:
    return re.sub(r"<[^>]*>", "", rich).strip() if rich else ""


def _link_target(annot: dict[str, Any]) -> str:
    from pdfminer.pdftypes import resolve1

    action = resolve1(annot.get("A"))
    if isinstance(action, dict):
        for key in ("URI", "F"):
            target = action.get(key)
            if target is not None:
                return _text(target) or _filespec_name(target)
    return ""


def _filespec_name(spec: Any) -> str:
    from pdfminer.pdftypes import resolve1

    spec = resolve1(spec)
    if isinstance(spec, dict):
        for key in ("UF", "F", "Desc"):
            name = _text(spec.get(key))
            if name:
                return name
        return ""
    return _text(spec)


def _catalog(document: Any, nest: _Nest) -> Iterator[Item]:
    """Form field values and files attached at document level (the EmbeddedFiles name tree)."""
    from pdfminer.pdftypes import resolve1

    catalog = document.catalog
    form = resolve1(catalog.get("AcroForm"))
    if isinstance(form, dict):
        yield from _fields(resolve1(form.get("Fields")), "", 0)
    names = resolve1(catalog.get("Names"))
    if isinstance(names, dict):
        tree = resolve1(names.get("EmbeddedFiles"))
        for key, spec in _name_tree(tree, 0):
            yield from nest.attachment(spec, _filespec_name(spec) or key, Location())


@dataclass(slots=True)
class _Nest:
    """Reads attached files: a PDF or docx inside is scanned like a top-level file."""

    limits: Limits
    deadline: Deadline
    depth: int

    def attachment(self, spec: Any, name: str, where: Location) -> Iterator[Item]:
        data = (
            _attached_bytes(spec, self.limits)
            if self.depth < self.limits.max_embedded_depth
            else None
        )
        inner: Iterator[Item] | None = None
        if data is not None and data.startswith(b"%PDF-"):
            inner = _extract(data, self.limits, self.deadline, self.depth + 1)
        elif data is not None and data.startswith(b"PK\x03\x04") and b"word/document.xml" in data:
            from secscan.extract import docx

            inner = docx.nested(data, self.limits, self.deadline, self.depth + 1)
        checked = "checked" if inner is not None else "not checked"
        yield Observation(
            kind="attachment", part=Part.ANNOTATION, location=where, value=name, detail=checked
        )
        if inner is not None:
            yield from prefixed(name or "attachment", inner)


def _attached_bytes(spec: Any, limits: Limits) -> bytes | None:
    """The bytes of an embedded file stream, or None when absent, too large or undecodable."""
    from pdfminer.pdftypes import PDFStream, resolve1

    spec = resolve1(spec)
    files = resolve1(spec.get("EF")) if isinstance(spec, dict) else None
    if not isinstance(files, dict):
        return None
    stream = resolve1(files.get("F") or files.get("UF"))
    if not isinstance(stream, PDFStream):
        return None
    length = resolve1(stream.attrs.get("Length"))
    if isinstance(length, int) and length > limits.max_file_bytes:
        return None
    try:
        data = stream.get_data()
    except Exception:  # an unsupported filter: the attachment stays unchecked
        return None
    return data if len(data) <= limits.max_file_bytes else None


def _fields(fields: Any, prefix: str, depth: int) -> Iterator[Item]:
    from pdfminer.pdftypes import resolve1

    if not isinstance(fields, list) or depth > 20:
        return
    for ref in fields:
        field_ = resolve1(ref)
        if not isinstance(field_, dict):
            continue
        name = _text(field_.get("T"))
        full = f"{prefix}.{name}" if prefix and name else name or prefix
        value = resolve1(field_.get("V"))
        text = _text(value) if not isinstance(value, list) else ", ".join(map(_text, value))
        if text and text not in ("Off", "Yes"):
            yield Segment(text=text, part=Part.ANNOTATION, detail=f"form field {full}")
        yield from _fields(resolve1(field_.get("Kids")), full, depth + 1)


def _name_tree(node: Any, depth: int) -> Iterator[tuple[str, Any]]:
    from pdfminer.pdftypes import resolve1

    node = resolve1(node)
    if not isinstance(node, dict) or depth > 20:
        return
    pairs = resolve1(node.get("Names"))
    if isinstance(pairs, list):
        for i in range(0, len(pairs) - 1, 2):
            yield _text(pairs[i]), pairs[i + 1]
    kids = resolve1(node.get("Kids"))
    if isinstance(kids, list):
        for kid in kids:
            yield from _name_tree(kid, depth + 1)
