"""pdf: page text in content order, metadata, annotations, forms, attachments, and hidden text.

Owns the PDF reading (pdfminer.six) page by page: opening (encryption, damage), the page loop
and its limits, the body text of each page, hidden text by kind, scanned pages, and text that
was not really read - undecodable glyphs ``(cid:NN)`` and GBK bytes shown through a Latin font
are `unreadable`. What a glyph is and whether a reader sees it is `pdfglyphs`' business; the
document-level parts (Info, XMP, annotations, forms, attachments) are `pdfparts`'.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from typing import Any

from secscan.errors import ExtractError
from secscan.extract.limits import Deadline, Limits
from secscan.extract.pdfglyphs import (
    HIDDEN_DETAIL,
    Glyph,
    PageInfo,
    classify,
    device_class,
    is_scan,
    layers_off,
    lines,
)
from secscan.extract.pdfparts import Nest, catalog, info, page_annotations
from secscan.model import Location, Observation, Part, Segment

Item = Segment | Observation

_LATIN1_HIGH = re.compile(r"[\u00a1-\u00ff]")
_CID_RUN = re.compile(r"(?:\(cid:\d+\)\s?){3,}")


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
    yield from _guarded(info(document), "metadata")
    manager = PDFResourceManager(caching=True)
    device = device_class()(manager)
    interpreter = PDFPageInterpreter(manager, device)
    device.interpreter, device.layers_off = interpreter, layers_off(document)
    nest = Nest(_extract, limits, deadline, depth)  # attached files are read like this one
    number = 0
    authors: set[str] = set()  # annotation authors already reported
    try:
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            if number > limits.max_pdf_pages:
                raise ExtractError("limit_pdf_pages", limit=limits.max_pdf_pages)
            deadline.check()
            yield from _page(interpreter, device, page, number)
            yield from page_annotations(page, number, authors, nest)
    except ExtractError:
        raise
    except Exception as exc:
        yield Observation(
            kind="unreadable",
            part=Part.BODY,
            location=Location(page=number + 1),
            detail=f"page tree: {type(exc).__name__}",
        )
    yield from _guarded(catalog(document, nest), "forms/attachments")


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
    info: PageInfo = device.info
    classify(info)
    where = Location(page=number)
    visible = [g for g in info.glyphs if not g.flags]
    text = ""
    if visible:
        text, anchors = lines(visible)
        if text.strip():
            yield Segment(text=text, part=Part.BODY, location=where, anchors=anchors)
        yield from _unreadable(visible, text, number)
    if info.images and is_scan(info, text):
        yield Observation(kind="scanned-page", part=Part.BODY, location=where)
    for flag, (kind, detail) in HIDDEN_DETAIL.items():
        hidden = [g for g in info.glyphs if g.flags & flag and not g.flags & (flag - 1)]
        if not hidden:
            continue
        text, anchors = lines(hidden)
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


def _unreadable(glyphs: list[Glyph], text: str, number: int) -> Iterator[Item]:
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
