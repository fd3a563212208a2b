"""Where the service runs extractions: a pool of worker processes, each with its own engine.

A request never waits behind another request's long text (each worker takes one request at a time, and there
are several), and a request that runs past its time budget is stopped: its worker is killed and replaced, the
request gets a clear 422, and nothing of it is stored. A worker whose memory grew past a bound since its
warm-up is replaced after the request it just served, so a long-running server stays the size it started at.

`InProcessEngine` is the same interface around an engine in this process (tests, seeding): one extraction at a
time, no budget.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import threading
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from models.records import Calendar, ExtractionResult
from nlp.errors import InputError
from nlp.recent_names import KNOWN_NAMES_LIMIT, RecentNames

log = logging.getLogger("palmares.extraction")


WARM_TASKS = 100  # extractions after which a worker's memory counts as warmed up
# Workers run at a lower CPU priority than the server process (PALMARES_EXTRACT_NICENESS): when extraction keeps
# the cores busy, the short reads (pages, JSON) the server answers still get a core at once, and extraction
# takes what is left.
WORKER_NICENESS = 10


class ExtractionOverBudget(InputError):
    """The extraction ran past the per-request time budget (the text is too long or too hard)."""


class ExtractionBusy(Exception):
    """No worker became free in time: the server is overloaded."""


class ExtractionCrashed(Exception):
    """The worker died during the extraction (it is replaced)."""


def warm_up(engine: Any) -> None:
    """Extract each lexicon's `sample_sentence`, so each language's pipeline loads at start-up."""
    from nlp.pipeline.lexicon import available_languages, load_lexicon

    for language in available_languages():
        text = load_lexicon(language).data["sample_sentence"]
        engine.extract(f"{text}\n\n{text}", language=language)


class InProcessEngine:
    """An engine in this process, one extraction at a time: spaCy pipelines and their gazetteer are not
    safe to share between threads."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self._lock = threading.Lock()

    def add_known(self, athletes: list[str], teams: list[str], races: list[str]) -> None:
        with self._lock:
            self.engine.add_known(athletes, teams, races)

    def extract(self, text: str | bytes, **options: Any) -> ExtractionResult:
        with self._lock:
            return self.engine.extract(text, **options)

    def extract_many(self, items: list[Any], *, calendar: Calendar | None = None) -> list[Any]:
        with self._lock:
            return list(self.engine.extract_many(items, calendar=calendar))

    def start(self) -> None:
        with self._lock:
            warm_up(self.engine)

    def close(self) -> None:
        pass


def _resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096


def _worker_main(connection: Connection, known_limit: int, niceness: int = WORKER_NICENESS) -> None:
    """A pool worker: load the engine, warm it up, then answer one message at a time until told to stop."""
    import signal

    from nlp.engine import Engine
    from service.processes import exit_with_parent

    exit_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the server decides
    os.nice(niceness)
    engine = Engine(known_limit=known_limit)
    warm_up(engine)
    connection.send(("ready", _resident_bytes()))
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        kind, payload = message
        if kind == "names":
            engine.add_known(*payload)
            continue
        text, options = payload
        try:
            reply: tuple[str, Any] = ("ok", engine.extract(text, **options))
        except InputError as exc:
            reply = ("input", str(exc))
        except Exception as exc:  # logged here, reported to the server without its details
            traceback.print_exc()
            reply = ("error", type(exc).__name__)
        connection.send((*reply, _resident_bytes()))


@dataclass(eq=False)
class _Worker:
    process: Any  # multiprocessing.Process
    connection: Connection
    baseline: int = 0  # resident bytes after warm-up, then after its first WARM_TASKS extractions
    tasks: int = 0
    fed: tuple[int, int, int] = (0, 0, 0)  # the number of the last athlete, team, race it was sent


class ExtractionPool:
    """`processes` workers; `budget` seconds per extraction; a free worker is awaited at most `wait` seconds;
    a worker whose resident memory grew by more than `growth` (a fraction) since it warmed up, or doubled
    before that (a very long text), is replaced. Each worker's gazetteer keeps the `known_limit` most recent
    names of each kind, and so does the pool (a worker started later is sent them). Workers run `niceness`
    lower in CPU priority than the server."""

    def __init__(
        self,
        processes: int,
        budget: float,
        wait: float,
        growth: float = 0.25,
        known_limit: int = KNOWN_NAMES_LIMIT,
        niceness: int = WORKER_NICENESS,
    ) -> None:
        self.processes, self.budget, self.wait, self.growth = processes, budget, wait, growth
        self.known_limit, self.niceness = known_limit, niceness
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._names = tuple(RecentNames(known_limit) for _ in range(3))
        self._names_lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._closed = False

    # -- lifecycle --------------------------------------------------------------------------------
    def start(self) -> None:
        """Start every worker and wait until each has loaded and warmed up its engine."""
        starting = [self._spawn() for _ in range(self.processes)]
        for worker in starting:
            self._await_ready(worker)

    def close(self) -> None:
        self._closed = True
        for worker in list(self._workers):
            self._stop(worker)

    def _spawn(self) -> _Worker:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(
            target=_worker_main,
            args=(child_end, self.known_limit, self.niceness),
            name="palmares-extract",
            daemon=True,
        )
        process.start()
        child_end.close()
        worker = _Worker(process, parent_end)
        self._workers.add(worker)
        return worker

    def _await_ready(self, worker: _Worker) -> None:
        try:
            kind, rss = worker.connection.recv()
        except (EOFError, OSError):
            self._workers.discard(worker)
            raise RuntimeError("an extraction worker failed to start (see the log above)") from None
        worker.baseline = rss
        if self._closed:
            self._stop(worker)
        else:
            self._idle.put(worker)

    def _stop(self, worker: _Worker) -> None:
        self._workers.discard(worker)
        try:
            worker.connection.send(None)
        except (OSError, ValueError):
            pass
        worker.process.join(timeout=2)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(timeout=5)
        worker.connection.close()

    def _replace(self, worker: _Worker, why: str) -> None:
        """Kill `worker` and start another in the background (it joins the idle ones once warmed up)."""
        log.warning("replacing an extraction worker: %s", why)
        self._workers.discard(worker)
        worker.process.kill()
        worker.process.join(timeout=5)
        worker.connection.close()
        if not self._closed:
            threading.Thread(target=self._restart, name="extract-restart", daemon=True).start()

    def _restart(self) -> None:
        try:
            self._await_ready(self._spawn())
        except RuntimeError as exc:
            log.error("%s", exc)

    # -- names ------------------------------------------------------------------------------------
    def add_known(self, athletes: list[str], teams: list[str], races: list[str]) -> None:
        with self._names_lock:
            for known, names in zip(self._names, (athletes, teams, races), strict=True):
                known.add(names)

    def _feed(self, worker: _Worker) -> None:
        with self._names_lock:
            last = tuple(known.last for known in self._names)
            tails = [known.after(fed) for known, fed in zip(self._names, worker.fed, strict=True)]
        if last != worker.fed:
            worker.connection.send(("names", tails))
            worker.fed = last  # type: ignore[assignment]

    # -- work -------------------------------------------------------------------------------------
    def extract(self, text: str | bytes, **options: Any) -> ExtractionResult:
        try:
            worker = self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise ExtractionBusy(
                f"every extraction worker stayed busy for {self.wait:g} s: the server is overloaded, retry later"
            ) from None
        started = time.monotonic()
        try:
            self._feed(worker)
            worker.connection.send(("extract", (text, options)))
            if not worker.connection.poll(self.budget):
                self._replace(worker, f"over the {self.budget:g}-second budget")
                raise ExtractionOverBudget(
                    f"the extraction took longer than the {self.budget:g}-second budget of one request and was "
                    f"stopped (the text has {len(text):,} characters): send a shorter text, or use `palmares batch`"
                )
            kind, value, rss = worker.connection.recv()
        except (EOFError, OSError) as exc:
            if worker in self._workers:
                self._replace(worker, f"it stopped unexpectedly ({type(exc).__name__})")
            raise ExtractionCrashed("the extraction worker stopped unexpectedly; it has been restarted") from None
        worker.tasks += 1
        if worker.tasks == WARM_TASKS:  # caches and buffers have filled: growth is measured from here
            worker.baseline = rss
        bound = worker.baseline * (1 + self.growth if worker.tasks >= WARM_TASKS else 2)
        if rss > bound:
            self._replace(worker, f"memory grew from {worker.baseline >> 20} MB to {rss >> 20} MB")
        else:
            self._idle.put(worker)
        log.debug("extraction of %d characters in %.2f s", len(text), time.monotonic() - started)
        if kind == "ok":
            return value
        if kind == "input":
            raise InputError(value)
        raise ExtractionCrashed(f"the extraction failed ({value}); the server log has the details")

    def extract_many(self, items: list[Any], *, calendar: Calendar | None = None) -> list[Any]:
        """One outcome per item (a result or the exception that stopped it), each within its own budget."""
        from service.batch.work import extract_one

        return [extract_one(self, item, calendar) for item in items]
