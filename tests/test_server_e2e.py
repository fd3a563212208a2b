"""The real `palmares serve` process on a free port, spoken to over HTTP."""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx2 as httpx
import pytest

from tests.service_helpers import AUTH, SKATING_NL, RunningServer, palmares_command

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("e2e")
    seed = data_dir / "seed-page.txt"
    seed.write_text(SKATING_NL.replace("tiende", "elfde"), encoding="utf-8")
    with RunningServer(data_dir, "--seed", str(seed)) as running:
        yield running


def test_server_creates_its_sqlite_store_and_seeds_the_page(server):
    assert (Path(server.env["PALMARES_DATA_DIR"]) / "palmares.sqlite").is_file()
    output = server.log.read_text()
    assert "seeded article: http://127.0.0.1:" in output
    articles = httpx.get(server.base + "/articles").json()
    assert [a["title"] for a in articles] == ["Smeekens elfde op de 500 meter"]


def test_post_and_read_back_over_http(server):
    response = httpx.post(
        server.base + "/articles", json={"text": SKATING_NL, "published": "2018-02-14"}, headers=AUTH, timeout=60
    )
    assert response.status_code in (200, 201)
    article = response.json()
    page = httpx.get(server.base + article["page_url"])
    assert page.status_code == 200 and "Jan Smeekens" in page.text
    again = httpx.post(server.base + "/articles", json={"text": SKATING_NL}, headers=AUTH, timeout=60)
    assert again.status_code == 200 and again.json()["id"] == article["id"]
    profile = httpx.get(server.base + "/athletes/jan-smeekens").json()
    assert len(profile["articles"]) == 2  # the seeded page and this one: one athlete


def test_writes_need_the_key_over_http(server):
    assert httpx.post(server.base + "/articles", json={"text": SKATING_NL}).status_code == 401


def test_no_stack_trace_reaches_the_client(server):
    response = httpx.post(
        server.base + "/articles", content=b"\xff\xfe", headers={**AUTH, "Content-Type": "text/plain"}
    )
    assert response.status_code == 422 and "Traceback" not in response.text


def test_reprocess_command_reruns_stored_articles(server):
    run = subprocess.run(
        [*palmares_command(), "reprocess", "--all"], env=server.env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert "reprocessed" in run.stdout and "0 failed" in run.stdout
    assert httpx.get(server.base + "/results?athlete=jan-smeekens").json()


def test_extraction_workers_yield_the_cores_to_the_server(server):
    import psutil

    assert server.process is not None
    parent = psutil.Process(server.process.pid)
    workers = [child for child in parent.children(recursive=True) if child.nice() != parent.nice()]
    assert len(workers) == 2  # PALMARES_EXTRACT_PROCESSES, at a lower priority: reads get a core first
    assert all(worker.nice() == parent.nice() + 10 for worker in workers)
