"""user_path: Windows and Unix user-profile paths; always BLOCK, user name masked."""

from __future__ import annotations

import pytest

from secscan.detectors import user_path

B = "block"

SPANS = [
    # --- found: the span ends with the profile folder (the user name) -----------------------
    (r"附件见C:\Users\张三\Desktop\通知.docx", [(r"C:\Users\张三", B)]),
    # file:/// links write forward slashes
    ("file:///c:/users/zhangsan/desktop/a.doc", [("c:/users/zhangsan", B)]),
    # Windows XP profiles
    (r"C:\Documents and Settings\lisi\My Documents", [(r"C:\Documents and Settings\lisi", B)]),
    # Unix and macOS homes outside a URL
    ("模板路径 /home/wangwu/templates", [("/home/wangwu", B)]),
    ("/Users/zhaoliu/Desktop", [("/Users/zhaoliu", B)]),
    # --- not found ---------------------------------------------------------------------------
    # a web path that happens to contain /users/
    ("https://www.example.com/users/123/profile", []),
    # a drive letter glued to a word is not a drive
    ("abc:/users/x", []),
    # other drive paths are net-local-path's
    (r"D:\gongwen\2023", []),
    # the word alone
    ("用户（users）管理", []),
    ("/home/", []),
]


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_spans(scan, text, expected):
    assert scan(user_path, text) == expected


def test_validate_always_blocks():
    assert user_path.validate(r"c:\users\x", "", "") == B


@pytest.mark.parametrize(
    ("candidate", "masked"),
    [
        (r"C:\Users\张三", r"C:\Users\张*"),
        ("c:/users/zhangsan", "c:/users/z*******"),
        (r"C:\Documents and Settings\lisi", r"C:\Documents and Settings\l***"),
        ("/home/wangwu", "/home/w*****"),
    ],
)
def test_mask_hides_the_user_name(candidate, masked):
    assert user_path.mask(candidate) == masked
