"""The API over the knowledge base: dates re-posted, clear errors, totals and pages, deletion, re-extraction,
athlete edits, events, and stored articles linked to a calendar posted later."""

from __future__ import annotations

import pytest

from tests.service_helpers import AUTH, CALENDAR, CYCLING_EN, SKATING_NL, SKATING_NL_LATER, IsolatedEngine, make_client


@pytest.fixture
def client(tmp_path, engine):
    with make_client(tmp_path, IsolatedEngine(engine)) as c:
        yield c


def post(client, text, **fields):
    return client.post("/articles", json={"text": text, **fields}, headers=AUTH)


def test_reposting_a_text_with_another_date_updates_the_date_and_says_so(client):
    first = post(client, SKATING_NL, published="2018-02-14").json()
    again = post(client, SKATING_NL, published="2018-02-15")
    assert again.status_code == 200
    body = again.json()
    assert body["id"] == first["id"] and body["created"] is False and body["published_updated"] is True
    assert body["published"] == "2018-02-15" and "2018-02-14 to 2018-02-15" in body["message"]
    same = post(client, SKATING_NL, published="2018-02-15").json()
    assert same["published_updated"] is False and same["message"] is None


@pytest.mark.parametrize("value", ["14-02-2018", "2018-13", "2018-02-30", "yesterday"])
def test_a_bad_publication_date_is_explained_in_words(client, value):
    for response in (
        post(client, SKATING_NL, published=value),
        client.post(
            f"/articles?published={value}", content=SKATING_NL.encode(), headers={**AUTH, "Content-Type": "text/plain"}
        ),
    ):
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert "published must be YYYY-MM or YYYY-MM-DD" in detail and "\\d" not in detail and "^" not in detail


def test_an_unsupported_summary_language_is_422_naming_the_supported_ones(client):
    article = post(client, SKATING_NL).json()
    response = client.get("/athletes/jan-smeekens/summary?lang=pt")
    assert response.status_code == 422
    assert response.json()["detail"] == "unsupported summary language 'pt': choose one of de, en, es, fr, it, nl"
    assert client.get(f"/view/articles/{article['id']}?lang=pt").status_code == 422


def test_every_list_gives_its_total_and_the_next_page(client):
    post(client, SKATING_NL, published="2018-02-14")
    post(client, CYCLING_EN, published="2026-05-03")
    client.post("/calendar", content=CALENDAR.encode(), headers={**AUTH, "Content-Type": "text/plain"})
    for url in ("/articles?limit=1", "/athletes?limit=1", "/results?limit=1", "/events?limit=1", "/calendar?limit=1"):
        response = client.get(url)
        total = int(response.headers["X-Total-Count"])
        assert total >= 2 and len(response.json()) == 1, url
        assert 'rel="next"' in response.headers["Link"] and "offset=1" in response.headers["Link"]
    last = client.get("/articles?limit=1&offset=1")
    assert 'rel="next"' not in last.headers["Link"] and 'rel="prev"' in last.headers["Link"]


def test_athlete_searches_take_a_surname_or_an_accent_free_name(client):
    post(client, SKATING_NL, published="2018-02-14")
    assert len(client.get("/articles?athlete=Smeekens").json()) == 1
    assert len(client.get("/results?athlete=smeekens").json()) == 1
    assert [r["athlete"] for r in client.get("/results?athlete=Håvard Lorentzen").json()] == ["Havard Lorentzen"]


def test_results_cite_their_articles_and_carry_the_event(client):
    post(client, SKATING_NL, published="2018-02-14")
    (result,) = client.get("/results?athlete=jan-smeekens").json()
    assert (result["event"], result["discipline"], result["date"]) == ("500 m", "500 m", "2018-02-14")
    assert [s["article_id"] for s in result["sources"]] == [1] and "Smeekens" in result["sources"][0]["evidence"]
    event = client.get(f"/events/{result['event_id']}").json()
    assert "Jan Smeekens" in [r["athlete"] for r in event["results"]]
    assert client.get("/events/999").status_code == 404


def test_deleting_an_article(client):
    first = post(client, SKATING_NL).json()["id"]
    post(client, SKATING_NL_LATER)
    assert client.delete(f"/articles/{first}").status_code == 401
    response = client.delete(f"/articles/{first}", headers=AUTH)
    assert response.status_code == 200 and response.json()["deleted"] is True
    assert client.get(f"/articles/{first}").status_code == 404
    assert [r["rank"] for r in client.get("/results?athlete=jan-smeekens").json()] == [1]
    assert client.get("/athletes/havard-lorentzen").status_code == 404  # named only in the deleted article
    assert client.delete(f"/articles/{first}", headers=AUTH).status_code == 404


def test_reextracting_an_article(client):
    article = post(client, SKATING_NL).json()["id"]
    response = client.post(f"/articles/{article}/reextract", headers=AUTH)
    assert response.status_code == 200 and response.json()["message"] == "extracted again"
    assert len(client.get("/results?athlete=jan-smeekens").json()) == 1
    assert client.post("/articles/999/reextract", headers=AUTH).status_code == 404


def test_merging_and_splitting_athletes_by_hand(client):
    post(client, SKATING_NL)
    post(client, CYCLING_EN)
    merged = client.post("/athletes/oscar-quinn/merge", json={"into": "jan-smeekens"}, headers=AUTH)
    assert merged.status_code == 200 and "Oscar Quinn" in merged.json()["aliases"]
    assert client.get("/athletes/oscar-quinn").json()["slug"] == "jan-smeekens"
    split = client.post("/athletes/jan-smeekens/split", json={"names": ["Oscar Quinn", "Quinn"]}, headers=AUTH)
    assert split.status_code == 201 and split.json()["name"] == "Oscar Quinn"
    assert "Oscar Quinn" not in client.get("/athletes/jan-smeekens").json()["aliases"]
    unknown = client.post("/athletes/jan-smeekens/split", json={"names": ["Nobody"]}, headers=AUTH)
    assert unknown.status_code == 422 and "not written" in unknown.json()["detail"]
    assert client.post("/athletes/nobody/merge", json={"into": "jan-smeekens"}, headers=AUTH).status_code == 404
    assert client.post("/athletes/jan-smeekens/merge", json={"into": "x"}).status_code == 401


def test_a_calendar_posted_later_links_the_articles_already_stored(client):
    article = post(client, CYCLING_EN, published="2026-05-03").json()
    assert article["calendar_links"] == []
    stored = client.post("/calendar", content=CALENDAR.encode(), headers={**AUTH, "Content-Type": "text/plain"})
    assert stored.json()["linked_articles"] == 1
    links = client.get(f"/articles/{article['id']}").json()["calendar_links"]
    assert [(link["race"], link["stage"]) for link in links] == [("Giro della Valle Fittizia", 2)]
    (result,) = client.get("/results?athlete=oscar-quinn").json()
    assert result["competition"] == "Giro della Valle Fittizia" and result["date"] == "2026-05-03"


def test_the_calendar_feed_has_a_name_and_an_event_per_stage(client):
    client.post("/calendar", content=CALENDAR.encode(), headers={**AUTH, "Content-Type": "text/plain"})
    feed = client.get("/calendar.ics").text
    assert "X-WR-CALNAME:Palmarès race calendar" in feed
    assert "LOCATION:Lago Verde › Monte Nebbia" in feed
    assert "URL:http://testserver/view/calendar/giro-della-valle-fittizia-2026" in feed
