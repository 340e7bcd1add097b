"""pdf extractor on generated files: CJK text, metadata, annotations and what the reader misses."""

from __future__ import annotations

import pytest

from secscan.errors import ExtractError
from secscan.extract import pdf
from secscan.extract.limits import Limits
from secscan.model import Observation, Part, Segment
from tests.builders import (
    CID_FONT_WITHOUT_UNICODE,
    LATIN_FONT,
    make_pdf,
    pdf_with_content,
    raw_pdf,
)


def items(data: bytes, limits: Limits | None = None) -> list[Segment | Observation]:
    limits = limits or Limits()
    return list(pdf.extract(data, limits, limits.deadline()))


def segments(found: list[Segment | Observation], part: Part) -> list[Segment]:
    return [i for i in found if isinstance(i, Segment) and i.part is part]


def observed(found: list[Segment | Observation], kind: str) -> list[Observation]:
    return [i for i in found if isinstance(i, Observation) and i.kind == kind]


def test_cjk_text_per_page_with_line_anchors():
    found = items(make_pdf([["第一页第一行", "第一页第二行"], ["第二页"]]))
    body = segments(found, Part.BODY)
    assert [s.location.page for s in body] == [1, 2]
    assert body[0].text == "第一页第一行\n第一页第二行"
    assert [(a.offset, a.line) for a in body[0].anchors] == [(0, 1), (7, 2)]
    assert body[1].text == "第二页"


def test_info_metadata_and_author():
    found = items(make_pdf(author="张三", title="内部资料汇编"))
    meta = {s.detail: s.text for s in segments(found, Part.METADATA)}
    assert meta["Author"] == "张三"
    assert meta["Title"] == "内部资料汇编"
    assert [(o.value, o.detail) for o in observed(found, "author")] == [("张三", "Author")]


def test_text_under_a_black_box_is_hidden_covered_text():
    found = items(make_pdf([["公开内容"]], redact="33021119800101001X"))
    assert "33021119800101001X" not in "".join(s.text for s in segments(found, Part.BODY))
    hidden = segments(found, Part.HIDDEN)
    assert [(s.text, s.detail) for s in hidden] == [
        ("33021119800101001X", "covered by a filled rectangle")
    ]
    (covered,) = observed(found, "covered-text")
    assert covered.location.page == 1
    assert covered.count == 18


def test_render_mode_3_and_white_text_are_invisible():
    found = items(make_pdf([["正文"]], invisible="看不见的秘密★1年", white="白色的内部资料"))
    hidden = {s.text for s in segments(found, Part.HIDDEN)}
    assert hidden == {"看不见的秘密★1年\n白色的内部资料"} or hidden == {
        "看不见的秘密★1年",
        "白色的内部资料",
    }
    assert observed(found, "invisible-text")
    assert segments(found, Part.BODY)[0].text == "正文"


def test_text_under_one_point_is_invisible():
    found = items(make_pdf([["正文"]], tiny="极小字号的内部资料"))
    (tiny,) = observed(found, "invisible-text")
    assert tiny.value == "极小字号的内部资料"


def test_text_outside_the_crop_box():
    found = items(make_pdf([["正文"]], outside="裁切区外的文字", crop=(0, 100, 595, 842)))
    (outside,) = observed(found, "outside-cropbox")
    assert outside.value == "裁切区外的文字"
    assert "裁切区外的文字" not in segments(found, Part.BODY)[0].text


def test_annotation_contents_and_presence():
    found = items(make_pdf(annotation="请删除第三段的内部数据"))
    (note,) = segments(found, Part.ANNOTATION)
    assert note.text == "请删除第三段的内部数据"
    assert note.location.page == 1
    assert observed(found, "annotation")[0].count == 1


def test_image_only_page_is_a_scanned_page():
    found = items(make_pdf([["第一页"]], image_only_page=True))
    (scan,) = observed(found, "scanned-page")
    assert scan.location.page == 2


def test_scan_with_a_printed_page_number_is_still_a_scanned_page():
    import io

    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    c.drawInlineImage(Image.new("L", (32, 32), 200), 0, 0, width=A4[0], height=A4[1])
    c.drawString(280, 30, "- 3 -")
    c.showPage()
    c.save()
    found = items(buffer.getvalue())
    assert observed(found, "scanned-page")
    assert segments(found, Part.BODY)[0].text == "- 3 -"


def test_owner_password_only_is_scanned_and_noted():
    # Latin text: pdfminer cannot map reportlab's encrypted CID font strings (it reads them as
    # (cid:NN), which the extractor then reports as unreadable - failing closed, as it should).
    pages = [["Encrypted but readable"]]
    found = items(make_pdf(pages, password=("", "owner-secret"), font="Helvetica"))
    assert segments(found, Part.BODY)[0].text == "Encrypted but readable"
    assert observed(found, "encrypted")


def test_user_password_is_an_encrypted_error():
    with pytest.raises(ExtractError) as err:
        items(make_pdf(password=("user-secret", "owner-secret")))
    assert err.value.key == "encrypted"
    assert err.value.render("zh") == "文件已加密，无法检查"


def test_glyphs_without_unicode_are_unreadable():
    content = b"BT /F1 12 Tf 72 700 Td <0011002200330044> Tj ET"
    found = items(pdf_with_content(content, CID_FONT_WITHOUT_UNICODE))
    (bad,) = observed(found, "unreadable")
    assert "cid" in (bad.detail or "")


def test_gbk_bytes_through_a_latin_font_are_unreadable():
    gbk = "关于红军作战的原则目录全世界无产者联合起来".encode("gbk")
    escaped = b"".join(b"\\%03o" % b for b in gbk)
    found = items(pdf_with_content(b"BT /F1 12 Tf 72 700 Td (" + escaped + b") Tj ET", LATIN_FONT))
    (bad,) = observed(found, "unreadable")
    assert "mojibake" in (bad.detail or "")


def test_plain_latin_text_is_not_mojibake():
    found = items(
        pdf_with_content(b"BT /F1 12 Tf 72 700 Td (Caf\\351 cr\\350me) Tj ET", LATIN_FONT)
    )
    assert not observed(found, "unreadable")


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "not_pdf"),
        (bytes(range(256)) * 8, "not_pdf"),
        (b"%PDF-1.4\n" + b"\x00" * 50, "corrupt"),
    ],
    ids=["empty", "random-bytes", "header-only"],
)
def test_files_that_are_not_pdf_raise_a_clear_error(data, key):
    with pytest.raises(ExtractError) as err:
        items(data)
    assert err.value.key == key


def test_page_limit():
    with pytest.raises(ExtractError) as err:
        items(make_pdf([["一"], ["二"], ["三"]]), Limits(max_pdf_pages=2))
    assert err.value.key == "limit_pdf_pages"


def test_attached_pdf_is_scanned_under_its_name():
    inner = make_pdf([["附件里的内部资料"]])
    stream = (
        b"<< /Type /EmbeddedFile /Length %d >>\nstream\n" % len(inner) + inner + b"\nendstream"
    )
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Names [(inner.pdf) 5 0 R] >>",
            b"<< /Type /Filespec /F (inner.pdf) /EF << /F 6 0 R >> >>",
            stream,
        ]
    )
    found = items(data)
    (attached,) = observed(found, "attachment")
    assert (attached.value, attached.detail) == ("inner.pdf", "checked")
    body = [s for s in segments(found, Part.BODY) if "附件里的内部资料" in s.text]
    assert body[0].detail == "inner.pdf"
    (shallow,) = observed(items(data, Limits(max_embedded_depth=0)), "attachment")
    assert shallow.detail == "not checked"


def test_form_field_values_are_read_with_their_names():
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /T (applicant) /Kids [5 0 R] >>",
            b"<< /T (id) /FT /Tx /V (33021119800101001X) >>",
        ]
    )
    (field,) = segments(items(data), Part.ANNOTATION)
    assert (field.text, field.detail) == ("33021119800101001X", "form field applicant.id")


def test_text_in_a_layer_switched_off_is_hidden():
    content = (
        b"BT /F1 12 Tf 72 700 Td (Visible) Tj ET "
        b"/OC /MC0 BDC BT /F1 12 Tf 72 650 Td (Layer secret) Tj ET EMC"
    )
    stream = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R"
            b" /OCProperties << /OCGs [6 0 R] /D << /OFF [6 0 R] >> >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> /Properties << /MC0 6 0 R >> >> >>",
            stream,
            LATIN_FONT,
            b"<< /Type /OCG /Name (Draft) >>",
        ]
    )
    found = items(data)
    assert segments(found, Part.BODY)[0].text == "Visible"
    (layer,) = observed(found, "hidden-layer")
    assert layer.value == "Layer secret"


def test_invisible_ocr_layer_over_a_scan_is_body_text():
    import io

    from PIL import Image
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1)
    c.drawInlineImage(Image.new("L", (32, 32), 200), 50, 500, width=400, height=200)
    text = c.beginText(72, 600)
    text.setFont("STSong-Light", 14)
    text.setTextRenderMode(3)  # what OCR software writes over the scanned image
    text.textOut("扫描件上的识别文字")
    c.drawText(text)
    c.showPage()
    c.save()
    found = items(buffer.getvalue())
    assert segments(found, Part.BODY)[0].text == "扫描件上的识别文字"
    assert not observed(found, "invisible-text")
    assert not observed(found, "scanned-page")
