"""Install and remove the plain git pre-commit hook, for repositories without the framework.

Owns the hook file. As pre-commit's own installer does, the script comes from a template in
package data, is recognised as ours by a marker line, never overwrites a foreign hook unless
asked, and with ``--force`` keeps that hook as ``pre-commit.legacy`` and runs it first;
uninstalling puts the legacy hook back. The hook calls the Python that installed it (falling
back to ``secscan`` on PATH), so a virtual environment need not be active when committing.
"""

from __future__ import annotations

import os
import shlex
import sys
from dataclasses import dataclass
from importlib import resources

from secscan.errors import HookError
from secscan.git import hooks_dir

MARKER = "secscan-hook-marker: 5c1f0e6a"
HOOK = "pre-commit"
LEGACY = "pre-commit.legacy"


@dataclass(frozen=True, slots=True, kw_only=True)
class Installed:
    path: str
    legacy: str | None  # where a foreign hook was kept, if one was


@dataclass(frozen=True, slots=True, kw_only=True)
class Removed:
    path: str
    removed: bool  # False: there was no hook of ours
    restored: str | None  # the legacy hook put back, if any


def script(python: str) -> str:
    """The hook's text for `python` (the interpreter that has secscan installed)."""
    template = (
        resources.files("secscan").joinpath("resources/pre-commit-hook.sh").read_text("utf-8")
    )
    return template.replace("@PYTHON@", shlex.quote(python))


def is_ours(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return MARKER in handle.read()
    except OSError:
        return False


def install(
    cwd: str | None = None, *, force: bool = False, python: str | None = None
) -> Installed:
    """Write the hook; a foreign one is kept as pre-commit.legacy with `force`, else refused."""
    folder = hooks_dir(cwd)
    os.makedirs(folder, exist_ok=True)
    path, legacy = os.path.join(folder, HOOK), os.path.join(folder, LEGACY)
    kept = None
    if os.path.lexists(path) and not is_ours(path):
        if not force:
            raise HookError("hook_foreign", path=path)
        if os.path.lexists(legacy):
            raise HookError("hook_legacy_exists", path=path, legacy=legacy)
        os.replace(path, legacy)
        kept = legacy
    elif os.path.lexists(legacy):
        kept = legacy  # kept by an earlier install: the hook still chains it
    tmp = f"{path}.secscan-tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(script(python or sys.executable))
    os.chmod(tmp, 0o755)
    os.replace(tmp, path)
    return Installed(path=path, legacy=kept)


def uninstall(cwd: str | None = None) -> Removed:
    """Remove our hook and put a legacy hook back; a foreign hook is left alone."""
    folder = hooks_dir(cwd)
    path, legacy = os.path.join(folder, HOOK), os.path.join(folder, LEGACY)
    if not is_ours(path):
        return Removed(path=path, removed=False, restored=None)
    os.remove(path)
    restored = None
    if os.path.lexists(legacy):
        os.replace(legacy, path)
        restored = path
    return Removed(path=path, removed=True, restored=restored)
