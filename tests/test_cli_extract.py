"""`palmares extract` prints summaries and the JSON contract; bad input exits 2 with a message."""

import json

from typer.testing import CliRunner

from service.cli import app

runner = CliRunner()


def test_extract_prints_the_summary_in_the_article_language(fixture_text, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(fixture_text("it-skating-report.txt"), encoding="utf-8")
    outcome = runner.invoke(app, ["extract", str(page)])
    assert outcome.exit_code == 0, outcome.output
    assert "Giulia Bianchi ha vinto" in outcome.output and "37,81" in outcome.output


def test_extract_lang_out_switches_the_summary_language(fixture_text, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(fixture_text("it-skating-report.txt"), encoding="utf-8")
    outcome = runner.invoke(app, ["extract", str(page), "--lang-out", "en"])
    assert "Giulia Bianchi won" in outcome.output and "37.81" in outcome.output


def test_extract_json_carries_the_contract_fields(fixture_text):
    outcome = runner.invoke(
        app,
        ["extract", "-", "--format", "json", "--published", "2026-05-05"],
        input=fixture_text("nl-skating-page.txt"),
    )
    assert outcome.exit_code == 0, outcome.output
    data = json.loads(outcome.output)
    for key in (
        "id",
        "language",
        "language_confidence",
        "title",
        "athletes",
        "results",
        "quotes",
        "schedule",
        "calendar",
        "calendar_links",
        "summary",
    ):
        assert key in data
    bakker = next(r for r in data["results"] if r["athlete"] == "Lotte Bakker" and r["time"])
    assert bakker["time"] == 114.31 and isinstance(bakker["gap"], float)
    assert data["schedule"][0]["date"] == "2026-05-07"
    assert {"name", "aliases", "team"} <= set(data["athletes"][0])


def test_extract_markdown_and_html_formats(fixture_text):
    markdown = runner.invoke(app, ["extract", "-", "--format", "markdown"], input=fixture_text("de-swim-report.txt"))
    html = runner.invoke(app, ["extract", "-", "--format", "html"], input=fixture_text("de-swim-report.txt"))
    assert markdown.output.startswith("## Krause holt Gold")
    assert html.output.startswith('<section class="summary">')


def test_extract_empty_input_exits_2_with_a_message():
    outcome = runner.invoke(app, ["extract", "-"], input="   ")
    assert outcome.exit_code == 2
    assert "empty" in outcome.output


def test_extract_missing_file_is_a_usage_error(tmp_path):
    outcome = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert outcome.exit_code == 2 and "no such file" in outcome.output


def test_an_unsupported_summary_language_exits_2_with_the_list(fixture_text, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(fixture_text("it-skating-report.txt"), encoding="utf-8")
    outcome = runner.invoke(app, ["extract", str(page), "--lang-out", "pt"])
    assert outcome.exit_code == 2
    assert "unsupported summary language 'pt': choose one of de, en, es, fr, it, nl" in outcome.output
