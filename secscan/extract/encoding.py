"""Decode text bytes explicitly: BOM, declared charset, UTF-8, then detection; never the locale.

GB2312 and GBK are decoded as GB18030 (its superset), so a GBK page with a rare character does
not fail. A file that no candidate decodes cleanly is an error, never a silent skip
(detect-secrets skipped such files; see reference/scanner-lessons.md).
"""

from __future__ import annotations

import codecs
import re

from secscan.errors import ExtractError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x-gbk": "gb18030",
    "euc-cn": "gb18030",
    "ascii": "utf-8",
    "us-ascii": "utf-8",
    "big5": "big5hkscs",
}


def canonical(name: str) -> str | None:
    """The Python codec for a declared charset name, widened to its superset; None if unknown."""
    try:
        codec = codecs.lookup(name.strip().strip("'\"").lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(codec, codec)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, codec). Raises ExtractError("undecodable") when nothing decodes cleanly,
    and ExtractError("binary_content") when what decodes is not text (a binary file named .txt
    decodes as some legacy code page, but must not pass as a clean text)."""
    text, codec = _decode(data, declared)
    if _is_binary(text):
        raise ExtractError("binary_content")
    return text, codec


# C0 controls other than \t \n \v \f \r and ESC; a regex counts them at C speed (a Python
# loop over 64 K characters took 3 ms, a third of the whole html extraction of a page).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _is_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    controls = len(_CONTROLS.findall(sample))
    return controls > max(8, len(sample) // 100)


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec), codec
    # UTF-8 first, even over a declaration: bytes that are valid UTF-8 are UTF-8 in practice,
    # while GB18030 decodes almost any byte string, so a page that declares gb2312 but was
    # re-saved as UTF-8 (common on CMS migrations) would silently turn into mojibake.
    candidates = ["utf-8"]
    if declared and (wanted := canonical(declared)) and wanted != "utf-8":
        candidates.append(wanted)
    for codec in candidates:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    detected = _detect(data)
    if detected is not None:
        try:
            return data.decode(detected), detected
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise ExtractError("undecodable", offset=exc.start) from None


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ExtractError("undecodable", offset=exc.start) from None


_ASCII = bytes(range(128))


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # lazy: only files that are not UTF-8 pay

    # A handful of non-ASCII bytes cannot tell GBK from Big5 or Shift-JIS (jsoup's
    # meta-charset-2.html: two bytes of 新 come out as Big5 陔); then GB18030, the
    # encoding of Chinese government pages, is the better guess.
    if len(data[:4096].translate(None, _ASCII)) < 32:
        return None
    best = from_bytes(data[: 256 * 1024]).best()
    if best is None:
        return None
    return canonical(best.encoding)
