"""Where chunks run: in this process, or in worker processes that each load the engine once."""

from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from models.records import Calendar
from nlp.engine import ArticleInput
from service.batch.work import Outcome, extract_chunk
from service.processes import exit_with_parent


class Executor(Protocol):
    slots: int  # chunks worth keeping in flight

    def submit(self, articles: list[ArticleInput]) -> Any: ...

    def result(self, handle: Any) -> list[Outcome]: ...

    def close(self, cancel: bool = False) -> None: ...


class InlineExecutor:
    """Single process: extraction happens when the result is asked for, so reading never runs far ahead."""

    slots = 1

    def __init__(self, calendar: Calendar | None, keep_results: bool) -> None:
        self._calendar = calendar
        self._keep = keep_results

    def submit(self, articles: list[ArticleInput]) -> list[ArticleInput]:
        return articles

    def result(self, handle: list[ArticleInput]) -> list[Outcome]:
        return extract_chunk(handle, self._calendar, self._keep)

    def close(self, cancel: bool = False) -> None:
        pass


_worker_calendar: Calendar | None = None
_worker_keep = False


def _init_worker(calendar: Calendar | None, keep_results: bool) -> None:
    global _worker_calendar, _worker_keep
    exit_with_parent()  # a killed run leaves no worker behind
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the runner stops us
    _worker_calendar, _worker_keep = calendar, keep_results


def _work(articles: list[ArticleInput]) -> list[Outcome]:
    return extract_chunk(articles, _worker_calendar, _worker_keep)


class ProcessExecutor:
    """N worker processes (spawned, so no state leaks from this one); chunks are returned in order by
    the runner, which keeps two chunks per worker in flight."""

    def __init__(self, workers: int, calendar: Calendar | None, keep_results: bool) -> None:
        self.slots = 2 * workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(calendar, keep_results),
        )

    def submit(self, articles: list[ArticleInput]) -> Future:
        return self._pool.submit(_work, articles)

    def result(self, handle: Future) -> list[Outcome]:
        return handle.result()

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)
