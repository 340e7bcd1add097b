"""Hostile and broken files: each limit of `Limits`, each with the file that trips it."""

from __future__ import annotations

import time

import pytest

from secscan.errors import ExtractError
from secscan.extract import decide_format, extract, xmlsafe
from secscan.extract.limits import Deadline, Limits
from secscan.model import Format
from tests.builders import (
    BILLION_LAUGHS,
    docx_with_xml,
    external_entity,
    make_docx,
    make_pdf,
    many_members,
    zip_bomb,
    zip_of,
)


def run(data: bytes, fmt: Format, limits: Limits | None = None, deadline: Deadline | None = None):
    limits = limits or Limits()
    return list(extract(data, fmt, limits, deadline or limits.deadline()))


def error_key(data: bytes, fmt: Format, limits: Limits | None = None, **kw) -> str:
    with pytest.raises(ExtractError) as err:
        run(data, fmt, limits, **kw)
    return err.value.key


def test_zip_bomb_ratio_is_refused_before_inflating():
    bomb = zip_bomb(8 * 1024 * 1024)
    assert len(bomb) < 64 * 1024
    started = time.perf_counter()
    assert error_key(bomb, Format.DOCX) == "limit_zip_ratio"
    assert time.perf_counter() - started < 0.5  # the directory said so; nothing was inflated


def test_zip_total_uncompressed_size():
    # Stored (uncompressed) members: no ratio to object to, only the total.
    members = {
        "word/document.xml": b"<w:document/>",
        **{f"m{i}": b"x" * 400_000 for i in range(4)},
    }
    data = zip_of(members, stored=True)
    assert (
        error_key(data, Format.DOCX, Limits(max_zip_uncompressed=1_000_000)) == "limit_zip_total"
    )


def test_too_many_zip_members():
    assert (
        error_key(many_members(60), Format.DOCX, Limits(max_zip_members=50)) == "limit_zip_members"
    )


def test_default_member_limit_holds_against_a_real_count():
    assert error_key(many_members(5001), Format.DOCX) == "limit_zip_members"


def test_one_part_over_the_xml_size_cap():
    data = make_docx(["正文" * 2000])
    assert error_key(data, Format.DOCX, Limits(max_xml_bytes=4000)) == "limit_part_size"


def test_billion_laughs_is_refused():
    assert error_key(docx_with_xml(BILLION_LAUGHS), Format.DOCX) == "xml_dtd"


def test_external_entity_is_refused_and_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("不该被读到的内容")
    assert error_key(docx_with_xml(external_entity(str(secret))), Format.DOCX) == "xml_dtd"


def test_parser_itself_neither_expands_nor_fetches(tmp_path, monkeypatch):
    # Defence in depth: even with the DOCTYPE screen switched off, the parser resolves nothing.
    secret = tmp_path / "secret.txt"
    secret.write_text("不该被读到的内容")
    monkeypatch.setattr(xmlsafe, "_DOCTYPE_MARKERS", ())
    # The external entity parses unresolved, then the DOCTYPE check refuses the tree.
    with pytest.raises(ExtractError) as err:
        xmlsafe.parse(external_entity(str(secret)).encode(), "word/document.xml")
    assert err.value.key == "xml_dtd"
    # libxml2 stops the expansion itself (its amplification guard): a parse error, no blow-up.
    with pytest.raises(ExtractError) as err:
        xmlsafe.parse(BILLION_LAUGHS.encode(), "word/document.xml")
    assert err.value.key == "corrupt"


def test_deeply_nested_html():
    page = b"<html><body>" + b"<div>" * 5000 + "深处".encode() + b"</div>" * 5000
    assert error_key(page, Format.HTML) == "limit_html_depth"
    assert error_key(b"<b>" * 300, Format.HTML, Limits(max_html_depth=100)) == "limit_html_depth"


def test_huge_file():
    assert error_key(b"x" * 2000, Format.TEXT, Limits(max_file_bytes=1000)) == "limit_file_size"


@pytest.mark.parametrize(
    ("fmt", "data"),
    [
        (Format.DOCX, lambda: make_docx(["正文"])),
        (Format.PDF, lambda: make_pdf([["正文"]])),
        (Format.HTML, lambda: ("<p>正文</p>" * 20_000).encode()),
    ],
    ids=["docx", "pdf", "html"],
)
def test_time_per_file(fmt, data):
    expired = Deadline(seconds=0.0, started=time.monotonic() - 1)
    assert error_key(data(), fmt, deadline=expired) == "limit_time"


def test_truncated_docx_and_pdf():
    docx = make_docx(["正文"] * 200)
    assert error_key(docx[: len(docx) // 3], Format.DOCX) == "corrupt"
    pdf = make_pdf([["正文"]] * 3)
    assert error_key(pdf[: len(pdf) // 2], Format.PDF) == "corrupt"


def test_text_named_docx_is_read_as_text():
    data = "会议纪要：这是纯文本。".encode()
    assert decide_format(data, "纪要.docx") == (Format.TEXT, Format.DOCX)
    assert error_key(data, Format.DOCX) == "not_zip"


def test_random_bytes_named_pdf_are_not_a_pdf():
    data = bytes((i * 7919 + 13) % 256 for i in range(4096))
    assert decide_format(data, "报告.pdf")[1] is Format.PDF
    assert error_key(data, Format.PDF) == "not_pdf"


def test_empty_file_is_text_and_yields_nothing():
    fmt, claimed = decide_format(b"", "空.docx")
    assert (fmt, claimed) == (Format.TEXT, Format.DOCX)
    assert run(b"", fmt) == []
