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


def test_a_result_with_only_a_time_still_says_what_the_athlete_did():
    timed = ExtractionResult(
        id=None, language="en", language_confidence=1.0, title=None, results=[Result("Jan Test", "500 m", time=34.93)]
    )
    assert "Jan Test competed in the 500 m in 34.93." in render_summary(timed, "en")
    assert "Jan Test kwam in actie op de 500 m in 34,93." in render_summary(timed, "nl")


def test_medals_are_listed_gold_silver_bronze():
    medalled = ExtractionResult(
        id=None,
        language="en",
        language_confidence=1.0,
        title=None,
        results=[
            Result("C Bronze", "500 m", rank=3, medal="bronze"),
            Result("B Silver", "500 m", rank=2, medal="silver"),
            Result("A Gold", "500 m", rank=1, medal="gold"),
        ],
    )
    line = next(x for x in render_summary(medalled, "en").splitlines() if x.startswith("Medals"))
    assert line == "Medals: gold: A Gold; silver: B Silver; bronze: C Bronze"


def test_a_team_tally_is_told_as_a_tally_not_as_medals_of_this_race():
    from models.records import MedalTally

    tallied = ExtractionResult(
        id=None,
        language="en",
        language_confidence=1.0,
        title=None,
        medal_tallies=[
            MedalTally(team="Team Zuidwind", medal="silver", count=1),
            MedalTally(team="Team Zuidwind", medal="gold", count=5),
        ],
    )
    text = render_summary(tallied, "en")
    assert "Team Zuidwind has won 5 gold medals and one silver medal so far." in text
    assert "Medals:" not in text


def test_fixtures_are_in_date_order():
    later = Fixture(when="friday", date=dt.date(2018, 2, 23), event="1000 m")
    sooner = Fixture(when="wednesday", date=dt.date(2018, 2, 21), event="team pursuit")
    planned = ExtractionResult(id=None, language="en", language_confidence=1.0, title=None, schedule=[later, sooner])
    text = render_summary(planned, "en")
    assert text.index("team pursuit") < text.index("1,000 m")


def test_the_leader_of_a_classification_leads_it():
    leader = Result("Oscar Quinn", "general", rank=1, standings="general")
    led = ExtractionResult(id=None, language="en", language_confidence=1.0, title=None, results=[leader])
    assert "Oscar Quinn leads the general classification." in render_summary(led, "en")


def test_an_unsupported_language_is_refused_with_the_supported_ones():
    from nlp.summaries import UnsupportedLanguage, check_language

    assert check_language("NL") == "nl"
    with pytest.raises(UnsupportedLanguage, match="choose one of de, en, es, fr, it, nl"):
        check_language("pt")


def test_every_phrase_file_has_the_keys_the_summaries_use():
    import json
    from importlib import resources

    folder = resources.files("nlp.summaries").joinpath("phrases")
    english = set(json.loads(folder.joinpath("en.json").read_text(encoding="utf-8")))
    for language in SUMMARY_LANGUAGES:
        keys = set(json.loads(folder.joinpath(f"{language}.json").read_text(encoding="utf-8")))
        assert english - keys <= {k for k in english if k.startswith("ordinal_")}, language


def palmares():
    from models.palmares import Palmares, PalmaresCompetition, PalmaresQuote, PalmaresSeason

    return Palmares(
        athlete="Jan Test",
        medals={"silver": 2, "gold": 1},
        seasons=[
            PalmaresSeason(
                2018,
                [
                    PalmaresCompetition(
                        "Olympic Games",
                        [Result("Jan Test", "500 m", rank=1, medal="gold", time=34.41, date=dt.date(2018, 2, 19))],
                    ),
                    PalmaresCompetition(None, [Result("Jan Test", "1000 m", time=69.1)]),
                ],
            )
        ],
        fixtures=[Fixture(when="sunday", date=dt.date(2099, 3, 1), event="500 m")],
        quotes=[PalmaresQuote(text="Wat een dag", article="Test wint goud")],
    )


def test_an_athlete_summary_reads_as_a_palmares():
    from nlp.summaries import render_palmares

    text = render_palmares(palmares(), "en")
    assert "Jan Test has won one gold medal and 2 silver medals." in text
    assert "Olympic Games" in text and "February 19, 2018: Jan Test won the 500 m in 34.41 (gold)." in text
    assert "Other results" in text and "Jan Test competed in the 1,000 m in 1:09.10." in text
    assert "“Wat een dag” (Test wint goud)" in text


@pytest.mark.parametrize("language", SUMMARY_LANGUAGES)
def test_the_palmares_renders_in_every_language_and_format(language):
    from nlp.summaries import render_palmares

    for fmt in ("text", "markdown", "html"):
        text = render_palmares(palmares(), language, fmt)
        assert "Jan Test" in text and "Olympic Games" in text
