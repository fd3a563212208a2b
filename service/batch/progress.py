"""Progress of a run: a rich bar (rate, ETA) on a terminal, plain periodic lines otherwise."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import TextIO


@dataclass(slots=True)
class BatchProgress:
    done: int  # input items handled so far, including earlier runs of a resumed batch
    total: int | None  # input items in all, once counted (counting runs alongside the work)
    processed: int
    duplicates: int
    failed: int
    rate: float  # items per second in this run
    eta_seconds: float | None
    finished: bool = False


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}h{rest // 60:02d}m" if hours else f"{rest // 60}m{rest % 60:02d}s"


def describe(progress: BatchProgress) -> str:
    of = f"/{progress.total}" if progress.total is not None else ""
    percent = f" ({100 * progress.done / progress.total:.0f}%)" if progress.total else ""
    return (
        f"batch: {progress.done}{of} items{percent}, {progress.rate:.1f}/s, ETA {_duration(progress.eta_seconds)}; "
        f"{progress.processed} processed, {progress.duplicates} duplicates, {progress.failed} failed"
    )


class PlainReporter:
    """One line every `interval` seconds (and at the end), for logs and pipes."""

    def __init__(self, stream: TextIO = sys.stderr, interval: float = 10.0) -> None:
        self._stream = stream
        self._interval = interval
        self._last: float | None = None  # the first report is always printed

    def __enter__(self) -> PlainReporter:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def __call__(self, progress: BatchProgress) -> None:
        now = time.monotonic()
        if progress.finished or self._last is None or now - self._last >= self._interval:
            self._last = now
            print(describe(progress), file=self._stream, flush=True)


class RichReporter:
    """A live bar on the terminal: items done of total, rate, ETA, and the running counters."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]:.1f}/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[counts]}"),
            console=Console(stderr=True),
        )
        self._task = self._bar.add_task("batch", total=None, rate=0.0, counts="")

    def __enter__(self) -> RichReporter:
        self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()

    def __call__(self, progress: BatchProgress) -> None:
        counts = f"{progress.processed} ok · {progress.duplicates} dup · {progress.failed} failed"
        self._bar.update(self._task, completed=progress.done, total=progress.total, rate=progress.rate, counts=counts)


def reporter_for(stream: TextIO = sys.stderr, interval: float = 10.0) -> PlainReporter | RichReporter:
    return RichReporter() if stream.isatty() else PlainReporter(stream, interval)
