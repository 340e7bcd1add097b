"""Turn a file's bytes into Segments and Observations; decide the format by content.

Extractors know nothing of rules. Each format lives in its own module with a function
``extract(data: bytes, limits: Limits, deadline: Deadline) -> Iterator[Segment | Observation]``,
imported only when a file of that format is met (docx, pdfminer and lxml are slow to import and
the pre-commit hook pays for every import).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator

from secscan.errors import ExtractError
from secscan.extract.limits import Deadline, Limits, check_size
from secscan.model import Format, Observation, Segment

Item = Segment | Observation
Extractor = Callable[[bytes, Limits, Deadline], Iterator[Item]]

# Format -> module implementing `extract`. Explicit, like pre-commit's all_languages.
EXTRACTORS: dict[Format, str] = {
    Format.TEXT: "secscan.extract.text",
    Format.HTML: "secscan.extract.html",
    Format.DOCX: "secscan.extract.docx",
    Format.PDF: "secscan.extract.pdf",
}

# Stable observation kinds. Each has a shipped rule with `observation = "<kind>"`.
KINDS: frozenset[str] = frozenset(
    {
        "format-mismatch",  # the name says one format, the content another
        "unreadable",  # part of the file could not be read: status error (fail closed)
        # docx / pdf / html extractors; rules in rules/structure.toml
        "comments",  # the file carries reviewers' comments (count = how many)
        "revisions",  # tracked insertions/deletions not yet accepted or rejected
        "hidden-text",  # docx text formatted hidden (w:vanish, w:specVanish, hidden style, white)
        "author",  # a person's name in metadata or on comments/revisions (value = the name)
        "company",  # the organisation in app properties / the PDF Info dict
        "template-path",  # a template path that names a machine, drive or user folder
        "custom-property",  # a custom document property (value = its name, detail = its value)
        "classification-label",  # a sensitivity/classification label property (MSIP, 密级)
        "embedded",  # an embedded file (value = member name; detail: checked / not checked)
        "image",  # images whose pixels were not checked (count = how many)
        "scanned-page",  # a pdf page with images and no text: it could not be checked
        "covered-text",  # pdf text under a filled rectangle drawn over it (failed redaction)
        "invisible-text",  # pdf text in render mode 3 or white fill: the reader cannot see it
        "outside-cropbox",  # pdf text placed outside the visible crop box
        "hidden-layer",  # pdf text in an optional content layer switched off by default
        "annotation",  # pdf annotations with text (notes, free text, markup)
        "attachment",  # a file attached to a pdf (value = its name; not checked)
        "encrypted",  # encrypted but readable with an empty password (owner password only)
        "html-comment",  # html <!-- comments --> (count = how many)
        "hidden-element",  # html elements hidden by hidden / display:none / type=hidden
        # not from an extractor: secscan/suppress.py, a secscan:allow marker without a reason
        "allow-marker-invalid",
    }
)

SUFFIXES: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".md": Format.TEXT,
    ".markdown": Format.TEXT,
    ".text": Format.TEXT,
    ".csv": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".shtml": Format.HTML,
    ".docx": Format.DOCX,
    ".docm": Format.DOCX,
    ".dotx": Format.DOCX,
    ".pdf": Format.PDF,
}

_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<p>")


def format_by_name(name: str) -> Format | None:
    return SUFFIXES.get(os.path.splitext(name)[1].lower())


def sniff(data: bytes) -> Format | None:
    """The format the content shows, or None when it shows none (then the name decides)."""
    head = data[:2048]
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return Format.PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return Format.DOCX  # a zip; the docx extractor says so when it holds no word/document.xml
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return Format.DOCX  # OLE container: an encrypted docx or a legacy .doc; docx explains
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(marker in lowered[:1024] for marker in _HTML_MARKERS):
        return Format.HTML
    return None


def decide_format(data: bytes, name: str) -> tuple[Format, Format | None]:
    """Return (format to read it as, format its name claims). Content wins over the name."""
    claimed = format_by_name(name)
    found = sniff(data)
    if found is None:
        # Plain text shows no signature; a binary-looking file named .txt is still text to us,
        # and decoding decides whether it is readable.
        found = claimed if claimed in (Format.TEXT, Format.HTML) else Format.TEXT
    return found, claimed


def extract(data: bytes, fmt: Format, limits: Limits, deadline: Deadline) -> Iterator[Item]:
    """Yield the Segments and Observations of `data` read as `fmt`."""
    check_size(data, limits)
    module = importlib.import_module(EXTRACTORS[fmt])
    extractor: Extractor = module.extract
    return extractor(data, limits, deadline)


__all__ = [
    "EXTRACTORS",
    "KINDS",
    "Deadline",
    "ExtractError",
    "Item",
    "Limits",
    "decide_format",
    "extract",
    "format_by_name",
    "sniff",
]
