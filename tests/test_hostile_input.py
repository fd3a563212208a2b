"""Hostile and heavy input, as a demanding operator would send it: each answer is a clear 4xx that names the
problem, never a 500, and nothing already stored is lost or half-written. Store-dependent cases run on SQLite
and, when it answers, on the local PostgreSQL."""

from __future__ import annotations

import io
import json
import re
import tarfile
import time
from pathlib import Path

import pytest

from tests.service_helpers import AUTH, SKATING_NL, IsolatedEngine, wait_for
from tests.store_urls import STORE_KINDS, fresh_store_url

ROOT = Path(__file__).resolve().parents[1]
READ_ROUTES = [
    "/articles?athlete={v}",
    "/articles?language={v}",
    "/athletes?q={v}",
    "/athletes/{v}",
    "/athletes/{v}/summary",
    "/results?athlete={v}",
    "/results?event={v}",
    "/calendar?category={v}",
    "/calendar/{v}",
    "/jobs/{v}",
    "/view/athletes/{v}",
    "/view/calendar?category={v}",
    "/view/calendar/{v}",
    "/view/results?athlete={v}",
    "/view/articles/1?lang={v}",
]
INTERNALS = re.compile(r"SELECT|INSERT|Traceback|sqlalchemy|psycopg|sqlite3", re.IGNORECASE)


@pytest.fixture(params=STORE_KINDS)
def client(request, tmp_path, engine):
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import Settings

    with fresh_store_url(request.param, tmp_path) as url:
        settings = Settings(data_dir=tmp_path / "data", database_url=url, api_keys="test-key")
        with TestClient(create_app(settings, engine=IsolatedEngine(engine)), raise_server_exceptions=False) as c:
            yield c


def stored_count(client) -> int:
    return len(client.get("/articles?limit=500").json())


def assert_clear_error(response, status: int, *words: str) -> None:
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str), "the schema says `detail` is a sentence"
    assert not INTERNALS.search(response.text), "no SQL or stack text in an answer"
    for word in words:
        assert word.lower() in detail.lower(), f"{word!r} not in {detail!r}"


# -- 1. installs: the runtime dependencies are complete and pinned ---------------------------------------------


def test_every_runtime_dependency_is_pinned_in_the_constraints_file():
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[\[<>=~! ;]", d, maxsplit=1)[0].lower().replace("_", "-") for d in declared}
    pinned = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line and not line.startswith("#")
    }
    assert names - pinned == set()
    assert "lxml-html-clean" in names, "jusText imports lxml.html.clean, a package of its own since lxml 5.2"


def test_an_html_page_is_extracted_by_the_command_line():
    from typer.testing import CliRunner

    from service.cli import app

    outcome = CliRunner().invoke(app, ["extract", str(ROOT / "examples" / "html-page.html")])
    assert outcome.exit_code == 0, outcome.output
    assert "Mira Holm" in outcome.output and "tracker" not in outcome.output


# -- 2. long texts: read in pieces; a request over its time budget is stopped, nothing stored -------------------


@pytest.mark.slow
def test_a_request_over_the_time_budget_gets_422_and_the_next_one_is_served(tmp_path):
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import Settings

    settings = Settings(
        data_dir=tmp_path / "data",
        api_keys="test-key",
        extract_processes=1,
        extract_budget_seconds=1.0,
        extract_wait_seconds=120,
    )
    long_text = "\n\n".join(f"Lotte Bakker won race {n} in 38.12, ahead of Mira Holm." for n in range(6000))
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        started = time.monotonic()
        response = client.post("/articles", json={"text": long_text}, headers=AUTH)
        assert time.monotonic() - started < 30
        assert_clear_error(response, 422, "budget", "shorter")
        assert client.get("/articles").json() == []
        assert client.post("/articles", json={"text": SKATING_NL}, headers=AUTH).status_code == 201


def test_a_text_over_spacys_max_length_is_read_in_pieces(engine):
    result = engine.extract("Uitslag\n\n" + "x" * 1_200_000)  # one 1.2M-character 'word': cheap to tag
    assert result.blocks and result.language


def test_the_command_line_exits_2_with_a_message_for_an_oversized_file(tmp_path):
    from typer.testing import CliRunner

    from service.cli import app

    page = tmp_path / "huge.txt"
    page.write_text("x" * 2_100_000)
    outcome = CliRunner().invoke(app, ["extract", str(page)])
    assert outcome.exit_code == 2 and "limit" in outcome.output and "Traceback" not in outcome.output


# -- 3. concurrent writers: tests/test_concurrent_writes.py --------------------------------------------------------
# -- 4. POST /batch: a bad line is an error for that line; the others are stored -----------------------------------


def test_bad_batch_lines_fail_alone_and_the_good_ones_are_stored(client):
    lines = [
        json.dumps({"text": SKATING_NL, "id": "good"}),
        "[" * 5000 + "]" * 5000,
        json.dumps({"text": "Tekst\u0000met NUL", "id": "nul"}),
        json.dumps({"text": SKATING_NL + "\n\nTwee.", "source_url": "javascript:alert(1)"}),
        json.dumps({"text": SKATING_NL + "\n\nDrie.", "id": "x" * 5000}),
        "{not json",
    ]
    response = client.post("/batch", content="\n".join(lines).encode(), headers=AUTH)
    assert response.status_code == 202
    job = wait_for(client, response.json()["url"])
    assert job["status"] == "done"
    assert (job["stored"], job["failed"]) == (2, 4), job
    messages = {e["line"]: e["message"] for e in job["errors"]}
    assert "nested too deeply" in messages[2] and "NUL" in messages[3] and "http" in messages[4]
    assert "JSON" in messages[6]
    assert not INTERNALS.search(json.dumps(job))
    assert stored_count(client) == 2


# -- 5. answers that used to be 500s -------------------------------------------------------------------------------


def test_json_nested_5000_deep_is_a_clear_422(client):
    response = client.post(
        "/articles", content=b"[" * 5000 + b"]" * 5000, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert_clear_error(response, 422, "nested")


@pytest.mark.parametrize("route", READ_ROUTES)
def test_a_nul_character_in_a_url_is_a_clear_422(client, route):
    assert_clear_error(client.get(route.format(v="a%00b")), 422, "NUL")


def test_a_publication_date_at_the_edge_of_time_is_a_clear_422(client):
    # "Sunday" a day before 0001-01-01 overflowed the date arithmetic: a 500 (found by Schemathesis, seed 4)
    article = {"text": "On Sunday Maria Testova won the 500 m in 37.80 ahead of Anna Proefson.", "published": ""}
    for published in ("0001-01-01", "9999-12", "1799-12-31"):
        response = client.post("/articles", json={**article, "published": published}, headers=AUTH)
        assert_clear_error(response, 422, "published", "1800")
    assert client.post("/articles", json={**article, "published": "1800-01-01"}, headers=AUTH).status_code == 201


def test_a_date_at_the_edge_of_time_in_the_text_is_no_date_and_the_article_is_stored(client):
    text = "Maria Testova won the 500 m on 31 December 9999 in 37.80. On 2 January 0001 she won again."
    assert client.post("/articles", json={"text": text, "published": "2026-01-10"}, headers=AUTH).status_code == 201


def test_the_command_line_exits_2_for_a_publication_date_at_the_edge_of_time(tmp_path):
    from typer.testing import CliRunner

    from service.cli import app

    page = tmp_path / "report.txt"
    page.write_text("On Sunday Maria Testova won the 500 m in 37.80 ahead of Anna Proefson.")
    outcome = CliRunner().invoke(app, ["extract", str(page), "--published", "0001-01-01"])
    assert outcome.exit_code == 2 and "published" in outcome.output and "Traceback" not in outcome.output


def test_a_calendar_month_at_the_edge_of_time_is_a_clear_422(client):
    assert_clear_error(client.get("/view/calendar?month=0001-01"), 422, "month")
    assert client.get("/view/calendar?month=0002-01").status_code == 200


@pytest.mark.parametrize(
    "text",
    [
        "Nguyễn Văn An đã giành chiến thắng trong cuộc đua tại Hà Nội vào chủ nhật vừa qua.",
        "นักกีฬาไทยชนะการแข่งขันวิ่งในกรุงเทพเมื่อวันอาทิตย์ที่ผ่านมา",
        "東京で行われた大会で山田選手が優勝しました。二位は佐藤選手でした。",
        "김철수 선수가 서울에서 열린 대회에서 우승했습니다. 이영희 선수는 2위를 차지했습니다.",
        "张伟在北京举行的比赛中获得冠军。",
    ],
)
def test_text_in_a_language_without_a_pipeline_still_gets_a_result(client, text):
    response = client.post("/articles", json={"text": f"{text}\n\n{text}"}, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json()["result"]["summary"]


def test_validation_errors_match_the_documented_schema(client):
    response = client.get("/articles?limit=0")
    assert_clear_error(response, 422, "limit")
    assert response.json()["errors"][0]["loc"] == ["query", "limit"]
    documented = client.get("/openapi.json").json()["paths"]["/articles"]["get"]["responses"]["422"]
    assert documented["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")


def test_text_longer_than_its_column_is_stored_cut_on_every_store(client):
    name = "Lotte " + "Bakkerenburg" * 40  # an athlete name of 486 characters: the column holds 300
    text = f"{name} wint\n\n{name} heeft de 500 meter gewonnen in 38,12."
    response = client.post("/articles", json={"text": text}, headers=AUTH)
    assert response.status_code == 201, response.text


# -- 6. stored XSS ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil"])
def test_a_source_url_that_is_not_http_is_refused(client, url):
    as_json = client.post("/articles", json={"text": SKATING_NL, "source_url": url}, headers=AUTH)
    assert_clear_error(as_json, 422, "http")
    raw = client.post(
        "/articles",
        params={"source_url": url},
        content=SKATING_NL.encode(),
        headers={**AUTH, "Content-Type": "text/plain"},
    )
    assert_clear_error(raw, 422, "http")
    assert stored_count(client) == 0


def test_a_stored_non_http_source_url_is_never_a_link(client):
    from models.storage import store_extraction

    services = client.app.state.services
    result = services.extract(SKATING_NL)
    with services.sessions() as session:
        article_id = store_extraction(session, {"text": SKATING_NL, "source_url": "javascript:alert(1)"}, result)
        session.commit()
    page = client.get(f"/view/articles/{article_id}").text
    assert "javascript:" not in page


def test_html_in_a_quote_is_text_in_markdown_summaries(engine):
    from nlp.engine import render_summary

    text = 'Bakker wint\n\nLotte Bakker won the 500m in 38.12. "<img src=x onerror=alert(1)> was great," Bakker said.'
    markdown = render_summary(engine.extract(text, language="en"), "en", "markdown")
    assert "<img" not in markdown


def test_pages_and_answers_carry_security_headers(client):
    for path in ("/", "/view/calendar", "/articles"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]


# -- 7. batch runs that are killed leave no process behind: tests/test_batch_signals.py ---------------------------
# -- 8. batch input nested too deeply is an error record -----------------------------------------------------------


def test_a_deeply_nested_jsonl_line_or_json_file_is_an_error_record(tmp_path):
    from service.batch.readers import iter_items

    (tmp_path / "lines.jsonl").write_text(
        json.dumps({"id": "a", "text": "Tekst een"})
        + "\n"
        + "[" * 100_000
        + "]" * 100_000
        + "\n"
        + json.dumps({"id": "b", "text": "Tekst twee"})
        + "\n"
    )
    (tmp_path / "deep.json").write_text("{\n" + '"a": {\n' * 50_000 + "}\n" * 50_001)
    found = list(iter_items([tmp_path / "lines.jsonl", tmp_path / "deep.json"]))
    assert [item.id for item in found if item.article] == ["a", "b"]
    errors = [item.error for item in found if item.error]
    assert len(errors) == 2 and all("nested too deeply" in e for e in errors)
    assert errors[0].startswith("line 2 ")


# -- 9. compression bombs are stopped while reading ------------------------------------------------------------------


class _Zeros(io.RawIOBase):
    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = min(len(buffer), self.left)
        buffer[:count] = bytes(count)
        self.left -= count
        return count


def test_a_tar_gz_bomb_member_is_refused_while_it_decompresses(tmp_path):
    from service.batch.readers import iter_items

    bomb = tmp_path / "bomb.tar.gz"
    with tarfile.open(bomb, "w:gz") as archive:
        good = json.dumps({"id": "ok", "text": "Tekst"}).encode()
        info = tarfile.TarInfo("a.jsonl")
        info.size = len(good)
        archive.addfile(info, io.BytesIO(good))
        info = tarfile.TarInfo("zeros.txt")
        info.size = 256 << 20
        archive.addfile(info, io.BufferedReader(_Zeros(256 << 20)))
    started = time.monotonic()
    errors = [item.error for item in iter_items([bomb]) if item.error]
    assert time.monotonic() - started < 10  # 256 MiB were never decompressed
    assert any("zip bomb" in e for e in errors) and any("per-file cap" in e for e in errors)


# -- 10. secrets stay out of the output --------------------------------------------------------------------------------


def test_the_store_url_is_shown_without_its_password():
    from service.cli.serve import hide_secrets, shown_url

    url = "postgresql://palmares:s3cret-pw@db.example:5432/news"
    assert "s3cret-pw" not in shown_url(url) and "db.example" in shown_url(url)
    assert hide_secrets("connection to s3cret-pw failed", url) == "connection to *** failed"


def test_a_failing_store_is_reported_without_its_password(monkeypatch):
    from typer.testing import CliRunner

    from service.cli import app
    from service.settings import get_settings

    monkeypatch.setenv("PALMARES_DATABASE_URL", "postgresql://palmares:s3cret-pw@127.0.0.1:1/none")
    get_settings.cache_clear()
    try:
        outcome = CliRunner().invoke(app, ["serve", "--port", "0"])
    finally:
        get_settings.cache_clear()
    assert outcome.exit_code == 2
    assert "s3cret-pw" not in outcome.output and "***" in outcome.output


def test_a_one_run_key_is_not_printed_into_a_pipe_or_log(capsys):
    from service.cli.serve import tell_one_run_key

    tell_one_run_key("k3y-for-this-run")
    out = capsys.readouterr().out
    assert "k3y-for-this-run" not in out and "PALMARES_API_KEYS" in out


# -- 11. memory: new words do not stay in the vocabulary of a long-running process -------------------------------------


def test_the_vocabulary_does_not_grow_with_each_new_text(engine):
    from nlp.pipeline.loader import get_pipeline

    engine.extract("Uitslag\n\nQwertyplank Zorbulin won the 500m.", language="en")
    strings = len(get_pipeline("en").vocab.strings)
    for n in range(5):
        engine.extract(f"Uitslag\n\nFrobnitz{n} Quaxelbrook{n} won the {n}00m in Vlimmerdorp{n}.", language="en")
    assert len(get_pipeline("en").vocab.strings) == strings
