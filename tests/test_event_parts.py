"""The parts of an event read from free text: distances, stages, rounds, standings and gender in six languages."""

from __future__ import annotations

import pytest

from models.events import (
    EventParts,
    EventWordsError,
    competition_kind,
    competition_name_and_year,
    discipline_query,
    event_parts,
    load_event_words,
    normalise_discipline,
    parse_event,
    parse_gender,
    parse_round,
    parse_stage,
    parse_standings,
)
from models.records import Result


@pytest.mark.parametrize("text", ["500m", "500 m", "500 meter", "500 metres", "500 Meter", "500 mètres", "500-metre"])
def test_one_distance_has_one_spelling(text):
    assert normalise_discipline(text) == "500 m"


def test_500_m_is_not_5000_m():
    assert normalise_discipline("500 m") != normalise_discipline("5000 m")
    assert normalise_discipline("5.000 meter") == normalise_discipline("5,000 m") == "5000 m"


def test_kilometres_below_twenty_are_the_same_distance_in_metres():
    assert normalise_discipline("10 km") == normalise_discipline("10.000 meter") == "10000 m"
    assert normalise_discipline("42.195 km") == "42.195 km"


def test_relays_and_disciplines():
    assert normalise_discipline("4 x 400m") == "4x400 m"
    assert normalise_discipline("Team Pursuit") == "team pursuit"
    assert normalise_discipline("men's team pursuit final") == "team pursuit"


@pytest.mark.parametrize(
    "text",
    ["stage 4", "Stage 4", "4e étape", "etappe 4", "4. Etappe", "4th stage", "fourth stage", "4ª etapa", "tappa 4"],
)
def test_stage_numbers_in_six_languages(text):
    assert parse_stage(text) == 4


def test_a_prologue_is_stage_zero_and_a_final_stage_has_no_number():
    assert parse_stage("the prologue") == 0
    assert parse_stage("final stage") is None
    assert parse_round("final stage") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("halve finale", "semifinal"), ("the final", "final"), ("demi-finale", "semifinal"), ("Vorlauf", "heat")],
)
def test_rounds(text, expected):
    assert parse_round(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("general classification", "general"),
        ("algemeen klassement", "general"),
        ("classement général", "general"),
        ("Bergwertung", "mountains"),
        ("points classification", "points"),
        ("sprint", None),
    ],
)
def test_standings_words(text, expected):
    assert parse_standings(text) == expected


def test_women_is_not_men():
    assert parse_gender("women's 500 m") == "women"
    assert parse_gender("men's 500 m") == "men"
    assert parse_gender("Damen") == "women"


def test_a_stage_of_the_general_classification_is_both():
    assert parse_event("general classification after stage 4") == EventParts(None, 4, None, "general", None)


def test_fields_of_the_result_come_first_and_text_fills_the_rest():
    result = Result(athlete="A", event="women's 500 m", discipline="500m", round="final")
    assert event_parts(result) == EventParts("500 m", None, "final", None, "women")


def test_search_terms_match_by_distance():
    for text in ("500", "500m", "500 meter"):
        query = discipline_query(text)
        assert query.matches("500 m") and not query.matches("5000 m")
    assert discipline_query("pursuit").matches("team pursuit")


def test_competition_year_and_kind():
    assert competition_name_and_year("Vuelta 2023") == ("Vuelta", 2023)
    assert competition_kind("Olympic Games") == "games"
    assert competition_kind("World Cup") == "cup"


def test_the_word_lists_are_checked():
    data = load_event_words()
    with pytest.raises(EventWordsError, match="missing lists: genders"):
        load_event_words({k: v for k, v in data.items() if k != "genders"})
    with pytest.raises(EventWordsError, match="unknown lists: colours"):
        load_event_words({**data, "colours": {}})
    with pytest.raises(EventWordsError, match="rounds maps to unknown values"):
        load_event_words({**data, "rounds": {"final": "last"}})
