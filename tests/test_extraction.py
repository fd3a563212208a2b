"""Facts from invented articles in six languages: results, gaps to the winner, medals, quotes, fixtures."""

import pytest

from tests.extraction_helpers import extract_snippet, facts, rules_alone

pytestmark = pytest.mark.usefixtures(rules_alone.__name__)


@pytest.fixture(scope="module")
def dutch(engine, fixture_text):
    with pytest.MonkeyPatch.context() as patch:  # built once for the module, before `rules_alone` applies
        patch.setenv("PALMARES_RESULT_MODEL", "none")
        return engine.extract(fixture_text("nl-skating-page.txt"), published="2026-05-05")


def test_dutch_title_language_and_athletes(dutch):
    assert dutch.language == "nl"
    assert dutch.title == "Bakker pakt zilver op de 1500 meter"
    athletes = {a.name: a for a in dutch.athletes}
    assert {"Lotte Bakker", "Mira Holm", "Fenna de Wit"} <= set(athletes)
    assert athletes["Lotte Bakker"].team == "Team Zuidwind"
    assert "Bakker" in athletes["Lotte Bakker"].aliases


def test_dutch_result_with_pronoun_and_gap_to_the_winner(dutch):
    bakker = facts(dutch, "Lotte Bakker")
    assert bakker["rank"] == 2 and bakker["time"] == pytest.approx(114.31) and bakker["gap"] == pytest.approx(0.47)
    assert bakker["medal"] == "silver"
    assert facts(dutch, "Mira Holm")["rank"] == 1
    assert facts(dutch, "Fenna de Wit") == {"rank": 5, "time": pytest.approx(115.02)}
    gap = next(r for r in dutch.results if r.gap is not None)
    assert gap.gap_to == "Mira Holm"


def test_dutch_medal_tally_and_quotes(dutch):
    tallies = {t.medal: (t.count, t.athletes) for t in dutch.medal_tallies}
    assert tallies["gold"] == (2, ["Lotte Bakker", "Fenna de Wit"])
    assert tallies["bronze"] == (1, ["Mira Holm"])
    assert [q.speaker for q in dutch.quotes] == ["Lotte Bakker", "Lotte Bakker"]
    assert dutch.quotes[0].text == "Ik ben hier heel blij mee"


def test_dutch_fixtures_resolve_weekdays_from_the_publication_date(dutch):
    fixtures = [(f.when, f.date.isoformat() if f.date else None, f.event, f.athletes) for f in dutch.schedule]
    assert fixtures == [
        ("thursday", "2026-05-07", "1000 m", ["Lotte Bakker"]),
        ("saturday", "2026-05-09", "team pursuit", ["Fenna de Wit"]),
    ]


def test_weekdays_stay_weekdays_without_a_full_publication_date(engine, fixture_text):
    result = engine.extract(fixture_text("nl-skating-page.txt"), published="2026-05")
    assert [f.date for f in result.schedule] == [None, None]
    assert result.published == "2026-05"


def test_english_winner_gap_and_coach(engine, fixture_text):
    result = engine.extract(fixture_text("en-cycling-report.txt"))
    assert result.language == "en"
    assert facts(result, "Oscar Quinn")["rank"] == 1
    assert facts(result, "Tomas Varga")["rank"] == 2
    assert facts(result, "Pieter Claes") == {"rank": 3, "gap": 14.0}
    assert "Martin Hale" not in {a.name for a in result.athletes}
    assert {q.speaker for q in result.quotes} == {"Oscar Quinn", "Martin Hale"}
    assert [(f.when, f.event) for f in result.schedule] == [("friday", "time trial")]


@pytest.mark.parametrize(
    "name, language, expected",
    [
        (
            "fr-ski-report.txt",
            "fr",
            {
                "Camille Dupré": {"rank": 1, "time": 108.32},
                "Lena Gruber": {"rank": 2, "gap": 0.12},
                "Sara Conti": {"rank": 3, "gap": 0.41},
            },
        ),
        (
            "es-cycling-report.txt",
            "es",
            {
                "Pablo Ruiz": {"rank": 1, "time": 15153.0},
                "Andrés Mora": {"rank": 2, "gap": 12.0},
                "Iker Soto": {"rank": 3, "gap": 31.0},
            },
        ),
        (
            "de-swim-report.txt",
            "de",
            {"Jonas Krause": {"rank": 1, "time": 106.12, "medal": "gold"}, "Marco Ferri": {"rank": 2, "gap": 0.38}},
        ),
        (
            "it-skating-report.txt",
            "it",
            {
                "Giulia Bianchi": {"rank": 1, "time": 37.81},
                "Ingrid Lund": {"rank": 2, "gap": 0.15},
                "Sanne Kok": {"rank": 3},
            },
        ),
    ],
)
def test_results_in_other_languages(engine, fixture_text, name, language, expected):
    result = engine.extract(fixture_text(name))
    assert result.language == language
    for athlete, wanted in expected.items():
        assert facts(result, athlete) == pytest.approx(wanted), athlete
    assert result.quotes and result.quotes[0].speaker == next(iter(expected))


def test_quote_styles_are_all_recognised():
    from nlp.extraction.quotes import find_quotes

    text = (
        '“Een twee drie”, zei hij. "One two three" she said. „Eins zwei drei“ sagte er. '
        "« Un deux trois » dit-il. ,,Vier vijf zes'' zei ze."
    )
    assert [q for _, _, q in find_quotes(text)] == [
        "Een twee drie",
        "One two three",
        "Eins zwei drei",
        "Un deux trois",
        "Vier vijf zes",
    ]


def test_gazetteer_names_from_the_store_are_found(engine):
    from nlp.engine import Engine

    fresh = Engine(known_athletes=["Zyx Qwerty"])
    result = fresh.extract("Vandaag reed zyx qwerty een sterke race op de 500 meter en werd tweede.\n\nHet was koud.")
    assert "Zyx Qwerty" in {a.name for a in result.athletes} or any(e.label == "ATHLETE" for e in result.entities)


def test_a_name_learned_after_the_first_article_resolves_surname_mentions_in_the_next():
    from nlp.engine import Engine

    fresh = Engine(known_athletes=[f"Given{n} Filler{n}" for n in range(2000)])
    fresh.extract("Jan Testeling reed de 500 meter in 34,93.")  # loads and feeds the Dutch pipeline
    fresh.add_known(athletes=["Wietske Vondeling"])
    result = fresh.extract("Vondeling won de 1500 meter in 1:54,31. Vondeling was blij met de zege.")
    assert "Wietske Vondeling" in {a.name for a in result.athletes}


def test_fixtures_with_written_dates(engine):
    text = (
        "Kalender\n\nOp 14 september rijdt Lotte Bakker de 1500 meter in Thialf. Vorig jaar won ze daar al.\n\n"
        "Op 2 januari 2024 reed ze haar eerste race."
    )
    result = engine.extract(text, published="2026-09-01")
    assert [(f.when, f.date.isoformat(), f.athletes) for f in result.schedule] == [
        ("--09-14", "2026-09-14", ["Lotte Bakker"])
    ]


def test_a_fixture_on_29_february_of_a_year_without_it_has_no_date_and_no_crash(engine):
    result = engine.extract("Lotte Bakker rijdt op 29 februari de 500 meter in Thialf.", published="2026-01-10")
    assert [(f.when, f.date) for f in result.schedule] == [("--02-29", None)]


def test_a_fixture_on_29_february_of_a_leap_year_has_its_date(engine):
    result = engine.extract("Lotte Bakker rijdt op 29 februari de 500 meter in Thialf.", published="2028-01-10")
    assert [f.date.isoformat() for f in result.schedule if f.date] == ["2028-02-29"]


@pytest.mark.parametrize(
    "language, text, athlete, expected",
    [
        (
            "fr",
            "Thomas Testar conserve le maillot jaune avec une avance de 33 secondes sur Remo Probe.",
            "Remo Probe",
            {"gap": 33.0},
        ),
        (
            "fr",
            "Thomas Testar conserve le maillot jaune avec une avance de 33 secondes sur Remo Probe.",
            "Thomas Testar",
            {"rank": 1},
        ),
        (
            "es",
            "Remo Probe conservó el jersey rojo con 5 segundos de ventaja sobre Enrico Muestra.",
            "Enrico Muestra",
            {"gap": 5.0},
        ),
        ("en", "Peter Testli finished 0.29 seconds ahead of Dom Prova in the downhill.", "Dom Prova", {"gap": 0.29}),
        ("it", "Marta Prova precede di 6”8 Susan Esempio nella sprint.", "Susan Esempio", {"gap": 6.8}),
        (
            "nl",
            "De etappe is gewonnen door Daniel Proef. Hij was de snelste in de sprint.",
            "Daniel Proef",
            {"rank": 1},
        ),
        ("en", "Fede Tester and Petra Proof shared a giant slalom victory on Saturday.", "Petra Proof", {"rank": 1}),
        ("en", "Fede Tester and Petra Proof shared a giant slalom victory on Saturday.", "Fede Tester", {"rank": 1}),
        ("nl", "Lotte Proef en Anna Test deelden de zege op de 500 meter.", "Lotte Proef", {"rank": 1}),
    ],
)
def test_leaders_margins_and_passive_wins(engine, language, text, athlete, expected):
    assert facts(extract_snippet(engine, text, language, filler="Meer tekst volgt later."), athlete) == pytest.approx(
        expected
    )


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Lotte Proef won geen medaille op de 500 meter, ze werd zesde."),
        ("en", "Anna Sample missed out on gold in the 800m final, edged out by a rival."),
        ("nl", "Met die tijd zou Fenna Proef zilver hebben gepakt, maar ze zwom in de series."),
        ("en", "Dai Example is also a candidate for Olympic gold next year."),
    ],
)
def test_negated_and_hypothetical_medals_are_not_results(engine, language, text):
    result = extract_snippet(engine, text, language, filler="Meer tekst volgt later.")
    assert not [r for r in result.results if r.medal]


def test_relay_medals_are_team_results(engine):
    text = (
        "Op de 3000 meter aflossing pakten Anna Proef, Bea Test en Cor Voorbeeld zilver achter China.\n\n"
        "Het was een mooie race."
    )
    assert engine.extract(text).results == []


@pytest.mark.parametrize(
    "language, text, athlete",
    [
        (
            "en",
            "Nora Sample claimed the team's third medal of the championships in the 200m backstroke.",
            "Nora Sample",
        ),
        ("en", "Ivo Tester took second place in the 1500m behind a rival from Canada.", "Ivo Tester"),
        ("nl", "Lotte Proef pakte de tweede medaille voor de ploeg op de 1000 meter.", "Lotte Proef"),
        ("de", "Timo Probe holte die dritte Medaille für das Team über 10 Kilometer.", "Timo Probe"),
    ],
)
def test_winning_a_medal_or_a_place_is_not_winning_the_race(engine, language, text, athlete):
    result = extract_snippet(engine, text, language, filler="Meer tekst volgt later.")
    assert not [r for r in result.results if r.athlete == athlete and r.rank == 1]


@pytest.mark.parametrize(
    "language, text, athlete",
    [
        (
            "es",
            "La prueba de 400 metros fue ganada por la húngara Anna Muestra, por delante de Lía Prueba.",
            "Anna Muestra",
        ),
        ("en", "The 800m was won by the Kenyan Ruth Sample in a fast final.", "Ruth Sample"),
        ("nl", "De 1500 meter werd gewonnen door de Noor Lars Proef.", "Lars Proef"),
        ("fr", "La descente a été remportée par l'Autrichien Max Essai.", "Max Essai"),
    ],
)
def test_won_by_a_described_athlete(engine, language, text, athlete):
    result = extract_snippet(engine, text, language, filler="Meer tekst volgt later.")
    assert facts(result, athlete).get("rank") == 1


def test_a_bronze_named_late_in_the_clause_is_not_a_win(engine):
    text = "Paul Probe holte in 1:44,88 Minuten seine zweite Bronzemedaille.\n\nMehr folgt."
    assert facts(engine.extract(text, language="de"), "Paul Probe") == {"time": 104.88, "medal": "bronze", "rank": 3}


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Lotte Proef zat 0,09 van het brons op de 50 meter vrije slag."),
        ("fr", "Lina Essai a terminé à 9 centièmes de la médaille de bronze sur le 100 mètres."),
        ("en", "Nora Sample was 0.09 seconds off the bronze in the 50m freestyle."),
    ],
)
def test_a_margin_to_a_medal_is_neither_a_gap_nor_a_medal(engine, language, text):
    result = extract_snippet(engine, text, language, filler="Meer tekst volgt later.")
    assert not [r for r in result.results if r.medal or r.gap]


def test_standings_with_the_unit_named_once_give_each_athlete_a_gap(engine):
    text = (
        "Remo Prueba conservó el maillot de líder con 5 segundos de ventaja sobre Ivo Muestra. El danés Dan "
        "Ejemplo se encuentra a 31, el belga Leo Caso a 37 y el español Tom Dato a 38.\n\nMás texto sigue."
    )
    result = engine.extract(text, language="es")
    assert [facts(result, name).get("gap") for name in ("Ivo Muestra", "Dan Ejemplo", "Leo Caso", "Tom Dato")] == [
        5.0,
        31.0,
        37.0,
        38.0,
    ]


@pytest.mark.parametrize(
    "language, text, athlete",
    [
        ("en", "Nora Sample was third at the last turn before a strong final length on the 200m.", "Nora Sample"),
        ("es", "Ana Muestra, líder tras la primera manga, no pudo ganar el gigante.", "Ana Muestra"),
        ("nl", "Lotte Proef was halverwege nog tweede op de 1500 meter.", "Lotte Proef"),
    ],
)
def test_positions_on_the_way_are_not_results(engine, language, text, athlete):
    result = extract_snippet(engine, text, language)
    assert not [r for r in result.results if r.athlete == athlete and r.rank is not None]


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Ivo Tester, who has won six World Championship gold medals, was fast again in the 1000m."),
        ("nl", "Lotte Proef, die drie gouden medailles heeft, reed de 1500 meter."),
    ],
)
def test_a_career_count_of_medals_is_not_a_medal_won_today(engine, language, text):
    result = extract_snippet(engine, text, language)
    assert not [r for r in result.results if r.medal]


def test_a_rank_after_its_verb_belongs_to_the_elided_subject_not_the_next_name(engine):
    text = (
        "Jemma Proof had been the fastest qualifier but finished seventh as Nora Sample claimed silver in the "
        "200m butterfly.\n\nMore text follows later."
    )
    result = engine.extract(text, language="en")
    assert facts(result, "Jemma Proof").get("rank") == 7
    assert not [r for r in result.results if r.athlete == "Nora Sample" and r.rank == 7]


def test_a_pronoun_subject_keeps_the_rank_with_the_sentence_subject(engine):
    text = (
        "Ook Kees Proef kon niets doen aan de tijden van de Koreaan Min-Ho Test, hij finishte uiteindelijk op een "
        "negende plaats.\n\nMeer tekst volgt later."
    )
    result = engine.extract(text, language="nl")
    assert facts(result, "Kees Proef").get("rank") == 9
