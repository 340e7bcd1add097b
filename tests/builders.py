"""Builders for the files the extractor tests read: docx, pdf, hostile zips and PDFs.

docx files start from python-docx (a valid package Word opens) and are then edited with lxml
for what python-docx does not write: tracked changes, hidden runs, text boxes with their VML
fallback, custom properties, embedded files. PDFs come from reportlab (CJK text with its
built-in STSong-Light CID font) or, where reportlab cannot say it, hand-written PDF bytes.
Everything is deterministic (fixed dates, no random ids) so that tools/make_samples.py can
commit its output.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
)
FIXED = dt.datetime(2026, 1, 5, 9, 0, 0)
ZIP_DATE = (2026, 1, 5, 9, 0, 0)

# --- raw WordprocessingML snippets (one w:p each, namespaces declared by the builder) ---------


def para(*runs: str) -> str:
    return f"<w:p>{''.join(runs)}</w:p>"


def run(text: str, *, hidden: bool = False) -> str:
    props = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def deleted(text: str, author: str = "李四") -> str:
    return (
        f'<w:del w:id="901" w:author="{author}" w:date="2026-01-05T09:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def inserted(text: str, author: str = "李四") -> str:
    return (
        f'<w:ins w:id="902" w:author="{author}" w:date="2026-01-05T09:00:00Z">{run(text)}</w:ins>'
    )


def text_box(text: str) -> str:
    """A text box as Word writes it: DrawingML in mc:Choice, the same text again in VML."""
    content = f"<w:txbxContent>{para(run(text))}</w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


# --- docx --------------------------------------------------------------------------------------


def make_docx(
    paragraphs: Sequence[str] = ("正文第一段。",),
    *,
    author: str | None = None,
    title: str | None = None,
    header: str | None = None,
    footer: str | None = None,
    table: Sequence[Sequence[str]] | None = None,
    comment: tuple[str, str] | None = None,  # (comment text, author) on the first paragraph
    body_xml: Sequence[str] = (),  # raw w:p snippets appended to the body
    custom: dict[str, str] | None = None,
    company: str | None = None,
    template: str | None = None,
    members: dict[str, bytes] | None = None,  # extra zip members, e.g. word/embeddings/x.docx
) -> bytes:
    """A docx that Word opens, with whatever hidden parts the test needs."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.author = author or ""
    props.last_modified_by = author or ""
    props.title = title or ""
    props.created = props.modified = FIXED
    props.revision = 1
    first = None
    for text in paragraphs:
        p = document.add_paragraph(text)
        first = first or p
    if table:
        cells = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                cells.cell(r, c).text = value
    section = document.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    if comment is not None and first is not None:
        document.add_comment(first.runs, text=comment[0], author=comment[1], initials="")
    buffer = io.BytesIO()
    document.save(buffer)
    edits: dict[str, Callable[[bytes], bytes]] = {}
    if body_xml:
        edits["word/document.xml"] = lambda xml: _append_body(xml, body_xml)
    if company or template:
        edits["docProps/app.xml"] = lambda xml: _app_props(xml, company, template)
    added = dict(members or {})
    if custom:
        added["docProps/custom.xml"] = _custom_props(custom)
        edits["[Content_Types].xml"] = _custom_content_type
        edits["_rels/.rels"] = _custom_rel
    if comment is not None:
        # python-docx stamps the comment with the current time; tests and samples stay stable.
        edits["word/comments.xml"] = _fixed_comment_date
    return rezip(buffer.getvalue(), edits, added)


def rezip(
    data: bytes,
    edits: dict[str, Callable[[bytes], bytes]] | None = None,
    added: dict[str, bytes] | None = None,
) -> bytes:
    """Copy a zip, passing named members through `edits` and appending `added` members."""
    edits, added = edits or {}, added or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename in edits:
                body = edits[info.filename](body)
            _write(dst, info.filename, body)
        for name, body in added.items():
            _write(dst, name, body)
    return out.getvalue()


def _write(zf: zipfile.ZipFile, name: str, body: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, body)


def _append_body(xml: bytes, snippets: Sequence[str]) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    body = root.find(f"{{{W_NS}}}body")
    sect = body.find(f"{{{W_NS}}}sectPr")
    for snippet in snippets:
        element = etree.fromstring(f"<w:root {NSDECL}>{snippet}</w:root>")[0]
        if sect is not None:
            sect.addprevious(element)
        else:
            body.append(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _app_props(xml: bytes, company: str | None, template: str | None) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    ns = root.nsmap[None]
    for name, value in (("Company", company), ("Template", template)):
        if value:
            el = root.find(f"{{{ns}}}{name}")
            if el is None:
                el = etree.SubElement(root, f"{{{ns}}}{name}")
            el.text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _custom_props(values: dict[str, str]) -> bytes:
    props = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i}" name="{k}">'
        f"<vt:lpwstr>{v}</vt:lpwstr></property>"
        for i, (k, v) in enumerate(values.items(), start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"{props}</Properties>"
    ).encode()


def _custom_content_type(xml: bytes) -> bytes:
    override = (
        b'<Override PartName="/docProps/custom.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.custom-properties+xml"/>'
    )
    return xml.replace(b"</Types>", override + b"</Types>")


def _custom_rel(xml: bytes) -> bytes:
    rel = (
        b'<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/custom-properties" Target="docProps/custom.xml"/>'
    )
    return xml.replace(b"</Relationships>", rel + b"</Relationships>")


def _fixed_comment_date(xml: bytes) -> bytes:
    import re

    return re.sub(rb'w:date="[^"]*"', b'w:date="2026-01-05T09:00:00Z"', xml)


def docx_with_xml(document_xml: str, parts: dict[str, str] | None = None) -> bytes:
    """A minimal package around a hand-written word/document.xml (for hostile XML)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        _write(zf, "[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        _write(zf, "word/document.xml", document_xml.encode())
        for name, text in (parts or {}).items():
            _write(zf, name, text.encode())
    return out.getvalue()


# --- hostile zips ------------------------------------------------------------------------------


def zip_of(members: dict[str, bytes], *, stored: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, body in members.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            zf.writestr(info, body)
    return out.getvalue()


def zip_bomb(size: int = 8 * 1024 * 1024) -> bytes:
    """A docx-shaped zip whose document.xml inflates ~1000x (zeros compress extremely well)."""
    return zip_of({"word/document.xml": b"\0" * size, "[Content_Types].xml": b"<Types/>"})


def many_members(count: int) -> bytes:
    members = {f"word/media/image{i}.png": b"" for i in range(count)}
    members["word/document.xml"] = b"<w:document/>"
    return zip_of(members)


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + f']>\n<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)


def external_entity(path: str) -> str:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "file://{path}">]>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )


# --- pdf ---------------------------------------------------------------------------------------


def make_pdf(
    pages: Sequence[Sequence[str]] = (("第一页正文。",),),
    *,
    author: str | None = None,
    title: str | None = None,
    redact: str | None = None,  # a line drawn and then covered by a black box (page 1)
    annotation: str | None = None,  # a text annotation on page 1
    invisible: str | None = None,  # a line in render mode 3 (page 1)
    white: str | None = None,  # a line in white (page 1)
    tiny: str | None = None,  # a line 0.5 pt high (page 1)
    outside: str | None = None,  # a line outside the crop box (page 1)
    crop: tuple[float, float, float, float] | None = None,
    image_only_page: bool = False,  # append a page with an image and no text
    password: tuple[str, str] | None = None,  # (user, owner)
    font: str = "STSong-Light",
) -> bytes:
    """A PDF with CJK text (STSong-Light) and the hidden things a test asks for."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    encrypt = None
    if password is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption

        encrypt = StandardEncryption(password[0], ownerPassword=password[1], strength=128)
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1, encrypt=encrypt)
    c.setAuthor(author or "")
    c.setTitle(title or "")
    c.setCreator("secscan tests")
    width, height = A4
    for number, lines in enumerate(pages, start=1):
        if number == 1 and crop is not None:
            c.setCropBox(crop)
        c.setFont(font, 14)
        y = height - 72
        for line in lines:
            c.drawString(72, y, line)
            y -= 24
        if number == 1:
            y = _hidden_lines(c, y, redact, invisible, white, outside, width)
            if tiny:
                c.setFont(font, 0.5)
                c.drawString(72, y, tiny)
            if annotation:
                c.textAnnotation(annotation, Rect=(72, 72, 200, 120), addtopage=1)
        c.showPage()
    if image_only_page:
        c.drawInlineImage(_gray_image(), 72, 300, width=300, height=300)
        c.showPage()
    c.save()
    return buffer.getvalue()


def _hidden_lines(
    c: object,
    y: float,
    redact: str | None,
    invisible: str | None,
    white: str | None,
    outside: str | None,
    width: float,
) -> float:
    if redact:
        c.drawString(72, y, redact)  # type: ignore[attr-defined]
        c.setFillColorRGB(0, 0, 0)  # type: ignore[attr-defined]
        c.rect(70, y - 4, 14 * len(redact) + 4, 20, fill=1, stroke=0)  # type: ignore[attr-defined]
        y -= 24
    if invisible:
        text = c.beginText(72, y)  # type: ignore[attr-defined]
        text.setFont("STSong-Light", 14)
        text.setTextRenderMode(3)
        text.textOut(invisible)
        c.drawText(text)  # type: ignore[attr-defined]
        y -= 24
    if white:
        c.setFillColorRGB(1, 1, 1)  # type: ignore[attr-defined]
        c.drawString(72, y, white)  # type: ignore[attr-defined]
        c.setFillColorRGB(0, 0, 0)  # type: ignore[attr-defined]
        y -= 24
    if outside:
        c.drawString(72, 20, outside)  # type: ignore[attr-defined]  # below a raised crop box
    return y


def _gray_image() -> object:
    from PIL import Image

    return Image.new("L", (32, 32), 128)


def raw_pdf(objects: Sequence[bytes], *, root: int = 1) -> bytes:
    """Assemble numbered objects (1..n) into a PDF with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def pdf_with_content(content: bytes, font: bytes) -> bytes:
    """One page whose content stream and font F1 the test writes by hand."""
    stream = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            stream,
            font,
        ]
        + (
            [
                b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoUnicode /CIDSystemInfo"
                b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /W [] >>"
            ]
            if b"DescendantFonts" in font
            else []
        )
    )


CID_FONT_WITHOUT_UNICODE = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /NoUnicode /Encoding /Identity-H"
    b" /DescendantFonts [6 0 R] >>"
)
LATIN_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
