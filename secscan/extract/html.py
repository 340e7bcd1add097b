"""html: visible text with source line/column, and separately what the page carries unseen.

Owns the HTML reading. A single compiled tokenizer walks the decoded source, so every piece of
text keeps its exact offset (the pre-commit hook points at source lines; lxml gives element lines
only and selectolax none). An element stack, with the implied end tags that matter in practice
(p, li, td, ...), tracks which text is hidden. Out come: visible text (body), comments (comment),
elements hidden by ``hidden`` / ``display:none`` / ``visibility:hidden``, ``<template>`` and
``<input type=hidden>`` (hidden), string literals of ``<script>`` and ``<noscript>`` fallback
(hidden), attributes such as alt, title, link targets and data-* (attribute), ``<meta>`` and
``<title>`` (metadata). Text is joined across inline elements, so a mark split over two spans is
one text, and cut into large segments at block boundaries, with one anchor per source piece.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

from secscan.errors import ExtractError
from secscan.extract.anchored import LineCounter, TextBuffer
from secscan.extract.encoding import decode
from secscan.extract.limits import Deadline, Limits
from secscan.model import Location, Observation, Part, Segment

Item = Segment | Observation

CHUNK = 64 * 1024  # characters per body segment, cut at a block boundary

_TOKEN = re.compile(
    r"<!--(.*?)(?:-->|\Z)"  # 1: comment (an unclosed one runs to the end, as in browsers)
    r"|<(/?)([A-Za-z][A-Za-z0-9:_-]*+)"  # 2: end-tag slash, 3: tag name
    # 4: attributes. Possessive (Python 3.11+), so a tag without '>' cannot backtrack
    # exponentially; quoted values are bounded so one stray quote cannot swallow the page.
    r"((?:[^>\"']++|\"[^\"]{0,4000}\"|'[^']{0,4000}'|[\"'])*+)>"
    r"|<![^>]*+>|<\?[^>]*+>",
    re.S,
)
_ATTR = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_LINKS = frozenset(
    {"href", "src", "action", "formaction", "poster", "cite", "longdesc", "background", "data"}
)
_ABSOLUTE = re.compile(r"\s*(?:[A-Za-z][A-Za-z0-9+.-]*:|//|\\\\|[A-Za-z]:)")
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SCRIPT_STRING = re.compile(
    r'"((?:[^"\\\n]|\\.){2,})"|\'((?:[^\'\\\n]|\\.){2,})\'|`((?:[^`\\]|\\.){2,})`'
)
_TAGS_IN_RAW = re.compile(r"<[^>]*>")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_VOID = _words("area base br col embed hr img input link meta param source track wbr keygen frame")
_RAW_END = {
    tag: re.compile(rf"</{tag}\s*>", re.I)
    for tag in _words("script style textarea title xmp iframe noembed noframes noscript")
}
_RAW = frozenset(_RAW_END)
_BLOCK = _words(
    "address article aside blockquote body br caption center dd details dialog div "
    "dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hr "
    "html li main nav ol option p pre section summary table tbody td tfoot th thead "
    "tr ul"
)
_INLINE = _words(
    "a abbr b bdi bdo big cite code data dfn em font i kbd label mark q s samp small "
    "span strike strong sub sup time tt u var"
)
# start tag -> (open tags it closes, tags that stop the search): the implied end tags
_IMPLIED = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "tr": (frozenset({"tr"}), frozenset({"table", "tbody", "thead", "tfoot"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist", "optgroup"})),
}
_ATTRIBUTES = _words(
    "alt title placeholder aria-label href src action formaction poster cite "
    "longdesc background data value label summary"
)


def extract(data: bytes, limits: Limits, deadline: Deadline) -> Iterator[Item]:
    """Yield every Segment and Observation of an HTML page."""
    text, _codec = decode(data, declared_charset(data))
    yield from _Reader(text, limits, deadline).run()


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 8 KB (<meta charset>, http-equiv, <?xml?>)."""
    head = data[:8192]
    found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return found.group(1).decode("ascii") if found else None


@dataclass(slots=True)
class _Open:
    tag: str
    hidden: bool


class _Reader:
    def __init__(self, text: str, limits: Limits, deadline: Deadline) -> None:
        self.text, self.limits, self.deadline = text, limits, deadline
        self.lines = LineCounter(text)
        self.stack: list[_Open] = []
        self.open_count: dict[str, int] = {}  # a plain dict: Counter's __missing__ is slow
        self.hidden_depth = 0
        self.body = TextBuffer(Part.BODY)
        self.hidden = TextBuffer(Part.HIDDEN, detail="hidden element")
        self.attrs = TextBuffer(Part.ATTRIBUTE)
        self.comments = TextBuffer(Part.COMMENT, detail="html comment")
        self.out: list[Item] = []
        self.n_comments = 0
        self.first_comment: Location | None = None
        self.n_hidden = 0
        self.first_hidden: tuple[Location, str] | None = None

    # --- the token loop ------------------------------------------------------------------------

    def run(self) -> Iterator[Item]:
        text, pos, search, size = self.text, 0, _TOKEN.search, len(self.text)
        start_tag, end_tag, data, space = self._start, self._end, self._data, self._space
        while pos < size:
            m = search(text, pos)
            end = m.start() if m else size
            if end > pos:
                raw = text[pos:end]
                if raw.isspace():
                    space()
                else:
                    data(raw, pos)
            if m is None:
                break
            pos = m.end()
            tag = m.group(3)
            if tag is not None:
                if m.group(2):
                    end_tag(tag.lower())
                else:
                    pos = start_tag(tag.lower(), m.group(4), m.start(4), pos)
            elif m.group(1) is not None:
                self._comment(m.group(1), m.start(1))
            if self.out:
                yield from self._drain()
        while self.stack:
            self._pop()
        for buf in (self.body, self.hidden, self.attrs, self.comments):
            self._flush(buf)
        yield from self._drain()
        yield from self._summary()

    def _drain(self) -> Iterator[Item]:
        if self.out:
            self.deadline.check()
            items, self.out = self.out, []
            yield from items

    def _flush(self, buf: TextBuffer) -> None:
        segment = buf.take()
        if segment is not None:
            self.out.append(segment)

    def _space(self) -> None:
        (self.hidden if self.hidden_depth else self.body).glue(" ")

    def _data(self, raw: str, start: int) -> None:
        buf = self.hidden if self.hidden_depth else self.body
        if buf.pieces and buf.pieces[-1].endswith("\n"):
            # After <br> the source's own line break would make a paragraph break (two line
            # breaks), and 秘<br>\n密★5年 would no longer fold into one mark: drop it.
            kept = raw.lstrip()
            start += len(raw) - len(kept)
            raw = kept
            if not raw:
                return
        line, column = self.lines.at(start)
        buf.add(unescape(raw) if "&" in raw else raw, line, column)

    def _comment(self, body: str, start: int) -> None:
        if not body.strip():
            return
        line, column = self.lines.at(start)
        self.n_comments += 1
        if self.first_comment is None:
            self.first_comment = Location(line=line, column=column)
        self.comments.add(body, line, column)
        self.comments.glue("\n")
        if self.comments.length > CHUNK:
            self._flush(self.comments)

    # --- elements ------------------------------------------------------------------------------

    def _start(self, tag: str, attrs: str, attrs_at: int, pos: int) -> int:
        """Handle a start tag; return where tokenizing resumes (after raw text elements)."""
        if tag in _IMPLIED or (tag in _BLOCK and self.open_count.get("p")):
            self._imply_end(tag)
        values = self._attributes(tag, attrs, attrs_at) if attrs and not attrs.isspace() else {}
        if tag in _BLOCK:
            self._block()
        reason = _hiding(tag, values) if values or tag == "template" else None
        if tag == "input" and values.get("type", "").lower() == "hidden":
            reason = "input type=hidden"
        if reason:
            self._note_hidden(reason, attrs_at)
        if tag in _RAW:
            return self._raw(tag, pos, bool(reason))
        if tag in _VOID or attrs.rstrip().endswith("/"):
            return pos
        self._push(tag, bool(reason))
        return pos

    def _push(self, tag: str, hidden: bool) -> None:
        if len(self.stack) >= self.limits.max_html_depth:
            raise ExtractError("limit_html_depth", limit=self.limits.max_html_depth)
        if hidden:
            if not self.hidden_depth:
                self.body.glue("\n")
            self.hidden_depth += 1
        self.stack.append(_Open(tag, hidden))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1

    def _pop(self) -> str:
        top = self.stack.pop()
        self.open_count[top.tag] -= 1
        if top.hidden:
            self.hidden_depth -= 1
            if not self.hidden_depth:
                self.hidden.glue("\n")
                if self.hidden.length > CHUNK:
                    self._flush(self.hidden)
        if top.tag in _BLOCK:
            self._block()
        return top.tag

    def _end(self, tag: str) -> None:
        if not self.open_count.get(tag):
            if tag in _BLOCK:  # a stray end tag: browsers ignore it, but it still ends a line
                self._block()
            return
        while self._pop() != tag:
            pass

    def _imply_end(self, tag: str) -> None:
        closers, stops = _IMPLIED.get(tag, (None, None))
        if closers is None:
            if tag not in _BLOCK or not self.open_count.get("p"):
                return
            closers, stops = frozenset({"p"}), None
        for depth in range(len(self.stack) - 1, max(len(self.stack) - 12, -1), -1):
            open_tag = self.stack[depth].tag
            if open_tag in closers:
                while len(self.stack) > depth:
                    self._pop()
                return
            if (stops is None and open_tag not in _INLINE) or (stops and open_tag in stops):
                return

    def _block(self) -> None:
        buf = self.hidden if self.hidden_depth else self.body
        buf.glue("\n")
        if buf is self.body and buf.length > CHUNK:
            self._flush(buf)

    def _raw(self, tag: str, start: int, hidden: bool) -> int:
        """Raw text elements: find their end tag by hand, as a browser's tokenizer does."""
        close = _RAW_END[tag].search(self.text, start)
        end = close.start() if close else len(self.text)
        resume = close.end() if close else end
        content = self.text[start:end]
        if not content.strip() or tag == "style":
            return resume
        line, column = self.lines.at(start)
        if tag == "script":
            self._script(content, start)
        elif tag == "title":
            buf = TextBuffer(Part.METADATA, detail="title")
            buf.add(unescape(content.strip()), line, column)
            self._flush(buf)
        elif tag in ("textarea", "xmp") and not (hidden or self.hidden_depth):
            self.body.add(unescape(content), line, column)
            self._block()
        else:  # noscript/iframe/noembed fallback, or raw text inside a hidden element
            stripped = _TAGS_IN_RAW.sub(" ", content)
            if stripped.strip():
                buf = TextBuffer(Part.HIDDEN, detail=tag if not hidden else f"{tag} (hidden)")
                buf.add(unescape(stripped), line, column)
                self._flush(buf)
        return resume

    def _script(self, code: str, start: int) -> None:
        buf = TextBuffer(Part.HIDDEN, detail="script string")
        for m in _SCRIPT_STRING.finditer(code):
            value = m.group(m.lastindex or 1)
            if not value.strip() or (value.isascii() and not ("." in value or "/" in value)):
                continue  # identifiers and format strings; keep text, hosts, paths, urls
            line, column = self.lines.at(start + m.start())
            buf.add(value, line, column)
            buf.glue("\n")
        self._flush(buf)

    # --- attributes ----------------------------------------------------------------------------

    def _attributes(self, tag: str, attrs: str, attrs_at: int) -> dict[str, str]:
        values: dict[str, str] = {}
        shown: list[tuple[str, str, int]] = []  # (name, value, offset of the value)
        for m in _ATTR.finditer(attrs):
            name, value = m.group(1, 2)
            name = name.lower()
            if name in values:
                continue  # browsers keep the first of duplicate attributes
            if value is None:
                values[name] = ""
                continue
            offset = m.start(2)
            if value[:1] in ("'", '"'):
                value, offset = value[1:-1], offset + 1
            values[name] = value
            if name in _ATTRIBUTES or name.startswith("data-"):
                shown.append((name, value, offset))
        if tag == "meta":
            self._meta(values, attrs_at)
            return values
        hidden_input = tag == "input" and values.get("type", "").lower() == "hidden"
        for name, value, offset in shown:
            if not value or value.isspace() or value.startswith(("#", "javascript:void")):
                continue
            if hidden_input and name == "value":
                continue  # reported as hidden text below
            if name in _LINKS and not _ABSOLUTE.match(value):
                continue  # a relative link names no host, share or drive
            line, column = self.lines.at(attrs_at + offset)
            self.attrs.add_line(unescape(value) if "&" in value else value, line, column)
        if hidden_input and values.get("value", "").strip():
            line, column = self.lines.at(attrs_at)
            buf = TextBuffer(
                Part.HIDDEN, detail=f"input type=hidden name={values.get('name', '')}"
            )
            buf.add(unescape(values["value"]), line, column)
            self._flush(buf)
        if self.attrs.length > CHUNK:
            self._flush(self.attrs)
        return values

    def _meta(self, values: dict[str, str], at: int) -> None:
        # http-equiv refresh carries a redirect target, which may be an intranet address
        refresh = "refresh" if values.get("http-equiv", "").lower() == "refresh" else ""
        name = (
            values.get("name") or values.get("property") or values.get("itemprop") or refresh or ""
        )
        content = values.get("content", "").strip()
        if not name or not content:
            return
        line, column = self.lines.at(at)
        buf = TextBuffer(Part.METADATA, detail=f"meta {name}")
        buf.add(unescape(content), line, column)
        self._flush(buf)
        if name.lower() in ("author", "creator", "dc.creator", "article:author"):
            self.out.append(
                Observation(
                    kind="author",
                    part=Part.METADATA,
                    value=unescape(content),
                    location=Location(line=line, column=column),
                    detail=f"meta {name}",
                )
            )

    def _note_hidden(self, reason: str, at: int) -> None:
        self.n_hidden += 1
        if self.first_hidden is None:
            line, column = self.lines.at(at)
            self.first_hidden = (Location(line=line, column=column), reason)

    def _summary(self) -> Iterator[Item]:
        if self.n_comments and self.first_comment is not None:
            yield Observation(
                kind="html-comment",
                part=Part.COMMENT,
                location=self.first_comment,
                count=self.n_comments,
            )
        if self.n_hidden and self.first_hidden is not None:
            where, reason = self.first_hidden
            yield Observation(
                kind="hidden-element",
                part=Part.HIDDEN,
                location=where,
                count=self.n_hidden,
                detail=reason,
            )


def _hiding(tag: str, values: dict[str, str]) -> str | None:
    """Why an element hides its content from the reader, or None."""
    if tag == "template":
        return "template"
    if "hidden" in values and tag != "input":
        return "hidden attribute"
    style = values.get("style")
    if style and _HIDING_STYLE.search(style):
        return "style " + _HIDING_STYLE.search(style).group(0)  # type: ignore[union-attr]
    return None
