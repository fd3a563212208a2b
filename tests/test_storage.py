"""The store: migrations, idempotent articles, athletes accumulating across articles, races and links.

Runs against SQLite always and against PostgreSQL (127.0.0.1:5432, database `test`) when it answers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, text

from models.records import Athlete, CalendarEntry, Fixture, Link, Quote, Result, Stage
from models.storage import content_hash, open_store, upsert_race
from models.storage.read import (
    calendar_entries,
    known_names,
    list_articles,
    search_athletes,
    search_results,
)
from models.storage.tables import ArticleRow, AthleteRow, ResultRow
from tests.storage_helpers import athletes, count, make_result, profile_of, store_one

SMEEKENS = Athlete(name="Jan Smeekens", aliases=["Smeekens"], team="Team LottoNL-Jumbo", sport="speed skating")


def test_first_open_creates_the_sqlite_file_in_wal_mode(tmp_path):
    path = tmp_path / "new-dir" / "palmares.sqlite"
    factory = open_store(f"sqlite:///{path}")
    assert path.is_file()
    with factory() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_opening_twice_keeps_the_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.sqlite'}"
    store_one(open_store(url), "text one", make_result(athletes=[SMEEKENS]))
    assert count(open_store(url), ArticleRow) == 1


def test_same_article_twice_is_stored_once(store):
    first = store_one(store, "Jan Smeekens rijdt.", make_result(athletes=[SMEEKENS]))
    second = store_one(store, "Jan Smeekens rijdt.", make_result(athletes=[SMEEKENS]))
    assert first == second
    assert count(store, ArticleRow) == 1
    assert count(store, AthleteRow) == 1


def test_article_fields_are_kept(store):
    article_id = store_one(
        store,
        "raw page",
        make_result(paragraphs=["One.", "Two."], published="2018-02-14"),
        source_url="https://example.org/a",
        language="nl",
        published="2018-02-14",
    )
    with store() as session:
        row = session.get(ArticleRow, article_id)
        assert row.content_hash == content_hash("raw page")
        assert row.body == "One.\n\nTwo."
        assert row.published_date == dt.date(2018, 2, 14)
        assert row.source_url == "https://example.org/a"
        assert row.pipeline_version == "test-1"
        assert row.result_json["title"] == "Report"


def test_second_article_about_the_same_athlete_adds_to_him(store):
    store_one(store, "article 1", make_result(athletes=[SMEEKENS], results=[Result(athlete="Jan Smeekens", rank=10)]))
    later = Athlete(name="J. Smeekens", team="Team LottoNL-Jumbo")
    store_one(store, "article 2", make_result(athletes=[later], results=[Result(athlete="J. Smeekens", rank=3)]))
    rows = athletes(store)
    assert [a.name for a in rows] == ["Jan Smeekens"]
    assert "J. Smeekens" in rows[0].aliases
    with store() as session:
        assert [r.rank for r in search_results(session, athlete=rows[0].slug)] == [3, 10]


def test_surname_only_with_the_same_sport_is_the_same_person(store):
    store_one(store, "a", make_result(athletes=[SMEEKENS]))
    store_one(store, "b", make_result(athletes=[Athlete(name="Smeekens", sport="speed skating")]))
    assert len(athletes(store)) == 1


def test_a_lone_surname_makes_no_profile_until_the_full_name_arrives(store):
    lone = make_result(athletes=[Athlete(name="Smeekens")], results=[Result(athlete="Smeekens", rank=4)])
    store_one(store, "a", lone)
    assert athletes(store) == []
    store_one(store, "b", make_result(athletes=[SMEEKENS]))
    (row,) = athletes(store)
    assert (row.name, row.slug) == ("Jan Smeekens", "jan-smeekens")
    with store() as session:
        assert [r.rank for r in profile_of(session, "jan-smeekens").results] == [4]


def test_different_people_sharing_a_surname_are_not_merged(store):
    store_one(store, "a", make_result(athletes=[SMEEKENS]))
    store_one(store, "b", make_result(athletes=[Athlete(name="Piet Smeekens", team="Team LottoNL-Jumbo")]))
    store_one(store, "c", make_result(athletes=[Athlete(name="Smeekens", sport="cycling")]))
    assert sorted(a.name for a in athletes(store)) == ["Jan Smeekens", "Piet Smeekens"]


def test_a_lone_surname_joins_the_only_athlete_with_that_surname(store):
    store_one(store, "a", make_result(athletes=[SMEEKENS]))
    store_one(store, "b", make_result(athletes=[Athlete(name="Smeekens")]))
    assert [a.name for a in athletes(store)] == ["Jan Smeekens"]


def test_accent_forms_are_one_athlete_and_searchable(store):
    store_one(store, "a", make_result(athletes=[Athlete(name="Håvard Lorentzen", sport="speed skating")]))
    store_one(store, "b", make_result(athletes=[Athlete(name="Havard Lorentzen")]))
    assert len(athletes(store)) == 1
    with store() as session:
        assert [a.name for a in search_athletes(session, "LORENTZEN")] == ["Håvard Lorentzen"]
        assert [a.name for a in search_athletes(session, "håvard")] == ["Håvard Lorentzen"]
        assert [a.slug for a in search_athletes(session, "havard")] == ["havard-lorentzen"]


def test_results_quotes_and_fixtures_attach_to_the_athlete(store):
    result = make_result(
        athletes=[SMEEKENS, Athlete(name="Sven Kramer", team="Team LottoNL-Jumbo")],
        results=[Result(athlete="Jan Smeekens", event="500m", rank=10, time=34.93, medal=None)],
        quotes=[Quote(speaker="Smeekens", text="Dit is heel erg zonde", language="nl")],
        schedule=[Fixture(when="wednesday", date=dt.date(2099, 1, 7), event="team pursuit", athletes=["Kramer"])],
    )
    store_one(store, "article", result)
    with store() as session:
        smeekens = profile_of(session, "jan-smeekens")
        assert smeekens is not None
        assert [r.time for r in smeekens.results] == [34.93]
        assert [q.text for q in smeekens.quotes] == ["Dit is heel erg zonde"]
        kramer = profile_of(session, "sven-kramer")
        assert kramer is not None
        assert [f.event for f in kramer.fixtures] == ["team pursuit"]
        assert smeekens.fixtures == []


def test_medals_are_counted_on_the_profile(store):
    store_one(store, "a", make_result(athletes=[SMEEKENS], results=[Result(athlete="Jan Smeekens", medal="gold")]))
    with store() as session:
        smeekens = profile_of(session, "jan-smeekens")
        assert smeekens is not None and smeekens.medals == {"gold": 1, "silver": 0, "bronze": 0}


RACE = CalendarEntry(
    race="Okolo Slovenska / Tour de Slovaquie",
    country="sk",
    category="WorldTeam Men",
    start_date=dt.date(2025, 9, 17),
    end_date=dt.date(2025, 9, 21),
    stages=[
        Stage(number=1, total=5, start="Bardejov", finish="Bardejov", distance_km=141.0, date=dt.date(2025, 9, 17))
    ],
)


def test_calendar_races_are_upserted_and_articles_linked(store):
    with store() as session:
        upsert_race(session, RACE)
        upsert_race(session, RACE)
        session.commit()
    store_one(
        store,
        "stage report",
        make_result(links=[Link(race=RACE.race, stage=1, score=0.9, reasons=["place"])], published="2025-09-17"),
    )
    with store() as session:
        entries = calendar_entries(session)
        assert [(e.race, len(e.stages)) for e in entries] == [(RACE.race, 1)]
        assert known_names(session).races == [RACE.race]


def test_filters_on_articles(store):
    store_one(store, "a", make_result(athletes=[SMEEKENS], language="nl", published="2018-02"))
    store_one(store, "b", make_result(language="en", published="2019-05-01"))
    with store() as session:
        assert len(list_articles(session, language="nl")) == 1
        assert len(list_articles(session, since=dt.date(2019, 1, 1))) == 1
        assert len(list_articles(session, athlete="jan-smeekens")) == 1
        assert list_articles(session, athlete="nobody").items == []


def test_known_names_feed_the_gazetteer(store):
    store_one(store, "a", make_result(athletes=[SMEEKENS]))
    with store() as session:
        names = known_names(session)
    assert "Jan Smeekens" in names.athletes and names.teams == ["Team LottoNL-Jumbo"]


def test_result_for_an_athlete_not_listed_creates_the_athlete(store):
    store_one(store, "a", make_result(results=[Result(athlete="Havard Lorentzen", rank=1)]))
    assert [a.name for a in athletes(store)] == ["Havard Lorentzen"]
    assert count(store, ResultRow) == 1


def test_migrations_match_the_table_definitions(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from models.storage.tables import Base

    with store.kw["bind"].connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_replacing_an_extraction_swaps_the_facts_and_keeps_the_article(store):
    from models.storage import replace_extraction

    article_id = store_one(
        store, "page", make_result(athletes=[SMEEKENS], results=[Result(athlete="Jan Smeekens", rank=10)])
    )
    newer = make_result(athletes=[SMEEKENS], results=[Result(athlete="Jan Smeekens", rank=9, time=34.9)])
    newer.pipeline_version = "test-2"
    with store() as session:
        replace_extraction(session, session.get(ArticleRow, article_id), newer)
        session.commit()
    with store() as session:
        assert session.get(ArticleRow, article_id).pipeline_version == "test-2"
        assert [(r.rank, r.time) for r in session.scalars(select(ResultRow))] == [(9, 34.9)]
    assert count(store, AthleteRow) == 1


def test_namesakes_in_different_sports_get_their_own_slugs(store):
    store_one(store, "a", make_result(athletes=[SMEEKENS]))
    store_one(store, "b", make_result(athletes=[Athlete(name="Jan Smeekens", sport="cycling")]))
    assert [a.slug for a in athletes(store)] == ["jan-smeekens", "jan-smeekens-2"]


def test_a_team_tally_naming_the_athlete_is_no_medal_of_his(store):
    from models.records import MedalTally

    result = make_result(athletes=[Athlete(name="Sven Kramer", aliases=["Kramer"], team="Team LottoNL-Jumbo")])
    result.medal_tallies = [MedalTally(team="Team LottoNL-Jumbo", medal="gold", count=3, athletes=["Kramer", "Nuis"])]
    store_one(store, "tally", result)
    with store() as session:
        kramer = profile_of(session, "sven-kramer")
        assert kramer is not None and kramer.medals == {"gold": 0, "silver": 0, "bronze": 0}


def test_a_lone_surname_before_the_full_name_in_one_article_is_that_athlete(store):
    result = make_result(
        results=[
            Result(athlete="Kramer", event="1500m", rank=2),
            Result(athlete="Sven Kramer", event="5000m", rank=1),
        ]
    )
    store_one(store, "article", result)
    with store() as session:
        kramer = profile_of(session, "sven-kramer")
        assert kramer is not None
        assert sorted(r.rank or 0 for r in kramer.results) == [1, 2]
    assert [a.name for a in athletes(store)] == ["Sven Kramer"]


def _invented_names(count: int) -> list[str]:
    """Distinct names no spelling variant folds together (syllables without doubled letters)."""
    syllables = ["ka", "mi", "ro", "tu", "be", "so"]

    def word(n: int) -> str:
        return "".join(syllables[(n // 6**k) % 6] for k in range(4)).title()

    return [f"{word(n)} {word(n + 7)}ter" for n in range(count)]


def test_a_long_article_stores_every_athlete_result_quote_and_fixture(store):
    names = _invented_names(300)
    result = make_result(
        athletes=[Athlete(name=name) for name in names],
        results=[Result(athlete=name, event="500m", rank=n + 1) for n, name in enumerate(names)],
        quotes=[Quote(speaker=name.split()[-1], text=f"quote {n}", language="nl") for n, name in enumerate(names)],
        schedule=[Fixture(when="sunday", date=dt.date(2099, 1, 4), event="1000m", athletes=[name]) for name in names],
    )
    store_one(store, "a long article", result)
    assert count(store, AthleteRow) == 300 and count(store, ResultRow) == 300
    with store() as session:
        rider = profile_of(session, names[7].lower().replace(" ", "-"))
        assert rider is not None
        assert [r.rank for r in rider.results] == [8]
        assert [q.text for q in rider.quotes] == ["quote 7"]
        assert [f.event for f in rider.fixtures] == ["1000m"]
    store_one(store, "the same athletes again", result)  # found, not made again
    assert count(store, AthleteRow) == 300 and count(store, ResultRow) == 600


def test_quotes_and_fixtures_longer_than_their_columns_are_stored_cut(store):
    speaker, event = "Zeg" + "gen" * 150, "Rit" + "ten" * 150  # 453 characters: the columns hold 300
    result = make_result(
        quotes=[Quote(speaker=speaker, text="Mooi", language="nl")],
        schedule=[Fixture(when="sunday", event=event, athletes=[])],
        results=[Result(athlete="Jan Smeekens", event="500m", rank=1, gap_to=event)],
    )
    article_id = store_one(store, "article", result)
    with store() as session:
        row = session.get(ArticleRow, article_id)
        assert row is not None
        assert [len(q.speaker or "") for q in row.quotes] == [300]
        assert [len(f.event or "") for f in row.fixtures] == [300]
        assert [len(r.gap_to or "") for r in row.results] == [300]


def test_a_profile_shows_the_newest_results_and_articles_and_counts_them_all(store, monkeypatch):
    from models.storage import read

    monkeypatch.setattr(read, "PROFILE_RESULTS", 2)
    monkeypatch.setattr(read, "PROFILE_ITEMS", 2)
    for day, distance in enumerate(["500m", "1000m", "1500m"], start=1):
        result = make_result(
            athletes=[SMEEKENS],
            results=[Result(athlete="Jan Smeekens", event=distance, rank=day)],
            quotes=[Quote(speaker="Smeekens", text=f"quote {day}", language="nl")],
            published=f"2018-02-{day:02d}",
        )
        store_one(store, f"article {day}", result)
    with store() as session:
        profile = profile_of(session, "jan-smeekens")
        assert [r.rank for r in profile.results] == [3, 2]  # newest event first
        assert [q.text for q in profile.quotes] == ["quote 2", "quote 3"]
        assert len(profile.articles) == 2
        assert (profile.results_total, profile.quotes_total, profile.articles_total) == (3, 3, 3)


def test_a_result_many_articles_report_lists_the_first_of_them(store, monkeypatch):
    from models.storage import read

    monkeypatch.setattr(read, "SOURCES_SHOWN", 2)
    for number in range(3):
        result = make_result(
            athletes=[SMEEKENS],
            results=[Result(athlete="Jan Smeekens", event="500m", rank=10, date=dt.date(2018, 2, 14))],
        )
        store_one(store, f"report {number}", result)
    with store() as session:
        (fact,) = search_results(session, athlete="jan-smeekens")
        assert fact.support == 3
        assert [c.article_id for c in fact.claims] == sorted(c.article_id for c in fact.claims)
        assert len(fact.claims) == 2


def test_sqlite_connections_keep_small_caches(tmp_path):
    from models.storage.db import PAGE_CACHE_KIB

    factory = open_store(f"sqlite:///{tmp_path / 'p.sqlite'}")
    with factory() as session:
        assert session.execute(text("PRAGMA cache_size")).scalar() == -PAGE_CACHE_KIB
