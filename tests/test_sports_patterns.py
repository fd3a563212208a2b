"""Every rank, time, gap and medal notation of the six languages is recognised with its value."""

import pytest

from nlp.pipeline.lexicon import load_lexicon
from nlp.pipeline.result_lists import inline_list_items
from nlp.pipeline.sports_patterns import SportsPatterns


def mentions(language: str, text: str) -> list[tuple[str, str, object]]:
    patterns = SportsPatterns(load_lexicon(language))
    return [(text[m.start : m.end], m.label, m.value) for m in patterns.find(text)]


@pytest.mark.parametrize(
    "language, text, label, value",
    [
        ("nl", "Hij finishte in 34,93.", "TIME", 34.93),
        ("nl", "Zij reed een tijd van 1.54,31 op de 1500 meter.", "TIME", 114.31),
        ("en", "She clocked 1:08.12 in the final.", "TIME", 68.12),
        ("en", "He won in 34.62 seconds.", "TIME", 34.62),
        ("fr", "Elle s'impose en 1'08\"12.", "TIME", 68.12),
        ("es", "Ganó con un tiempo de 4h12'33\".", "TIME", 15153.0),
        ("it", "Ha vinto in 1:45,12.", "TIME", 105.12),
        ("de", "Er schlug nach 1:46,12 an.", "TIME", 106.12),
        ("nl", "Hij eindigde op 0,52 seconde van de winnaar.", "GAP", 0.52),
        ("en", "He was second, 0.03 seconds behind.", "GAP", 0.03),
        ("en", "Claes was third at 0:14.", "GAP", 14.0),
        ("en", "Claes finished +0:12 down.", "GAP", 12.0),
        ("fr", "Elle termine à 12 secondes du vainqueur.", "GAP", 12.0),
        ("fr", "deuxième à 12 centièmes", "GAP", 0.12),
        ("es", "terminó a 12 segundos del ganador", "GAP", 12.0),
        ("de", "mit 12 Sekunden Rückstand", "GAP", 12.0),
        ("it", "a 12 secondi di distacco", "GAP", 12.0),
        ("nl", "Hij gaf 3.48 minuten toe op de winnaar.", "GAP", 228.0),
        ("it", "Secondo all'arrivo Pino Prova, a 21\" dal vincitore.", "GAP", 21.0),
        ("it", "Tino Test 53/o a 11'17\".", "GAP", 677.0),
        ("it", "Lia Prova è sesta a 37”6, davanti a Dora Esempio.", "GAP", 37.6),
        ("es", "Marcó un tiempo de 4’:10’’.40 en la final.", "TIME", 250.4),
        ("en", "She finished in 2min 5.59sec.", "TIME", 125.59),
        ("en", "She swam the 400 m in 4.21.10.", "TIME", 261.1),
        ("nl", "Zij liep de halve marathon in 1.23.42 uur.", "TIME", 5022.0),
        ("it", "Lia Prova ha nuotato in 51''24.", "TIME", 51.24),
        ("fr", "Il signe un temps de 59’’459.", "TIME", 59.459),
        ("es", "Ganó el maratón en 2h05’25’’.", "TIME", 7525.0),
        ("fr", "Elle termine en 1 min 55 sec 19.", "TIME", 115.19),
        ("en", "He ended third, just 37/100 behind.", "GAP", 0.37),
        ("en", "Tao clocked 2 min 33.187 sec.", "TIME", 153.187),
        ("de", "Gold ging an Maria Test (SWE/23,52).", "TIME", 23.52),
        ("es", "Llegó con un tiempo de 2 horas 17 minutos y 56 segundos.", "TIME", 8276.0),
        ("fr", "Lou Test termine à 1 heure 1 minute 7 secondes du vainqueur.", "GAP", 3667.0),
        ("en", "She won in 3 hours, 22 minutes and 10 seconds.", "TIME", 12130.0),
        ("de", "Er kam mit 12 Sekunden und 4 Zehntel Rückstand ins Ziel.", "GAP", 12.4),
        ("en", "Kim Test clocked 1min 42.09 on a windy course.", "TIME", 102.09),
        ("fr", "Il totalise un temps de 10h00mn19sec, devant Lou Test.", "TIME", 36019.0),
        ("es", "Paró el reloj en 34 segundos 508 milésimas.", "TIME", 34.508),
        ("fr", "Elle gagne grâce à un chrono cumulé de 1 min 52 s 916/1000.", "TIME", 112.916),
    ],
)
def test_times_and_gaps(language, text, label, value):
    assert any(lab == label and val == pytest.approx(value) for _, lab, val in mentions(language, text)), mentions(
        language, text
    )


def test_a_results_list_keeps_the_minutes_unit_it_started_with():
    text = "Rang 12 für Timo Probe (+1,04 Minuten), Rang 20 für Lars Beispiel (1 Fehler, +1,35)."
    gaps = [val for _, lab, val in mentions("de", text) if lab == "GAP"]
    assert gaps == [64.0, 95.0]


def test_bare_decimal_gaps_stay_seconds_without_a_minutes_gap_before():
    text = "Rang 2 für Lars Beispiel (+1,35), Rang 3 für Timo Probe (+2,04)."
    gaps = [val for _, lab, val in mentions("de", text) if lab == "GAP"]
    assert gaps == [1.35, 2.04]


@pytest.mark.parametrize(
    "language, text, rank",
    [
        ("nl", "Daarmee eindigde hij op de tiende plaats.", 10),
        ("nl", "Tweede werd Ted Test.", 2),
        ("nl", "Hij is als 26e geëindigd.", 26),
        ("en", "She finished in sixth place.", 6),
        ("en", "He finished 10th.", 10),
        ("en", "Tim Tester was the top American, finishing sixth in 8:16:20.", 6),
        ("es", "Ana Prueba fue la mejor española, terminando sexta.", 6),
        ("fr", "Léa Essai a été la meilleure Française en se classant sixième.", 6),
        ("fr", "Il termine dixième.", 10),
        ("fr", "Elle prend la 10e place.", 10),
        ("es", "Terminó décimo.", 10),
        ("es", "Acabó en el 5º puesto.", 5),
        ("de", "Er wurde Zehnter.", 10),
        ("de", "Sie landete auf Platz 3.", 3),
        ("it", "Ha chiuso decimo.", 10),
        ("it", "Si è classificata al 3° posto.", 3),
        ("it", "Poi nell'ordine Fuglio (quinto) e Majo (sesto).", 5),
        ("it", "Terzo il belga Harm Prova a 30 secondi.", 3),
        ("it", "Tino Test 53/o a 11'17\".", 53),
        ("it", "Uomini: 9^ Tino Test; 14^ Pino Prova.", 9),
        ("de", "Jan Test wurde beim Weltcup in Lahti Dritter vor Paul Probe.", 3),
        ("en", "Kim Test wound up with a seventh-place finish.", 7),
        ("en", "Kim Test leads the way with a 6th-place finish.", 6),
    ],
)
def test_ranks(language, text, rank):
    assert ("RANK", rank) in [(label, value) for _, label, value in mentions(language, text)]


@pytest.mark.parametrize(
    "language, text, ranks",
    [
        ("de", "Lia Test und Mia Probe belegten die Plätze 4 und 5.", [4, 5]),
        ("de", "Sie kamen auf den Plätzen 25, 34 und 57 ins Ziel.", [25, 34, 57]),
        ("nl", "Zij eindigden op de plaatsen 2 en 3.", [2, 3]),
        ("de", "Lia Test kam auf Platz 4 und 5 Sekunden dahinter Mia Probe.", [4]),
        ("de", "Lia Test und Mia Probe belegten die Plätze zwei und drei.", [2, 3]),
        ("en", "Kim Test and Jo Sample took places two and three.", [2, 3]),
    ],
)
def test_every_number_listed_after_a_place_noun_is_a_rank(language, text, ranks):
    assert [value for _, label, value in mentions(language, text) if label == "RANK"] == ranks


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "In de tiende rit reed hij tegen een Amerikaan."),
        ("en", "The first 16 skaters were within a second."),
        ("en", "It was his second season in the team."),
        ("de", "Die zweite Runde war schwer."),
        ("en", "She was the second-fastest qualifier."),
    ],
)
def test_ordinals_that_are_not_ranks(language, text):
    assert not [m for m in mentions(language, text) if m[1] == "RANK"]


@pytest.mark.parametrize(
    "language, text, medal",
    [
        ("es", "Se llevó el metal dorado.", "gold"),
        ("es", "Suma seis preseas doradas.", "gold"),
        ("nl", "Ze pakte goud.", "gold"),
        ("nl", "een zilveren medaille", "silver"),
        ("en", "a bronze medal", "bronze"),
        ("fr", "la médaille d'or", "gold"),
        ("fr", "elle prend l'argent", "silver"),
        ("es", "medalla de plata", "silver"),
        ("de", "Er holte Gold.", "gold"),
        ("it", "conquista il bronzo", "bronze"),
        ("fr", "elle prend l’or", "gold"),
        ("fr", "Lou Test a remporté l’argent, à près d’une seconde.", "silver"),
        ("de", "Die erste Bronze-Medaille ging an Lia Test.", "bronze"),
        ("en", "two silvers on pommel horse", "silver"),
    ],
)
def test_medals(language, text, medal):
    assert ("MEDAL", medal) in [(label, value) for _, label, value in mentions(language, text)]


def test_medal_symbols_are_medals_in_every_language():
    found = [(label, value) for _, label, value in mentions("it", "🥇 Maria Test\n🥈 Anna Proef\n🥉 Lena Voorbeeld")]
    assert found.count(("MEDAL", "gold")) == 1 and ("MEDAL", "bronze") in found


def test_french_or_as_a_conjunction_is_not_gold():
    assert not [m for m in mentions("fr", "Or il faisait froid ce jour-là.") if m[1] == "MEDAL"]


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "De start is om 14.30 uur."),
        ("en", "The race starts at 10:45."),
        ("fr", "Départ à 10h30."),
        ("nl", "Het parcours is 12,4 km lang."),
        ("en", "Within 0.36 seconds of the winner."),
    ],
)
def test_clock_times_distances_and_ranges_are_not_results(language, text):
    assert not [m for m in mentions(language, text) if m[1] in {"TIME", "GAP"}]


def test_short_sprint_and_swimming_distances_are_events_but_margins_are_not():
    found = {value for _, label, value in mentions("en", "She won the 50 m freestyle and the 80 m hurdles.")}
    assert {"50 m", "80 m"} <= found
    assert not [m for m in mentions("en", "He had a 20 m lead.") if m[1] == "DISTANCE"]


def test_a_mark_in_metres_with_a_fraction_is_no_event():
    # a ski jump or a throw is measured to the half metre; race distances are whole
    found = mentions("de", "Karl Probe siegte mit Sprüngen auf 127,5 und 130,5 m über die 10 km.")
    assert [value for _, label, value in found if label == "DISTANCE"] == ["10 km"]


@pytest.mark.parametrize(
    "language, text, value",
    [
        ("it", "Maria Testa ha vinto i 200 dorso.", "200 m"),
        ("nl", "Anna Proef won de 100 vrij.", "100 m"),
        ("es", "Lucía Prueba ganó los 800 libre.", "800 m"),
        ("fr", "Léa Essai remporte le 400 quatre nages.", "400 m"),
        ("de", "Lena Probe siegte über 50 Brust.", "50 m"),
        ("en", "Mia Trial took the 200 butterfly.", "200 m"),
    ],
)
def test_a_swimming_distance_written_without_its_unit_is_an_event(language: str, text: str, value: str):
    assert ("DISTANCE", value) in {(label, found) for _, label, found in mentions(language, text)}


def test_a_relay_and_a_number_that_is_no_distance_before_a_stroke_word_are_no_distance():
    assert not [m for m in mentions("nl", "Ze zwom ook de 4 x 100 vrij en de 4x100 wissel.") if m[1] == "DISTANCE"]
    assert not [m for m in mentions("it", "Erano in 12 stile libero.") if m[1] == "DISTANCE"]


def test_events_are_normalised():
    found = {
        (label, value)
        for _, label, value in mentions(
            "nl", "Op de 1.000 meter en de ploegenachtervolging, en in de 5e etappe en de mass-start."
        )
    }
    assert {
        ("DISTANCE", "1000 m"),
        ("DISCIPLINE", "team pursuit"),
        ("DISCIPLINE", "stage 5"),
        ("DISCIPLINE", "mass start"),
    } <= found


@pytest.mark.parametrize(
    "language, text, time_trial",
    [
        ("it", "Lia Prova ha fermato il cronometro sul tempo di 1:42.30.", False),
        ("es", "Lia Prueba paró el crono en 27.10.", False),
        ("it", "Pino Prova vince la tappa a cronometro.", True),
        ("es", "Juan Prueba ganó la contrarreloj.", True),
    ],
)
def test_the_clock_is_no_time_trial(language, text, time_trial):
    assert (("DISCIPLINE", "time trial") in {(lab, val) for _, lab, val in mentions(language, text)}) == time_trial


def test_a_boat_class_number_is_no_thousands_digit_of_the_distance_after_it():
    found = mentions("fr", "Elle gagne le C-1 200 m, après le K-2 1 000 m et le 10 000 m.")
    distances = [value for _, label, value in found if label == "DISTANCE"]
    assert distances == ["200 m", "1000 m", "10000 m"]


@pytest.mark.parametrize(
    "language, text, value",
    [
        ("en", "September 13, 2025, Stage 20", "2025-09-13"),
        ("nl", "Op 14 september rijdt hij", "--09-14"),
        ("fr", "le 13 septembre 2025", "2025-09-13"),
        ("de", "am 13. September", "--09-13"),
        ("es", "el 13 de septiembre de 2025", "2025-09-13"),
        ("it", "il 3 marzo", "--03-03"),
    ],
)
def test_written_dates_in_every_language(language, text, value):
    assert ("DATE", value) in [(label, v) for _, label, v in mentions(language, text)]


def test_impossible_dates_are_ignored():
    assert not [m for m in mentions("it", "il 31 febbraio") if m[1] == "DATE"]


@pytest.mark.parametrize(
    "language, text, expected",
    [
        (
            "es",
            "Remo Prueba conservó el maillot con 5 segundos de ventaja sobre Ivo Muestra. Dan Ejemplo se encuentra "
            "a 31, Leo Caso a 37 y Tom Dato a 38.",
            [5.0, 31.0, 37.0, 38.0],
        ),
        ("fr", "Paul Essai est deuxième à 12 secondes. Marc Exemple pointe à 40, Luc Test à 52.", [12.0, 40.0, 52.0]),
        ("it", "Dino Prova è secondo a 9 secondi, Ugo Esempio a 14 e Aldo Test a 20.", [9.0, 14.0, 20.0]),
    ],
)
def test_standings_that_name_the_unit_once(language, text, expected):
    assert [val for _, lab, val in mentions(language, text) if lab in ("GAP", "LEAD")] == expected


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("es", "El ataque llegó a 4 km de meta, a 19 kilómetros del final.", []),
        ("es", "Quedó a 5 segundos del ganador.\n\nEl Real Madrid ganó 3 a 2, en casa.", [5.0]),
        ("fr", "Il a terminé à 12 secondes. Le départ est fixé à 14 h.", [12.0]),
    ],
)
def test_bare_numbers_without_a_gap_nearby_are_not_gaps(language, text, expected):
    assert [val for _, lab, val in mentions(language, text) if lab == "GAP"] == expected


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("it", "Lia Prova, seconda in 1:57.70, a 1.07, e Dora Esempio, terza in 1:58.21, a 1.58.", [1.07, 1.58]),
        ("nl", "De Duitse Lena Proef werd derde op 0.85.", [0.85]),
        ("it", "Lo stadio può ospitare fino a 38.000 spettatori.", []),
        ("it", "Vince in 1:57.70 davanti a 1.500 tifosi.", []),
    ],
)
def test_a_decimal_after_the_gap_preposition_closing_a_list_item_is_a_gap(language, text, expected):
    assert [val for _, lab, val in mentions(language, text) if lab == "GAP"] == expected


def test_an_inline_results_list_needs_three_consecutive_numbers():
    assert inline_list_items("1. Jan Test 34,56 2. Kees Proef 34,78 3. Lars Voorbeeld 34,91") == [
        (0, 18, 1),
        (18, 38, 2),
        (38, 61, 3),
    ]
    assert inline_list_items("Am 3. Mai und am 4. Juni fuhr sie.") == []
    assert inline_list_items("1. Jan Test 34,56 2. Kees Proef\n3. Lars Voorbeeld 34,91") == []


def test_a_date_stays_a_date_outside_a_results_list():
    assert ("DATE", "--01-01") in [(label, v) for _, label, v in mentions("de", "Am 1. Jan. startet die Saison.")]
    assert "DATE" not in [
        label for _, label, _ in mentions("nl", "1. Jan Test 34,56 2. Kees Proef 34,78 3. Lars Voorbeeld 34,91")
    ]


@pytest.mark.parametrize(
    "language, text, value",
    [
        ("es", "El sábado se disputa el gigante de Sölden.", "giant slalom"),
        ("es", "Ganó el supergigante de Val Gardena.", "super-G"),
        ("fr", "Samedi, elle disputera le géant de Sölden.", "giant slalom"),
    ],
)
def test_ski_disciplines_named_by_their_short_name(language, text, value):
    assert ("DISCIPLINE", value) in [(label, v) for _, label, v in mentions(language, text)]


@pytest.mark.parametrize(
    "language, text, label, value",
    [
        ("nl", "Hij won in 1.54,31, de rest volgde.", "TIME", 114.31),
        ("en", "She clocked 1m54.31s to win.", "TIME", 114.31),
        ("en", "She won in 34.65s ahead of a rival.", "TIME", 34.65),
        ("en", "She won by 0.34 seconds ahead of a rival.", "LEAD", 0.34),
    ],
)
def test_times_before_punctuation_compact_minutes_and_leads(language, text, label, value):
    assert (label, value) in [(lab, v) for _, lab, v in mentions(language, text)]


def test_a_duration_spelled_in_parts_is_one_mention_not_two():
    found = mentions("fr", "Lou Test termine à 10 minutes 43 secondes du vainqueur.")
    assert found == [("10 minutes 43 secondes", "GAP", 643.0)]


def test_units_out_of_order_are_no_spelled_duration():
    assert not any(
        value == pytest.approx(1230.0) for _, _, value in mentions("en", "after 30 seconds 20 minutes later")
    )


def test_a_bare_decimal_of_a_minute_or_more_is_a_score_not_a_time():
    assert not any(label == "TIME" for _, label, _ in mentions("en", "Ivan Test finished third with 541.05 points."))
    assert not any(label == "TIME" for _, label, _ in mentions("en", "Ivan Test finished third with 541.05."))
    assert ("54.05", "TIME", 54.05) in mentions("en", "Ivan Test finished third in 54.05.")
