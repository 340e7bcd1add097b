"""Extraction speed against each format's bare library, in one run on the same generated files.

    .venv/bin/python bench/bench_extract.py [--pages 50] [--html-mb 2] [--repeat 7]

- docx: secscan's full extraction (every part: body, tables, headers, comments, revisions,
  properties) against python-docx's own paragraphs + tables text. Target: <= 1.0x.
- pdf: secscan's full scan (text, hidden-text checks, annotations, metadata) against bare
  pdfminer.six `extract_text`. Target: <= 1.3x.
- html: MB/s of decoded html end to end (bytes -> segments), UTF-8 and GBK input.
  Target: >= 15 MB/s (MB = 10^6 bytes of the page as UTF-8).

Medians of --repeat runs, the two sides interleaved so machine drift hits both alike
(reference/performance.md: this machine drifts up to 1.7x between runs; compare ratios).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_text import SENTENCES

from secscan.extract import docx as docx_extract
from secscan.extract import html as html_extract
from secscan.extract import pdf as pdf_extract
from secscan.extract.limits import Limits

CHARS_PER_PAGE = 500  # ~25,000 CJK characters in 50 pages, as in reference/performance.md


def prose(chars: int, offset: int = 0) -> list[str]:
    """Deterministic paragraphs of government prose, about `chars` characters in all."""
    out, total, i = [], 0, offset
    while total < chars:
        paragraph = "".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(3))
        out.append(paragraph)
        total += len(paragraph)
        i += 1
    return out


def make_docx(pages: int) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.author = "张三"
    document.sections[0].header.paragraphs[0].text = "某某市人民政府办公室"
    document.sections[0].footer.paragraphs[0].text = "第 1 页"
    for page in range(pages):
        document.add_heading(f"第{page + 1}部分", level=2)
        for paragraph in prose(CHARS_PER_PAGE - 60, page):
            document.add_paragraph(paragraph)
        if page % 5 == 0:
            table = document.add_table(rows=3, cols=3)
            for r in range(3):
                for c in range(3):
                    table.cell(r, c).text = f"{SENTENCES[(r + c) % len(SENTENCES)][:12]}"
    first = document.paragraphs[1]
    document.add_comment(first.runs, text="请核实数据来源", author="李四", initials="")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    c.setAuthor("张三")
    for page in range(pages):
        c.setFont("STSong-Light", 11)
        y = 800
        text = "".join(prose(CHARS_PER_PAGE, page))[:CHARS_PER_PAGE]
        for start in range(0, len(text), 38):
            c.drawString(60, y, text[start : start + 38])
            y -= 18
        c.showPage()
    c.save()
    return buffer.getvalue()


def make_html(megabytes: float) -> str:
    """A county-portal article page: navigation, article, tables, comments, hidden blocks."""
    nav = "".join(
        f'<li><a href="/col/col{i}/index.html" title="栏目{i}">栏目{i}</a></li>' for i in range(40)
    )
    head = (
        '<!DOCTYPE html><html><head><meta charset="{charset}"><title>通知公告</title>'
        '<meta name="author" content="区政府办公室"></head><body>'
        f'<div class="header"><ul class="nav">{nav}</ul></div>\n'
    )
    blocks, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        paragraphs = "\n".join(f"<p>{p}</p>" for p in prose(1200, i))
        row = "".join(f"<td>{s[:10]}</td>" for s in SENTENCES[:4])
        block = (
            f'<!-- 文章 {i} --><div class="article" id="a{i}"><h2>第{i}条信息</h2>\n{paragraphs}\n'
            f'<table class="info"><tr>{row}</tr><tr>{row}</tr></table>\n'
            f'<div style="display:none" class="share">分享到</div>'
            f'<span class="src">来源：<a href="http://www.example.gov.cn/{i}.html">本站</a></span>'
            "</div>\n"
        )
        blocks.append(block)
        size += len(block.encode())
        i += 1
    return head + "".join(blocks) + "</body></html>"


def median_ms(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def interleaved(
    a: Callable[[], object], b: Callable[[], object], repeat: int
) -> tuple[float, float]:
    a(), b()  # warm up: imports, CMaps, font caches
    ta, tb = [], []
    for _ in range(repeat):
        ta += median_ms(a, 1)
        tb += median_ms(b, 1)
    return statistics.median(ta), statistics.median(tb)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--html-mb", type=float, default=2.0)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    limits = Limits()
    rows = []

    docx_data = make_docx(args.pages)

    def ours_docx() -> object:
        return list(docx_extract.extract(docx_data, limits, limits.deadline()))

    def python_docx() -> object:
        import docx

        document = docx.Document(io.BytesIO(docx_data))
        texts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                texts.extend(cell.text for cell in row.cells)
        return texts

    ours, base = interleaved(ours_docx, python_docx, args.repeat)
    rows.append(
        (
            "docx",
            f"{args.pages} pages, {len(docx_data) // 1024} KB",
            "python-docx paras+tables",
            ours,
            base,
            ours / base,
            "<= 1.0x",
        )
    )

    pdf_data = make_pdf(args.pages)

    def ours_pdf() -> object:
        return list(pdf_extract.extract(pdf_data, limits, limits.deadline()))

    def bare_pdfminer() -> object:
        from pdfminer.high_level import extract_text

        return extract_text(io.BytesIO(pdf_data))

    ours, base = interleaved(ours_pdf, bare_pdfminer, args.repeat)
    rows.append(
        (
            "pdf",
            f"{args.pages} pages, {len(pdf_data) // 1024} KB",
            "pdfminer extract_text",
            ours,
            base,
            ours / base,
            "<= 1.3x",
        )
    )

    for charset, codec in (("utf-8", "utf-8"), ("gb2312", "gb18030")):
        page = make_html(args.html_mb).replace("{charset}", charset)
        raw = page.encode(codec)
        decoded_mb = len(page.encode("utf-8")) / 1e6

        def ours_html(raw: bytes = raw) -> object:
            return list(html_extract.extract(raw, limits, limits.deadline()))

        times = median_ms(ours_html, 1) and median_ms(ours_html, args.repeat)
        ms = statistics.median(times)
        rows.append(
            (
                f"html ({charset})",
                f"{decoded_mb:.2f} MB decoded",
                "MB/s end to end",
                ms,
                float("nan"),
                decoded_mb / (ms / 1000),
                ">= 15 MB/s",
            )
        )

    real = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "html"
    if real.is_dir():  # the real pages: navigation-heavy portals, slower than an article page
        pages = [p.read_bytes() for p in sorted(real.glob("*.html")) if p.stat().st_size > 10_000]
        decoded_mb = sum(
            len(html_extract.decode(raw, html_extract.declared_charset(raw))[0].encode()) / 1e6
            for raw in pages
        )

        def ours_real() -> object:
            return [list(html_extract.extract(raw, limits, limits.deadline())) for raw in pages]

        ms = statistics.median(median_ms(ours_real, 1) and median_ms(ours_real, args.repeat))
        rows.append(
            (
                "html (real)",
                f"{len(pages)} pages, {decoded_mb:.2f} MB",
                "MB/s end to end",
                ms,
                float("nan"),
                decoded_mb / (ms / 1000),
                ">= 15 MB/s",
            )
        )

    print(
        f"{'format':<13} {'input':<22} {'baseline':<25} {'secscan ms':>10} {'base ms':>9} "
        f"{'ratio/MBps':>10}  target"
    )
    for fmt, what, baseline, ours, base, ratio, target in rows:
        base_txt = "-" if base != base else f"{base:9.1f}"
        line = f"{fmt:<13} {what:<22} {baseline:<25} {ours:10.1f} {base_txt:>9} {ratio:10.2f}"
        print(f"{line}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
