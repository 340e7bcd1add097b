"""Git plumbing for the hook and for CI: which files a commit changes, and their content.

Owns every call to git. Content always comes from the object database — the blobs in the index
for ``--staged``, the blobs of HEAD for ``--since REV`` — never from the working tree: hooks of
gitleaks, trufflehog and git-secrets that read the working tree passed a leak that was fixed on
disk but not re-staged (reference/scanner-lessons.md). Deletions are ignored; renames and copies
are read under their new name. What was read is counted, so the caller can say how many files
and bytes it checked, and reading nothing where something was staged is an error, not a pass.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Sequence

from secscan.errors import GitError

# The object id of the empty blob: a staged empty file legitimately reads as zero bytes.
EMPTY_BLOB = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
# Regular files only: a symlink's blob is a path and a gitlink (submodule) has no blob here.
_FILE_MODES = frozenset({"100644", "100755"})
# A: added, C: copied, M: modified, R: renamed, T: type changed (e.g. symlink -> file).
_DIFF_FILTER = "--diff-filter=ACMRT"
# Git LFS pointer files (git-lfs spec v1): this first line, and under 1024 bytes in all.
LFS_POINTER = b"version https://git-lfs.github.com/spec/v1\n"
LFS_POINTER_MAX = 1024


# Plain classes rather than dataclasses or NamedTuples: the hook imports this module on every
# commit, and three dataclasses (or `typing`) cost ~2 ms of its start-up.
class Change:
    """A file a commit adds or changes: `path` is relative to the top of the work tree."""

    __slots__ = ("blob", "path", "status")

    def __init__(self, *, path: str, blob: str, status: str) -> None:
        self.path, self.blob, self.status = path, blob, status

    def __repr__(self) -> str:
        return f"Change({self.status} {self.path} {self.blob[:12]})"


class Blob:
    """One file's content as read from git; when it could not be, `data` is None and `error`
    a message key (secscan.messages) with its `params`."""

    __slots__ = ("change", "data", "error", "params")

    def __init__(
        self,
        *,
        change: Change,
        data: bytes | None,
        error: str | None = None,
        params: dict[str, object] | None = None,
    ) -> None:
        self.change, self.data, self.error, self.params = change, data, error, params or {}


class Contents:
    """What was read for a commit or a range: the blobs and how much was read."""

    __slots__ = ("blobs", "bytes", "files", "top")

    def __init__(self, *, top: str, blobs: tuple[Blob, ...], files: int, bytes: int) -> None:
        self.top, self.blobs, self.files, self.bytes = top, blobs, files, bytes


def run_git(args: Sequence[str], cwd: str | None = None, stdin: bytes | None = None) -> bytes:
    """Run ``git ARGS`` and return its stdout; a failure is a GitError with git's own words."""
    try:
        proc = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except OSError as exc:
        raise GitError("git_missing", reason=exc.strerror or type(exc).__name__) from None
    if proc.returncode != 0:
        reason = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(
            "git_failed", command=" ".join(args[:2]), reason=reason[-1] if reason else ""
        )
    return proc.stdout


def top_level(cwd: str | None = None) -> str:
    """The top of the work tree containing `cwd`."""
    try:
        out = run_git(["rev-parse", "--show-toplevel"], cwd)
    except GitError:
        raise GitError("git_not_repo", path=os.path.abspath(cwd or os.curdir)) from None
    return out.decode("utf-8", "surrogateescape").strip()


def staged_changes(cwd: str | None = None, pathspecs: Sequence[str] = ()) -> list[Change]:
    """Files added, modified, renamed or copied in the index against HEAD (or, before the
    first commit, against the empty tree: ``git diff --cached`` does that itself)."""
    return _changes(["diff", "--cached"], cwd, pathspecs)


def changes_since(rev: str, cwd: str | None = None, pathspecs: Sequence[str] = ()) -> list[Change]:
    """Files HEAD adds or changes since it forked from `rev` (``REV...HEAD``, as a merge
    request shows them: changes made on the target branch meanwhile are not ours to check)."""
    try:
        run_git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd)
    except GitError:
        raise GitError("git_bad_rev", rev=rev) from None
    return _changes(["diff", f"{rev}...HEAD"], cwd, pathspecs)


def _changes(command: list[str], cwd: str | None, pathspecs: Sequence[str]) -> list[Change]:
    args = [*command, "--raw", "-z", "-M", "--no-abbrev", "--no-ext-diff", "--no-textconv"]
    args += [_DIFF_FILTER, "--", *pathspecs]
    return parse_raw(run_git(args, cwd))


def parse_raw(out: bytes) -> list[Change]:
    """Parse ``git diff --raw -z``: ``:old new oldsha newsha STATUS\\0path\\0[newpath\\0]``."""
    fields = out.split(b"\0")
    changes: list[Change] = []
    i = 0
    while i < len(fields) and fields[i].startswith(b":"):
        _old_mode, new_mode, _old, new, status = fields[i][1:].decode("ascii").split(" ")
        letter = status[0]
        # Renames and copies name the old path first, then the new one.
        path_index = i + 2 if letter in "RC" else i + 1
        path = fields[path_index].decode("utf-8", "surrogateescape")
        i = path_index + 1
        if new_mode in _FILE_MODES:
            changes.append(Change(path=path, blob=new, status=letter))
    return changes


def read_blobs(changes: Sequence[Change], top: str, max_bytes: int) -> Contents:
    """Read each change's blob with one ``git cat-file --batch``; count files and bytes.

    A blob larger than `max_bytes` is not kept, a blob git cannot find is an error for that
    file, and a Git LFS pointer is replaced by the object it points to. Zero bytes read for
    non-empty staged files means the content was not really read: a GitError, never a pass.
    """
    if not changes:
        return Contents(top=top, blobs=(), files=0, bytes=0)
    request = "".join(f"{c.blob}\n" for c in changes).encode("ascii")
    out = run_git(["cat-file", "--batch"], top, request)
    blobs: list[Blob] = []
    pos, total = 0, 0
    for change in changes:
        end = out.index(b"\n", pos)
        header = out[pos:end].decode("ascii", "replace").split(" ")
        pos = end + 1
        if len(header) != 3 or header[1] != "blob":
            blobs.append(Blob(change=change, data=None, error="git_blob_missing"))
            continue
        size = int(header[2])
        data = out[pos : pos + size]
        pos += size + 1  # the content is followed by a line feed
        blob = _checked(change, data, size, max_bytes, top)
        blobs.append(blob)
        total += len(blob.data or b"")
    # Nothing read, no file's error to say why, yet not all empty: the content was not read.
    if (
        total == 0
        and not any(b.error for b in blobs)
        and any(c.blob != EMPTY_BLOB for c in changes)
    ):
        raise GitError("git_zero_bytes", files=len(changes))
    return Contents(top=top, blobs=tuple(blobs), files=len(changes), bytes=total)


def _checked(change: Change, data: bytes, size: int, max_bytes: int, top: str) -> Blob:
    if len(data) != size:
        return Blob(change=change, data=None, error="git_blob_missing")
    if size < LFS_POINTER_MAX and data.startswith(LFS_POINTER):
        # An attachment kept in Git LFS: the blob is a pointer, the pdf or docx is elsewhere.
        # Scanning the pointer would pass any leak in the attachment (its text is harmless).
        return _lfs_object(change, data, max_bytes, top)
    if size > max_bytes:
        return Blob(
            change=change,
            data=None,
            error="limit_file_size",
            params={"size": size, "limit": max_bytes},
        )
    return Blob(change=change, data=data)


def _lfs_object(change: Change, pointer: bytes, max_bytes: int, top: str) -> Blob:
    """The content a Git LFS pointer names, from the local LFS store (``git add`` put it there;
    a CI checkout with LFS fetched it); missing or altered is an error, never a pass."""
    fields = dict(
        line.split(" ", 1)
        for line in pointer.decode("ascii", "replace").splitlines()
        if " " in line
    )
    oid = fields.get("oid", "").removeprefix("sha256:")
    size = int(fields["size"]) if fields.get("size", "").isdigit() else -1
    if len(oid) != 64 or size < 0:
        return Blob(change=change, data=None, error="git_lfs_missing", params={"oid": oid or "?"})
    if size > max_bytes:
        return Blob(
            change=change,
            data=None,
            error="limit_file_size",
            params={"size": size, "limit": max_bytes},
        )
    common = (
        run_git(["rev-parse", "--git-common-dir"], top).decode("utf-8", "surrogateescape").strip()
    )
    path = os.path.join(top, common, "lfs", "objects", oid[:2], oid[2:4], oid)
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError:
        return Blob(change=change, data=None, error="git_lfs_missing", params={"oid": oid[:12]})
    if len(data) != size or hashlib.sha256(data).hexdigest() != oid:
        return Blob(change=change, data=None, error="git_lfs_missing", params={"oid": oid[:12]})
    return Blob(change=change, data=data)


def user_name(cwd: str | None = None) -> str | None:
    """``git config user.name``, or None when unset or outside a repository."""
    try:
        name = run_git(["config", "user.name"], cwd).decode("utf-8", "replace").strip()
    except GitError:
        return None
    return name or None


def hooks_dir(cwd: str | None = None) -> str:
    """Where git looks for hooks (honours core.hooksPath and linked work trees)."""
    top = top_level(cwd)
    out = run_git(["rev-parse", "--git-path", "hooks"], top).decode("utf-8", "surrogateescape")
    return os.path.join(top, out.strip())
