"""Render a planned document as txt, md, html (UTF-8 or GB18030), docx or pdf bytes.

docx and pdf come from the builders the extractor tests use (tests/builders.py: python-docx +
lxml, reportlab with its built-in STSong-Light CID font), so the corpus exercises the same
structures: header and footer parts, comments, tracked deletions, hidden runs, text boxes, PDF
annotations and text under a drawn black box.
"""

from __future__ import annotations

from bench.corpus.plan import EDITOR, REVIEWER, Doc

# --- rendering --------------------------------------------------------------------------------


def lines_of(doc: Doc) -> list[str]:
    """The document as paragraphs in reading order (tables rendered by each format)."""
    head = [*doc.top, doc.title]
    if doc.title_suffix:
        head.append(doc.title_suffix)
    return [*head, doc.opening, *doc.paras]


def tail_of(doc: Doc) -> list[str]:
    return [*doc.end, doc.signature, "2026年1月12日"]


def render_txt(doc: Doc) -> bytes:
    rows = ["\t".join(r) for r in doc.table]
    return "\n".join([*lines_of(doc), *rows, *tail_of(doc)]).encode("utf-8") + b"\n"


def render_md(doc: Doc) -> bytes:
    out = [*doc.top, f"# {doc.title}"]
    if doc.title_suffix:
        out.append(doc.title_suffix)
    out += [doc.opening, *doc.paras]
    if doc.table:
        out.append(
            "\n".join(
                ["| " + " | ".join(doc.table[0]) + " |", "|" + "---|" * len(doc.table[0])]
                + ["| " + " | ".join(r) + " |" for r in doc.table[1:]]
            )
        )
    out += tail_of(doc)
    return ("\n\n".join(out) + "\n").encode("utf-8")


def render_html(doc: Doc) -> bytes:
    from html import escape

    enc = doc.encoding or "utf-8"
    body = [f"<p>{escape(t)}</p>".replace("\n", "<br>\n") for t in doc.top]
    body.append(f"<h1>{escape(doc.title)}</h1>")
    if doc.title_suffix:
        body.append(f'<p class="sub">{escape(doc.title_suffix)}</p>')
    body += [f"<p>{escape(t)}</p>" for t in (doc.opening, *doc.paras)]
    for text in doc.extra.get("attribute", []):
        if doc.items and any(
            i.category == "internal-address" and i.text == text.replace("\n", "")
            for i in doc.items
            if i.part == "attribute"
        ):
            body.append(f'<p><a href="{escape(_url_of(text))}">附件下载</a></p>')
        else:
            body.append(f'<p><a href="/xxgk/fj.html" title="{escape(text)}">附件</a></p>')
    for text in doc.extra.get("hidden", []):
        body.append(f'<div style="display:none">{escape(text)}</div>')
    for text in doc.extra.get("comment", []):
        body.append(f"<!-- {escape(text)} -->")
    if doc.table:
        cells = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in doc.table
        )
        body.append(f"<table>{cells}</table>")
    body += [f"<p>{escape(t)}</p>" for t in tail_of(doc)]
    page = (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="{enc}">'
        f"<title>{escape(doc.title)}</title></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
    return page.encode(enc)


def _url_of(sentence: str) -> str:
    """The address an intranet-link plant names, as an href (its sentence without the label)."""
    for token in sentence.replace("：", " ").replace("，", " ").split():
        if "." in token or "\\" in token:
            return token.rstrip("。")
    return sentence


def render_docx(doc: Doc) -> bytes:
    from xml.sax.saxutils import escape

    from tests.builders import deleted, make_docx, para, run, text_box

    split = {"".join(r) for r in doc.split_runs}
    paragraphs, body_xml = [], []
    for text in lines_of(doc):
        if text.replace("\n", "") in split:
            runs = next(r for r in doc.split_runs if "".join(r) == text.replace("\n", ""))
            body_xml.append(para(*(run(escape(r)) for r in runs)))
        else:
            paragraphs.append(text.replace("\n", ""))
    paragraphs += tail_of(doc)
    for text in doc.extra.get("revision", []):
        body_xml.append(para(run("经研究，"), deleted(escape(text), EDITOR), run("现予印发。")))
    for text in doc.extra.get("hidden", []):
        body_xml.append(para(run("附件：无。"), run(escape(text), hidden=True)))
    for text in doc.extra.get("textbox", []):
        body_xml.append(para(text_box(escape(text))))
    comment = doc.extra.get("comment", [None])[0]
    return make_docx(
        paragraphs,
        header=(doc.extra.get("header") or ["海州市人民政府办公室"])[0],
        footer=(doc.extra.get("footer") or ["第 1 页"])[0],
        table=doc.table or None,
        comment=(comment, REVIEWER) if comment else None,
        body_xml=body_xml,
    )


PDF_WIDTH = 30  # characters a line at 14 pt on A4 between 72 pt margins
PDF_LINES = 28  # lines a page


def render_pdf(doc: Doc) -> bytes:
    from tests.builders import make_pdf

    keep = [i.text for i in doc.items if i.text and i.part == "body"]
    lines: list[str] = []
    for text in [*lines_of(doc), *("  ".join(r) for r in doc.table), *tail_of(doc)]:
        for piece in text.split("\n"):
            lines += wrap(piece, PDF_WIDTH, keep)
    pages = [lines[i : i + PDF_LINES] for i in range(0, len(lines), PDF_LINES)]
    return make_pdf(
        pages,
        redact=(doc.extra.get("redact") or [None])[0],
        annotation=(doc.extra.get("annotation") or [None])[0],
    )


def wrap(text: str, width: int, keep: list[str]) -> list[str]:
    """Break `text` into lines of `width`, never inside one of the `keep` strings."""
    out: list[str] = []
    while len(text) > width:
        cut = width
        for k in keep:
            at = text.find(k.replace("\n", ""))
            if at != -1 and at < cut < at + len(k):
                cut = at if at > 0 else at + len(k)
        out.append(text[:cut])
        text = text[cut:]
    return [*out, text] if text else out


RENDER = {
    "txt": render_txt,
    "md": render_md,
    "html": render_html,
    "docx": render_docx,
    "pdf": render_pdf,
}
