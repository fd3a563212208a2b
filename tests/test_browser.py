"""A real headless Chromium (Debian's, driven by Playwright) through the pages: post the seed page via the API,
open the article page, see Smeekens' result and the highlighted athletes, follow the link to his page."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx2 as httpx
import pytest

from tests.service_helpers import AUTH, SEED, RunningServer

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
