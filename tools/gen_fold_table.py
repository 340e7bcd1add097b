"""Generate secscan/data/fold.bin: the 1:1 character fold used by secscan.normalise.

Run once when the sources change (needs the `tools` extra: opencc-python-reimplemented):

    python tools/gen_fold_table.py secscan/data/fold.bin

The file is a flat array of little-endian uint16 pairs (source, target), one pair for every BMP
character whose fold differs from itself (binary, so that loading it costs ~1 ms at start-up). The fold of a character is, in order:
1. NFKC when it yields exactly one character (full-width forms, ㊙ → 秘, the Kangxi radicals
   U+2F00–U+2FD5 that pdfminer emits); multi-character expansions (㈠ → (一)) are left alone so
   the fold stays length-preserving;
2. the CJK Radicals Supplement characters that NFKC leaves alone, from Unicode's
   EquivalentUnifiedIdeograph property (a short list of those seen in PDF text);
3. OpenCC's TSCharacters (traditional → simplified), first candidate only;
4. lower case.
"""

from __future__ import annotations

import sys
import unicodedata
from array import array
from pathlib import Path

# U+2E80 block characters with their unified ideograph (Unicode EquivalentUnifiedIdeograph.txt).
RADICALS_SUPPLEMENT = {
    "⺀": "冫", "⺁": "厂", "⺃": "乚", "⺅": "亻", "⺇": "几", "⺉": "刂", "⺋": "卩",
    "⺍": "⺍", "⺎": "兀", "⺏": "尣", "⺐": "尢", "⺑": "𡯂", "⺒": "巳", "⺓": "幺",
    "⺔": "彑", "⺖": "忄", "⺗": "心", "⺘": "扌", "⺙": "攵", "⺛": "旡", "⺝": "月",
    "⺞": "歺", "⺟": "母", "⺠": "民", "⺡": "氵", "⺢": "氺", "⺣": "灬", "⺤": "爫",
    "⺥": "爫", "⺦": "丬", "⺧": "牜", "⺨": "犭", "⺩": "王", "⺪": "疋", "⺫": "目",
    "⺬": "示", "⺭": "礻", "⺮": "⺮", "⺯": "糹", "⺰": "纟", "⺱": "罓", "⺲": "罒",
    "⺳": "㓁", "⺴": "网", "⺵": "网", "⺶": "⺶", "⺷": "⺷", "⺸": "⺸", "⺹": "耂",
    "⺺": "肀", "⺻": "聿", "⺼": "月", "⺽": "臼", "⺾": "艹", "⺿": "艹", "⻀": "艹",
    "⻁": "虎", "⻂": "衤", "⻃": "覀", "⻄": "西", "⻅": "见", "⻆": "角", "⻇": "⻇",
    "⻈": "讠", "⻉": "贝", "⻊": "⻊", "⻋": "车", "⻌": "辶", "⻍": "辶", "⻎": "辶",
    "⻏": "阝", "⻐": "钅", "⻑": "長", "⻒": "镸", "⻓": "长", "⻔": "门", "⻕": "⻕",
    "⻖": "阝", "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞",
    "⻝": "食", "⻞": "𩙿", "⻟": "飠", "⻠": "饣", "⻡": "𩠐", "⻢": "马", "⻣": "骨",
    "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾",
    "⻫": "斉", "⻬": "齐", "⻭": "歯", "⻮": "齿", "⻯": "竜", "⻰": "龙", "⻱": "龜",
    "⻲": "亀", "⻳": "龟",
}


def load_ts() -> dict[str, str]:
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        src, _, rest = line.partition("\t")
        targets = rest.split()
        if len(src) == 1 and targets and len(targets[0]) == 1:
            table[src] = targets[0]
    return table


def fold_char(ch: str, ts: dict[str, str]) -> str:
    out = unicodedata.normalize("NFKC", ch)
    if len(out) != 1:
        out = ch
    out = RADICALS_SUPPLEMENT.get(out, out)
    if len(out) != 1:
        out = ch
    out = ts.get(out, out)
    low = out.lower()
    return low if len(low) == 1 else out


def main() -> int:
    ts = load_ts()
    pairs = array("H")
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        folded = fold_char(ch, ts)
        if folded != ch and len(folded) == 1 and ord(folded) < 0x10000:
            pairs.extend((cp, ord(folded)))
    if sys.byteorder != "little":
        pairs.byteswap()
    Path(sys.argv[1]).write_bytes(pairs.tobytes())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
