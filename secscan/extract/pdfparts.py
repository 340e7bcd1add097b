"""pdf document-level parts: Info and XMP metadata, annotations, form fields, attachments.

Attached PDF and docx files are scanned like top-level ones, under their name, up to
`Limits.max_embedded_depth` (see `secscan.extract.nested`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from secscan.errors import ExtractError
from secscan.extract.limits import Deadline, Limits
from secscan.extract.nested import prefixed
from secscan.model import Location, Observation, Part, Segment

Item = Segment | Observation
Extractor = Callable[[bytes, Limits, Deadline, int], Iterator[Item]]

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


def info(document: Any) -> Iterator[Item]:
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


def page_annotations(page: Any, number: int, authors: set[str], nest: Nest) -> Iterator[Item]:
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
            detail = subtype  # the author is an `author` observation, masked; never in a detail
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


def catalog(document: Any, nest: Nest) -> Iterator[Item]:
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
class Nest:
    """Reads attached files: a PDF or docx inside is scanned like a top-level file."""

    extract: Extractor  # the pdf extractor itself, for an attached PDF
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
            inner = self.extract(data, self.limits, self.deadline, self.depth + 1)
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
