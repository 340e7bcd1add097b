"""docx: every text a Word file carries, each with its part, read straight from the OOXML parts.

Owns the package: which parts there are (relationships, orphan headers), and what is not
WordprocessingML text - core/app/custom properties, reviewers in people.xml, customXml items,
link targets, the template path, images and embedded files (an embedded docx or workbook is
scanned, others listed). The text of the parts is `docxtext`'s. python-docx's object model is
~10x slower than lxml on the parts and models none of the hidden parts, so lxml reads the XML
directly (reference/performance.md).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from secscan.errors import ExtractError
from secscan.extract.docxtext import RELATIONSHIP, Reader, hidden_styles, parse_part
from secscan.extract.limits import Deadline, Limits
from secscan.extract.nested import prefixed
from secscan.extract.xmlsafe import parse
from secscan.extract.zipguard import SafeZip
from secscan.model import Observation, Part, Segment

Item = Segment | Observation

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
    reader = Reader(package, limits, deadline, hidden_styles(package, main))
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
    return parse_part(package.read(name), name)


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
                yield Segment(text=attrs["userId"], part=Part.METADATA, detail="people")
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
