"""Server-rendered pages: article with highlighted entities beside the summary, athlete, calendar, results."""

from __future__ import annotations

import re

import pytest

from tests.service_helpers import AUTH, CALENDAR, CYCLING_EN, SKATING_NL, IsolatedEngine, make_client


@pytest.fixture
def client(tmp_path, engine):
    with make_client(tmp_path, IsolatedEngine(engine)) as c:
        yield c


def post(client, text, **fields) -> int:
    response = client.post("/articles", json={"text": text, **fields}, headers=AUTH)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_home_lists_recent_articles(client):
    article_id = post(client, SKATING_NL)
    html = client.get("/").text
    assert f'href="/view/articles/{article_id}"' in html and "Smeekens tiende op de 500 meter" in html


def test_article_page_shows_text_summary_results_and_quotes(client):
    article_id = post(client, SKATING_NL, published="2018-02-14")
    response = client.get(f"/view/articles/{article_id}")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    html = response.text
    assert 'class="summary"' in html and "tiende" in html
    assert "<td>34.93</td>" in html
    assert "Dit is heel erg zonde" in html


def test_article_page_highlights_entities_by_type_and_links_athletes(client):
    article_id = post(client, SKATING_NL)
    html = client.get(f"/view/articles/{article_id}").text
    athletes = re.findall(r'<a class="ent ent-athlete" data-label="ATHLETE" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert ("/view/athletes/jan-smeekens", "Jan Smeekens") in athletes
    assert ("/view/athletes/jan-smeekens", "Smeekens") in athletes
    assert re.search(r'<mark class="ent ent-team" data-label="TEAM"[^>]*>Team Zuidwind</mark>', html)


def test_article_page_summary_in_another_language(client):
    article_id = post(client, SKATING_NL)
    assert "finished 10th" in client.get(f"/view/articles/{article_id}?lang=en").text


def test_script_in_an_article_is_shown_as_text(client):
    text = "Smeekens tiende\n\nJan Smeekens schreef <script>alert('x')</script> op zijn blog na de 500 meter.\n"
    article_id = post(client, text)
    html = client.get(f"/view/articles/{article_id}").text
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_unknown_article_page_is_404(client):
    response = client.get("/view/articles/12345")
    assert response.status_code == 404 and "There is no article 12345" in response.text


def test_athlete_page(client):
    post(client, SKATING_NL)
    html = client.get("/view/athletes/jan-smeekens").text
    assert '<h1 class="athlete-name">Jan Smeekens</h1>' in html
    assert "Team Zuidwind" in html and "34.93" in html and "Dit is heel erg zonde" in html


def test_athlete_search_page(client):
    post(client, SKATING_NL)
    html = client.get("/view/athletes?q=lorentzen").text
    assert 'href="/view/athletes/havard-lorentzen"' in html and "jan-smeekens" not in html


def test_calendar_page_by_month_with_category_filter(client):
    client.post("/calendar", content=CALENDAR.encode(), headers={**AUTH, "Content-Type": "text/plain"})
    html = client.get("/view/calendar?month=2026-05").text
    assert "Giro della Valle Fittizia" in html and "Omloop van het Testland" in html
    filtered = client.get("/view/calendar?month=2026-05&category=WorldTeam Women").text
    assert "Omloop van het Testland" in filtered and "Giro della Valle Fittizia" not in filtered
    assert "No races this month" in client.get("/view/calendar?month=2026-07").text
    assert 'href="?month=2026-06' in html


def test_calendar_page_opens_on_a_month_with_races(client):
    client.post("/calendar", content=CALENDAR.encode(), headers={**AUTH, "Content-Type": "text/plain"})
    assert "Giro della Valle Fittizia" in client.get("/view/calendar").text


def test_calendar_page_rejects_a_bad_month(client):
    assert client.get("/view/calendar?month=2026-13").status_code == 422


def test_race_page_lists_linked_articles_and_athletes(client):
    client.post("/calendar", content=CALENDAR.encode(), headers={**AUTH, "Content-Type": "text/plain"})
    article_id = post(client, CYCLING_EN, published="2026-05-03")
    html = client.get("/view/calendar/giro-della-valle-fittizia-2026").text
    assert f'href="/view/articles/{article_id}"' in html and 'href="/view/athletes/oscar-quinn"' in html
    assert "Monte Nebbia" in html
    article_html = client.get(f"/view/articles/{article_id}").text
    assert 'href="/view/calendar/giro-della-valle-fittizia-2026"' in article_html


def test_result_search_page(client):
    post(client, SKATING_NL)
    post(client, CYCLING_EN)
    html = client.get("/view/results?athlete=jan-smeekens").text
    assert "34.93" in html and "Oscar Quinn" not in html
    assert client.get("/view/results?since=not-a-date").status_code == 422


def test_static_stylesheet_is_served(client):
    response = client.get("/static/palmares.css")
    assert response.status_code == 200 and ".ent-athlete" in response.text
