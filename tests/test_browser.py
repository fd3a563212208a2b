"""A real headless Chromium (Debian's, driven by Playwright) through the pages: post the seed page via the API,
open the article page, see Smeekens' result and the highlighted athletes, follow the link to his page; paste two
invented articles about one race into the form (the key typed once) and read the winner's palmarès.

Set PALMARES_SCREENSHOTS to a folder to keep screenshots of the pages visited."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx2 as httpx
import pytest

from tests.service_helpers import AUTH, KEY, SEED, RunningServer

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (apt-get install -y chromium); .ci/run installs it")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with RunningServer(tmp_path_factory.mktemp("browser")) as running:
        yield running


def test_seed_page_article_to_athlete_page(browser, server):
    if not SEED.is_file():
        pytest.skip("../shared/seed/team-site-page.txt is not present")
    posted = httpx.post(
        server.base + "/articles",
        content=SEED.read_bytes(),
        headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"},
        timeout=120,
    )
    assert posted.status_code in (200, 201), posted.text
    page = browser.new_page()
    try:
        page.goto(server.base + posted.json()["page_url"])
        assert page.locator("h1.article-title").inner_text() == "Smeekens buiten medailles op 500 meter"

        smeekens_row = page.locator("table.results tr", has_text="Jan Smeekens")
        assert "34.93" in smeekens_row.inner_text() and "10" in smeekens_row.inner_text()

        highlighted = page.locator("#article-text .ent-athlete")
        names = set(highlighted.all_inner_texts())
        assert {"Jan Smeekens", "Sven Kramer", "Kjeld Nuis"} <= names
        colour = highlighted.first.evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")  # the stylesheet loaded: really highlighted

        page.locator("#article-text a.ent-athlete", has_text="Jan Smeekens").first.click()
        page.wait_for_url("**/view/athletes/jan-smeekens")
        assert page.locator("h1.athlete-name").inner_text() == "Jan Smeekens"
        assert "34.93" in page.locator("table.results").inner_text()
    finally:
        page.close()


NL_REPORT = (
    "Goud voor Visser op de 1500 meter\n\n"
    "Mirte Visser heeft zaterdag op de Olympische Spelen de gouden medaille gewonnen op de 1500 meter. "
    "De schaatsster finishte in 1.54,20. Lieke van Dijk pakte zilver op 0,35 seconde, Sofie Brandt won het brons.\n\n"
    '"Ik had vandaag geweldige benen", zei Visser na afloop.\n'
)
EN_REPORT = (
    "Visser takes Olympic 1500m gold\n\n"
    "Mirte Visser won the 1500m gold medal at the Olympic Games on Saturday in 1:54.20. "
    "Lieke van Dijk took silver, 0.35 seconds behind. Sofie Brandt won bronze.\n"
)


def _screenshot(page, name: str) -> None:
    folder = os.environ.get("PALMARES_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def test_paste_form_and_palmares_page(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(server.base + "/view/add")
        _screenshot(page, "add")
        form = page.locator("#article-form")
        form.locator("textarea[name=text]").fill(NL_REPORT)
        form.locator("input[name=published]").fill("2026-02-14")
        form.locator("input[name=api_key]").fill(KEY)
        form.locator("button[type=submit]").click()
        page.wait_for_url("**/view/articles/*?done=stored")
        assert page.locator("p.notice").inner_text() == "Article stored."
        assert page.locator("h1.article-title").inner_text() == "Goud voor Visser op de 1500 meter"
        row = page.locator("section.article-results tr", has_text="Mirte Visser")
        assert "2026-02-14" in row.inner_text() and "Olympic Games" in row.inner_text()
        _screenshot(page, "article")

        page.goto(server.base + "/view/add")  # signed in now: no key field
        assert page.locator("#article-form input[name=api_key]").count() == 0
        form = page.locator("#article-form")
        form.locator("textarea[name=text]").fill(EN_REPORT)
        form.locator("input[name=published]").fill("2026-02-15")
        form.locator("button[type=submit]").click()
        page.wait_for_url("**/view/articles/*?done=stored")

        page.locator("#article-text a.ent-athlete", has_text="Mirte Visser").first.click()
        page.wait_for_url("**/view/athletes/mirte-visser")
        assert page.locator("h1.athlete-name").inner_text() == "Mirte Visser"
        assert page.locator("section.season h3").first.inner_text() == "2026"
        assert page.locator("section.season h4.competition").first.inner_text() == "Olympic Games"
        assert "gold: 1" in page.locator("p.medals").inner_text()  # one gold, though two articles report it
        result = page.locator("section.season table.results tbody tr")
        assert result.count() == 1
        text = result.inner_text()
        assert "1500 m" in text and "1:54.20" in text
        assert "Goud voor Visser" in text and "Visser takes Olympic 1500m gold" in text
        _screenshot(page, "athlete")
    finally:
        page.close()
