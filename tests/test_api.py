"""The JSON API over a real store and the real engine: every endpoint, its filters and its error paths."""

from __future__ import annotations

import pytest

from tests.service_helpers import (
    AUTH,
    CALENDAR,
    CYCLING_EN,
    SKATING_NL,
    SKATING_NL_LATER,
    IsolatedEngine,
    make_client,
    wait_for,
)


@pytest.fixture
def client(tmp_path, engine):
    with make_client(tmp_path, IsolatedEngine(engine)) as c:
        yield c


def post(client, text, **fields):
    return client.post("/articles", json={"text": text, **fields}, headers=AUTH)


# -- articles ---------------------------------------------------------------------------------------------------


def test_post_article_returns_201_with_the_extraction_and_links(client):
    response = post(client, SKATING_NL, published="2018-02-14", source_url="https://example.org/smeekens")
    assert response.status_code == 201
    body = response.json()
    assert body["created"] is True
    assert body["title"] == "Smeekens tiende op de 500 meter"
    assert body["language"] == "nl"
    assert body["source_url"] == "https://example.org/smeekens"
    assert body["page_url"] == f"/view/articles/{body['id']}"
    smeekens = next(r for r in body["result"]["results"] if r["athlete"] == "Jan Smeekens")
    assert (smeekens["rank"], smeekens["time"]) == (10, 34.93)
    assert {
        "name": "Jan Smeekens",
        "athlete": "Jan Smeekens",
        "slug": "jan-smeekens",
        "url": "/athletes/jan-smeekens",
    } in body["athletes"]


def test_posting_the_same_article_twice_returns_the_stored_one(client):
    first = post(client, SKATING_NL)
    second = post(client, SKATING_NL)
    assert second.status_code == 200
    assert second.json()["id"] == first.json()["id"] and second.json()["created"] is False
    assert len(client.get("/articles").json()) == 1


def test_post_raw_text_body_with_query_options(client):
    response = client.post(
        "/articles?published=2018-02-14&language=nl",
        content=SKATING_NL.encode(),
        headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"},
    )
    assert response.status_code == 201
    assert response.json()["published"] == "2018-02-14"


def test_post_html_page(client):
    html = (
        "<html><body><script>alert(1)</script><h1>Smeekens tiende</h1>"
        + "".join(f"<p>{p}</p>" for p in SKATING_NL.split("\n\n")[1:])
        + "</body></html>"
    )
    response = client.post("/articles", content=html.encode(), headers={**AUTH, "Content-Type": "text/html"})
    assert response.status_code == 201
    assert "alert" not in str(response.json()["result"]["blocks"])


def test_get_article_by_id(client):
    article_id = post(client, SKATING_NL).json()["id"]
    body = client.get(f"/articles/{article_id}").json()
    assert body["id"] == article_id and body["result"]["language"] == "nl"


def test_get_unknown_article_is_404(client):
    response = client.get("/articles/999")
    assert response.status_code == 404 and response.json()["detail"] == "no article with id 999"


def test_list_articles_filters(client):
    post(client, SKATING_NL, published="2018-02-14")
    post(client, CYCLING_EN, published="2026-05-03")
    assert [a["language"] for a in client.get("/articles?language=en").json()] == ["en"]
    assert [a["published"] for a in client.get("/articles?since=2020-01-01").json()] == ["2026-05-03"]
    assert len(client.get("/articles?athlete=jan-smeekens").json()) == 1
    assert len(client.get("/articles?athlete=Jan Smeekens").json()) == 1
    assert client.get("/articles?athlete=nobody").json() == []


def test_list_articles_rejects_a_bad_date(client):
    response = client.get("/articles?since=yesterday")
    assert response.status_code == 422
    assert "since" in response.json()["detail"]


# -- writes need a key; bad input gets a clear 4xx --------------------------------------------------------------


def test_write_without_a_key_is_401(client):
    response = client.post("/articles", json={"text": SKATING_NL})
    assert response.status_code == 401 and "API key" in response.json()["detail"]


def test_write_with_a_wrong_key_is_401(client):
    response = client.post("/articles", json={"text": SKATING_NL}, headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401 and response.json()["detail"] == "invalid API key"


def test_writes_are_refused_when_no_keys_are_configured(tmp_path, engine):
    with make_client(tmp_path, IsolatedEngine(engine), api_keys="") as client:
        response = client.post("/articles", json={"text": SKATING_NL}, headers=AUTH)
    assert response.status_code == 403 and "PALMARES_API_KEYS" in response.json()["detail"]


def test_reads_can_require_a_key(tmp_path, engine):
    with make_client(tmp_path, IsolatedEngine(engine), read_auth=True) as client:
        assert client.get("/articles").status_code == 401
        assert client.get("/articles", headers=AUTH).status_code == 200
        assert client.get("/view/athletes").status_code == 401
        assert client.get("/health").status_code == 200


def test_body_over_the_limit_is_413(tmp_path, engine):
    with make_client(tmp_path, IsolatedEngine(engine), max_body_bytes=1000) as client:
        response = post(client, "x" * 2000)
    assert response.status_code == 413 and "1000 bytes" in response.json()["detail"]


@pytest.mark.parametrize(
    "payload, fragment",
    [
        ({}, "body.text: Field required"),
        ({"text": ""}, "body.text"),
        ({"text": "x", "published": "14-02-2018"}, "body.published"),
        ({"text": "x", "colour": "red"}, "body.colour: Extra inputs are not permitted"),
        ({"text": 5}, "body.text: Input should be a valid string"),
    ],
)
def test_malformed_json_is_422_with_a_message(client, payload, fragment):
    response = client.post("/articles", json=payload, headers=AUTH)
    assert response.status_code == 422
    assert fragment in response.json()["detail"]


def test_invalid_json_is_422(client):
    response = client.post("/articles", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422 and "not valid JSON" in response.json()["detail"]


def test_invalid_utf8_is_422(client):
    response = client.post("/articles", content=b"caf\xe9 \xff", headers={**AUTH, "Content-Type": "text/plain"})
    assert response.status_code == 422 and "UTF-8" in response.json()["detail"]


def test_unsupported_content_type_is_415(client):
    response = client.post("/articles", content=b"x", headers={**AUTH, "Content-Type": "image/png"})
    assert response.status_code == 415


def test_text_without_an_article_is_422_from_the_engine(client):
    response = post(client, "<html><body><script>var a = 1;</script></body></html>")
    assert response.status_code == 422
    assert "Traceback" not in response.text


def test_unexpected_errors_are_500_without_a_stack_trace(tmp_path, engine):
    class Broken:
        def add_known(self, *args):
            pass

        def extract(self, *args, **kwargs):
            raise RuntimeError("secret internals")

    with make_client(tmp_path, Broken()) as client:
        response = post(client, SKATING_NL)
    assert response.status_code == 500
    assert "secret" not in response.text and "Traceback" not in response.text


# -- athletes -------------------------------------------------------------------------------------------------


def test_athletes_accumulate_across_articles(client):
    post(client, SKATING_NL, published="2018-02-14")
    post(client, SKATING_NL_LATER, published="2018-03-01")
    matches = client.get("/athletes?q=smeekens").json()
    assert [a["slug"] for a in matches] == ["jan-smeekens"]
    profile = client.get("/athletes/jan-smeekens").json()
    assert len(profile["articles"]) == 2
    assert sorted(r["rank"] for r in profile["results"] if r["rank"]) == [1, 10]
    assert profile["medals"] == {"gold": 0, "silver": 0, "bronze": 0}
    assert any("zonde" in q["text"] for q in profile["quotes"])


def test_athlete_search_ignores_accents(client):
    post(client, SKATING_NL)
    assert [a["name"] for a in client.get("/athletes?q=HÅVARD").json()] == ["Havard Lorentzen"]


def test_unknown_athlete_is_404(client):
    assert client.get("/athletes/nobody").status_code == 404
    assert client.get("/athletes/nobody/summary").status_code == 404


@pytest.mark.parametrize(
    "fmt, media, marker",
    [("text", "text/plain", "34.93"), ("markdown", "text/markdown", "34.93"), ("html", "text/html", "<section")],
)
def test_athlete_summary_formats(client, fmt, media, marker):
    post(client, SKATING_NL)
    response = client.get(f"/athletes/jan-smeekens/summary?lang=en&format={fmt}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert marker in response.text


def test_athlete_summary_in_dutch(client):
    post(client, SKATING_NL)
    assert "34,93" in client.get("/athletes/jan-smeekens/summary?lang=nl").text


def test_athlete_summary_rejects_an_unknown_format(client):
    post(client, SKATING_NL)
    assert client.get("/athletes/jan-smeekens/summary?format=pdf").status_code == 422


# -- results --------------------------------------------------------------------------------------------------


def test_results_filters(client):
    post(client, SKATING_NL, published="2018-02-14")
    post(client, CYCLING_EN, published="2026-05-03")
    smeekens = client.get("/results?athlete=jan-smeekens").json()
    assert [(r["rank"], r["time"]) for r in smeekens] == [(10, 34.93)]
    assert all("500" in (r["event"] or "") for r in client.get("/results?event=500").json())
    recent = {r["athlete"] for r in client.get("/results?since=2026-01-01").json()}
    assert "Oscar Quinn" in recent and "Jan Smeekens" not in recent
    assert client.get("/results?competition=no such race").json() == []


# -- calendar ---------------------------------------------------------------------------------------------------


def post_calendar(client, text=CALENDAR, content_type="text/plain"):
    return client.post("/calendar", content=text.encode(), headers={**AUTH, "Content-Type": content_type})


def test_post_calendar_stores_races(client):
    response = post_calendar(client)
    assert response.status_code == 201
    body = response.json()
    assert body["stored"] == 2 and body["errors"] == []
    assert [s["finish"] for s in body["races"][0]["stages"]] == ["Lago Verde", "Monte Nebbia", "Borgo Alto"]


def test_posting_a_calendar_twice_updates_instead_of_duplicating(client):
    post_calendar(client)
    post_calendar(client)
    assert len(client.get("/calendar").json()) == 2


def test_calendar_filters(client):
    post_calendar(client)
    assert [r["name"] for r in client.get("/calendar?from=2026-05-05&to=2026-05-31").json()] == [
        "Omloop van het Testland"
    ]
    assert [r["category"] for r in client.get("/calendar?category=WorldTeam Men").json()] == ["WorldTeam Men"]
    assert client.get("/calendar?from=2027-01-01").json() == []
    assert client.get("/calendar?from=2026-06-01&to=2026-05-01").status_code == 422


def test_calendar_ics_feed_round_trips(client):
    post_calendar(client)
    response = client.get("/calendar.ics")
    assert response.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in response.text and "Giro della Valle Fittizia" in response.text
    again = post_calendar(client, response.text, "text/calendar")  # the feed read back updates, not duplicates
    assert again.json()["stored"] == 2 and len(client.get("/calendar").json()) == 2


def test_a_calendar_feed_category_with_a_line_break_is_a_clear_422_not_a_crash(client):
    post_calendar(client)
    response = client.get("/calendar.ics", params={"category": "WorldTeam\nX-INJECTED:1"})
    assert response.status_code == 422 and "category" in response.json()["detail"]


def test_article_about_a_stage_links_to_the_race(client):
    post_calendar(client)
    article = post(client, CYCLING_EN, published="2026-05-03").json()
    assert [(link["race"], link["stage"]) for link in article["calendar_links"]] == [("Giro della Valle Fittizia", 2)]
    slug = article["calendar_links"][0]["slug"]
    race = client.get(f"/calendar/{slug}").json()
    assert [a["id"] for a in race["articles"]] == [article["id"]]
    assert "oscar-quinn" in [a["slug"] for a in race["athletes"]]
    assert client.get("/athletes/oscar-quinn").json()["calendar"][0]["slug"] == slug


def test_unknown_race_is_404(client):
    assert client.get("/calendar/no-such-race").status_code == 404


def test_calendar_without_entries_is_422(client):
    response = post_calendar(client, "just some words\nand more words")
    assert response.status_code == 422 and "no calendar entry" in response.json()["detail"]


def test_calendar_write_needs_a_key(client):
    assert (
        client.post("/calendar", content=CALENDAR.encode(), headers={"Content-Type": "text/plain"}).status_code == 401
    )


# -- batch jobs -------------------------------------------------------------------------------------------------


def test_batch_runs_in_the_background_and_reports_progress(client):
    import json

    lines = [
        json.dumps({"text": SKATING_NL, "published": "2018-02-14"}),
        "not json",
        json.dumps({"text": CYCLING_EN, "id": "quinn"}),
        json.dumps({"nope": 1}),
        json.dumps({"text": SKATING_NL}),
    ]
    response = client.post(
        "/batch", content="\n".join(lines).encode(), headers={**AUTH, "Content-Type": "application/x-ndjson"}
    )
    assert response.status_code == 202
    job = wait_for(client, response.json()["url"])
    assert job["status"] == "done"
    assert (job["total"], job["processed"], job["stored"], job["duplicates"], job["failed"]) == (5, 5, 2, 1, 2)
    assert [e["line"] for e in job["errors"]] == [2, 4]
    assert len(client.get("/articles").json()) == 2


def test_batch_accepts_a_multipart_file(client):
    import json

    data = json.dumps({"text": CYCLING_EN}).encode()
    response = client.post("/batch", files={"file": ("articles.jsonl", data, "application/x-ndjson")}, headers=AUTH)
    assert response.status_code == 202
    assert wait_for(client, response.json()["url"])["stored"] == 1


def test_batch_reports_bad_articles_per_line(client):
    import json

    response = client.post(
        "/batch",
        content=json.dumps({"text": "\x00\x01binary"}).encode(),
        headers={**AUTH, "Content-Type": "application/x-ndjson"},
    )
    job = wait_for(client, response.json()["url"])
    assert job["failed"] == 1 and job["errors"][0]["line"] == 1


@pytest.mark.parametrize("body", [b"", b"\n\n", b"\xff\xfe\x00"])
def test_empty_or_binary_batch_upload_is_422(client, body):
    response = client.post("/batch", content=body, headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert response.status_code == 422


def test_unknown_job_is_404(client):
    assert client.get("/jobs/nope").status_code == 404


# -- the gazetteer learns from the store ----------------------------------------------------------------------


def test_stored_athletes_teams_and_races_feed_the_gazetteer(tmp_path, engine):
    isolated = IsolatedEngine(engine)
    with make_client(tmp_path, isolated) as client:
        post(client, SKATING_NL)
        client.post("/calendar", content=CALENDAR.encode(), headers={**AUTH, "Content-Type": "text/plain"})
    athletes = {n for a, _, _ in isolated.fed for n in a}
    teams = {n for _, t, _ in isolated.fed for n in t}
    races = {n for _, _, r in isolated.fed for n in r}
    assert "Jan Smeekens" in athletes and "Team Zuidwind" in teams and "Giro della Valle Fittizia" in races
    with make_client(tmp_path, fresh := IsolatedEngine(engine)):
        pass  # a restarted server feeds what the store already knows
    assert "Jan Smeekens" in fresh.fed[0][0]


# -- health -----------------------------------------------------------------------------------------------------


def test_health_and_ready(client):
    assert client.get("/health").json() == {"status": "ok"}
    assert client.get("/ready").json() == {"status": "ready", "pipelines": True, "store": True}


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in [
        "/articles",
        "/articles/{article_id}",
        "/athletes",
        "/athletes/{slug}",
        "/athletes/{slug}/summary",
        "/results",
        "/calendar",
        "/calendar.ics",
        "/calendar/{race}",
        "/batch",
        "/jobs/{job_id}",
        "/health",
        "/ready",
    ]:
        assert path in paths
