"""Write the docx, pdf and html drafts in samples/: three that leak and their clean twins.

    .venv/bin/python tools/make_samples.py            # (re)write samples/
    .venv/bin/python tools/make_samples.py --check    # exit 1 if samples/ differs from this script

The output is deterministic (fixed dates in the files and in the zip, reportlab's invariant mode),
so the committed files are exactly what this script writes. Each leaking draft carries what
really leaks from government drafts: the docx a reviewer's comment, a tracked deletion that still
holds a classification mark, a hidden ID number and the author's name; the pdf a "redaction"
that is only a black box drawn over the text, and a reviewer's note; the html page (GBK, as many
county sites still are) a hidden block and a link into the office intranet. The clean twin has
the same visible text and none of that. The builders live in tests/builders.py (python-docx,
lxml, reportlab: the dev dependencies).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.builders import deleted, make_docx, make_pdf, para, run  # noqa: E402

SAMPLES = ROOT / "samples"
FAKE_ID = "33021119800101001X"  # synthetic: valid check digit, no real person

TITLE = "关于开展2026年度政府信息公开保密审查工作的通知"
BODY = [
    "各乡镇人民政府、各街道办事处，区政府各部门：",
    "为做好2026年度政府信息公开工作，确保公开的信息准确、合法、不泄露个人隐私，"
    "现就开展保密审查工作通知如下。",
    "一、各单位应严格执行“先审查、后公开”和“一事一审”制度，未经审查的信息不得公开。",
    "二、审查中发现的问题应及时整改，并如实记入保密审查台账。",
    "联系人：区政府办公室信息公开科，电话：0574-87654321。",
]


def leaky_docx() -> bytes:
    return make_docx(
        [TITLE, *BODY],
        author="张三",
        comment=("第二段的数据来自内部通报，请核实后再定是否公开", "张三"),
        body_xml=[
            para(run("附件："), deleted("秘密★1年"), run("2026年保密审查工作安排")),
            para(run("经办人身份证号："), run(FAKE_ID, hidden=True)),
        ],
    )


def clean_docx() -> bytes:
    return make_docx([TITLE, *BODY], body_xml=[para(run("附件：2026年保密审查工作安排"))])


def leaky_pdf() -> bytes:
    return make_pdf(
        [[TITLE, *_wrap(BODY)]],
        redact=f"经办人身份证号：{FAKE_ID}",
        annotation="此处原为内部资料，删除前请勿对外",
    )


def clean_pdf() -> bytes:
    return make_pdf([[TITLE, *_wrap(BODY)]])


def _wrap(lines: list[str], width: int = 32) -> list[str]:
    out = []
    for line in lines:
        out.extend(line[i : i + width] for i in range(0, len(line), width))
    return out


PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}</title>
</head>
<body>
<div class="article">
<h1>{title}</h1>
{paragraphs}
{extra}</div>
</body>
</html>
"""

LEAK = """<div style="display:none">初稿：经办人 王五，身份证号 {id}，内部资料请勿外传</div>
<p>相关材料请登录<a href="http://192.168.1.20/oa/">办公系统</a>下载。</p>
"""


def html_page(leaky: bool) -> bytes:
    paragraphs = "\n".join(f"<p>{line}</p>" for line in BODY)
    extra = LEAK.format(id=FAKE_ID) if leaky else "<p>相关材料请到区政府门户网站下载。</p>\n"
    return PAGE.format(title=TITLE, paragraphs=paragraphs, extra=extra).encode("gbk")


FILES = {
    "leaky-notice.docx": leaky_docx,
    "clean-notice.docx": clean_docx,
    "leaky-notice.pdf": leaky_pdf,
    "clean-notice.pdf": clean_pdf,
    "leaky-page-gbk.html": lambda: html_page(leaky=True),
    "clean-page-gbk.html": lambda: html_page(leaky=False),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    SAMPLES.mkdir(exist_ok=True)
    stale = []
    for name, build in FILES.items():
        data = build()
        path = SAMPLES / name
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
            print(f"{path.relative_to(ROOT)}  {len(data):>6} bytes")
    if stale:
        print("samples/ is out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
