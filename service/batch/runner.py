"""`run_batch`: inputs -> chunks -> executor -> output, exactly once and resumable.

The main process reads the inputs in a deterministic order, skips what an earlier run already did,
spots duplicates by content hash, and sends chunks of articles to the executor (this process, worker
processes, or a Dask cluster). Chunks come back in input order; each is written whole, then the
checkpoint commits. The number of chunks in flight is bounded, so memory does not grow with the input.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from models.records import Calendar
from nlp.engine import ArticleInput
from service.batch.checkpoint import Checkpoint, Counters, State, remove
from service.batch.errors import BatchError, BatchInterrupted
from service.batch.items import SourceItem
from service.batch.limits import DEFAULT_LIMITS, Limits
from service.batch.output import JsonlSink
from service.batch.progress import BatchProgress
from service.batch.readers import iter_items
from service.batch.work import Outcome, duplicate_line, error_line

ProgressCallback = Callable[[BatchProgress], None]


@dataclass(slots=True)
class BatchSummary:
    processed: int
    duplicates: int
    failed: int
    reasons: dict[str, int]  # failure reason -> count
    items: int  # input items handled, including earlier runs of a resumed batch
    resumed_from: int  # items an earlier, interrupted run had already done
    elapsed: float  # seconds, this run
    output: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "processed": self.processed,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "reasons": self.reasons,
            "items": self.items,
            "resumed_from": self.resumed_from,
            "elapsed": round(self.elapsed, 3),
            "output": str(self.output) if self.output else None,
        }


@dataclass(slots=True)
class _Chunk:
    end: int  # input position after the chunk's last item
    slots: list[tuple[str, ...]] = field(
        default_factory=list
    )  # ("extract",) | ("error", line, reason) | ("duplicate", line)
    articles: list[ArticleInput] = field(default_factory=list)
    digests: list[tuple[bytes, str]] = field(default_factory=list)  # content hash, id of the item that has it
    handle: Any = None


def content_hash(article: ArticleInput) -> bytes | None:
    """Same text, date and language hint -> same extraction: the second one is a duplicate. Blank texts
    are never duplicates, so each gets its own error record."""
    text = article.text.encode("utf-8", "surrogatepass") if isinstance(article.text, str) else article.text
    if not text.strip():
        return None
    digest = hashlib.blake2b(text, digest_size=16)
    digest.update(f"\x00{article.published or ''}\x00{article.language or ''}".encode())
    return digest.digest()


def fingerprint(
    inputs: Sequence[str | os.PathLike], calendar: Calendar | None, dedup: bool, target: str, limits: Limits
) -> str:
    """Identifies a run's inputs and options: a checkpoint only resumes the run it was made for."""
    described = []
    for raw in inputs:
        path = Path(raw)
        try:
            info = path.stat()
            described.append(
                [
                    str(path.resolve()),
                    info.st_size if path.is_file() else None,
                    info.st_mtime_ns if path.is_file() else None,
                ]
            )
        except OSError:
            described.append([str(raw), None, None])
    calendar_json = json.dumps(calendar.to_dict(), sort_keys=True) if calendar is not None else None
    payload = json.dumps([described, calendar_json, dedup, target, repr(limits)], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def default_checkpoint(output: Path | None, run_fingerprint: str) -> Path:
    if output is not None:
        return output.with_name(output.name + ".checkpoint")
    return Path.cwd() / f".palmares-batch-{run_fingerprint[:16]}.checkpoint"


def run_batch(
    inputs: Sequence[str | os.PathLike],
    *,
    output: str | os.PathLike | None = None,
    store_url: str | None = None,
    calendar: Calendar | None = None,
    workers: int | None = 1,
    scheduler: str | None = None,
    checkpoint: str | os.PathLike | None = None,
    restart: bool = False,
    dedup: bool = True,
    chunk_size: int = 32,
    limits: Limits = DEFAULT_LIMITS,
    progress: ProgressCallback | None = None,
    should_stop: Callable[[], bool] | None = None,
    count_total: bool = True,
) -> BatchSummary:
    """Extract every article of `inputs` (files, directories, archives) into `output` (JSONL, one
    `ExtractionResult.to_dict()` or `{"id", "error"}` per line) and/or the database at `store_url`.

    workers: processes on this machine (None: all cores; 1: this process); scheduler: a Dask scheduler
    address ("tcp://host:8786") instead. Killing the run and calling again with the same arguments
    resumes from the checkpoint (`output` + ".checkpoint" by default; removed once the run completes).
    `progress` is called after each chunk; `should_stop` is polled between chunks (True: stop, keep the
    checkpoint, raise BatchInterrupted). Raises BatchError when the run cannot start.
    """
    if output is None and store_url is None:
        raise BatchError("nothing to write to: give an output file or a store")
    if not inputs:
        raise BatchError("no input paths given")
    missing = [str(path) for path in inputs if not Path(path).exists()]
    if missing:
        raise BatchError(f"no such file or directory: {', '.join(missing)}")
    output_path = Path(output) if output is not None else None
    if output_path is not None:
        _check_output_outside_inputs(output_path, inputs)
    run_fingerprint = fingerprint(
        inputs, calendar, dedup, f"{output_path and output_path.resolve()}|{store_url}", limits
    )
    checkpoint_path = Path(checkpoint) if checkpoint else default_checkpoint(output_path, run_fingerprint)
    from service.batch.checkpoint import CheckpointMismatch
    from service.batch.output import OutputMismatch

    try:
        checkpoint_db, state_before = Checkpoint.open(checkpoint_path, run_fingerprint, restart=restart)
    except CheckpointMismatch as exc:
        raise BatchError(str(exc)) from None
    state = state_before or State()
    resumed_from = state.position
    sinks: list[Any] = []
    executor = None
    try:
        if output_path is not None:
            sinks.append(JsonlSink(output_path, state.output_bytes if state_before else None))
        if store_url is not None:
            from service.batch.store import StoreSink

            sinks.append(StoreSink(store_url))
        executor = _executor(workers, scheduler, calendar, keep_results=store_url is not None)
        run = _Run(checkpoint_db, state, sinks, executor, progress, should_stop)
        items = iter_items(inputs, limits)
        if state.position:
            _skip(items, state.position)
        run.total = _TotalCounter(inputs, limits) if count_total else None
        run.loop(_chunks(items, state.position, chunk_size, dedup, checkpoint_db, run.inflight))
    except (CheckpointMismatch, OutputMismatch) as exc:
        raise BatchError(str(exc)) from None
    except BaseException:
        if executor is not None:
            executor.close(cancel=True)
            executor = None
        raise
    finally:
        if executor is not None:
            executor.close()
        for sink in sinks:
            sink.close()
        checkpoint_db.close()
    remove(checkpoint_path)
    counters = state.counters
    return BatchSummary(
        processed=counters.processed,
        duplicates=counters.duplicates,
        failed=counters.failed,
        reasons=dict(sorted(counters.reasons.items(), key=lambda kv: -kv[1])),
        items=state.position,
        resumed_from=resumed_from,
        elapsed=run.elapsed(),
        output=output_path,
    )


def _check_output_outside_inputs(output: Path, inputs: Sequence[str | os.PathLike]) -> None:
    target = output.resolve()
    for raw in inputs:
        source = Path(raw).resolve()
        if target == source or (source.is_dir() and target.is_relative_to(source)):
            raise BatchError(f"the output {output} must not be an input or inside an input directory")


def _executor(workers: int | None, scheduler: str | None, calendar: Calendar | None, keep_results: bool):
    if scheduler:
        from service.batch.cluster import DaskExecutor

        return DaskExecutor(scheduler, calendar, keep_results)
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 1:
        raise BatchError("--workers must be at least 1")
    if count == 1:
        from service.batch.executors import InlineExecutor

        return InlineExecutor(calendar, keep_results)
    from service.batch.executors import ProcessExecutor

    return ProcessExecutor(count, calendar, keep_results)


def _skip(items: Iterator[SourceItem], count: int) -> None:
    for _ in islice(items, count):
        pass


def _chunks(
    items: Iterator[SourceItem],
    position: int,
    chunk_size: int,
    dedup: bool,
    checkpoint: Checkpoint,
    inflight: dict[bytes, str],
) -> Iterator[_Chunk]:
    """Groups items into chunks of up to `chunk_size` articles to extract (and a bounded number of
    refused entries and duplicates, so they too are committed regularly)."""
    chunk = _Chunk(end=position)
    for item in items:
        chunk.end += 1
        if item.article is None:
            chunk.slots.append(("error", error_line(item.id, item.error or "unreadable"), item.error or "unreadable"))
        else:
            digest = content_hash(item.article) if dedup else None
            first = None if digest is None else inflight.get(digest)
            if digest is not None and first is None:
                first = checkpoint.seen(digest)
            if first is not None:
                chunk.slots.append(("duplicate", duplicate_line(item.id, first)))
            else:
                if digest is not None:
                    inflight[digest] = item.id
                    chunk.digests.append((digest, item.id))
                chunk.slots.append(("extract",))
                chunk.articles.append(item.article)
        if len(chunk.articles) >= chunk_size or len(chunk.slots) >= 8 * chunk_size:
            yield chunk
            chunk = _Chunk(end=chunk.end)
    if chunk.slots:
        yield chunk


class _TotalCounter:
    """Counts the input items in a background thread, for the progress total and ETA."""

    def __init__(self, inputs: Sequence[str | os.PathLike], limits: Limits) -> None:
        self.value: int | None = None
        self._thread = threading.Thread(target=self._count, args=(list(inputs), limits), daemon=True)
        self._thread.start()

    def _count(self, inputs: list, limits: Limits) -> None:
        try:
            self.value = sum(1 for _ in iter_items(inputs, limits))
        except Exception:  # the total is a nicety; the run reports its own read errors
            self.value = None


class _Run:
    def __init__(
        self,
        checkpoint: Checkpoint,
        state: State,
        sinks: list[Any],
        executor,
        progress: ProgressCallback | None,
        should_stop: Callable[[], bool] | None,
    ) -> None:
        self.checkpoint = checkpoint
        self.state = state
        self.sinks = sinks
        self.executor = executor
        self.progress = progress
        self.should_stop = should_stop
        self.inflight: dict[bytes, str] = {}  # content hash -> id, for chunks sent and not yet committed
        self.total: _TotalCounter | None = None
        self.started = time.monotonic()
        self.start_position = state.position
        self.warm: tuple[float, int] | None = None  # when and where the first chunk (models loaded) finished

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def loop(self, chunks: Iterator[_Chunk]) -> None:
        pending: deque[_Chunk] = deque()
        for chunk in chunks:
            chunk.handle = self.executor.submit(chunk.articles) if chunk.articles else None
            pending.append(chunk)
            while len(pending) >= self.executor.slots:
                self._finish(pending.popleft())
        while pending:
            self._finish(pending.popleft())
        self._report(finished=True)

    def _finish(self, chunk: _Chunk) -> None:
        try:
            outcomes: list[Outcome] = self.executor.result(chunk.handle) if chunk.handle is not None else []
        except BrokenProcessPool:
            raise BatchError("a worker process died (out of memory?); run again to resume") from None
        except Exception as exc:
            if type(exc).__name__ == "KilledWorker":  # Dask gave up on a task after its workers kept dying
                raise BatchError(f"Dask workers kept dying on a chunk ({exc}); run again to resume") from None
            raise
        counters: Counters = self.state.counters
        lines: list[str] = []
        stored: list[tuple[ArticleInput, Any]] = []
        extracted = iter(zip(chunk.articles, outcomes, strict=True))
        for slot in chunk.slots:
            if slot[0] == "duplicate":
                lines.append(slot[1])
                counters.duplicates += 1
            elif slot[0] == "error":
                lines.append(slot[1])
                counters.fail(slot[2])
            else:
                article, outcome = next(extracted)
                lines.append(outcome.line)
                if outcome.error is not None:
                    counters.fail(outcome.error)
                else:
                    counters.processed += 1
                    if outcome.result is not None:
                        stored.append((article, outcome.result))
        for sink in self.sinks:
            sink.write(lines, stored)
        self.state.position = chunk.end
        self.state.output_bytes = next((s.size for s in self.sinks if isinstance(s, JsonlSink)), 0)
        self.checkpoint.commit(self.state, chunk.digests)
        for digest, _ in chunk.digests:
            self.inflight.pop(digest, None)
        self._report()
        if self.should_stop is not None and self.should_stop():
            raise BatchInterrupted(f"stopped after {self.state.position} items; run again to resume")

    def _rate(self, done: int) -> tuple[float, bool]:
        """Items per second and whether it is the rate after warm-up: the first chunk also loads the language
        models, so the ETA is computed from the chunks after it."""
        now = time.monotonic()
        if self.warm is None:
            self.warm = (now, done)
        warm_time, warm_done = self.warm
        if done > warm_done and now > warm_time:
            return (done - warm_done) / (now - warm_time), True
        return (done - self.start_position) / max(now - self.started, 1e-6), False

    def _report(self, finished: bool = False) -> None:
        if self.progress is None:
            return
        counters = self.state.counters
        done = self.state.position
        rate, warm = self._rate(done)
        total = self.total.value if self.total is not None else None
        if finished:
            total = done
        eta = (total - done) / rate if total is not None and rate > 0 and (warm or finished) else None
        self.progress(
            BatchProgress(
                done=done,
                total=total,
                processed=counters.processed,
                duplicates=counters.duplicates,
                failed=counters.failed,
                rate=rate,
                eta_seconds=eta,
                finished=finished,
            )
        )
