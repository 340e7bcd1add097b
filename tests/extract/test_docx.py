"""docx extractor on generated files: every part, with its part name, location and detail."""

from __future__ import annotations

import pytest

from secscan.errors import ExtractError
from secscan.extract import docx
from secscan.extract.limits import Limits
from secscan.model import Observation, Part, Segment
from tests.builders import (
    deleted,
    docx_with_xml,
    inserted,
    make_docx,
    para,
    rezip,
    run,
    text_box,
)


def items(data: bytes, limits: Limits | None = None) -> list[Segment | Observation]:
    limits = limits or Limits()
    return list(docx.extract(data, limits, limits.deadline()))


def texts(found: list[Segment | Observation], part: Part) -> list[str]:
    return [i.text for i in found if isinstance(i, Segment) and i.part is part]


def kinds(found: list[Segment | Observation]) -> dict[str, Observation]:
    return {i.kind: i for i in found if isinstance(i, Observation)}


def test_body_paragraphs_come_in_order_with_their_numbers():
    found = items(make_docx(["第一段。", "第二段。"]))
    body = [i for i in found if isinstance(i, Segment) and i.part is Part.BODY]
    assert [s.text for s in body] == ["第一段。", "第二段。"]
    assert [s.location.paragraph for s in body] == [1, 2]


def test_mark_split_over_runs_is_one_text():
    data = make_docx([], body_xml=[para(run("此件"), run("秘"), run("密★1年"))])
    assert "此件秘密★1年" in texts(items(data), Part.BODY)


def test_table_cells_are_read_with_table_row_and_cell():
    data = make_docx(["表前。"], table=[["姓名", "电话"], ["张三", "13800000000"]])
    cell = next(i for i in items(data) if isinstance(i, Segment) and i.text == "13800000000")
    assert cell.part is Part.BODY
    assert cell.detail == "table 1, row 2, cell 2"


def test_nested_table_text_is_read():
    inner = "<w:tbl><w:tr><w:tc>" + para(run("内层单元格")) + "</w:tc></w:tr></w:tbl>"
    outer = "<w:tbl><w:tr><w:tc>" + para(run("外层")) + inner + "</w:tc></w:tr></w:tbl>"
    found = texts(items(make_docx([], body_xml=[outer])), Part.BODY)
    assert "外层" in found
    assert "内层单元格" in found


def test_text_box_is_read_once_not_again_from_its_vml_fallback():
    data = make_docx([], body_xml=[para(run("正文"), text_box("文本框里的内部资料"))])
    found = items(data)
    boxes = [i for i in found if isinstance(i, Segment) and "文本框里的内部资料" in i.text]
    assert len(boxes) == 1
    assert boxes[0].detail == "text box"


def test_header_and_footer_have_their_parts_and_member_name():
    found = items(make_docx(["正文"], header="机密★5年", footer="第 1 页"))
    header = next(i for i in found if isinstance(i, Segment) and i.part is Part.HEADER)
    assert header.text == "机密★5年"
    assert header.detail is not None
    assert header.detail.startswith("word/header")
    assert texts(found, Part.FOOTER) == ["第 1 页"]


def test_comment_text_author_and_presence():
    found = items(make_docx(["正文"], comment=("此处涉及内部资料", "王五")))
    comment = next(i for i in found if isinstance(i, Segment) and i.part is Part.COMMENT)
    assert comment.text == "此处涉及内部资料"
    assert comment.detail == "comment"  # names never ride in a detail: see the observation
    assert kinds(found)["comments"].count == 1
    authors = [i for i in found if isinstance(i, Observation) and i.kind == "author"]
    assert any(a.value == "王五" and a.detail == "comment author" for a in authors)


def test_tracked_deletion_is_a_revision_and_not_body():
    data = make_docx([], body_xml=[para(run("会议定于"), deleted("秘密★1年"), run("召开。"))])
    found = items(data)
    assert texts(found, Part.BODY) == ["会议定于召开。"]
    revision = next(i for i in found if isinstance(i, Segment) and i.part is Part.REVISION)
    assert revision.text == "秘密★1年"
    assert revision.detail == "deleted"
    authors = [i for i in found if isinstance(i, Observation) and i.kind == "author"]
    assert [(a.value, a.detail) for a in authors] == [("李四", "revision author")]
    assert kinds(found)["revisions"].count == 1


def test_tracked_insertion_and_moves_are_revisions():
    moved = (
        '<w:moveFrom w:id="7" w:author="赵六"><w:r><w:t>挪走的话</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="8" w:author="赵六"><w:r><w:t>挪来的话</w:t></w:r></w:moveTo>'
    )
    data = make_docx([], body_xml=[para(run("甲"), inserted("新增内容")), para(moved)])
    found = items(data)
    details = {
        i.text: i.detail for i in found if isinstance(i, Segment) and i.part is Part.REVISION
    }
    assert details == {
        "新增内容": "inserted",
        "挪走的话": "deleted",
        "挪来的话": "inserted",
    }
    assert kinds(found)["revisions"].count == 3


def test_hidden_run_is_hidden_text_not_body():
    data = make_docx(
        [], body_xml=[para(run("身份证号："), run("33021119800101001X", hidden=True))]
    )
    found = items(data)
    assert texts(found, Part.BODY) == ["身份证号："]
    assert texts(found, Part.HIDDEN) == ["33021119800101001X"]
    assert kinds(found)["hidden-text"].count == 1


def test_white_text_on_the_page_is_hidden_but_not_in_a_table_cell():
    white = '<w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>白色的内部资料</w:t></w:r>'
    cell = (
        "<w:tbl><w:tr><w:tc>" + para(white.replace("内部资料", "表头")) + "</w:tc></w:tr></w:tbl>"
    )
    found = items(make_docx([], body_xml=[para(run("正文"), white), cell]))
    assert texts(found, Part.HIDDEN) == ["白色的内部资料"]
    assert "白色的表头" in texts(found, Part.BODY)


def test_spec_vanish_and_explicitly_unhidden_runs():
    spec = "<w:r><w:rPr><w:specVanish/></w:rPr><w:t>特殊隐藏</w:t></w:r>"
    shown = '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>取消隐藏</w:t></w:r>'
    found = items(make_docx([], body_xml=[para(spec, shown)]))
    assert texts(found, Part.HIDDEN) == ["特殊隐藏"]
    assert texts(found, Part.BODY) == ["取消隐藏"]


def test_field_result_is_body_and_link_field_code_is_an_attribute():
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://192.168.1.20/oa/" '
        "</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>办公系统</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    found = items(make_docx([], body_xml=[para(field)]))
    assert texts(found, Part.BODY) == ["办公系统"]
    assert any("http://192.168.1.20/oa/" in t for t in texts(found, Part.ATTRIBUTE))


def test_simple_field_link_code_is_an_attribute():
    simple = (
        '<w:fldSimple w:instr=" HYPERLINK &quot;file://oa-server/share/a.doc&quot; ">'
        "<w:r><w:t>附件</w:t></w:r></w:fldSimple>"
    )
    found = items(make_docx([], body_xml=[para(simple)]))
    assert texts(found, Part.BODY) == ["附件"]
    assert texts(found, Part.ATTRIBUTE) == ['HYPERLINK "file://oa-server/share/a.doc"']


def test_core_app_and_custom_properties():
    data = make_docx(
        ["正文"],
        author="张三",
        title="内部讨论稿",
        company="某某局办公室",
        template="C:\\Users\\zhangsan\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm",
        custom={"密级": "秘密", "KSOProductBuildVer": "2052-11.1.0.1234"},
    )
    found = items(data)
    meta = {i.detail: i.text for i in found if isinstance(i, Segment) and i.part is Part.METADATA}
    assert meta["creator"] == "张三"
    assert meta["title"] == "内部讨论稿"
    assert meta["Company"] == "某某局办公室"
    assert meta["custom: 密级"] == "秘密"
    observed = [(i.kind, i.value, i.detail) for i in found if isinstance(i, Observation)]
    assert ("author", "张三", "creator") in observed
    assert ("author", "张三", "lastModifiedBy") in observed
    assert ("company", "某某局办公室", "Company") in observed
    assert ("custom-property", "KSOProductBuildVer", "2052-11.1.0.1234") in observed
    assert ("classification-label", "秘密", "密级") in observed
    assert any(k == "template-path" and "zhangsan" in v for k, v, _ in observed)


def test_images_are_counted_and_other_embeddings_listed_unchecked():
    data = make_docx(
        ["正文"],
        members={
            "word/media/image1.png": b"\x89PNG",
            "word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0",
        },
    )
    found = kinds(items(data))
    assert found["image"].count == 1
    assert (found["embedded"].value, found["embedded"].detail) == (
        "word/embeddings/oleObject1.bin",
        "not checked",
    )


def test_embedded_docx_is_scanned_recursively_up_to_the_depth_limit():
    inner = make_docx(["嵌入文件里的机密★长期"])
    middle = make_docx(["中间层"], members={"word/embeddings/inner.docx": inner})
    outer = make_docx(["外层"], members={"word/embeddings/middle.docx": middle})
    found = items(outer)
    deep = next(i for i in found if isinstance(i, Segment) and "机密★长期" in i.text)
    assert deep.detail == "word/embeddings/middle.docx: word/embeddings/inner.docx"
    shallow = items(outer, Limits(max_embedded_depth=1))
    assert not any(isinstance(i, Segment) and "机密★长期" in i.text for i in shallow)
    unchecked = [i for i in shallow if isinstance(i, Observation) and i.kind == "embedded"]
    assert any(o.detail.endswith("not checked") for o in unchecked if o.detail)


def test_strict_ooxml_namespaces_are_read():
    strict = make_docx(["严格格式正文"])
    strict = rezip(
        strict,
        {
            "word/document.xml": lambda x: x.replace(
                b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                b"http://purl.oclc.org/ooxml/wordprocessingml/main",
            )
        },
    )
    assert "严格格式正文" in texts(items(strict), Part.BODY)


def test_pages_follow_word_rendered_page_breaks():
    broken = "<w:r><w:lastRenderedPageBreak/><w:t>第二页</w:t></w:r>"
    found = items(make_docx(["第一页"], body_xml=[para(broken)]))
    pages = {
        i.text: i.location.page for i in found if isinstance(i, Segment) and i.part is Part.BODY
    }
    assert pages == {"第一页": 1, "第二页": 2}


def test_footnote_separators_are_skipped_and_notes_read():
    notes = (
        f'<w:footnotes xmlns:w="{"http://schemas.openxmlformats.org/wordprocessingml/2006/main"}">'
        '<w:footnote w:type="separator" w:id="-1">'
        "<w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
        '<w:footnote w:id="1"><w:p><w:r><w:t>脚注：内部文件</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    data = docx_with_xml(
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>",
        {"word/footnotes.xml": notes},
    )
    note = next(i for i in items(data) if isinstance(i, Segment) and i.part is Part.NOTE)
    assert note.text == "脚注：内部文件"
    assert note.detail == "word/footnotes.xml; footnote 1"


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "not_zip"),
        ("这只是一段文字，却被命名为 docx。".encode(), "not_zip"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "encrypted",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "legacy_doc"),
    ],
    ids=["empty", "text-named-docx", "encrypted-ooxml", "legacy-doc"],
)
def test_files_that_are_not_docx_raise_a_clear_error(data, key):
    with pytest.raises(ExtractError) as err:
        items(data)
    assert err.value.key == key


def test_zip_without_document_xml_is_not_a_docx():
    from tests.builders import zip_of

    with pytest.raises(ExtractError) as err:
        items(zip_of({"xl/workbook.xml": b"<workbook/>"}))
    assert err.value.key == "not_docx"
    assert "word/document.xml" in err.value.render("zh")


def test_workbook_named_docx_is_not_a_docx():
    from tests.builders import zip_of

    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    workbook = zip_of({"_rels/.rels": rels.encode(), "xl/workbook.xml": b"<workbook/>"})
    with pytest.raises(ExtractError) as err:
        items(workbook)
    assert err.value.key == "not_docx"


def test_truncated_docx_is_corrupt():
    data = make_docx(["正文"] * 50)
    with pytest.raises(ExtractError) as err:
        items(data[: len(data) // 2])
    assert err.value.key == "corrupt"


def test_embedded_workbook_text_cells_are_read():
    from tests.builders import zip_of

    strings = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<si><t>姓名</t></si><si><t>身份证号</t></si><si><r><t>3302111980</t></r>"
        "<r><t>0101001X</t></r></si></sst>"
    )
    workbook = zip_of(
        {"xl/workbook.xml": b"<workbook/>", "xl/sharedStrings.xml": strings.encode()}
    )
    found = items(make_docx(["正文"], members={"word/embeddings/Book1.xlsx": workbook}))
    cells = next(i for i in found if isinstance(i, Segment) and "姓名" in i.text)
    assert cells.text == "姓名\n身份证号\n33021119800101001X"
    assert cells.detail == "word/embeddings/Book1.xlsx: shared strings"
    assert kinds(found)["embedded"].detail == "checked"


def test_broken_embedded_docx_makes_the_file_unreadable_but_keeps_the_rest():
    broken = docx_with_xml("<w:document><w:body>not well formed")
    found = items(make_docx(["外层正文"], members={"word/embeddings/inner.docx": broken}))
    assert "外层正文" in texts(found, Part.BODY)
    assert "word/embeddings/inner.docx" in (kinds(found)["unreadable"].detail or "")


def test_people_and_custom_xml_side_metadata():
    people = (
        '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        '<w15:person w15:author="王五"><w15:presenceInfo w15:providerId="AD" '
        'w15:userId="S::wangwu@oa.example.gov.cn::1234"/></w15:person></w15:people>'
    )
    item = "<p:properties><Owner>赵六</Owner><Url>http://oa.intranet/sites/x</Url></p:properties>"
    item = item.replace("<p:properties>", '<p:properties xmlns:p="urn:x">')
    data = make_docx(
        ["正文"],
        members={"word/people.xml": people.encode(), "customXml/item9.xml": item.encode()},
    )
    found = items(data)
    meta = {i.detail: i.text for i in found if isinstance(i, Segment) and i.part is Part.METADATA}
    assert "wangwu@oa.example.gov.cn" in meta["people"]
    assert meta["customXml/item9.xml"] == "赵六\nhttp://oa.intranet/sites/x"
    assert any(
        i.kind == "author" and i.value == "王五" for i in found if isinstance(i, Observation)
    )


def test_runs_in_a_hidden_character_style_are_hidden():
    style = (
        b'<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/>'
        b"<w:rPr><w:vanish/></w:rPr></w:style></w:styles>"
    )
    styled = '<w:r><w:rPr><w:rStyle w:val="Secret"/></w:rPr><w:t>样式隐藏的文字</w:t></w:r>'
    data = rezip(
        make_docx([], body_xml=[para(run("可见"), styled)]),
        {"word/styles.xml": lambda xml: xml.replace(b"</w:styles>", style)},
    )
    found = items(data)
    assert texts(found, Part.HIDDEN) == ["样式隐藏的文字"]
    assert texts(found, Part.BODY) == ["可见"]


def test_glossary_building_blocks_are_hidden_text():
    glossary = (
        '<w:glossaryDocument xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:docParts><w:docPart><w:docPartBody><w:p><w:r><w:t>旧稿：秘密★1年</w:t></w:r></w:p>"
        "</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>"
    )
    found = items(make_docx(["正文"], members={"word/glossary/document.xml": glossary.encode()}))
    hidden = next(i for i in found if isinstance(i, Segment) and i.part is Part.HIDDEN)
    assert (hidden.text, hidden.detail) == ("旧稿：秘密★1年", "word/glossary/document.xml")
