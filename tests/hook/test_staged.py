"""`secscan scan --staged` / `--since`: the content git would commit, never the working tree."""

from __future__ import annotations

import json

import pytest

from secscan import git
from secscan.errors import GitError
from tests.hook.conftest import CLEAN_PAGE, LEAK_PAGE


def test_staged_leak_is_refused_with_path_line_column(git_repo, cli) -> None:
    git_repo.stage("news/a.html", LEAK_PAGE)
    code, out, err = cli("scan", "--staged", "--no-ledger")
    assert code == 1
    # path:line:column first, so editors and terminals link to it; the rule id for allow markers
    assert "news/a.html:3:4: 阻断 国家秘密密级标志（★） [mark-secret-star] — 秘密★1年" in out
    assert "已从暂存区读取 1 个待检查文件，共 " in err
    assert f"共 {len(LEAK_PAGE.encode())} 字节" in err


def test_staged_fix_passes(git_repo, cli) -> None:
    git_repo.stage("news/a.html", LEAK_PAGE)
    git_repo.stage("news/a.html", CLEAN_PAGE)
    code, out, _err = cli("scan", "--staged", "--no-ledger")
    assert code == 0, out


def test_working_tree_only_fix_still_fails(git_repo, cli) -> None:
    git_repo.stage("news/a.html", LEAK_PAGE)
    git_repo.write("news/a.html", CLEAN_PAGE)  # fixed on disk, not re-staged
    code, out, _err = cli("scan", "--staged", "--no-ledger")
    assert code == 1
    assert "news/a.html:3:4:" in out


def test_working_tree_leak_not_staged_does_not_block(git_repo, cli) -> None:
    git_repo.stage("news/a.html", CLEAN_PAGE)
    git_repo.write("news/a.html", LEAK_PAGE)  # on disk only: not part of this commit
    code, _out, _err = cli("scan", "--staged", "--no-ledger")
    assert code == 0


def test_deletion_is_ignored_and_rename_is_read_under_new_name(git_repo, cli) -> None:
    git_repo.stage("old/leak.html", LEAK_PAGE)
    git_repo.stage("old/gone.html", LEAK_PAGE.replace("通知", "公告"))
    git_repo.commit()
    git_repo.git("rm", "-q", "old/gone.html")
    (git_repo.root / "new").mkdir()
    git_repo.git("mv", "old/leak.html", "new/leak.html")
    code, out, err = cli("scan", "--staged", "--no-ledger", "--format", "json")
    assert code == 1
    paths = [f["path"] for f in json.loads(out)["files"]]
    assert paths == ["new/leak.html"]
    assert "1 个待检查文件" in err


def test_unsupported_formats_are_skipped_and_counted(git_repo, cli) -> None:
    git_repo.stage("build.py", "# 秘密★1年\n")
    git_repo.stage("a.md", "工作动态\n")
    code, out, err = cli("scan", "--staged", "--no-ledger", "--format", "json")
    assert code == 0
    assert [f["path"] for f in json.loads(out)["files"]] == ["a.md"]
    assert "另有 1 个文件不是 secscan 能检查的格式" in err


def test_paths_narrow_the_staged_set(git_repo, cli) -> None:
    git_repo.stage("a.html", LEAK_PAGE)
    git_repo.stage("b.html", CLEAN_PAGE)
    code, out, _err = cli("scan", "--staged", "--no-ledger", "--format", "json", "b.html")
    assert code == 0
    assert [f["path"] for f in json.loads(out)["files"]] == ["b.html"]


def test_empty_staged_file_is_read_and_passes(git_repo, cli) -> None:
    git_repo.stage("empty.txt", "")
    code, _out, err = cli("scan", "--staged", "--no-ledger")
    assert code == 0
    assert "1 个待检查文件，共 0 字节" in err


def test_nothing_staged_checks_nothing(git_repo, cli) -> None:
    code, out, err = cli("scan", "--staged", "--no-ledger", "--format", "json")
    assert code == 0
    assert json.loads(out)["summary"]["files"] == 0
    assert "0 个待检查文件" in err


def test_zero_bytes_read_for_staged_content_is_an_error(git_repo, monkeypatch) -> None:
    # git answering with nothing for a non-empty blob must never pass as "clean".
    real = git.run_git

    def empty_answers(args, cwd=None, stdin=None):
        if args[:1] == ["cat-file"]:
            return b"".join(line + b" blob 0\n\n" for line in (stdin or b"").split())
        return real(args, cwd, stdin)

    monkeypatch.setattr(git, "run_git", empty_answers)
    page = git.Change(path="a.html", blob="1" * 40, status="A")
    with pytest.raises(GitError) as caught:
        git.read_blobs([page], str(git_repo.root), 1 << 20)
    assert caught.value.key == "git_zero_bytes"


def test_blob_git_cannot_find_is_an_error_for_that_file(git_repo) -> None:
    ghost = git.Change(path="a.html", blob="1" * 40, status="A")
    [blob] = git.read_blobs([ghost], str(git_repo.root), 1 << 20).blobs
    assert (blob.data, blob.error) == (None, "git_blob_missing")


def test_missing_blob_beside_a_read_one_fails_that_file(git_repo, cli, monkeypatch) -> None:
    git_repo.stage("a.html", CLEAN_PAGE)
    real = git.staged_changes

    def with_ghost(cwd=None, pathspecs=()):
        return [*real(cwd, pathspecs), git.Change(path="ghost.html", blob="2" * 40, status="A")]

    monkeypatch.setattr(git, "staged_changes", with_ghost)
    code, out, _err = cli("scan", "--staged", "--no-ledger", "--format", "json")
    assert code == 1
    ghost = json.loads(out)["files"][1]
    assert (ghost["path"], ghost["verdict"]) == ("ghost.html", "error")
    assert "无法从 git 对象库读取" in ghost["error"]


def test_outside_a_repository_is_exit_2(tmp_path, monkeypatch, cli) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, _out, err = cli("scan", "--staged", "--no-ledger")
    assert code == 2
    assert "不在 git 仓库中" in err


def test_no_paths_and_no_git_mode_is_exit_2(git_repo, cli) -> None:
    code, _out, err = cli("scan", "--no-ledger")
    assert code == 2
    assert "--staged / --since REV" in err


def test_since_checks_what_the_branch_changed(git_repo, cli) -> None:
    git_repo.stage("index.html", CLEAN_PAGE)
    git_repo.commit("base")
    git_repo.git("switch", "-q", "-c", "feature")
    git_repo.stage("news/leak.html", LEAK_PAGE)
    git_repo.commit("add a page")
    git_repo.write("news/leak.html", CLEAN_PAGE)  # the working tree does not count
    code, out, err = cli("scan", "--since", "main", "--no-ledger", "--format", "json")
    assert code == 1
    assert [f["path"] for f in json.loads(out)["files"]] == ["news/leak.html"]
    assert "已读取自 main 以来变更的 1 个待检查文件" in err


def test_since_ignores_what_the_target_branch_changed_meanwhile(git_repo, cli) -> None:
    git_repo.stage("index.html", CLEAN_PAGE)
    git_repo.commit("base")
    git_repo.git("switch", "-q", "-c", "feature")
    git_repo.stage("news/ok.html", CLEAN_PAGE)
    git_repo.commit("feature page")
    git_repo.git("switch", "-q", "main")
    git_repo.stage("main-only.html", LEAK_PAGE)
    git_repo.commit("main moved on")
    git_repo.git("switch", "-q", "feature")
    code, out, _err = cli("scan", "--since", "main", "--no-ledger", "--format", "json")
    assert code == 0
    assert [f["path"] for f in json.loads(out)["files"]] == ["news/ok.html"]


def test_since_unknown_revision_is_exit_2(git_repo, cli) -> None:
    git_repo.stage("index.html", CLEAN_PAGE)
    git_repo.commit("base")
    code, _out, err = cli("scan", "--since", "no-such-branch", "--no-ledger")
    assert code == 2
    assert "找不到版本 no-such-branch" in err


def test_staged_scan_records_the_committer_in_the_ledger(git_repo, cli, tmp_path) -> None:
    import sqlite3

    git_repo.stage("news/a.html", LEAK_PAGE)
    code, _out, _err = cli("scan", "--staged")
    assert code == 1
    rows = sqlite3.connect(tmp_path / "ledger.sqlite").execute("select * from entries").fetchall()
    assert any("张三" in str(row) for row in rows)


def test_parse_raw_reads_renames_and_skips_symlinks() -> None:
    out = (
        b":100644 100644 " + b"a" * 40 + b" " + b"b" * 40 + b" M\0m.html\0"
        b":100644 100644 " + b"c" * 40 + b" " + b"d" * 40 + b" R087\0old.md\0new.md\0"
        b":000000 120000 " + b"0" * 40 + b" " + b"e" * 40 + b" A\0link.html\0"
    )
    changes = git.parse_raw(out)
    assert [(c.path, c.blob[0], c.status) for c in changes] == [
        ("m.html", "b", "M"),
        ("new.md", "d", "R"),
    ]


def test_large_commit_is_scanned_in_parallel_in_git_order(git_repo, cli) -> None:
    from secscan.engine import PARALLEL_MIN_FILES

    count = PARALLEL_MIN_FILES + 6
    for i in range(count):
        git_repo.stage(f"news/{i:03d}.html", LEAK_PAGE if i == 17 else CLEAN_PAGE)
    code, out, err = cli("scan", "--staged", "--no-ledger", "--jobs", "2", "--format", "json")
    assert code == 1
    files = json.loads(out)["files"]
    assert [f["path"] for f in files] == [f"news/{i:03d}.html" for i in range(count)]
    assert [f["verdict"] for f in files].count("block") == 1
    assert files[17]["verdict"] == "block"
    assert f"{count} 个待检查文件" in err


def test_commit_output_is_one_line_per_finding_on_a_terminal(git_repo, cli, monkeypatch) -> None:
    import sys

    git_repo.stage("news/a.html", LEAK_PAGE)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, _err = cli("scan", "--staged", "--no-ledger")
    assert code == 1
    assert out.splitlines()[1].startswith("news/a.html:3:4: 阻断 ")


def test_git_lfs_pointer_is_read_through_to_the_attachment(git_repo, cli) -> None:
    import hashlib

    content = LEAK_PAGE.encode()
    oid = hashlib.sha256(content).hexdigest()
    spec = "version https://git-lfs.github.com/spec/v1"
    pointer = f"{spec}\noid sha256:{oid}\nsize {len(content)}\n"
    git_repo.stage("files/notice.html", pointer)  # what `git add` stages for an LFS file

    code, out, _ = cli("scan", "--staged", "--no-ledger", "--format", "json")
    assert code == 1  # the attachment is not here: not checked, which never passes
    [missing] = json.loads(out)["files"]
    assert missing["verdict"] == "error"
    assert "Git LFS" in missing["error"]

    store = git_repo.root / ".git" / "lfs" / "objects" / oid[:2] / oid[2:4]
    store.mkdir(parents=True)
    (store / oid).write_bytes(content)
    code, out, err = cli("scan", "--staged", "--no-ledger", "--format", "json")
    assert code == 1
    [found] = json.loads(out)["files"]
    assert [f["rule_id"] for f in found["findings"]] == ["mark-secret-star"]
    assert f"共 {len(content)} 字节" in err

    (store / oid).write_bytes(content.replace("秘密".encode(), "公开".encode()))  # altered
    code, out, _ = cli("scan", "--staged", "--no-ledger", "--format", "json")
    assert json.loads(out)["files"][0]["verdict"] == "error"


def test_chinese_and_spaced_file_names_are_read(git_repo, cli) -> None:
    git_repo.stage("通知 公告/关于 会议.html", LEAK_PAGE)
    code, out, _ = cli("scan", "--staged", "--no-ledger")
    assert code == 1
    assert "通知 公告/关于 会议.html:3:4:" in out


def test_from_a_subdirectory_paths_are_relative_to_it(git_repo, cli, monkeypatch) -> None:
    git_repo.stage("news/a.html", LEAK_PAGE)
    git_repo.stage("about/b.html", LEAK_PAGE)
    monkeypatch.chdir(git_repo.root / "news")
    code, out, _ = cli("scan", "--staged", "--no-ledger")
    assert code == 1
    assert "a.html:3:4:" in out
    assert "../about/b.html:3:4:" in out
    code, out, _ = cli("scan", "--staged", "--no-ledger", "--format", "json", "a.html")
    assert [f["path"] for f in json.loads(out)["files"]] == ["a.html"]


def test_under_the_pre_commit_framework_the_committer_is_the_reviewer(
    git_repo, cli, tmp_path, monkeypatch
) -> None:
    import sqlite3

    git_repo.write("a.html", CLEAN_PAGE)
    monkeypatch.setenv("PRE_COMMIT", "1")  # set by pre-commit for every hook it runs
    assert cli("scan", "a.html")[0] == 0
    db = sqlite3.connect(tmp_path / "ledger.sqlite")
    [(body,)] = db.execute("select body from entries").fetchall()
    assert json.loads(body)["actor"] == "张三"
