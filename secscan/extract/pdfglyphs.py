"""pdf glyphs: what each glyph is, and whether a reader of the page can see it.

A custom pdfminer device records each glyph with its box, render mode and fill colour, and
each filled rectangle and image, without pdfminer's layout analysis (the costly part of
`extract_text`, reference/performance.md). From those it tells apart what a reader sees from
what the file only carries: text under a filled rectangle drawn after it (the failed
redaction), invisible text (render mode 3, white fill or under 1 pt, unless it is an OCR
layer over a scan), text outside the crop box, text in a layer switched off by default.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from secscan.model import Anchor

# Glyph flags
_COVERED, _INVISIBLE, _OUTSIDE, _LAYER = 1, 2, 4, 8
HIDDEN_DETAIL = {
    _COVERED: ("covered-text", "covered by a filled rectangle"),
    _INVISIBLE: ("invisible-text", "invisible (render mode 3, white or under 1 pt)"),
    _OUTSIDE: ("outside-cropbox", "outside the crop box"),
    _LAYER: ("hidden-layer", "in a layer (optional content) switched off"),
}
_WHITE = {(1.0,), (1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 0.0)}


@dataclass(slots=True)
class Glyph:
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
class PageInfo:
    glyphs: list[Glyph] = field(default_factory=list)
    fills: list[_Fill] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


# --- the device: glyphs, filled rectangles, images ---------------------------------------------


def device_class() -> type[Any]:
    """Build the device class lazily, so that importing this module does not import pdfminer."""
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.layout import LTChar
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.utils import apply_matrix_pt, apply_matrix_rect

    class _Device(PDFLayoutAnalyzer):
        info: PageInfo
        _render = 0
        interpreter: Any = None
        layers_off: frozenset[int] = frozenset()  # object ids of optional content groups
        _marks: list[bool]  # per open marked-content sequence: does it hide its content?
        _hiding = 0

        def begin_page(self, page: Any, ctm: Any) -> None:
            super().begin_page(page, ctm)
            self.info = PageInfo()
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
            glyph = Glyph(
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


def layers_off(document: Any) -> frozenset[int]:
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


SCAN_TEXT_MAX = 20  # characters: a page number or a stamp printed over a scan


def is_scan(info: PageInfo, text: str) -> bool:
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


def classify(info: PageInfo) -> None:
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


def lines(glyphs: list[Glyph]) -> tuple[str, tuple[Anchor, ...]]:
    """Join glyphs in content order into lines; one anchor per line (line = 1-based in page)."""
    out: list[str] = []
    anchors = [Anchor(offset=0, line=1, column=1)]
    length, line = 0, 1
    prev: Glyph | None = None
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
