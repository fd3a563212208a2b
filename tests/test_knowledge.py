"""The knowledge base on SQLite and PostgreSQL: one event per race however many articles report it, merged results
citing their articles, conflicts kept, athletes joined across articles and languages, edits by hand, deletion."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from models.records import Athlete, CalendarEntry, Link, Result, Stage
from models.storage import upsert_race
from models.storage.edits import EditError, merge_athletes, split_athlete
from models.storage.read import find_athletes, list_articles, list_events, search_results
from models.storage.tables import ArticleRow, AthleteRow, CompetitionRow, EventRow, FactRow, ResultRow
from models.storage.write import delete_article, replace_extraction
from tests.storage_helpers import athletes, count, make_result, profile_of, store_one

VISSER = Athlete(name="Mirte Visser")
DIJK = Athlete(name="Lieke van Dijk")


def report(*results: Result, athletes_=(VISSER, DIJK), published="2026-02-14", language="nl", links=()):
    return make_result(athletes=athletes_, results=results, published=published, language=language, links=links)


def five_hundred(athlete: str, **fields) -> Result:
    return Result(athlete=athlete, event="500 m", competition="World Cup", evidence=f"{athlete} ...", **fields)


def test_one_race_in_three_articles_is_one_event_with_one_result_per_athlete(store):
    store_one(
        store, "nl", report(five_hundred("Mirte Visser", rank=1, medal="gold"), five_hundred("Lieke van Dijk", rank=2))
    )
    store_one(store, "en", report(five_hundred("Mirte Visser", rank=1, time=37.5), language="en"))
    store_one(store, "fr", report(five_hundred("Visser", rank=1), athletes_=[Athlete("Visser"), DIJK], language="fr"))
    assert count(store, EventRow) == 1 and count(store, CompetitionRow) == 1
    assert [a.name for a in athletes(store)] == ["Mirte Visser", "Lieke van Dijk"]
    with store() as session:
        visser = session.scalar(select(FactRow).where(FactRow.athlete_name == "Mirte Visser"))
        assert (visser.rank, visser.time, visser.medal, visser.support) == (1, 37.5, "gold", 3)
        assert sorted(c.article.id for c in visser.claims) == [1, 2, 3]
        assert profile_of(session, "mirte-visser").medals == {"gold": 1, "silver": 0, "bronze": 0}


def test_disagreeing_articles_keep_every_value_the_most_supported_first(store):
    store_one(store, "a", report(five_hundred("Mirte Visser", time=37.51)))
    store_one(store, "b", report(five_hundred("Mirte Visser", time=37.15)))
    store_one(store, "c", report(five_hundred("Mirte Visser", time=37.15)))
    with store() as session:
        fact = session.scalar(select(FactRow))
        assert fact.time == 37.15
        (conflict,) = fact.conflicts
        assert conflict["field"] == "time"
        assert [(v["value"], v["support"]) for v in conflict["values"]] == [(37.15, 2), (37.51, 1)]


def test_500_m_and_5000_m_are_two_events(store):
    store_one(store, "a", report(five_hundred("Mirte Visser", rank=1)))
    store_one(store, "b", report(Result(athlete="Mirte Visser", event="5000 meter", competition="World Cup", rank=3)))
    with store() as session:
        assert sorted(e.discipline for e in session.scalars(select(EventRow))) == ["500 m", "5000 m"]


def test_spellings_of_a_distance_are_one_event(store):
    for text, event in (("a", "500m"), ("b", "500 meter"), ("c", "500 metres")):
        store_one(store, text, report(Result(athlete="Mirte Visser", event=event, competition="World Cup", rank=1)))
    assert count(store, EventRow) == 1


def test_a_stage_and_the_general_classification_never_mix(store):
    stage = Result(athlete="Mirte Visser", event="stage 4", competition="Ronde van Testland", rank=1)
    overall = Result(athlete="Mirte Visser", event="general classification", competition="Ronde van Testland", rank=2)
    store_one(store, "a", report(stage, overall))
    with store() as session:
        events = session.scalars(select(EventRow).order_by(EventRow.id)).all()
        assert [(e.stage, e.standings) for e in events] == [(4, None), (None, "general")]


def test_two_races_on_days_the_articles_state_are_two_events(store):
    store_one(store, "a", report(five_hundred("Mirte Visser", rank=1, date=dt.date(2026, 2, 13))))
    store_one(store, "b", report(five_hundred("Mirte Visser", rank=4, date=dt.date(2026, 2, 14))))
    assert count(store, EventRow) == 2


def test_an_article_of_the_next_day_reports_the_same_race(store):
    store_one(store, "a", report(five_hundred("Mirte Visser", rank=1, date=dt.date(2026, 2, 13))))
    store_one(store, "b", report(five_hundred("Mirte Visser", rank=1), published="2026-02-14"))
    with store() as session:
        (event,) = session.scalars(select(EventRow)).all()
        assert (event.date, event.date_source) == (dt.date(2026, 2, 13), "article")


def test_every_event_gets_a_date(store):
    race = CalendarEntry(
        race="Ronde van Testland",
        start_date=dt.date(2026, 5, 1),
        end_date=dt.date(2026, 5, 3),
        stages=[Stage(number=n, total=3, start="A", finish="B", date=dt.date(2026, 5, n)) for n in (1, 2, 3)],
    )
    with store() as session:
        upsert_race(session, race)
        session.commit()
    linked = report(
        Result(athlete="Mirte Visser", rank=1),
        links=[Link(race="Ronde van Testland", stage=2, score=0.9)],
        published="2026-05-03",
    )
    store_one(store, "stage", linked)
    store_one(store, "month", report(Result(athlete="Lieke van Dijk", event="1500 m", rank=1), published="2026-03"))
    with store() as session:
        dates = {(e.stage, e.discipline): (e.date, e.date_source) for e in session.scalars(select(EventRow))}
        assert dates[(2, None)] == (dt.date(2026, 5, 2), "stage")
        assert dates[(None, "1500 m")] == (dt.date(2026, 3, 1), "month")
        competition = session.scalar(select(CompetitionRow).where(CompetitionRow.name == "Ronde van Testland"))
        assert (competition.year, competition.kind, competition.race.name) == (2026, "stage race", "Ronde van Testland")


def test_results_nothing_identifies_stay_with_their_article(store):
    store_one(store, "a", report(Result(athlete="Mirte Visser", rank=1)))
    store_one(store, "b", report(Result(athlete="Mirte Visser", rank=3)))
    assert count(store, EventRow) == 2


def test_two_brothers_sharing_a_surname_never_merge(store):
    store_one(store, "a", report(athletes_=[Athlete("Johannes Bø"), Athlete("Tarjei Bø")]))
    store_one(store, "b", report(athletes_=[Athlete("Tarjei Boe"), Athlete("J. Bø")]))
    assert sorted(a.name for a in athletes(store)) == ["Johannes Bø", "Tarjei Bø"]


def test_a_lone_surname_two_athletes_share_makes_no_profile_without_context(store):
    store_one(store, "a", report(athletes_=[Athlete("Johannes Bø")]))
    store_one(store, "b", report(athletes_=[Athlete("Tarjei Bø"), Athlete("Sturla Lægreid")]))
    store_one(store, "c", report(Result(athlete="Bø", rank=1), athletes_=[Athlete("Bø")]))
    assert len(athletes(store)) == 3
    with store() as session:
        assert session.scalar(select(ResultRow).where(ResultRow.athlete_name == "Bø")).athlete_id is None


def test_a_lone_surname_joins_the_athlete_the_article_context_points_to(store):
    store_one(store, "a", report(athletes_=[Athlete("Johannes Bø")]))
    store_one(store, "b", report(athletes_=[Athlete("Tarjei Bø"), Athlete("Sturla Lægreid")]))
    store_one(store, "c", report(Result(athlete="Bø", rank=1), athletes_=[Athlete("Sturla Lægreid"), Athlete("Bø")]))
    with store() as session:
        assert [r.rank for r in profile_of(session, "tarjei-bo").results] == [1]


def test_names_with_more_given_names_or_accents_are_one_profile_shown_by_one_name(store):
    store_one(store, "a", report(five_hundred("Havard Lorentzen", rank=1), athletes_=[Athlete("Havard Lorentzen")]))
    later = [Athlete("Håvard Holmefjord Lorentzen")]
    store_one(store, "b", report(five_hundred("Håvard Holmefjord Lorentzen", rank=1), athletes_=later))
    (row,) = athletes(store)
    with store() as session:
        (fact,) = profile_of(session, row.slug).results
        assert fact.display_name == row.name and fact.support == 2


def test_an_updated_copy_of_an_article_adds_no_second_athlete(store):
    wout = [Athlete("Jens van 't Wout", aliases=["Van 't Wout"])]
    store_one(store, "first version", report(five_hundred("Jens van 't Wout", rank=1), athletes_=wout))
    store_one(store, "updated version", report(five_hundred("Jens van 't Wout", rank=1, time=40.1), athletes_=wout))
    assert [a.slug for a in athletes(store)] == ["jens-van-t-wout"]
    assert count(store, FactRow) == 1


def test_results_search_by_surname_alias_or_accents(store):
    store_one(
        store,
        "a",
        report(
            Result(athlete="Primož Roglič", event="stage 4", competition="Vuelta", rank=1),
            athletes_=[Athlete("Primož Roglič")],
        ),
    )
    with store() as session:
        for query in ("Roglič", "roglic", "Primoz Roglic", "primoz-roglic"):
            assert len(search_results(session, athlete=query)) == 1, query
        assert len(list_articles(session, athlete="Roglic")) == 1
        assert [a.name for a in find_athletes(session, "ROGLIC")] == ["Primož Roglič"]


def test_event_search_matches_the_distance_not_a_longer_one(store):
    store_one(store, "a", report(five_hundred("Mirte Visser", rank=1)))
    store_one(store, "b", report(Result(athlete="Mirte Visser", event="5000 m", competition="World Cup", rank=2)))
    with store() as session:
        for query in ("500", "500m", "500 meter", "500 metres"):
            assert [f.event.discipline for f in search_results(session, event=query)] == ["500 m"], query
        page = search_results(session, limit=1)
        assert (len(page.items), page.total) == (1, 2)
        assert list_events(session, event="5000").total == 1


def test_results_page_by_page_newest_event_first_undated_last(store):
    feb = {day: dt.date(2026, 2, day) for day in (13, 14)}
    store_one(store, "undated", report(Result(athlete="Mirte Visser", rank=2), published=None))
    store_one(
        store,
        "13th",
        report(
            five_hundred("Lieke van Dijk", rank=2, date=feb[13]), five_hundred("Mirte Visser", rank=1, date=feb[13])
        ),
    )
    store_one(
        store,
        "14th",
        report(
            five_hundred("Mirte Visser", rank=3, date=feb[14]), five_hundred("Lieke van Dijk", rank=1, date=feb[14])
        ),
    )
    with store() as session:
        whole = [(f.event.date, f.rank) for f in search_results(session)]
        assert whole == [(feb[14], 1), (feb[14], 3), (feb[13], 1), (feb[13], 2), (None, 2)]
        pages = [search_results(session, limit=2, offset=offset) for offset in (0, 2, 4)]
        assert [(f.event.date, f.rank) for page in pages for f in page] == whole
        assert [page.total for page in pages] == [5, 5, 5]
        in_cup = search_results(session, competition="World Cup", limit=1, offset=1)
        assert ([(f.event.date, f.rank) for f in in_cup], in_cup.total) == ([(feb[14], 3)], 4)


def test_deleting_an_article_takes_its_results_and_what_only_it_supported(store):
    first = store_one(store, "a", report(five_hundred("Mirte Visser", rank=1), five_hundred("Lieke van Dijk", rank=2)))
    store_one(store, "b", report(five_hundred("Mirte Visser", rank=1), athletes_=[VISSER]))
    third = Result(athlete="Lieke van Dijk", event="3000 m", competition="World Cup", rank=5)
    store_one(store, "c", report(third, athletes_=[DIJK]))
    with store() as session:
        delete_article(session, session.get(ArticleRow, first))
        session.commit()
    with store() as session:
        visser = session.scalar(select(FactRow).where(FactRow.athlete_name == "Mirte Visser"))
        assert visser.support == 1
        assert [e.discipline for e in session.scalars(select(EventRow))] == ["500 m", "3000 m"]
        assert (
            session.scalar(select(FactRow).where(FactRow.athlete_name == "Lieke van Dijk")).event.discipline == "3000 m"
        )
    store_one(store, "d", report(five_hundred("Mirte Visser", rank=1), athletes_=[VISSER]))
    with store() as session:
        only = session.get(ArticleRow, 4)
        delete_article(session, only)
        delete_article(session, session.get(ArticleRow, 2))
        session.commit()
    assert [a.name for a in athletes(store)] == ["Lieke van Dijk"]
    assert count(store, EventRow) == 1


def test_reextracting_an_article_replaces_its_claims_only(store):
    article = store_one(store, "a", report(five_hundred("Mirte Visser", rank=2)))
    store_one(store, "b", report(five_hundred("Mirte Visser", rank=1)))
    with store() as session:
        replace_extraction(session, session.get(ArticleRow, article), report(five_hundred("Mirte Visser", rank=1)))
        session.commit()
    with store() as session:
        (fact,) = session.scalars(select(FactRow)).all()
        assert (fact.rank, fact.conflicts, fact.support) == (1, [], 2)


def test_merging_two_profiles_by_hand(store):
    store_one(store, "a", report(five_hundred("Mirte Visser", rank=1), athletes_=[VISSER]))
    store_one(store, "b", report(five_hundred("Mirthe Vissers", rank=1), athletes_=[Athlete("Mirthe Vissers")]))
    with store() as session:
        rows = {a.slug: a for a in session.scalars(select(AthleteRow))}
        merge_athletes(session, rows["mirthe-vissers"], rows["mirte-visser"])
        session.commit()
    with store() as session:
        profile = profile_of(session, "mirthe-vissers")  # the old slug leads to the merged profile
        assert profile.athlete.slug == "mirte-visser" and "Mirthe Vissers" in profile.athlete.aliases
        (fact,) = profile.results
        assert fact.support == 2
        with pytest.raises(EditError):
            merge_athletes(session, profile.athlete, profile.athlete)


def test_splitting_a_name_off_and_it_stays_apart(store):
    store_one(store, "a", report(five_hundred("Mirte Visser", rank=1), athletes_=[VISSER]))
    store_one(store, "b", report(five_hundred("M. Visser", rank=7), athletes_=[Athlete("M. Visser")]))
    with store() as session:
        mirte = session.scalar(select(AthleteRow))
        assert "M. Visser" in mirte.aliases
        other = split_athlete(session, mirte, ["M. Visser"])
        session.commit()
        assert other.name == "M. Visser"
    thousand = Result(athlete="M. Visser", event="1000 m", competition="World Cup", rank=6)
    store_one(store, "c", report(thousand, athletes_=[Athlete("M. Visser")]))
    with store() as session:
        assert [f.rank for f in profile_of(session, "mirte-visser").results] == [1]
        assert sorted(f.rank or 0 for f in profile_of(session, "m-visser").results) == [6, 7]
        with pytest.raises(EditError, match="not written"):
            split_athlete(session, session.scalar(select(AthleteRow).where(AthleteRow.slug == "mirte-visser")), ["X"])
