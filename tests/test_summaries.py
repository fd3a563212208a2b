"""Summaries state the facts in the chosen language, with locale number formats, in three formats."""

import datetime as dt

import pytest

from models.records import ExtractionResult, Fixture, Link, Quote, Result
from nlp.summaries import SUMMARY_LANGUAGES, render_summary


@pytest.fixture()
def result() -> ExtractionResult:
    return ExtractionResult(
        id="t1",
        language="nl",
        language_confidence=1.0,
        title="Test <b>titel</b>",
        results=[
            Result(athlete="Jan Test", event="500 m", rank=10, time=34.93, gap=0.52, gap_to="Piet Snel"),
            Result(athlete="Piet Snel", event="500 m", rank=1),
        ],
        quotes=[Quote(speaker="Jan Test", text="Dit is <script>zonde</script>")],
        schedule=[Fixture(when="wednesday", date=dt.date(2018, 2, 21), event="team pursuit", athletes=["Sven Test"])],
        calendar_links=[Link(race="Ronde van Testland", stage=3, score=0.9)],
    )


def test_dutch_summary_uses_dutch_words_and_decimal_comma(result):
    text = render_summary(result, "nl", "text")
    assert "Jan Test eindigde als 10e op de 500 m in 34,93, op 0,52 seconde van winnaar Piet Snel." in text
    assert "Piet Snel won" in text
    assert "ploegenachtervolging" in text and "woensdag 21 februari 2018" in text
    assert "Ronde van Testland, etappe 3" in text


def test_english_summary_uses_decimal_point(result):
    text = render_summary(result, "en", "text")
    assert "Jan Test finished 10th in the 500 m in 34.93, 0.52 s behind winner Piet Snel." in text
    assert "Wednesday, February 21, 2018: team pursuit (Sven Test)" in text


def test_minutes_and_hours_are_formatted_as_clock_times(result):
    result.results[0].time = 68.12
    assert "1:08,12" in render_summary(result, "nl")
    result.results[0].time = 15153.0
    assert "4:12:33" in render_summary(result, "en")


def test_html_summary_escapes_article_content(result):
    html = render_summary(result, "en", "html")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_markdown_summary_has_sections_and_shows_html_as_text(result):
    markdown = render_summary(result, "en", "markdown")
    assert markdown.startswith("## Test &lt;b&gt;titel&lt;/b&gt;")  # Markdown would pass <b> through as HTML
    assert "### Results" in markdown and "> Dit is" in markdown
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown


@pytest.mark.parametrize("language", SUMMARY_LANGUAGES)
def test_every_language_renders_every_format(result, language):
    for fmt in ("text", "markdown", "html"):
        assert "Jan Test" in render_summary(result, language, fmt)


def test_unknown_format_is_a_clear_error(result):
    with pytest.raises(ValueError, match="unknown summary format"):
        render_summary(result, "en", "pdf")


def test_empty_result_says_nothing_was_found():
    empty = ExtractionResult(id=None, language="en", language_confidence=0.5, title=None)
    assert "No results found." in render_summary(empty, "en")
