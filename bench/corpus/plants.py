"""What gets planted in the quality corpus: synthetic numbers and one maker per kind of leak.

A maker returns a `Plant`: the exact text a document will carry, its category and the severity
the taxonomy (chinese-rules.md §5) gives it. Identity numbers are computed with the GB 11643
check digit, card numbers with Luhn, organisation codes with the GB 32100 check character; none
belongs to a real person or body.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from bench.corpus.prose import CITIES, NAMES

# --- synthetic numbers ------------------------------------------------------------------------

REGIONS = ("330211", "330206", "110105", "320102", "440305", "510104", "420102", "370202")
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check(first17: str) -> str:
    """GB 11643-1999 ISO 7064 MOD 11-2 check character."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def make_id(rng: random.Random, want_x: bool = False) -> str:
    while True:
        birth = f"{rng.randint(1955, 2002)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        first = rng.choice(REGIONS) + birth + f"{rng.randint(1, 999):03d}"
        check = id_check(first)
        if (check == "X") == want_x:
            return first + check


def bad_id(rng: random.Random) -> str:
    """An 18-digit number shaped like an ID whose check digit is wrong."""
    good = make_id(rng)
    wrong = "0" if good[-1] != "0" else "1"
    return good[:17] + wrong


def luhn_complete(prefix: str) -> str:
    digits = [int(d) for d in prefix][::-1]
    total = sum(d if i % 2 else (d * 2 if d * 2 < 10 else d * 2 - 9) for i, d in enumerate(digits))
    return prefix + str((10 - total % 10) % 10)


def make_card(rng: random.Random) -> str:
    length = rng.choice((16, 19))
    prefix = rng.choice(("622202", "621700", "622848", "623058")) + "".join(
        str(rng.randint(0, 9)) for _ in range(length - 7)
    )
    return luhn_complete(prefix)


def make_mobile(rng: random.Random) -> str:
    head = rng.choice(
        ("138", "139", "135", "150", "151", "158", "187", "188", "189", "133", "177")
    )
    return head + "".join(str(rng.randint(0, 9)) for _ in range(8))


USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def make_uscc(rng: random.Random) -> str:
    """A GB 32100 code of a government organ (登记管理部门 1, 机构类别 1)."""
    first = "11" + rng.choice(REGIONS) + "".join(str(rng.randint(0, 9)) for _ in range(9))
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first, USCC_WEIGHTS, strict=True))
    return first + USCC_ALPHABET[(31 - total % 31) % 31]


FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def grouped(number: str) -> str:
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


# --- plants -----------------------------------------------------------------------------------


@dataclass
class Plant:
    """One planted leak: `text` is exactly what the document carries."""

    category: str
    severity: str
    text: str
    variant: str
    sentence: str = ""  # the paragraph that carries it ("" = the text alone on its line)
    runs: tuple[str, ...] = ()  # docx: the text split over these runs
    where: str = "body"  # body | top | title | table | (per format: header, comment, …)


LEVELS = ("绝密", "机密", "秘密")
TERMS = ("1年", "5年", "10年", "20年", "长期", "6个月", "启用前", "2027年12月31日前", "")


def p_star(rng: random.Random) -> Plant:
    mark = f"{rng.choice(LEVELS)}★{rng.choice(TERMS)}"
    return Plant("classification-mark", "block", mark, "star", where="top")


def p_star_inline(rng: random.Random) -> Plant:
    mark = f"{rng.choice(LEVELS)}★{rng.choice(TERMS[:6])}"
    s = rng.choice(("附件2（{m}）另行印发，不在网上公布。", "本方案附表（{m}）由办公室统一保管。"))
    return Plant("classification-mark", "block", mark, "star-inline", s.format(m=mark))


def p_star_spaced(rng: random.Random) -> Plant:
    level = rng.choice(LEVELS)
    gap = rng.choice(("  ", "\u3000", " "))
    return Plant(
        "classification-mark",
        "block",
        f"{level[0]}{gap}{level[1]}★{rng.choice(TERMS[:5])}",
        "star-spaced",
        where="top",
    )


def p_star_fullwidth(rng: random.Random) -> Plant:
    term = rng.choice(("1年", "5年", "10年", "20年")).translate(FULLWIDTH)
    return Plant(
        "classification-mark",
        "block",
        f"{rng.choice(LEVELS)}★{term}",
        "star-fullwidth",
        where="top",
    )


def p_star_traditional(rng: random.Random) -> Plant:
    mark = rng.choice(("機密★10年", "絕密★長期", "祕密★1年", "機密★5年", "絕密★"))
    return Plant("classification-mark", "block", mark, "star-traditional", where="top")


def p_star_split(rng: random.Random) -> Plant:
    level, term = rng.choice(LEVELS), rng.choice(("1年", "5年", "10年", "长期"))
    # Text formats break the line inside the level word; docx splits it over runs.
    return Plant(
        "classification-mark",
        "block",
        f"{level[0]}\n{level[1]}★{term}",
        "star-split",
        runs=(level[0], f"{level[1]}★", term),
        where="top",
    )


def p_field(rng: random.Random) -> Plant:
    level = rng.choice(LEVELS)
    mark = rng.choice((f"密级：{level}", f"密级 {level}", f"本文件密级为{level}"))
    return Plant("classification-mark", "block", mark, "field", where="top")


def p_level_line(rng: random.Random) -> Plant:
    level = rng.choice(LEVELS)
    text = rng.choice((f"{level[0]}\u3000{level[1]}", f"{rng.randint(1, 999):06d} {level} 特急"))
    return Plant("classification-mark", "block", text, "level-line", where="top")


def p_star_noise(rng: random.Random) -> Plant:
    level, term = rng.choice(LEVELS), rng.choice(("1年", "5年", "长期"))
    noise = rng.choice(("\u200b", "·", "*", "_"))
    return Plant(
        "classification-mark",
        "block",
        f"{level[0]}{noise}{level[1]}★{term}",
        "star-noise",
        where="top",
    )


def p_level_cell(rng: random.Random) -> Plant:
    """A 密级 column in a list of documents: the level word alone in a cell."""
    return Plant("classification-mark", "block", rng.choice(LEVELS), "level-cell", where="table")


def p_mobile_table(rng: random.Random) -> Plant:
    number = make_mobile(rng)
    return Plant("pii", "block", number, "mobile-table", number, where="table")


def p_mark_table(rng: random.Random) -> Plant:
    # Only state-secret marks: whether 内部资料 alone in a cell is a mark or a remark is moot.
    text = rng.choice(("秘密★1年", "机密★5年", "绝密★", "機密★10年", "秘密★６个月"))
    return Plant("classification-mark", "block", text, "mark-table", where="table")


def p_bracket(rng: random.Random) -> Plant:
    mark = f"（{rng.choice(LEVELS)}）"
    return Plant(
        "classification-mark",
        "block",
        mark,
        "bracket-paragraph",
        mark + "本段所列数据尚未经统计部门审定。",
    )


def p_weak(rng: random.Random) -> Plant:
    mark = f"{rng.choice(LEVELS)}{rng.choice(('☆', '*'))}{rng.choice(('1年', '5年', '10年'))}"
    return Plant("classification-mark", "warn", mark, "weak-star", where="top")


def p_internal_line(rng: random.Random) -> Plant:
    mark = rng.choice(
        (
            "内部资料 注意保存",
            "（内部文件，不得外传）",
            "（此件不予公开）",
            "（此件发至县团级）",
            "内部使用，不得外传",
            "内部资料，注意保密",
        )
    )
    return Plant(
        "classification-mark", "block", mark, "internal-line", where=rng.choice(("top", "end"))
    )


def p_internal_inline(rng: random.Random) -> Plant:
    text, s = rng.choice(
        (
            ("仅供内部使用", "本材料仅供内部使用，请各单位妥善保管。"),
            ("不得外传", "会议材料不得外传，会后由办公室统一收回。"),
            ("内部参考", "以下数据供内部参考，请勿引用。"),
            ("内部发行", "本刊为内部发行刊物，请勿转载。"),
            ("内部传阅", "本简报仅供领导内部传阅。"),
        )
    )
    return Plant("classification-mark", "warn", text, "internal-inline", s)


def p_statement(rng: random.Random) -> Plant:
    text = rng.choice(("本文件属于国家秘密", "此件为机密文件"))
    return Plant("classification-mark", "block", text, "statement", text + "，未经批准不得复制。")


def p_secret_kw(rng: random.Random) -> Plant:
    text, s, sev = rng.choice(
        (
            ("涉密人员名单", "附件：涉密人员名单", "warn"),
            ("定密依据：国家秘密事项一览表第3项", "定密依据：国家秘密事项一览表第3项。", "warn"),
            ("密码电报", "此件以密码电报发出，注意保管。", "warn"),
            ("机要文件", "本批机要文件由机要员专人送达。", "warn"),
            ("绝密资料", "此件系绝密资料，请专人送达。", "block"),
            ("密件", "本页为密件抄送件。", "warn"),
            ("保密要害部门部位名单", "附件3：保密要害部门部位名单", "warn"),
            ("涉密计算机IP", "涉密计算机IP见附表。", "warn"),
        )
    )
    return Plant("secret-keyword", sev, text, "secret-keyword", s)


def p_id(rng: random.Random) -> Plant:
    number = make_id(rng, want_x=rng.random() < 0.4)
    name = rng.choice(NAMES)
    s = rng.choice(
        (
            "申请人{n}，公民身份号码：{i}。",
            "联系人{n}（身份证号{i}）负责具体对接。",
            "经核实，{n}（证件号码{i}）符合申报条件。",
        )
    )
    return Plant(
        "pii", "block", number, "id-x" if number[-1] == "X" else "id", s.format(n=name, i=number)
    )


def p_id_grouped(rng: random.Random) -> Plant:
    raw = make_id(rng, want_x=rng.random() < 0.3)
    number = rng.choice(
        (grouped(raw), f"{raw[:6]} {raw[6:14]} {raw[14:]}", f"{raw[:6]}-{raw[6:14]}-{raw[14:]}")
    )
    return Plant("pii", "block", number, "id-grouped", f"身份证号：{number}")


def p_id_fullwidth(rng: random.Random) -> Plant:
    number = make_id(rng, want_x=rng.random() < 0.3).translate(FULLWIDTH)
    return Plant(
        "pii", "block", number, "id-fullwidth", f"{rng.choice(NAMES)}，身份证号{number}。"
    )


def p_id_table(rng: random.Random) -> Plant:
    number = make_id(rng, want_x=rng.random() < 0.3)
    return Plant("pii", "block", number, "id-table", number, where="table")


def p_id_lower(rng: random.Random) -> Plant:
    number = make_id(rng, want_x=True).lower()
    s = f"公民身份号码 {number}，户籍所在地{rng.choice(CITIES)}。"
    return Plant("pii", "block", number, "id-x-lower", s)


def p_card(rng: random.Random) -> Plant:
    raw = make_card(rng)
    number = rng.choice((grouped(raw), "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))))
    s = rng.choice(
        ("补助资金请汇入本人银行卡号：{c}。", "收款人{n}，卡号 {c}，开户行某银行清河支行。")
    )
    return Plant("pii", "block", number, "card-spaced", s.format(c=number, n=rng.choice(NAMES)))


def p_mobile(rng: random.Random) -> Plant:
    number = make_mobile(rng)
    return Plant("pii", "block", number, "mobile", f"联系人：{rng.choice(NAMES)}，手机{number}。")


def p_mobile_formats(rng: random.Random) -> Plant:
    n = make_mobile(rng)
    text = rng.choice(
        (f"{n[:3]}-{n[3:7]}-{n[7:]}", f"+86 {n[:3]} {n[3:7]} {n[7:]}", f"{n[:3]} {n[3:7]} {n[7:]}")
    )
    s = f"请与{rng.choice(NAMES)}联系，电话{text}。"
    return Plant("pii", "block", text, "mobile-formatted", s)


def p_pii_warn(rng: random.Random) -> Plant:
    name = rng.choice(NAMES)
    text, s = rng.choice(
        (
            (f"0574-8{rng.randint(1000000, 9999999)}", "家庭电话：{t}"),
            (f"wang{rng.randint(1970, 1999)}@163.com", name + "，个人邮箱{t}。"),
            (f"G{rng.randint(10000000, 99999999)}", name + "，护照号码：{t}。"),
        )
    )
    return Plant("pii", "warn", text, "pii-warn", s.format(t=text))


def p_address(rng: random.Random) -> Plant:
    text, s, sev = rng.choice(
        (
            ("192.168.{a}.{b}", "内网OA地址：http://192.168.{a}.{b}/oa/login", "warn"),
            ("10.{a}.{b}.8", "服务器IP：10.{a}.{b}.8", "warn"),
            ("\\\\fileserver\\gongwen", "原件存放在\\\\fileserver\\gongwen\\2026 目录。", "block"),
            (
                "file:///D:/gongwen/2026/tongzhi.docx",
                "附件：file:///D:/gongwen/2026/tongzhi.docx",
                "warn",
            ),
            (
                "http://oa.haizhou.gov.cn",
                "请于1月20日前登录http://oa.haizhou.gov.cn/ 报送。",
                "warn",
            ),
            ("oa.qinghe.local", "请登录http://oa.qinghe.local/index 填报。", "warn"),
            ("C:\\Users\\zhangmou", "模板见C:\\Users\\zhangmou\\Desktop\\通知.docx", "block"),
        )
    )
    a, b = rng.randint(1, 254), rng.randint(1, 254)
    return Plant("internal-address", sev, text.format(a=a, b=b), "address", s.format(a=a, b=b))


def p_draft(rng: random.Random) -> Plant:
    text = rng.choice(("（征求意见稿）", "（送审稿）", "（讨论稿）", "（修改稿）", "（第二稿）"))
    return Plant("draft-marker", "warn", text.strip("（）"), "draft-title", text, where="title")


def p_draft_inline(rng: random.Random) -> Plant:
    text, s = rng.choice(
        (
            ("××××年××月××日", "××××年××月××日"),
            ("【待补充】", "全年完成投资【待补充】亿元。"),
            ("内部讨论稿", "本文为内部讨论稿，请勿转发。"),
            ("×××同志", "×××同志："),
        )
    )
    return Plant("draft-marker", "warn", text, "draft-inline", s)


MAKERS: tuple[Callable[[random.Random], Plant], ...] = (
    p_star,
    p_star_inline,
    p_star_spaced,
    p_star_fullwidth,
    p_star_traditional,
    p_star_split,
    p_field,
    p_level_line,
    p_bracket,
    p_weak,
    p_internal_line,
    p_internal_inline,
    p_statement,
    p_secret_kw,
    p_id,
    p_id_grouped,
    p_id_fullwidth,
    p_id_table,
    p_card,
    p_mobile,
    p_address,
    p_draft,
    p_draft_inline,
    p_star_noise,
    p_mark_table,
    p_id_lower,
    p_mobile_formats,
    p_pii_warn,
    p_address,
    p_secret_kw,
    p_level_cell,
    p_mobile_table,
    p_card,
)
