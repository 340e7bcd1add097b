"""The real documents of ../shared/corpus/real: each opens (or fails cleanly) and yields what
its SOURCES.md line promises. Skipped where ../shared is absent (a fresh clone)."""

from __future__ import annotations

from pathlib import Path

import pytest

from secscan.errors import ExtractError
from secscan.extract import decide_format, extract
from secscan.extract.limits import Limits
from secscan.model import Format, Observation, Part, Segment
from tests.conftest import REAL

FORMATS = {"docx": Format.DOCX, "pdf": Format.PDF, "html": Format.HTML}
NAMES = sorted(
    f"{folder}/{p.name}"
    for folder in FORMATS
    if (REAL / folder).is_dir()
    for p in (REAL / folder).iterdir()
) or ["-"]

# SOURCES.md: password-protected or truncated on purpose -> a clean ExtractError
FAILS = {
    "docx/poi__bug53475-password-is-pass.docx": "encrypted",
    "docx/tika__testWORD_protected_passtika.docx": "encrypted",
    "docx/poi__truncated62886.docx": "corrupt",
    "pdf/pdfminer__rc4-40.pdf": "encrypted",
    "pdf/pdfminer__aes-128.pdf": "encrypted",
    "pdf/pdfminer__aes-256-r6.pdf": "encrypted",
    "pdf/pypdf__r2-user-password.pdf": "encrypted",
}
# GBK bytes through a Latin font without ToUnicode: pdfminer yields mojibake -> unreadable
UNREADABLE = {"pdf/pdfjs__XiaoBiaoSong.pdf", "pdf/pdfjs__SimFang-variant.pdf"}
# Microsoft IRM: the real content is an attached, encrypted PDF -> the attachment is unreadable
UNREADABLE.add("pdf/tika__testMicrosoftIRMServices.pdf")

Found = list[Segment | Observation]


def read(real: Path, name: str) -> Found:
    data = (real / name).read_bytes()
    fmt, _ = decide_format(data, name)
    limits = Limits()
    return list(extract(data, fmt, limits, limits.deadline()))


def text(found: Found, *parts: Part) -> str:
    return "\n".join(
        i.text for i in found if isinstance(i, Segment) and (not parts or i.part in parts)
    )


def kinds(found: Found) -> dict[str, list[Observation]]:
    out: dict[str, list[Observation]] = {}
    for i in found:
        if isinstance(i, Observation):
            out.setdefault(i.kind, []).append(i)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_every_file_opens_or_fails_cleanly(real_corpus, name):
    if name == "-":
        pytest.skip("corpus is empty")
    fmt, _ = decide_format((real_corpus / name).read_bytes(), name)
    assert fmt is FORMATS[name.split("/")[0]]
    if name in FAILS:
        with pytest.raises(ExtractError) as err:
            read(real_corpus, name)
        assert err.value.key == FAILS[name]
        return
    found = read(real_corpus, name)
    unreadable = "unreadable" in kinds(found)
    assert unreadable == (name in UNREADABLE)
    if name not in ("docx/mammoth__empty.docx",):
        assert found, "nothing extracted"


@pytest.mark.parametrize(
    ("name", "part", "needle"),
    [
        ("docx/copilothelp__master_template.docx", Part.HEADER, "机密★5年"),
        ("docx/copilothelp__master_template.docx", Part.BODY, "密级：秘密"),
        ("docx/docx2python__libreoffice_conversion.docx", Part.BODY, "东阳市"),
        (
            "docx/docx2python__libreoffice_conversion.docx",
            Part.METADATA,
            "东阳市八家单位信息网络安全",
        ),
        ("docx/tika__testWORD_features.docx", Part.HIDDEN, "This is hidden text."),
        ("docx/tika__testWORD_emptyParaInTextbox.docx", Part.HIDDEN, "Pedagogická"),
        ("docx/poi__delins.docx", Part.REVISION, ""),
        ("docx/pandoc__track_changes_deletion.docx", Part.REVISION, ""),
        ("docx/mammoth__footnotes.docx", Part.NOTE, ""),
        ("docx/mammoth__endnotes.docx", Part.NOTE, ""),
        ("docx/pythondocx__hdr-header-footer.docx", Part.FOOTER, ""),
        ("docx/mammoth__strict-format.docx", Part.BODY, ""),
        ("docx/pandoc__instrText_hyperlink.docx", Part.ATTRIBUTE, "HYPERLINK"),
        ("docx/poi__stress009.docx", Part.BODY, "固态硬盘"),
        ("docx/mineru__docx_01.docx", Part.HEADER, ""),
        ("pdf/pdfjs__issue14438.pdf", Part.ANNOTATION, "这是一个注解。"),
        ("pdf/pdfjs__issue14438.pdf", Part.ANNOTATION, "多边形批注"),
        ("pdf/pdfjs__issue8372.pdf", Part.BODY, "目录"),
        ("pdf/pdfjs__issue2128r.pdf", Part.BODY, "李新录"),
        ("pdf/pdfjs__issue3521.pdf", Part.BODY, "黑体"),
        ("pdf/pdfminer__issue_566_test_1.pdf", Part.BODY, "黎荣"),
        ("pdf/pdfminer__issue_566_test_2.pdf", Part.BODY, "中国饮料有限公司"),
        ("pdf/copilothelp__master_template.pdf", Part.BODY, "机密★5"),
        ("pdf/copilothelp__test.pdf", Part.METADATA, "甘审办发〔2011〕号"),
        ("pdf/pypdf__issue-914-xmp-data.pdf", Part.BODY, "商品名称"),
        ("pdf/pdfjs__issue19360.pdf", Part.BODY, "坚持社会主义核心价值体系"),
        ("pdf/pdfjs__empty_protected.pdf", Part.METADATA, ""),
        ("pdf/pypdf__r4-owner-password.pdf", Part.BODY, "asdfzxcv"),
        (
            "pdf/tika__testPDF_no_extract_no_accessibility_owner_empty.pdf",
            Part.BODY,
            "Hello World",
        ),
        ("pdf/tika__testPopupAnnotation.pdf", Part.ANNOTATION, ""),
        ("pdf/pypdf__attachment.pdf", Part.BODY, "A PDF with a JPEG image"),
        ("pdf/pdfjs__annotation-freetext.pdf", Part.ANNOTATION, "FreeText"),
        ("html/trafilatura__archive.org.he.xinhuanet.com.25340717.html", Part.BODY, "约定无期限"),
        ("html/jsoup__meta-charset-1.html", Part.BODY, "新"),
        ("html/jsoup__meta-charset-2.html", Part.BODY, "新"),
        ("html/chardet-GB2312___mozilla_bug171813_text.html", Part.BODY, "搜狐"),
        (
            "html/chardet-GB2312___chromium_gb18030_with_no_encoding_specified.html.xml",
            Part.BODY,
            "中国航天科技集团公司",
        ),
        (
            "html/chardet-Big5___chromium_Big5_with_no_encoding_specified.html",
            Part.BODY,
            "台北看守所",
        ),
        ("html/gne-people__1.html", Part.BODY, "人民网"),
        ("html/gne-hexun__1.html", Part.BODY, "交通运输部"),
        ("html/gne-shanxi__1.html", Part.BODY, "山西省人民政府"),
        ("html/gne-sxmu__1.html", Part.BODY, "0351-3985088"),
        ("html/gne-cmse__1.html", Part.COMMENT, "cmse.gov.cn"),
        ("html/platform1__ge_policy_raw-20190217_id2.html", Part.BODY, "国办发〔2018〕123号"),
    ],
)
def test_promised_text_is_found(real_corpus, name, part, needle):
    found = text(read(real_corpus, name), part)
    assert found.strip(), f"no {part} text"
    assert needle in found


def test_text_box_stored_twice_is_read_once(real_corpus):
    found = read(real_corpus, "docx/mammoth__text-box.docx")
    assert text(found).count("Datum plane") == 1


@pytest.mark.parametrize(
    ("name", "kind", "value"),
    [
        ("docx/copilothelp__master_template.docx", "author", "赵阳"),
        ("docx/copilothelp__master_template.docx", "classification-label", "SECRET"),
        ("docx/docx2python__libreoffice_conversion.docx", "author", "Administrator"),
        ("docx/docx2python__list_index_a.docx", "classification-label", "Official (Open)"),
        ("docx/docx2python__list_index_a.docx", "company", "WOG ICT"),
        ("docx/tika__testWORD_features.docx", "author", "Kyle Reese"),
        ("docx/copilothelp__test.docx", "template-path", "file:///D:\\OT-Security\\project"),
        ("docx/tika__testWORD_features.docx", "comments", ""),
        ("docx/tika__testWORD_features.docx", "revisions", ""),
        ("docx/tika__testWORD_features.docx", "hidden-text", ""),
        ("docx/poi__delins.docx", "author", "pavel"),
        ("docx/docx2python__example.docx", "image", "word/media/image1.png"),
        ("pdf/pypdf__issue-914-xmp-data.pdf", "author", "微软用户"),
        ("pdf/pypdf__issue-914-xmp-data.pdf", "company", "微软中国"),
        ("pdf/pypdf__attachment.pdf", "attachment", ""),
        ("pdf/tika__testPDFFileEmbInAnnotation.pdf", "attachment", "Excel.xlsx"),
        ("pdf/tika__testMicrosoftIRMServices.pdf", "classification-label", "Confidential"),
        ("pdf/pdfminer__issue-1082-annotations.pdf", "annotation", ""),
        ("pdf/pypdf__r4-owner-password.pdf", "encrypted", ""),
        ("html/gne-shanxi__1.html", "hidden-element", ""),
        ("html/gne-shanxi__1.html", "html-comment", ""),
        ("html/gne-other__1.html", "author", "马娟"),
    ],
)
def test_promised_observations(real_corpus, name, kind, value):
    observed = kinds(read(real_corpus, name)).get(kind, [])
    assert observed, f"no {kind}"
    assert any(value in o.value for o in observed)


def test_counts_match_sources(real_corpus):
    assert (
        kinds(read(real_corpus, "docx/docx2python__test_file_with_comments.docx"))["comments"][
            0
        ].count
        == 12
    )
    assert kinds(read(real_corpus, "docx/poi__delins.docx"))["revisions"][0].count == 36
    embedded = kinds(read(real_corpus, "docx/poi__WordWithAttachments.docx"))["embedded"]
    assert len(embedded) == 5
