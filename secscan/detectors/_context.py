"""Context helpers shared by the personal-data detectors: labels and people near a candidate.

Detectors see up to ~30 characters of *folded* text on each side of a candidate (NFKC, simplified,
lower case, noise dropped between CJK characters), so every word here is simplified and lower case.
This module is private to `secscan.detectors` (it is not a detector and has no `DETECTORS` line).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable


def words(text: str) -> tuple[str, ...]:
    """The space-separated words of `text` (keeps long word lists readable and diffable)."""
    return tuple(text.split())


# Words that say the number belongs to a private person (条例第十五条 protects them). 手机 and
# 联系方式 count because chinese-rules.md §6.2 lists them; broad words that government prose uses
# for the public at large (居民, 村民, 学生, 家庭, 个人) are left out on purpose.
PERSON_WORDS: tuple[str, ...] = words(
    "姓名 联系人 手机 联系方式 本人 申请人 当事人 被申请人 举报人 投诉人 信访人 户主 家属 监护人"
    " 患者 家长 性别 出生日期 身份证 住址 个人电话 个人手机 私人"
)

# Labels that make a digit run something other than personal data (an order, a document, a case).
RECORD_LABELS: tuple[str, ...] = words(
    "订单 单号 流水号 交易号 编号 文号 合同号 发票 批次 批号 条码 运单 快递 案号 项目号 序列号"
    " 登记号 许可证号 备案号 代码"
)

# A quantity, not an identifier: 13500000000元, 6222021234567890元 in a budget table.
UNITS: tuple[str, ...] = words(
    "元 万 亿 吨 千克 公斤 平方 立方 公里 千米 米 人 户 次 件 个 台 亩 % ‰"
)
CURRENCY: tuple[str, ...] = ("¥", "￥", "$", "rmb", "人民币")


def is_quantity(before: str, after: str) -> bool:
    """A unit right after the digits or a currency sign right before them."""
    return after.lstrip(" ").startswith(UNITS) or before.rstrip(" ").endswith(CURRENCY)


# 统一社会信用代码 and its relatives: an organisation's public registry number (GB 32100).
ORG_CODE_LABELS: tuple[str, ...] = words(
    "统一社会信用代码 信用代码 社会信用 组织机构代码 机构代码 纳税人识别号 税号 注册号"
)

_SEPARATORS = " :,、()\\-/|;\u3000：，（）；"

# The 100-odd most common single surnames and the compound ones still met in registers.
# A name is a surname plus one or two CJK characters, optionally 先生/女士/同志/老师.
_SINGLE_SURNAMES = (
    "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶"
    "程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺"
    "毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文施洪辛柳庞樊殷牛聂章鲁葛伍申尤毕翟"
)
_COMPOUND_SURNAMES = "欧阳|司马|诸葛|上官|司徒|东方|皇甫|慕容|夏侯|令狐|公孙|长孙|宇文|尉迟"
# A name never ends in a character that closes an organisation or a label (交易中心, 公安局,
# 服务站, 电话): 易 is a surname, but 易中心 is not a person.
_NOT_LAST = "心局办委院所站队科处部厅会司村镇街区县市省厂校馆组室台网码话机址箱电线真务"
_NAME = (
    rf"(?:{_COMPOUND_SURNAMES}|[{_SINGLE_SURNAMES}])[\u4e00-\u9fff]?(?![{_NOT_LAST}])[\u4e00-\u9fff]"
    r"(?:先生|女士|同志|老师)?"
)
_SEP_CLASS = "[" + re.escape(_SEPARATORS) + "]"
# A table row often puts the sex column between the name and the number: 张三 男 138….
_NAME_BEFORE = rf"{_NAME}(?: ?[男女])?{_SEP_CLASS}{{0,2}}$"
_NAME_AFTER = rf"^{_SEP_CLASS}{{0,2}}{_NAME}(?:[ ,，、;；。.)）]|$)"


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Compiled on the first candidate, not at import: the surname classes cost ~4 ms to
    compile, and a file with no number in it never needs them (the hook's start-up)."""
    return re.compile(pattern)


def rightmost(text: str, words: Iterable[str]) -> int:
    """The end offset of the right-most occurrence of any of `words` in `text`; -1 when none."""
    best = -1
    for word in words:
        found = text.rfind(word)
        if found >= 0:
            best = max(best, found + len(word))
    return best


def has_any(text: str, words: Iterable[str]) -> bool:
    return any(word in text for word in words)


def is_near(before: str, after: str, words: Iterable[str], window: int = 20) -> bool:
    """One of `words` within `window` characters on either side of the candidate."""
    words = tuple(words)
    return has_any(before[-window:], words) or has_any(after[:window], words)


def closest(before: str, groups: dict[str, tuple[str, ...]]) -> str | None:
    """The key of the group whose word ends nearest to the candidate (the end of `before`)."""
    best_key, best_end = None, -1
    for key, words in groups.items():
        end = rightmost(before, words)
        if end > best_end:
            best_key, best_end = key, end
    return best_key


# Label words that start with a surname character and would otherwise look like a name.
_NOT_NAMES = ("方式", "方法", "金额", "文号", "常用", "万元", "高新区", "余额")


def is_name_before(before: str) -> bool:
    """A Chinese-name-like run (张三, 王女士, 欧阳明) right before the candidate."""
    if before.rstrip(_SEPARATORS).endswith(_NOT_NAMES):
        return False
    return _compiled(_NAME_BEFORE).search(before) is not None


def is_name_after(after: str) -> bool:
    """A Chinese-name-like run right after the candidate, as in 13812345678（张三）."""
    return _compiled(_NAME_AFTER).search(after) is not None


def is_person_context(before: str, after: str, window: int = 20) -> bool:
    """A person word within `window` characters, or a name standing right beside the candidate."""
    return (
        is_near(before, after, PERSON_WORDS, window)
        or is_name_before(before)
        or is_name_after(after)
    )


def ascii_form(value: str) -> str:
    """NFKC of `value`: `mask` gets the *original* text, which may hold full-width digits.

    The characters a detector's PATTERN spans (digits, Latin letters, space, '-', '()', '@')
    all fold one to one, so the length is unchanged.
    """
    return unicodedata.normalize("NFKC", value)


