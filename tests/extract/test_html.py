"""html extractor on literal pages: encodings, visible text with lines, and every hidden place."""

from __future__ import annotations

import pytest

from secscan.errors import ExtractError
from secscan.extract import html
from secscan.extract.limits import Limits
from secscan.model import Observation, Part, Segment


def items(data: bytes | str, limits: Limits | None = None) -> list[Segment | Observation]:
    limits = limits or Limits()
    raw = data.encode() if isinstance(data, str) else data
    return list(html.extract(raw, limits, limits.deadline()))


def joined(found: list[Segment | Observation], part: Part) -> str:
    return "\n".join(i.text for i in found if isinstance(i, Segment) and i.part is part)


def observed(found: list[Segment | Observation], kind: str) -> Observation:
    return next(i for i in found if isinstance(i, Observation) and i.kind == kind)


def line_of(segment: Segment, needle: str) -> tuple[int, int]:
    """Map an offset through the anchors the way the engine does."""
    offset = segment.text.index(needle)
    anchor = max((a for a in segment.anchors if a.offset <= offset), key=lambda a: a.offset)
    before = segment.text[anchor.offset : offset]
    if "\n" in before:
        return anchor.line + before.count("\n"), len(before) - before.rfind("\n")
    return anchor.line, anchor.column + len(before)


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>通知</title>
<meta name="author" content="张三"></head>
<body>
<p>关于召开
<span>秘</span><span>密</span>会议的通知</p>
<div style="display: none">隐藏的内部资料</div>
<div hidden>另一个隐藏块</div>
<p style="VISIBILITY:hidden">看不见的段落</p>
<input type="hidden" name="token" value="33021119800101001X">
<!-- 审核意见：此稿涉密，勿发 -->
<a href="http://192.168.1.20/oa/" title="内网办公">办公系统</a>
<img src="file://server/share/a.png" alt="截图" data-owner="李四">
<script>var api = "http://oa.intranet/api"; var n = 'x';</script>
<noscript>请启用脚本</noscript>
<p>最后一段</p>
</body></html>
"""


def test_visible_text_joins_inline_elements_and_keeps_source_lines():
    found = items(PAGE)
    body = next(i for i in found if isinstance(i, Segment) and i.part is Part.BODY)
    assert "秘密会议的通知" in body.text.replace("\n", "")
    assert line_of(body, "最后一段") == (16, 4)
    assert line_of(body, "关于召开") == (5, 4)
    for hidden in ("隐藏的内部资料", "另一个隐藏块", "看不见的段落", "审核意见", "请启用脚本"):
        assert hidden not in body.text


def test_hidden_elements_are_hidden_parts_with_a_presence_observation():
    found = items(PAGE)
    hidden = joined(found, Part.HIDDEN)
    for text in ("隐藏的内部资料", "另一个隐藏块", "看不见的段落", "33021119800101001X"):
        assert text in hidden
    presence = observed(found, "hidden-element")
    assert presence.count == 4
    assert presence.location.line == 7
    assert presence.detail == "style display: none"


def test_comments_are_their_own_part_with_line():
    found = items(PAGE)
    comment = next(i for i in found if isinstance(i, Segment) and i.part is Part.COMMENT)
    assert "此稿涉密" in comment.text
    assert comment.location.line == 11
    assert observed(found, "html-comment").count == 1


def test_attributes_link_targets_and_data_are_attribute_parts():
    found = items(PAGE)
    attributes = next(i for i in found if isinstance(i, Segment) and i.part is Part.ATTRIBUTE)
    for value in (
        "http://192.168.1.20/oa/",
        "内网办公",
        "file://server/share/a.png",
        "截图",
        "李四",
    ):
        assert value in attributes.text
    assert line_of(attributes, "http://192.168.1.20/oa/") == (12, 10)


def test_meta_title_script_strings_and_noscript():
    found = items(PAGE)
    meta = {i.detail: i.text for i in found if isinstance(i, Segment) and i.part is Part.METADATA}
    assert meta == {"title": "通知", "meta author": "张三"}
    assert observed(found, "author").value == "张三"
    hidden = {i.detail: i.text for i in found if isinstance(i, Segment) and i.part is Part.HIDDEN}
    assert "http://oa.intranet/api" in hidden["script string"]
    assert hidden["noscript"].strip() == "请启用脚本"


def test_entities_are_decoded():
    found = items("<p>&#31192;&#23494;&amp;内部&nbsp;资料</p>")
    assert "秘密&内部\xa0资料" in joined(found, Part.BODY)


@pytest.mark.parametrize(
    "page",
    [
        b'<html><head><meta charset="gb2312"></head><body>\xc4\xda\xb2\xbf\xd7\xca\xc1\xcf</body>',
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK">'
        b"</head><body>\xc4\xda\xb2\xbf\xd7\xca\xc1\xcf</body>",
        b"\xef\xbb\xbf<p>\xe5\x86\x85\xe9\x83\xa8\xe8\xb5\x84\xe6\x96\x99</p>",
        b'<meta charset="gb2312"><p>\xe5\x86\x85\xe9\x83\xa8\xe8\xb5\x84\xe6\x96\x99</p>',
    ],
    ids=["meta-charset-gb2312", "http-equiv-gbk", "utf8-bom", "declares-gb2312-but-utf8"],
)
def test_encodings(page):
    assert "内部资料" in joined(items(page), Part.BODY)


def test_gbk_only_characters_decode_through_gb18030():
    # 镕 is outside GB2312; pages that declare gb2312 still use it (朱镕基).
    page = b'<meta charset="gb2312"><p>' + "朱镕基".encode("gbk") + b"</p>"
    assert "朱镕基" in joined(items(page), Part.BODY)


def test_undecodable_bytes_are_an_error_not_a_crash():
    with pytest.raises(ExtractError) as err:
        items(b'<meta charset="utf-16"><p>\xff</p>' + b"\xd8\x00" * 3)
    assert err.value.key == "undecodable"


def test_unclosed_paragraphs_do_not_count_as_nesting():
    page = "<body>" + "<p>一段" * 5000 + "</body>"
    assert joined(items(page, Limits(max_html_depth=50)), Part.BODY).count("一段") == 5000


def test_stray_end_tags_and_unclosed_hidden_block():
    found = items('</div></span><p>正文</p><div style="display:none">未闭合的隐藏')
    assert joined(found, Part.BODY).strip() == "正文"
    assert "未闭合的隐藏" in joined(found, Part.HIDDEN)


def test_tag_without_closing_bracket_does_not_hang():
    page = "<p>正文</p><a " + "b" * 200_000
    assert "正文" in joined(items(page), Part.BODY)


def test_refresh_targets_and_object_data_are_read():
    page = (
        '<meta http-equiv="refresh" content="0; url=http://10.1.2.3/oa/">'
        '<object data="file:///C:/内部/汇编.pdf"></object>'
    )
    found = items(page)
    meta = {i.detail: i.text for i in found if isinstance(i, Segment) and i.part is Part.METADATA}
    assert meta["meta refresh"] == "0; url=http://10.1.2.3/oa/"
    assert "file:///C:/内部/汇编.pdf" in joined(found, Part.ATTRIBUTE)


def test_mark_split_by_br_and_a_source_line_break_stays_one_mark(scanner):
    page = "<html><body><p>秘<br>\n   密★5年</p></body></html>".encode()
    found = [f for f in scanner.scan_bytes(page, "a.html").findings if f.rule_id == "mark-secret-star"]
    assert [(f.location.line, f.location.column) for f in found] == [(1, 16)]
