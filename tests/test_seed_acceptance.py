"""Issue #2 acceptance on the real seed page (read from ../shared, never copied into the repo)."""

import pytest

from nlp.summaries import render_summary


@pytest.fixture(scope="module")
def seed(engine, shared_dir):
    return engine.extract((shared_dir / "seed" / "team-site-page.txt").read_bytes(), published="2018-02-19")


def test_language_and_title(seed):
    assert seed.language == "nl"
    assert seed.title == "Smeekens buiten medailles op 500 meter"


def test_athletes_and_nothing_else(seed):
    athletes = {a.name: a for a in seed.athletes}
    assert set(athletes) == {
        "Jan Smeekens",
        "Havard Lorentzen",
        "Sven Kramer",
        "Patrick Roest",
        "Kjeld Nuis",
        "Achtereekte",
    }
    assert athletes["Jan Smeekens"].team == "Team LottoNL-Jumbo"


def test_smeekens_result_and_the_winner(seed):
    smeekens = [r for r in seed.results if r.athlete == "Jan Smeekens"]
    assert any(r.rank == 10 and r.time == 34.93 and r.gap == 0.52 and r.event == "500 m" for r in smeekens)
    assert any(r.athlete == "Havard Lorentzen" and r.rank == 1 for r in seed.results)


def test_medals(seed):
    medals = {t.medal: set(t.athletes) for t in seed.medal_tallies}
    assert medals == {"gold": {"Sven Kramer", "Kjeld Nuis", "Achtereekte"}, "silver": {"Patrick Roest"}}


def test_fixtures(seed):
    fixtures = {(f.when, f.event, tuple(f.athletes)) for f in seed.schedule}
    assert fixtures == {
        ("wednesday", "team pursuit", ("Sven Kramer", "Patrick Roest")),
        ("friday", "1000 m", ("Kjeld Nuis",)),
        ("saturday", "mass start", ("Sven Kramer",)),
    }


def test_quotes_by_smeekens(seed):
    assert sum(q.speaker == "Jan Smeekens" for q in seed.quotes) >= 4


def test_calendar_keeps_every_race_and_stage_and_flags_the_anomaly(seed, shared_dir):
    # The issue text says 10 races / 16 stages; the seed page as shipped holds 8 race headers and
    # 13 stage lines, so the expectation is counted from the page itself: nothing may be dropped.
    lines = (shared_dir / "seed" / "team-site-page.txt").read_text(encoding="utf-8").splitlines()
    stage_lines = [line for line in lines if "›" in line]
    assert len(seed.calendar) == 8
    stages = [s for entry in seed.calendar for s in entry.stages]
    assert len(stages) == len(stage_lines) == 13
    assert seed.calendar_errors == []
    anomaly = next(s for s in stages if s.number == 22)
    assert anomaly.total == 21 and anomaly.flags


def test_skating_article_is_not_linked_to_the_cycling_calendar(seed):
    assert seed.calendar_links == []


def test_summaries_state_the_result(seed):
    dutch = render_summary(seed, "nl")
    english = render_summary(seed, "en")
    assert "Jan Smeekens eindigde als 10e op de 500 m in 34,93, op 0,52 seconde van winnaar Havard Lorentzen" in dutch
    assert "Jan Smeekens finished 10th in the 500 m in 34.93, 0.52 s behind winner Havard Lorentzen" in english


def test_the_teams_season_tally_is_no_result_of_the_500_m(seed):
    medallists = {r.athlete for r in seed.results if r.medal}
    assert not medallists & {"Sven Kramer", "Kjeld Nuis", "Patrick Roest"}
