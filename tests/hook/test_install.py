"""`secscan hook install|uninstall` and real `git commit`s through the installed hook."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from secscan import hook
from tests.hook.conftest import CLEAN_PAGE, LEAK_PAGE, secscan_env


def commit(repo, tmp_path, message="page") -> subprocess.CompletedProcess[str]:
    """A real commit with hooks enabled, in a subprocess (as a user would run it)."""
    return subprocess.run(
        ["git", "commit", "-q", "-m", message],
        cwd=repo.root,
        capture_output=True,
        text=True,
        env=secscan_env(tmp_path),
        check=False,
    )


def hook_path(repo) -> str:
    return os.path.join(repo.root, ".git", "hooks", "pre-commit")


def test_installed_hook_blocks_a_leak_and_allows_the_fix(git_repo, cli, tmp_path) -> None:
    code, out, _ = cli("hook", "install")
    assert code == 0
    assert "已安装 pre-commit 钩子" in out
    mode = os.stat(hook_path(git_repo)).st_mode
    assert mode & stat.S_IXUSR

    git_repo.stage("news/a.html", LEAK_PAGE)
    blocked = commit(git_repo, tmp_path)
    assert blocked.returncode != 0
    assert "news/a.html:3:4:" in blocked.stdout + blocked.stderr
    assert git_repo.git("rev-parse", "--verify", "HEAD", check=False).returncode != 0  # no commit

    git_repo.write("news/a.html", CLEAN_PAGE)  # fixed on disk only: still blocked
    assert commit(git_repo, tmp_path).returncode != 0

    git_repo.git("add", "news/a.html")
    allowed = commit(git_repo, tmp_path)
    assert allowed.returncode == 0, allowed.stderr
    assert "已从暂存区读取 1 个待检查文件" in allowed.stderr


def test_installed_hook_uses_the_baseline_at_the_top(git_repo, cli, tmp_path) -> None:
    cli("hook", "install")
    git_repo.stage("news/a.html", LEAK_PAGE)
    cli("baseline", "create", "--staged", "--reason", "历史页面，已复核")
    git_repo.git("add", ".secscan-baseline.json")
    assert commit(git_repo, tmp_path).returncode == 0


def test_foreign_hook_is_refused_then_chained_with_force_and_restored(
    git_repo, cli, tmp_path
) -> None:
    path = hook_path(git_repo)
    foreign = "#!/bin/sh\necho legacy-hook-ran\nexit 0\n"
    with open(path, "w") as handle:
        handle.write(foreign)
    os.chmod(path, 0o755)

    code, _out, err = cli("hook", "install")
    assert code == 2
    assert "已有其他程序的钩子，未覆盖" in err
    assert Path(path).read_text() == foreign

    code, out, _ = cli("hook", "install", "--force")
    assert code == 0
    assert "pre-commit.legacy" in out
    git_repo.stage("a.html", CLEAN_PAGE)
    done = commit(git_repo, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "legacy-hook-ran" in done.stdout + done.stderr  # the old hook still runs

    code, out, _ = cli("hook", "uninstall")
    assert code == 0
    assert "已恢复原有钩子" in out
    assert Path(path).read_text() == foreign
    assert not os.path.exists(path + ".legacy")


def test_a_failing_legacy_hook_still_blocks(git_repo, cli, tmp_path) -> None:
    path = hook_path(git_repo)
    with open(path, "w") as handle:
        handle.write("#!/bin/sh\nexit 3\n")
    os.chmod(path, 0o755)
    cli("hook", "install", "--force")
    git_repo.stage("a.html", CLEAN_PAGE)
    assert commit(git_repo, tmp_path).returncode != 0


def test_install_twice_is_harmless_and_uninstall_of_nothing_says_so(git_repo, cli) -> None:
    assert cli("hook", "install")[0] == 0
    assert cli("hook", "install")[0] == 0  # our own hook is recognised by its marker
    assert hook.is_ours(hook_path(git_repo))
    assert cli("hook", "uninstall")[0] == 0
    assert not os.path.exists(hook_path(git_repo))
    code, out, _ = cli("hook", "uninstall")
    assert code == 0
    assert "不是 secscan 安装的钩子" in out


def test_install_honours_core_hooks_path(git_repo, cli) -> None:
    git_repo.git("config", "core.hooksPath", "githooks")
    assert cli("hook", "install")[0] == 0
    assert hook.is_ours(os.path.join(git_repo.root, "githooks", "pre-commit"))


def test_hook_script_names_the_installing_python() -> None:
    text = hook.script("/opt/my env/bin/python")
    assert "INSTALL_PYTHON='/opt/my env/bin/python'" in text
    assert hook.MARKER in text
    assert "scan --staged" in text
