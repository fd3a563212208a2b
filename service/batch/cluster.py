"""Chunks run on a Dask distributed cluster: each partition is a task, each worker loads the engine once."""

from __future__ import annotations

import socket
from typing import Any

from distributed import Client, Future
from distributed.diagnostics.plugin import WorkerPlugin

from models.records import Calendar
from nlp.engine import ArticleInput
from service.batch.errors import BatchError
from service.batch.work import Outcome, extract_chunk


class EngineLoader(WorkerPlugin):
    """Builds the process-wide engine when a worker starts, so tasks find it ready (and load nothing)."""

    name = "palmares-engine"

    def setup(self, worker: Any) -> None:
        from nlp.engine import get_engine

        get_engine()


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """Fails at once where nothing listens at a tcp:// address: Dask's client would retry until its timeout."""
    host, _, port = address.removeprefix("tcp://").rpartition(":")
    if address.startswith("tcp://") and host and port.isdigit():
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
            pass


class DaskExecutor:
    def __init__(self, address: str, calendar: Calendar | None, keep_results: bool) -> None:

        try:
            _check_reachable(address)
            self._client = Client(address, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise BatchError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self._client.register_plugin(EngineLoader(), name=EngineLoader.name)
        self._calendar = self._client.scatter(calendar, broadcast=True, hash=False) if calendar is not None else None
        self._keep = keep_results
        self.slots = 2 * max(sum(self._client.nthreads().values()), 1)

    def submit(self, articles: list[ArticleInput]) -> Future:
        return self._client.submit(extract_chunk, articles, self._calendar, self._keep, pure=False)

    def result(self, handle: Future) -> list[Outcome]:
        return handle.result()

    def close(self, cancel: bool = False) -> None:
        self._client.close()
