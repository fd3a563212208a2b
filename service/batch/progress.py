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


LOADING = "loading language models"


class PlainReporter:
    """One line every `interval` seconds (and at the end), for logs and pipes."""

    def __init__(self, stream: TextIO = sys.stderr, interval: float = 10.0) -> None:
        self._stream = stream
        self._interval = interval
        self._last: float | None = None  # the first report is always printed

    def __enter__(self) -> PlainReporter:
        print(f"batch: {LOADING}", file=self._stream, flush=True)
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def __call__(self, progress: BatchProgress) -> None:
        now = time.monotonic()
        if progress.finished or self._last is None or now - self._last >= self._interval:
            self._last = now
            print(describe(progress), file=self._stream, flush=True)


class RichReporter:
    """A live bar on the terminal: "loading language models" until the first chunk is done, then items done of
    total, rate, ETA (from the rate after warm-up), and the running counters."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[count]}"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("{task.fields[eta]}"),
            TextColumn("{task.fields[counts]}"),
            console=Console(stderr=True),
        )
        self._task = self._bar.add_task(LOADING, total=1, completed=0, count="", rate="", eta="", counts="")

    def __enter__(self) -> RichReporter:
        self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()

    def __call__(self, progress: BatchProgress) -> None:
        of = progress.total if progress.total is not None else "?"
        percent = f" ({100 * progress.done / progress.total:.0f}%)" if progress.total else ""
        self._bar.update(
            self._task,
            description="batch",
            completed=progress.done,
            total=progress.total or max(progress.done, 1),
            count=f"{progress.done}/{of}{percent}",
            rate=f"{progress.rate:.1f}/s",
            eta=f"ETA {_duration(progress.eta_seconds)}",
            counts=f"{progress.processed} ok · {progress.duplicates} dup · {progress.failed} failed",
        )


def reporter_for(stream: TextIO = sys.stderr, interval: float = 10.0) -> PlainReporter | RichReporter:
    return RichReporter() if stream.isatty() else PlainReporter(stream, interval)
