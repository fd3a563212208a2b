"""Checks that refuse hostile archive entries, and readers that never take more bytes than allowed."""

from __future__ import annotations

import io
import re
import stat
import zipfile
from typing import IO

from service.batch.limits import Limits

_DRIVE = re.compile(r"^[A-Za-z]:")


class ArchiveRefused(Exception):
    """The rest of an archive is refused (total size or compression ratio over its cap)."""


def unsafe_name(name: str) -> str | None:
    """Why an archive member name is refused, or None. Nothing is ever written to disk, but a name that
    climbs out of the archive is the mark of a hostile archive, so the entry is refused."""
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return "absolute path in archive (path traversal)"
    if ".." in re.split(r"[/\\]", name):
        return "'..' in archive path (path traversal)"
    if "\x00" in name:
        return "NUL byte in archive path"
    return None


def zip_entry_problem(info: zipfile.ZipInfo, limits: Limits) -> str | None:
    """Why a zip entry is refused before reading it, or None."""
    reason = unsafe_name(info.filename)
    if reason:
        return reason
    if stat.S_ISLNK(info.external_attr >> 16):
        return "symbolic link in archive"
    if info.flag_bits & 0x1:
        return "encrypted entry"
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > limits.ratio_floor_bytes and ratio > limits.max_ratio:
        return f"compression ratio {ratio:.0f}:1 is over the cap of {limits.max_ratio:.0f}:1 (zip bomb)"
    return None


def size_text(count: int) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= size:
            return f"{count / size:.1f} {unit}"
    return f"{count} bytes"


def read_capped(stream: IO[bytes], cap: int) -> bytes | None:
    """At most `cap` bytes of the stream; None when it holds more (the rest is left unread)."""
    data = stream.read(cap + 1)
    return None if len(data) > cap else data


class CountingReader(io.RawIOBase):
    """Counts the (compressed) bytes a decompressor pulls from the underlying file."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)


class Budget:
    """Uncompressed bytes taken from one archive: refuses the rest past the absolute or ratio cap."""

    def __init__(self, limits: Limits, compressed: CountingReader | None = None) -> None:
        self.limits = limits
        self.compressed = compressed
        self.total = 0

    def reserve(self, size: int) -> None:
        """An entry of known (declared) size is about to be read or skipped."""
        if self.total + size > self.limits.max_archive_bytes:
            raise ArchiveRefused(
                f"archive expands past the cap of {size_text(self.limits.max_archive_bytes)}; remaining entries skipped"
            )
        self.total += size

    def settle(self, position: int) -> None:
        """The decompressed stream has reached `position`."""
        self.total = max(self.total, position)
        self._check()

    def charge(self, size: int) -> None:
        """`size` more bytes were decompressed from a stream of unknown length."""
        self.total += size
        self._check()

    def _check(self) -> None:
        if self.total > self.limits.max_archive_bytes:
            raise ArchiveRefused(
                f"archive expands past the cap of {size_text(self.limits.max_archive_bytes)}; remaining entries skipped"
            )
        self._check_ratio(self.total)

    def reached(self, position: int) -> None:
        """The decompressed stream is at `position` while an entry is read or skipped (its declared size is
        already reserved): checked as it goes, so a bomb is refused after a few MiB, not after all of it."""
        self._check_ratio(position)

    def _check_ratio(self, decompressed: int) -> None:
        if self.compressed is not None and decompressed > self.limits.ratio_floor_bytes:
            # the decompressor reads ahead, so this ratio errs low: a refusal is never a false alarm
            ratio = decompressed / max(self.compressed.count, 1)
            if ratio > self.limits.max_ratio:
                raise ArchiveRefused(
                    f"compression ratio {ratio:.0f}:1 is over the cap of "
                    f"{self.limits.max_ratio:.0f}:1 (zip bomb); remaining entries skipped"
                )


class PrefixedStream(io.RawIOBase):
    """A stream whose first bytes were already read for sniffing: serves them again, then the rest."""

    def __init__(self, head: bytes, rest: IO[bytes], budget: Budget | None = None) -> None:
        self._head = head
        self._rest = rest
        self._budget = budget

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        if self._budget is not None:
            self._budget.charge(len(data))
        return len(data)


def buffered(head: bytes, rest: IO[bytes], budget: Budget | None = None) -> io.BufferedReader:
    return io.BufferedReader(PrefixedStream(head, rest, budget), buffer_size=1 << 16)
