"""The pages as a product: paste or upload forms for articles and calendars, edits by button, signed in with the API
key once (a session cookie), palmarès pages, headlines for untitled articles, a legend for every colour."""

from __future__ import annotations

import re

import pytest

from tests.service_helpers import AUTH, CALENDAR, CYCLING_EN, KEY, SKATING_NL, IsolatedEngine, make_client


@pytest.fixture
def client(tmp_path, engine):
    with make_client(tmp_path, IsolatedEngine(engine)) as c:
        yield c


def found(pattern: str, text: str) -> str:
    match = re.search(pattern, text, re.S)
    assert match is not None, f"nothing matches {pattern!r}"
    return match.group(1) if match.groups() else match.group(0)


def paste(client, text, **fields):
    return client.post("/view/articles", data={"text": text, **fields}, follow_redirects=False)


def test_the_add_page_offers_both_forms_with_a_key_field(client):
    html = client.get("/view/add").text
    assert 'id="article-form"' in html and 'id="calendar-form"' in html
    assert html.count('name="api_key"') == 2 and 'type="file"' in html


def test_a_wrong_key_is_refused_and_nothing_is_stored(client):
    response = paste(client, SKATING_NL, api_key="nope", published="2018-02-14")
    assert response.status_code == 401 and "not valid" in response.text
    assert 'value="2018-02-14"' in response.text  # what was typed stays in the form
    assert client.get("/articles").json() == []
    assert paste(client, SKATING_NL).status_code == 401


def test_pasting_an_article_stores_it_and_remembers_the_key_in_a_cookie(client):
    response = paste(client, SKATING_NL, api_key=KEY, published="2018-02-14")
    assert response.status_code == 303 and response.headers["location"] == "/view/articles/1?done=stored"
    cookie = response.headers["set-cookie"]
    assert "palmares_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert KEY not in cookie
    assert "Article stored." in client.get("/view/articles/1?done=stored").text
    again = paste(client, CYCLING_EN)  # the cookie is enough now
    assert again.status_code == 303 and again.headers["location"] == "/view/articles/2?done=stored"
    assert 'name="api_key"' not in client.get("/view/add").text


def test_uploading_an_article_file_and_a_bad_date(client):
    files = {"file": ("report.txt", SKATING_NL.encode(), "text/plain")}
    bad = client.post("/view/articles", data={"api_key": KEY, "published": "14/02/2018"}, files=files)
    assert bad.status_code == 422 and "published must be YYYY-MM or YYYY-MM-DD" in bad.text
    good = client.post("/view/articles", data={"api_key": KEY}, files=files, follow_redirects=False)
    assert good.status_code == 303


def test_pasting_a_calendar(client):
    response = client.post("/view/calendar", data={"text": CALENDAR, "api_key": KEY}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/view/calendar?done=calendar&month=2026-05"
    assert "Giro della Valle Fittizia" in client.get(response.headers["location"]).text
    empty = client.post("/view/calendar", data={"text": "just some words\nand more words", "api_key": KEY})
    assert empty.status_code == 422 and "no calendar entry" in empty.text


def test_deleting_and_reextracting_by_button(client):
    paste(client, SKATING_NL, api_key=KEY)
    page = client.get("/view/articles/1").text
    assert 'action="/view/articles/1/delete"' in page and 'action="/view/articles/1/reextract"' in page
    again = client.post("/view/articles/1/reextract", data={}, follow_redirects=False)
    assert again.headers["location"] == "/view/articles/1?done=reextracted"
    gone = client.post("/view/articles/1/delete", data={}, follow_redirects=False)
    assert gone.headers["location"] == "/?done=deleted"
    assert client.get("/view/articles/1").status_code == 404


def test_edits_need_the_key(client):
    client.post("/articles", json={"text": SKATING_NL}, headers=AUTH)
    response = client.post("/view/articles/1/delete", data={})
    assert response.status_code == 401 and "API key" in response.text
    assert client.get("/articles/1").status_code == 200


def test_merging_and_splitting_athletes_on_their_page(client):
    paste(client, SKATING_NL, api_key=KEY)
    paste(client, CYCLING_EN)
    html = client.get("/view/athletes/oscar-quinn").text
    assert 'id="merge-form"' in html and 'id="split-form"' in html
    merged = client.post("/view/athletes/oscar-quinn/merge", data={"into": "Jan Smeekens"}, follow_redirects=False)
    assert merged.headers["location"] == "/view/athletes/jan-smeekens?done=merged"
    split = client.post("/view/athletes/jan-smeekens/split", data={"names": ["Oscar Quinn", "Quinn"]})
    assert split.status_code == 200 and "Names split off into this new athlete." in split.text
    unknown = client.post("/view/athletes/jan-smeekens/merge", data={"into": "nobody at all"})
    assert unknown.status_code == 422 and "no single athlete" in unknown.text


def test_signing_in_and_out(client):
    assert client.post("/view/login", data={"api_key": "nope"}).status_code == 401
    signed = client.post("/view/login", data={"api_key": KEY}, follow_redirects=False)
    assert signed.status_code == 303 and "palmares_session=" in signed.headers["set-cookie"]
    assert "Sign out" in client.get("/").text
    client.post("/view/logout")
    assert "Sign in" in client.get("/").text


def test_with_read_auth_the_session_cookie_opens_the_pages(tmp_path, engine):
    with make_client(tmp_path, IsolatedEngine(engine), read_auth=True) as client:
        assert client.get("/view/athletes").status_code == 401
        assert client.get("/view/login").status_code == 200
        client.post("/view/login", data={"api_key": KEY})
        assert client.get("/view/athletes").status_code == 200


def test_the_athlete_page_reads_as_a_palmares(client):
    paste(client, SKATING_NL, api_key=KEY, published="2018-02-14")
    html = client.get("/view/athletes/jan-smeekens").text
    assert re.search(r"<h3>2018</h3>", html) and "gold: 0" in html
    meta = found(r'<p class="meta">(.*?)</p>', html)
    assert not meta.lstrip().startswith("·") and meta.startswith("Team Zuidwind · also written")
    row = found(r"<tr>\s*<td class=\"date\">2018-02-14</td>.*?</tr>", html)
    assert "500 m" in row and "34.93" in row and "Smeekens tiende op de 500 meter" in row


def test_an_untitled_article_gets_a_headline_from_its_lead(client):
    lead = (
        "Jan Smeekens is tiende geworden op de 500 meter in een wedstrijd waarin de ijsbaan traag was en veel "
        "rijders vielen."
    )
    paste(client, lead + "\n", api_key=KEY)
    html = client.get("/view/articles/1").text
    heading = found(r'<h1 class="article-title">(.*?)</h1>', html)
    assert heading.startswith("Jan Smeekens is tiende geworden") and heading.endswith("…")
    assert "Article 1" not in html
    assert client.get("/articles").json()[0]["headline"] == heading


def test_the_legend_shows_every_colour_used_and_the_results_table_has_date_and_competition(client):
    paste(client, SKATING_NL, api_key=KEY, published="2018-02-14")
    html = client.get("/view/articles/1").text
    legend = found(r'<p class="legend">(.*?)</p>', html)
    used = set(re.findall(r'data-label="([A-Z]+)"', html))
    assert {label.lower() for label in used} <= set(re.findall(r'class="ent ent-([a-z]+)"', legend))
    assert {"time", "gap", "weekday"} <= set(re.findall(r'class="ent ent-([a-z]+)"', legend))
    table = found(r'<section class="article-results">.*?</section>', html)
    assert "<th>Date</th>" in table and "<th>Competition</th>" in table and "2018-02-14" in table
