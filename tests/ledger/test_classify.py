"""The category guess from title and text, and naming a category by hand."""

from __future__ import annotations

import pytest

from secscan.ledger.classify import CATEGORIES, classify, guess, normalise_category


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the seed report's own document number and title pattern
        ("关于印发镇海区2013年度政府信息公开目标管理考核办法的通知", "法规公文类"),
        ("审管办2013年工作总结", "计划总结类"),
        ("2014年政府信息公开工作要点", "计划总结类"),
        ("窗口服务推进一站式审批办理情况", "工作信息类"),
        ("2013年1-6月行政审批统计数据", "统计数据"),
        ("区长来中心调研指导工作", "政务动态类"),
        # "…的通知" is the wrapper; 任免 says what it is
        ("关于张三同志任免的通知", "人事信息类"),
        ("2013年公开招聘工作人员公告", "人事信息类"),
        # nothing to go on: the broadest category
        ("附件1", "工作信息类"),
    ],
)
def test_guess_from_title(title, expected):
    assert guess(title) == expected


def test_text_decides_when_the_title_says_nothing():
    text = "一、受理情况\n全年受理 3500 件，同比增长 8%，办结 3490 件，收费 12 万元，满意率 99%。"
    assert guess("附件2", text) == "统计数据"


def test_a_word_repeated_in_the_text_does_not_outvote_the_title():
    assert guess("2013年工作总结", "召开会议。" * 50) == "计划总结类"


def test_given_category_wins_and_is_not_a_guess():
    assert classify("区长来中心调研", given="人事信息类") == classify("", given="人事信息")
    assert classify("区长来中心调研", given="人事").guessed is False
    assert classify("区长来中心调研").guessed is True


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("统计数据", "统计数据"),
        ("统计", "统计数据"),
        ("计划总结", "计划总结类"),
        (" 法规公文类 ", "法规公文类"),
        ("法", None),  # too short to be sure
        ("机密类", None),
    ],
)
def test_normalise_category(value, expected):
    assert normalise_category(value) == expected


def test_the_six_categories_of_the_report_in_its_order():
    assert CATEGORIES == (
        "法规公文类",
        "计划总结类",
        "工作信息类",
        "统计数据",
        "政务动态类",
        "人事信息类",
    )
