"""Where outcomes go: a JSONL file appended one whole chunk at a time, or the database."""

from __future__ import annotations

import os
from pathlib import Path


class OutputMismatch(Exception):
    """The output file does not match the checkpoint (deleted or edited since)."""


class JsonlSink:
    """Appends whole chunks with one write and an fsync; on resume, cuts the file back to the length the
    checkpoint committed, so a chunk torn or written after the last commit is dropped."""

    def __init__(self, path: Path, resume_bytes: int | None) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
        size = os.fstat(self._fd).st_size
        if resume_bytes is not None and size < resume_bytes:
            os.close(self._fd)
            raise OutputMismatch(f"{path} is shorter than its checkpoint says; run with --restart to start over")
        os.ftruncate(self._fd, resume_bytes or 0)
        self.size = resume_bytes or 0
        os.lseek(self._fd, self.size, os.SEEK_SET)

    def write(self, lines: list[str], stored: list | None = None) -> None:
        if not lines:
            return
        data = "".join(f"{line}\n" for line in lines).encode("utf-8")
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        os.fsync(self._fd)
        self.size += len(data)

    def close(self) -> None:
        os.close(self._fd)
