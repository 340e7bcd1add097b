"""Open a zip (docx, embedded xlsx, ...) only after its directory says it is safe to inflate.

Owns the zip limits of `Limits`: member count, total uncompressed size and compression ratio are
checked from the central directory before anything is decompressed, and every member is then read
with a size cap, because a hostile zip can lie about its sizes in the directory.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from secscan.errors import ExtractError
from secscan.extract.limits import Limits

# Small members compress at high ratios legitimately (a 40 KB run of repeated XML tags inflates
# 300x); the ratio only signals a bomb once the inflated size is large enough to hurt.
RATIO_FLOOR = 1024 * 1024
_CHUNK = 1024 * 1024


class SafeZip:
    """A zip whose directory passed the limits; `read` inflates one member under a size cap."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        if not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
            raise ExtractError("not_zip")
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,  # a directory that asks for an unknown zip version
        ) as exc:
            raise ExtractError("corrupt", detail=_reason(exc)) from None
        self.limits = limits
        check_directory(infos, len(data), limits)
        self._infos = {info.filename: info for info in infos}

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str, cap: int | None = None) -> bytes:
        """Inflate `name`, never more than `cap` bytes (default: the XML part limit)."""
        cap = self.limits.max_xml_bytes if cap is None else cap
        info = self._infos[name]
        if info.file_size > cap:
            raise ExtractError("limit_part_size", name=name, size=info.file_size, limit=cap)
        out = bytearray()
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    out += chunk
                    if len(out) > cap:
                        raise ExtractError("limit_part_size", name=name, size=len(out), limit=cap)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            ValueError,
            NotImplementedError,
        ) as exc:
            # NotImplementedError: an unsupported compression method (e.g. deflate64, lzma in
            # an odd zip) - the part cannot be read, which is corruption as far as we can tell.
            raise ExtractError("corrupt", detail=f"{name}: {_reason(exc)}") from None
        return bytes(out)


def check_directory(infos: list[zipfile.ZipInfo], size: int, limits: Limits) -> None:
    """Raise before inflating when the directory announces a bomb or too many members."""
    if len(infos) > limits.max_zip_members:
        raise ExtractError("limit_zip_members", count=len(infos), limit=limits.max_zip_members)
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_FLOOR:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_zip_ratio:
                raise ExtractError(
                    "limit_zip_ratio",
                    name=info.filename,
                    ratio=int(ratio),
                    limit=limits.max_zip_ratio,
                )
    if total > limits.max_zip_uncompressed:
        raise ExtractError("limit_zip_total", size=total, limit=limits.max_zip_uncompressed)
    if total > RATIO_FLOOR and total / max(size, 1) > limits.max_zip_ratio:
        raise ExtractError(
            "limit_zip_ratio",
            name="*",
            ratio=int(total / max(size, 1)),
            limit=limits.max_zip_ratio,
        )


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
