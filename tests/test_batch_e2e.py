"""End to end with the real engine: kill -9 and resume, worker processes, a local Dask cluster."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from service.batch import run_batch
from tests.batch_helpers import read_jsonl, write_jsonl

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("batch") / "in.jsonl", 240)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> list[str]:
    """The single-process, uninterrupted run: what every other way of running must reproduce."""
    out = tmp_path_factory.mktemp("reference") / "out.jsonl"
    run_batch([corpus], output=out, workers=1)
    return out.read_text(encoding="utf-8").splitlines()


def _batch_process(corpus: Path, out: Path) -> subprocess.Popen:
    command = [
        sys.executable,
        "-c",
        "from service.cli import main; main()",
        "batch",
        str(corpus),
        "--output",
        str(out),
        "--workers",
        "1",
        "--chunk-size",
        "4",
        "--progress-interval",
        "0.5",
    ]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_killed_run_resumes_with_nothing_lost_or_written_twice(corpus, reference, tmp_path):
    out = tmp_path / "out.jsonl"
    process = _batch_process(corpus, out)
    deadline = time.monotonic() + 90
    while _lines(out) < 40 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    done_when_killed = _lines(out)
    assert 40 <= done_when_killed < 240, "the kill must land mid-run"

    resumed = _batch_process(corpus, out)
    _, stderr = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, stderr.decode()
    assert "resumed after" in stderr.decode()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [row["id"] for row in read_jsonl(out)] == [f"a{i:04d}" for i in range(240)]
    assert lines == reference
    assert not out.with_name("out.jsonl.checkpoint").exists()


def test_two_worker_processes_write_what_one_process_writes(corpus, reference, tmp_path):
    out = tmp_path / "out.jsonl"
    summary = run_batch([corpus], output=out, workers=2, chunk_size=16)
    assert summary.processed == 240
    assert out.read_text(encoding="utf-8").splitlines() == reference


def test_dask_local_cluster_writes_what_one_process_writes(corpus, reference, tmp_path):
    from distributed import LocalCluster

    out = tmp_path / "out.jsonl"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = run_batch([corpus], output=out, scheduler=cluster.scheduler_address, chunk_size=16)
    assert summary.processed == 240
    assert out.read_text(encoding="utf-8").splitlines() == reference
