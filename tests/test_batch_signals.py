"""`palmares batch --workers 2` killed mid-run (SIGKILL, SIGTERM) leaves no process behind; the rerun resumes
exactly: every article once in the output."""

from __future__ import annotations

import json
import signal
import subprocess
import time

import psutil
import pytest

from tests.batch_helpers import write_jsonl
from tests.service_helpers import palmares_command

ARTICLES = 400


def start_batch(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    output = tmp_path / "out.jsonl"
    command = [*palmares_command(), "batch", str(source), "--output", str(output), "--workers", "2"]
    command += ["--chunk-size", "8", "--progress-interval", "0.5"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return process, command, output


def wait_until_working(process: subprocess.Popen, output) -> list[psutil.Process]:
    """The run's descendants once its workers have written some output."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        if output.exists() and output.stat().st_size > 0:
            return psutil.Process(process.pid).children(recursive=True)
        time.sleep(0.2)
    process.kill()
    raise AssertionError("the batch wrote nothing within 180 s")


def assert_all_gone(processes: list[psutil.Process]) -> None:
    gone, alive = psutil.wait_procs(processes, timeout=20)
    assert alive == [], f"left behind: {[p.cmdline()[:3] for p in alive]}"


def assert_each_article_once(output) -> None:
    ids = [json.loads(line)["id"] for line in output.read_text().splitlines()]
    assert sorted(ids) == [f"a{i:04d}" for i in range(ARTICLES)]


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_batch_leaves_no_process_and_resumes_exactly(tmp_path, how):
    process, command, output = start_batch(tmp_path)
    children = wait_until_working(process, output)
    assert len(children) >= 2  # the two workers (and multiprocessing's resource tracker)
    process.send_signal(how)
    code = process.wait(timeout=60)
    assert code == (-signal.SIGKILL if how == signal.SIGKILL else 130)
    if how == signal.SIGTERM:
        assert process.stderr is not None and "run the same command again to resume" in process.stderr.read()
    assert_all_gone(children)
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert_each_article_once(output)
