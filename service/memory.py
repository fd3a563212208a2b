"""Keeping a long-running server process at the size it warmed up to, and its garbage collection short.

The server answers requests on a pool of threads, and glibc's allocator gives threads arenas of their own (up
to eight per core): memory freed in one arena is not reused by the others and seldom goes back to the system,
so under steady load the process grew by about a megabyte a minute while its Python heap stayed the same size.
The server limits itself to `ARENAS` arenas and hands free pages back to the system every `TRIM_SECONDS`.
Elsewhere than glibc both are left out.

Python's full garbage collection walks every object the process holds; with the modules, schemas and mappings
loaded at start-up that took up to 150 ms, in the middle of whichever request triggered it (the slowest 1 %
of reads were these pauses). Once started, the server moves what it holds to a generation the collector
never walks (`gc.freeze`), and collects the youngest objects less often.
"""

from __future__ import annotations

import ctypes
import gc
import threading
from typing import Any

M_ARENA_MAX = -8  # mallopt parameter of glibc's malloc.h
ARENAS = 2
TRIM_SECONDS = 60.0
YOUNG_COLLECTION_THRESHOLD = 2000  # allocations between collections of the youngest generation (Python: 700)


def _glibc() -> Any | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Call before threads start allocating: threads share at most `arenas` arenas. False where not glibc."""
    libc = _glibc()
    return bool(libc is not None and libc.mallopt(M_ARENA_MAX, arenas))


def trim() -> None:
    """Give the free pages of every arena back to the system."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


class Trimmer:
    """A thread that trims every `seconds` until stopped."""

    def __init__(self, seconds: float = TRIM_SECONDS) -> None:
        self.seconds = seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="malloc-trim", daemon=True)

    def start(self) -> Trimmer:
        if _glibc() is not None:
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.seconds):
            trim()


def freeze_startup_objects() -> None:
    """Call once the server has started: its objects so far are never collected, so full collections (which
    otherwise walk them every time) stay short. Once per process (an app made again, as tests do, changes
    nothing)."""
    if gc.get_freeze_count():
        return
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, old)
