"""The ways news tells a result, each in several of the six languages, on invented one-sentence articles:
who won (and who did not), ranks without ordinals, lists run into one line, gaps, venues, fixtures."""

import pytest

from tests.extraction_helpers import FILLERS, extract_snippet, facts, result_of, rules_alone

pytestmark = pytest.mark.usefixtures(rules_alone.__name__)


@pytest.mark.parametrize(
    "language, text, athlete, expected",
    [
        ("nl", "Het zilver ging naar Mieke Proef.", "Mieke Proef", {"rank": 2, "medal": "silver"}),
        (
            "en",
            "The silver went to Rick Sample and the bronze to Pete Tester.",
            "Rick Sample",
            {"rank": 2, "medal": "silver"},
        ),
        ("de", "Bronze ging an Jonas Probe.", "Jonas Probe", {"rank": 3, "medal": "bronze"}),
        ("en", "The second place went to Ivo Tester, ahead of Nora Sample.", "Ivo Tester", {"rank": 2}),
    ],
)
def test_a_silver_bronze_or_place_that_went_to_an_athlete_is_not_a_win(engine, language, text, athlete, expected):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert facts(result, athlete) == expected


@pytest.mark.parametrize(
    "language, text, athlete, expected",
    [
        (
            "de",
            "Der Titel über 200 Meter ging in 1:44,44 Minuten an Paul Probe.",
            "Paul Probe",
            {"rank": 1, "time": 104.44},
        ),
        (
            "nl",
            "De olympische titel ging in Tokio in 23,81 naar de Australische Emma Proef.",
            "Emma Proef",
            {"rank": 1, "time": 23.81},
        ),
        ("nl", "De vierde etappe is gewonnen door Daniel Proef.", "Daniel Proef", {"rank": 1}),
    ],
)
def test_the_title_went_to_an_athlete_with_words_between_verb_and_preposition(
    engine, language, text, athlete, expected
):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert facts(result, athlete) == expected


@pytest.mark.parametrize(
    "language, text, athlete",
    [
        ("nl", "Op het WK in Hamar won de Noorse Kari Proef de 1500 meter.", "Kari Proef"),
        ("de", "Das Rennen gewann der Norweger Lars Probe vor Tim Test.", "Lars Probe"),
        ("es", "En Laigueglia se impuso el francés Luc Prueba, por delante de Ivo Muestra.", "Luc Prueba"),
        ("it", "A Lahti vince il norvegese Erik Prova davanti a Marco Test.", "Erik Prova"),
        ("fr", "À Lahti s'impose le Norvégien Erik Essai devant Marc Test.", "Erik Essai"),
        ("fr", "Marie Essai s'est imposée dans la descente de Val d'Isère.", "Marie Essai"),
    ],
)
def test_the_winner_named_after_the_verb(engine, language, text, athlete):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert facts(result, athlete) == {"rank": 1}


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "In de laatste ronde haalde Lars Proef nog Kees Test in."),
        ("de", "In der letzten Runde holte Lars Probe noch Kai Test ein."),
    ],
)
def test_overtaking_someone_is_not_winning(engine, language, text):
    assert not extract_snippet(engine, text, language, filler=FILLERS[language]).results


@pytest.mark.parametrize(
    "language, text, athlete, rank",
    [
        ("fr", "Lucas Essai, qui a déjà gagné deux étapes, a terminé deuxième.", "Lucas Essai", 2),
        ("es", "Pablo Prueba, que ya había ganado dos etapas, terminó segundo.", "Pablo Prueba", 2),
        ("it", "Marco Prova, che aveva già vinto a Davos, ha chiuso secondo.", "Marco Prova", 2),
        ("en", "Nora Sample, who had already won twice this season, finished third in the 1000m.", "Nora Sample", 3),
        ("de", "Lena Probe, die schon zwei Etappen gewonnen hat, wurde Zweite.", "Lena Probe", 2),
    ],
)
def test_an_earlier_win_in_a_relative_clause_is_not_todays_win(engine, language, text, athlete, rank):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert [r.rank for r in result_of(result, athlete)] == [rank]


@pytest.mark.parametrize(
    "language, text, athlete",
    [
        ("en", "Sara Sample set the ball rolling by winning the women's 1500 metres in Calgary.", "Sara Sample"),
        ("fr", "Le Belge Arno Essai a fait la différence en s'imposant au sprint devant Marc Test.", "Arno Essai"),
        ("es", "Ana Muestra cerró la temporada al ganar el gigante de Soldeu.", "Ana Muestra"),
        ("it", "Erik Prova ha chiuso la stagione vincendo la 50 km di Oslo.", "Erik Prova"),
    ],
)
def test_a_win_told_by_a_gerund_belongs_to_the_athlete_before_it(engine, language, text, athlete):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert facts(result, athlete) == {"rank": 1}


def test_winning_several_races_by_a_gerund_is_a_count_not_a_rank(engine):
    result = extract_snippet(engine, "Nora Sample ended her season by winning two races in Oslo.", "en")
    assert not result.results


@pytest.mark.parametrize(
    "language, text, athlete, rank",
    [
        ("en", "Nora Sample finished runner-up, 0.5 seconds back.", "Nora Sample", 2),
        ("en", "Mia Trial completed the podium in the 1000m.", "Mia Trial", 3),
        ("nl", "Het podium werd gecompleteerd door Jan Voorbeeld.", "Jan Voorbeeld", 3),
        ("de", "Tim Beispiel komplettierte das Podest über 10 Kilometer.", "Tim Beispiel", 3),
        ("fr", "Marie Essai complète le podium de la descente.", "Marie Essai", 3),
        ("es", "Ana Muestra completó el podio del gigante.", "Ana Muestra", 3),
        ("it", "Marco Prova completa il podio della 15 km.", "Marco Prova", 3),
    ],
)
def test_a_place_named_without_an_ordinal(engine, language, text, athlete, rank):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert facts(result, athlete).get("rank") == rank


def test_a_time_after_mit_is_a_time_and_a_margin_after_mit_is_a_gap(engine):
    text = "Anna Muster war mit 34,56 Sekunden die Schnellste. Lena Probe lag mit 1,2 Sekunden Rückstand dahinter."
    result = extract_snippet(engine, text, "de", filler=FILLERS["de"])
    assert facts(result, "Anna Muster") == {"time": 34.56, "rank": 1}  # "die Schnellste": the winner
    assert facts(result, "Lena Probe") == {"gap": 1.2}


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Ivo Tester hopes to win gold on Sunday in the 500m."),
        ("de", "Lena Probe will am Sonntag Gold holen."),
        ("nl", "Kees Proef hoopt zondag op goud op de 1500 meter."),
        ("fr", "Marie Essai espère remporter la descente samedi."),
        ("es", "Ana Muestra aspira a ganar el oro del domingo."),
        ("it", "Marco Prova punta a vincere l'oro domenica."),
    ],
)
def test_a_medal_or_win_hoped_for_is_not_a_result(engine, language, text):
    assert not extract_snippet(engine, text, language, filler=FILLERS[language]).results


@pytest.mark.parametrize(
    "language, text, athlete, rank",
    [
        ("en", "Nora Sample, who finished second last year, was only ninth this time.", "Nora Sample", 9),
        ("fr", "Lucas Essai a terminé deuxième pour la seconde fois.", "Lucas Essai", 2),
        ("nl", "Kees Proef werd vandaag vijfde, Jan Test werd deze keer zesde.", "Jan Test", 6),
    ],
)
def test_a_rank_followed_by_an_adverb_or_preposition_is_still_a_rank(engine, language, text, athlete, rank):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert [r.rank for r in result_of(result, athlete)] == [rank]


@pytest.mark.parametrize(
    "language, text, athlete, rank",
    [
        (
            "en",
            "Nora Sample finished 12th, 1:23 down on the winner. Ivo Tester crossed the line in fourth.",
            "Ivo Tester",
            4,
        ),
        (
            "nl",
            "Kees Proef kwam als twaalfde over de streep op 1.23 van de winnaar. "
            "Jan Test eindigde op de vierde plaats.",
            "Jan Test",
            4,
        ),
        (
            "de",
            "Lena Probe kam als Zwölfte ins Ziel, 1:23 Minuten hinter der Siegerin. Kai Test landete auf Rang vier.",
            "Kai Test",
            4,
        ),
    ],
)
def test_the_winner_named_at_the_end_of_a_sentence_is_not_the_next_sentences_subject(
    engine, language, text, athlete, rank
):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert [r.rank for r in result_of(result, athlete)] == [rank]


@pytest.mark.parametrize(
    "language, text, athlete, gap",
    [
        ("en", "Pete Moss lost 12 seconds to the winner in the time trial.", "Pete Moss", 12.0),
        ("fr", "Paul Exemple a concédé 12 secondes au vainqueur et termine 7e.", "Paul Exemple", 12.0),
        ("es", "Luis Ejemplo cedió 12 segundos con el ganador y fue séptimo.", "Luis Ejemplo", 12.0),
    ],
)
def test_time_lost_to_the_winner_is_a_gap(engine, language, text, athlete, gap):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert facts(result, athlete).get("gap") == gap


@pytest.mark.parametrize(
    "language, text, first, second",
    [
        (
            "en",
            "Behind Ruth Example, Nora Sample and Mia Trial finished second and third respectively.",
            "Nora Sample",
            "Mia Trial",
        ),
        ("nl", "Kees Proef en Jan Voorbeeld werden respectievelijk tweede en derde.", "Kees Proef", "Jan Voorbeeld"),
        (
            "fr",
            "Lucas Test et Marc Essai ont terminé respectivement deuxième et troisième.",
            "Lucas Test",
            "Marc Essai",
        ),
        ("es", "Pablo Prueba e Ivo Muestra fueron segundo y tercero, respectivamente.", "Pablo Prueba", "Ivo Muestra"),
        ("it", "Luca Test e Sara Esempio hanno chiuso rispettivamente secondo e terza.", "Luca Test", "Sara Esempio"),
    ],
)
def test_ranks_given_respectively_pair_with_the_athletes_in_order(engine, language, text, first, second):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert (facts(result, first), facts(result, second)) == ({"rank": 2}, {"rank": 3})


def test_ordinals_joined_before_a_noun_are_not_ranks(engine):
    result = extract_snippet(engine, "Lars Test won de tweede en derde etappe.", "nl", filler=FILLERS["nl"])
    assert [r.rank for r in result_of(result, "Lars Test")] == [1]


def test_an_ordinal_straight_after_a_name_is_a_rank(engine):
    text = "Ruth Example won in 4:12:33, with Nora Sample second at 12 seconds and Mia Trial third at 15 seconds."
    result = extract_snippet(engine, text, "en", filler=FILLERS["en"])
    assert facts(result, "Nora Sample") == {"rank": 2, "gap": 12.0}
    assert facts(result, "Mia Trial") == {"rank": 3, "gap": 15.0}


def test_dutch_hours_written_with_u(engine):
    result = extract_snippet(engine, "Lars Test won de rit in 4u12'33\".", "nl", filler=FILLERS["nl"])
    assert facts(result, "Lars Test") == {"rank": 1, "time": 4 * 3600 + 12 * 60 + 33}


@pytest.mark.parametrize(
    "language, text, expected",
    [
        (
            "nl",
            "Uitslag 500 meter: 1. Jan Test 34,56 2. Kees Proef 34,78 3. Lars Voorbeeld 34,91.",
            {
                "Jan Test": {"rank": 1, "time": 34.56},
                "Kees Proef": {"rank": 2, "time": 34.78},
                "Lars Voorbeeld": {"rank": 3, "time": 34.91},
            },
        ),
        (
            "en",
            "Results: 1. Nora Sample (NOR) 1:53.50; 2. Mia Trial (USA) +0.45; 3. Ruth Example (CAN) +0.61.",
            {
                "Nora Sample": {"rank": 1, "time": 113.5},
                "Mia Trial": {"rank": 2, "gap": 0.45},
                "Ruth Example": {"rank": 3, "gap": 0.61},
            },
        ),
        (
            "fr",
            'Classement : 1. Paul Exemple (FRA) en 4h12\'33", 2. Lucas Test à 12", 3. Marc Essai à 15".',
            {
                "Paul Exemple": {"rank": 1, "time": 15153.0},
                "Lucas Test": {"rank": 2, "gap": 12.0},
                "Marc Essai": {"rank": 3, "gap": 15.0},
            },
        ),
        (
            "es",
            "Clasificación: 1. Luis Ejemplo (ESP) 4h12:33; 2. Pablo Prueba (COL) a 12 s; 3. Ivo Muestra (ITA) a 15 s.",
            {
                "Luis Ejemplo": {"rank": 1, "time": 15153.0},
                "Pablo Prueba": {"rank": 2, "gap": 12.0},
                "Ivo Muestra": {"rank": 3, "gap": 15.0},
            },
        ),
        (
            "it",
            'Ordine d\'arrivo: 1. Marco Prova (ITA) 4h12\'33"; 2. Luca Test (BEL) a 12"; 3. Sara Esempio (FRA) a 15".',
            {
                "Marco Prova": {"rank": 1, "time": 15153.0},
                "Luca Test": {"rank": 2, "gap": 12.0},
                "Sara Esempio": {"rank": 3, "gap": 15.0},
            },
        ),
        (
            "de",
            "Ergebnis: 1. Lena Probe (GER) 1:53,50 Minuten, 2. Kai Test (NOR) +0,45, 3. Tim Beispiel (AUT) +0,61.",
            {
                "Lena Probe": {"rank": 1, "time": 113.5},
                "Kai Test": {"rank": 2, "gap": 0.45},
                "Tim Beispiel": {"rank": 3, "gap": 0.61},
            },
        ),
    ],
)
def test_a_results_list_run_into_one_line(engine, language, text, expected):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    for name, name_facts in expected.items():
        assert facts(result, name) == pytest.approx(name_facts), name


@pytest.mark.parametrize(
    "language, text, athlete, event",
    [
        (
            "en",
            'Nora Sample said: "It was a hard race." She will race again on Sunday in the 1500m.',
            "Nora Sample",
            "1500 m",
        ),
        ("nl", "Kees Proef was tevreden. Zondag rijdt hij de 1500 meter.", "Kees Proef", "1500 m"),
        ("de", "„Ich bin sehr glücklich“, sagte Lena Probe. Am Samstag startet sie im Sprint.", "Lena Probe", "sprint"),
        ("fr", "Marie Essai a gagné. Samedi, elle disputera le géant.", "Marie Essai", "giant slalom"),
    ],
)
def test_a_fixture_told_with_a_pronoun_belongs_to_the_athlete_named_before(engine, language, text, athlete, event):
    result = engine.extract(f"{text}\n\n{FILLERS[language]}", language=language, published="2026-02-02")
    assert [(f.athletes, f.event) for f in result.schedule] == [([athlete], event)]


def test_an_event_named_only_as_upcoming_is_not_the_event_of_todays_results(engine):
    text = (
        'Classement : 1. Paul Exemple (FRA) en 4h12\'33", 2. Lucas Test à 12", 3. Marc Essai à 15".\n\n'
        "Samedi, Paul Exemple disputera le contre-la-montre."
    )
    result = engine.extract(text, language="fr", published="2026-07-10")
    assert [r.event for r in result.results] == [None, None, None]
    assert [f.event for f in result.schedule] == ["time trial"]


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Nora Sample took the lead after two laps in the 1500m."),
        ("de", "Lena Probe holte sich die Führung."),
        ("es", "Ana Muestra se llevó un susto en la salida."),
    ],
)
def test_a_verb_that_wins_only_with_what_is_won_is_no_win_without_it(engine, language, text):
    assert not [r for r in extract_snippet(engine, text, language, filler=FILLERS[language]).results if r.rank == 1]


@pytest.mark.parametrize(
    "language, text, athlete",
    [
        ("en", "Ivo Tester claimed the stage ahead of Pete Moss.", "Ivo Tester"),
        ("en", "Canada's Valerie Sample took the honours with a winning time of 1:35.546.", "Valerie Sample"),
        ("nl", "Kees Proef pakte de zege op de 1500 meter.", "Kees Proef"),
        ("de", "Lena Probe sicherte sich den Titel im Sprint.", "Lena Probe"),
        ("fr", "Marie Essai s'adjuge la descente de Val d'Isère.", "Marie Essai"),
        ("it", "Sara Esempio conquista la 10 km di Anterselva.", "Sara Esempio"),
    ],
)
def test_the_same_verbs_win_with_a_race_title_or_victory(engine, language, text, athlete):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert facts(result, athlete).get("rank") == 1


@pytest.mark.parametrize(
    "language, text, athlete",
    [
        ("it", "Sara Esempio sale sul terzo gradino del podio nella 10 km.", "Sara Esempio"),
        ("es", "Ana Muestra subió al tercer escalón del podio en el gigante.", "Ana Muestra"),
        ("fr", "Marie Essai monte sur la troisième marche du podium de la descente.", "Marie Essai"),
        ("nl", "Kees Proef eindigde op de derde trede van het podium.", "Kees Proef"),
        ("en", "Nora Sample stood on the third step of the podium in the 1500m.", "Nora Sample"),
        ("de", "Lena Probe landete auf der dritten Stufe des Podests.", "Lena Probe"),
    ],
)
def test_the_third_step_of_the_podium_is_third_place(engine, language, text, athlete):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert facts(result, athlete).get("rank") == 3


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "fr",
            'Classement : 1. Paul Exemple (FRA) en 4h12\'33", 2. Lucas Test (BEL) m.t., 3. Marc Essai (ITA) à 12", '
            "4. Luc Démo (ESP) m.t.",
        ),
        (
            "it",
            "Ordine d'arrivo: 1. Paul Exemple (ITA) 4h12'33\"; 2. Lucas Test (BEL) s.t.; 3. Marc Essai (FRA) a 12\"; "
            "4. Luc Démo s.t.",
        ),
    ],
)
def test_same_time_in_a_results_list_is_the_gap_of_the_item_before(engine, language, text):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert [facts(result, name).get("gap") for name in ("Lucas Test", "Marc Essai", "Luc Démo")] == [0.0, 12.0, 12.0]


def test_same_time_marks_outside_a_results_list_are_nothing(engine):
    assert not extract_snippet(engine, "Nora Sample said s.t. about the race.", "en", filler=FILLERS["en"]).results


@pytest.mark.parametrize(
    "language, text, athlete",
    [
        ("nl", "Kees Proef pakte goud voor wereldkampioen Jan Test op de 1500 meter.", "Kees Proef"),
        ("en", "Nora Sample won gold ahead of world champion Mia Trial in the 200m.", "Nora Sample"),
        ("de", "Tim Probe holte sich vor Weltmeister Kai Test Gold über 200 Meter.", "Tim Probe"),
    ],
)
def test_gold_won_ahead_of_a_champion_is_the_winners_gold(engine, language, text, athlete):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert [(r.athlete, r.medal) for r in result.results if r.medal] == [(athlete, "gold")]


@pytest.mark.parametrize(
    "language, text, athlete, rank",
    [
        ("de", "Zweiter wurde Tim Beispiel, Dritter Jonas Muster.", "Jonas Muster", 3),
        ("es", "Segundo fue Pablo Prueba, a 5 segundos, y tercero Ivo Muestra, a 9.", "Ivo Muestra", 3),
        ("es", "Lía Prueba se subió a lo más alto del podio.", "Lía Prueba", 1),
        ("es", "La victoria fue para Luis Ejemplo, que aventajó en 3 segundos a Pablo Prueba.", "Luis Ejemplo", 1),
        ("es", "Ana Muestra fue tercera a 1,2 segundos de la ganadora, Lía Prueba.", "Lía Prueba", 1),
        ("it", "Sara Esempio sale sul gradino più alto del podio.", "Sara Esempio", 1),
    ],
)
def test_elliptical_ranks_podium_tops_and_winners_in_apposition(engine, language, text, athlete, rank):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert facts(result, athlete).get("rank") == rank


def test_an_ordinal_before_a_capitalised_event_is_not_a_rank(engine):
    result = extract_snippet(
        engine, "Ana Muestra ganó su tercera Copa del Mundo en Soldeu.", "es", filler=FILLERS["es"]
    )
    assert [r.rank for r in result_of(result, "Ana Muestra")] == [1]


@pytest.mark.parametrize(
    "language, text, athlete, expected",
    [
        (
            "it",
            "Marco Prova ha chiuso al secondo posto a 3 secondi da Luca Test, vincitore della tappa.",
            "Luca Test",
            [1],
        ),
        ("en", "Pete Moss, the winner, said he was tired. Ivo Tester was second.", "Pete Moss", [1]),
        ("en", "Pete Moss, winner of the race last year, finished fifth.", "Pete Moss", [5]),
    ],
)
def test_the_winner_named_then_called_so(engine, language, text, athlete, expected):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert [r.rank for r in result_of(result, athlete)] == expected


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Pete Moss was disqualified after finishing second in the 1000m."),
        ("nl", "Kees Proef werd gediskwalificeerd nadat hij als tweede was gefinisht."),
        ("de", "Lena Probe wurde nach ihrem zweiten Platz disqualifiziert."),
        ("fr", "Marie Essai a été disqualifiée après avoir terminé deuxième."),
    ],
)
def test_a_place_taken_away_by_disqualification_is_no_result(engine, language, text):
    assert not extract_snippet(engine, text, language, filler=FILLERS[language]).results


def test_a_win_after_someone_elses_disqualification_stands(engine):
    result = extract_snippet(
        engine, "Pete Moss won the 1000m after Ivo Tester was disqualified.", "en", filler=FILLERS["en"]
    )
    assert [(r.athlete, r.rank) for r in result.results] == [("Pete Moss", 1)]


@pytest.mark.parametrize(
    "language, text, beaten, gap",
    [
        ("de", "Der Sieg ging an Lena Probe, die 0,3 Sekunden schneller war als Kai Test.", "Kai Test", 0.3),
        ("en", "Nora Sample won the 500m, 0.12 seconds faster than Mia Trial.", "Mia Trial", 0.12),
        ("nl", "Kees Proef won, hij was 0,12 seconde sneller dan Jan Test.", "Jan Test", 0.12),
        ("fr", "Marie Essai s'impose, 12 centièmes plus rapide que Lina Test.", "Lina Test", 0.12),
        ("es", "Ana Muestra ganó, 12 centésimas más rápida que Lía Prueba.", "Lía Prueba", 0.12),
        ("it", "Sara Esempio vince, 12 centesimi più veloce di Gina Prova.", "Gina Prova", 0.12),
    ],
)
def test_faster_than_gives_the_beaten_athlete_the_gap_in_its_unit(engine, language, text, beaten, gap):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert facts(result, beaten) == pytest.approx({"gap": gap})


@pytest.mark.parametrize(
    "language, text, athlete, rank",
    [
        ("de", "Lena Probe ist neue Weltmeisterin im Sprint.", "Lena Probe", 1),
        ("de", "Kai Test wurde Vizeweltmeister über 10 Kilometer.", "Kai Test", 2),
        ("nl", "Kees Proef kroonde zich tot wereldkampioen op de 10.000 meter.", "Kees Proef", 1),
        ("fr", "Marie Essai est sacrée championne du monde de descente.", "Marie Essai", 1),
        ("es", "Ana Muestra se proclamó campeona del mundo de eslalon.", "Ana Muestra", 1),
        ("it", "Sara Esempio si laurea campionessa del mondo nella sprint.", "Sara Esempio", 1),
        ("en", "Nora Sample became world champion in the 500m.", "Nora Sample", 1),
        ("de", "Im Sprint wurde Lena Probe Weltmeisterin vor Kai Test.", "Lena Probe", 1),
        ("nl", "In Inzell werd Kees Proef wereldkampioen op de 1500 meter.", "Kees Proef", 1),
    ],
)
def test_a_title_won_is_a_place(engine, language, text, athlete, rank):
    result = extract_snippet(engine, text, language, filler=FILLERS[language])
    assert facts(result, athlete) == {"rank": rank}


def test_a_champion_named_by_title_is_not_a_winner(engine):
    result = extract_snippet(
        engine, "Nora Sample, the world champion, finished fifth in the 500m.", "en", filler=FILLERS["en"]
    )
    assert [r.rank for r in result_of(result, "Nora Sample")] == [5]


@pytest.mark.parametrize(
    "language, text, athlete, expected",
    [
        ("en", "Third was Enric Valls of Spain, 25 seconds down.", "Enric Valls", {"rank": 3, "gap": 25.0}),
        ("en", "Enric Valls finished 1:02 down in ninth.", "Enric Valls", {"rank": 9, "gap": 62.0}),
        ("de", "Tobias Brehm steht jetzt auf dem 41. Gesamtrang (+12:05).", "Tobias Brehm", {"rank": 41, "gap": 725.0}),
        ("de", "Hans Kolb belegte den fünften Gesamtrang.", "Hans Kolb", {"rank": 5}),
    ],
)
def test_a_gap_told_as_down_and_a_place_in_the_overall_ranking(engine, language, text, athlete, expected):
    assert facts(extract_snippet(engine, text, language, FILLERS[language]), athlete) == expected


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Piet Roggel eindigde als vierde, achter Dani Martens, Julien Alaf en de Italiaan Dario Fonti."),
        ("en", "Peter Rogg finished fourth behind Dani Martens, Julien Alaf and Dario Fonti."),
        ("es", "Pedro Rogla fue cuarto, por detrás de Dani Martens, Julien Alaf y Dario Fonti."),
        ("fr", "Pierre Rogle a terminé quatrième derrière Dani Martens, Julien Alaf et Dario Fonti."),
        ("de", "Peter Rogl wurde Vierter hinter Dani Martens, Julien Alaf und Dario Fonti."),
        ("it", "Pietro Rogli è arrivato quarto dietro a Dani Martens, Julien Alaf e Dario Fonti."),
    ],
)
def test_the_athletes_listed_ahead_of_a_place_take_the_places_before_it(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    ranks = {r.athlete: r.rank for r in result.results if r.rank is not None}
    assert ranks == {"Dani Martens": 1, "Julien Alaf": 2, "Dario Fonti": 3} | {
        next(a.name for a in result.athletes if a.name.startswith("P")): 4
    }


def test_a_list_ahead_that_does_not_fill_the_places_says_nothing_of_theirs(engine):
    result = extract_snippet(engine, "Peter Rogg finished fourth behind Dani Martens and Julien Alaf.", "en")
    assert {r.athlete: r.rank for r in result.results if r.rank is not None} == {"Peter Rogg": 4}


@pytest.mark.parametrize(
    "language, text, athlete, expected",
    [
        ("de", "Am Ende musste sich Ruben Vogt mit WM-Silber begnügen.", "Ruben Vogt", {"rank": 2, "medal": "silver"}),
        ("de", "Lukas Probe holte Olympia-Bronze.", "Lukas Probe", {"rank": 3, "medal": "bronze"}),
        ("nl", "Sanne Test pakte op de 1500 meter EK-goud.", "Sanne Test", {"rank": 1, "medal": "gold"}),
    ],
)
def test_a_medal_ending_a_compound_is_a_medal_and_only_gold_is_a_win(engine, language, text, athlete, expected):
    assert facts(extract_snippet(engine, text, language, FILLERS[language]), athlete) == expected


@pytest.mark.parametrize(
    "language, text",
    [
        ("de", "Lars Adler setzte sich knapp gegen den viertplatzierten Japaner Min Ho Sul durch."),
        ("en", "Lars Adler edged fourth-placed Min Ho Sul at the line."),
    ],
)
def test_a_placed_ordinal_is_the_rank_of_the_athlete_it_describes(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Min Ho Sul")["rank"] == 4
    assert all(r.rank is None for r in result.results if r.athlete == "Lars Adler")


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Arvid Kleen was the fastest in the 1500m in 2:10.500."),
        ("nl", "In Assen was Arvid Kleen de snelste."),
        ("fr", "Arvid Kleen a été le plus rapide sur 1500 m."),
        ("es", "Arvid Kleen fue el más rápido en los 1500 metros."),
        ("de", "Arvid Kleen war der Schnellste über 1500 Meter."),
        ("it", "Arvid Kleen è stato il più veloce nei 1500 metri."),
    ],
)
def test_the_fastest_of_a_race_won_it(engine, language, text):
    assert facts(extract_snippet(engine, text, language, FILLERS[language]), "Arvid Kleen")["rank"] == 1


@pytest.mark.parametrize(
    "language, text, rank",
    [
        ("en", "Arvid Kleen set the fastest lap of the race and finished fifth.", 5),
        ("en", "Arvid Kleen was the fastest in qualifying but finished fifth.", 5),
        ("nl", "Arvid Kleen reed de snelste tijd en werd tweede.", 2),
    ],
)
def test_the_fastest_lap_time_or_qualifier_is_not_the_winner(engine, language, text, rank):
    assert facts(extract_snippet(engine, text, language, FILLERS[language]), "Arvid Kleen")["rank"] == rank


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Peter Rogg won the sprint ahead of Dani Martens and Julien Alaf."),
        ("fr", "Pierre Rogle s'est imposé devant Dani Martens et Julien Alaf."),
        ("es", "Pedro Rogla ganó por delante de Dani Martens y Julien Alaf."),
        ("it", "Pietro Rogli ha vinto davanti a Dani Martens e Julien Alaf."),
    ],
)
def test_the_athletes_a_winner_finished_ahead_of_are_second_and_third(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Dani Martens") == {"rank": 2}
    assert facts(result, "Julien Alaf") == {"rank": 3}


def test_a_winner_ahead_of_a_described_rival_makes_the_rival_second(engine):
    result = extract_snippet(engine, "Timo Brandt holte sich vor Weltmeister Ruben Vogt Gold.", "de", FILLERS["de"])
    assert facts(result, "Ruben Vogt") == {"rank": 2}


def test_only_a_winner_places_those_behind(engine):
    result = extract_snippet(engine, "Peter Rogg finished fifth, ahead of Dani Martens.", "en")
    assert all(r.rank is None for r in result.results if r.athlete == "Dani Martens")


def test_a_personal_best_time_is_a_time(engine):
    text = "Igor Samsonov reed in Heerenveen een persoonlijke toptijd van 34,45."
    assert facts(extract_snippet(engine, text, "nl", FILLERS["nl"]), "Igor Samsonov")["time"] == 34.45


def test_secondo_opening_a_sentence_before_a_name_means_according_to(engine):
    result = extract_snippet(engine, "Secondo Giulio Ferrante la corsa era dura.", "it", FILLERS["it"])
    assert all(r.rank is None for r in result.results)


def test_an_ordinal_before_a_full_name_is_a_rank_even_when_it_is_also_a_given_name(engine):
    result = extract_snippet(engine, "Primo Marco Rossi, secondo Giulio Ferrante.", "it", FILLERS["it"])
    assert facts(result, "Marco Rossi") == {"rank": 1}
    assert facts(result, "Giulio Ferrante") == {"rank": 2}


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "fr",
            "Jules Marchand a gagné l'étape. Les Belges Tom Leclerc (40e) et Jan Tester (88e) ont fini avec le même "
            "temps que Marchand.",
        ),
        ("en", "Kees Proef won the stage. Jan Tester finished in the same time as the winner."),
        ("nl", "Kees Proef won de etappe. Jan Tester kwam in dezelfde tijd als Proef over de streep."),
        ("de", "Kees Proef gewann die Etappe. Jan Tester kam mit der gleichen Zeit wie Proef ins Ziel."),
        ("es", "Kees Proef ganó la etapa. Jan Tester llegó con el mismo tiempo que Proef."),
        ("it", "Kees Proef ha vinto la tappa. Jan Tester è arrivato con lo stesso tempo del vincitore."),
    ],
)
def test_the_same_time_as_the_winner_is_no_gap(engine, language, text):
    assert facts(extract_snippet(engine, text, language, FILLERS[language]), "Jan Tester")["gap"] == 0.0


def test_the_same_time_as_someone_who_did_not_win_says_nothing_of_the_gap(engine):
    result = extract_snippet(engine, "Jan Tester finished in the same time as Kees Proef.", "en")
    assert all(r.gap is None for r in result.results)


@pytest.mark.parametrize(
    "language, text, athlete, rank",
    [
        ("es", "Kees Proef ha batido al chileno Juan Rendón, que al final ha sido segundo.", "Juan Rendón", 2),
        ("it", "Marco Rossi è stato secondo nella tappa di ieri.", "Marco Rossi", 2),
        ("fr", "Pierre Rogle a été troisième du sprint.", "Pierre Rogle", 3),
        ("de", "Peter Rogl ist Zweiter gewesen.", "Peter Rogl", 2),
    ],
)
def test_a_place_told_with_the_perfect_of_to_be(engine, language, text, athlete, rank):
    assert facts(extract_snippet(engine, text, language, FILLERS[language]), athlete) == {"rank": rank}


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "nl",
            "In Gouda was Daan Mertens de snelste, met Julien Alaf vlak achter zich. De Fransman werd "
            "tweede. Hij reed de rit in 4:12:33.",
        ),
        (
            "en",
            "Daan Mertens won the stage ahead of Julien Alaf. The Frenchman was disappointed. He finished in 4:12:33.",
        ),
    ],
)
def test_a_pronoun_after_a_described_athlete_refers_to_that_athlete(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Julien Alaf")["time"] == 15153.0
    assert "time" not in facts(result, "Daan Mertens")


def test_a_relay_named_with_its_distance_is_a_team_result(engine):
    text = "Op de gemengde aflossing (2.000 meter) wonnen Bram Kuipers, Lies Dekker en Noor Smit zilver."
    assert extract_snippet(engine, text, "nl", FILLERS["nl"]).results == []


def test_an_individual_win_beside_a_relay_in_one_sentence_stands(engine):
    result = extract_snippet(engine, "Jan Tester won the 500m, and the relay went to Canada.", "en")
    assert facts(result, "Jan Tester") == {"rank": 1}


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "it",
            "Calmo e deciso anche Matteo Ferri, la nostra unica speranza concreta di medaglia d’oro, che ha "
            "parlato ieri.",
        ),
        ("en", "Matteo Ferri, the team's great gold medal hope, spoke to the press."),
        ("es", "Matteo Ferri, gran esperanza de una medalla de oro, habló con la prensa."),
    ],
)
def test_a_medal_hope_is_not_a_medal(engine, language, text):
    assert extract_snippet(engine, text, language, FILLERS[language]).results == []


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("nl", "Rick Haan kwam als zestiende uit het water en liep daarna naar voren.", None),
        ("en", "Rick Haan came out of the water in 16th place but finished third.", 3),
        ("it", "Rick Haan è uscito dall'acqua in sedicesima posizione.", None),
    ],
)
def test_a_place_out_of_the_water_is_a_split_not_the_result(engine, language, text, expected):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert [r.rank for r in result.results if r.rank is not None] == ([expected] if expected else [])


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Femke Aalders won in Calgary, beating Norway's Ingrid Solvang by 0.35 seconds."),
        ("nl", "Femke Aalders won in Calgary. Ze versloeg Ingrid Solvang met 0,35 seconde."),
        ("de", "Femke Aalders gewann in Calgary und schlug die Norwegerin Ingrid Solvang um 0,35 Sekunden."),
        ("fr", "Femke Aalders a gagné à Calgary. Elle a devancé la Norvégienne Ingrid Solvang de 35 centièmes."),
        ("es", "Femke Aalders ganó en Calgary y superó a la noruega Ingrid Solvang por 35 centésimas."),
        ("it", "Femke Aalders ha vinto a Calgary, precedendo la norvegese Ingrid Solvang di 35 centesimi."),
    ],
)
def test_the_margin_a_winner_beat_someone_by_is_the_beaten_athletes_gap(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Femke Aalders") == {"rank": 1}
    assert facts(result, "Ingrid Solvang")["gap"] == 0.35


def test_a_record_beaten_by_a_margin_is_nobodys_gap(engine):
    result = extract_snippet(
        engine, "Femke Aalders a gagné en 1'52\"34. Elle a battu son record de 35 centièmes.", "fr", FILLERS["fr"]
    )
    assert facts(result, "Femke Aalders") == {"rank": 1, "time": 112.34}


@pytest.mark.parametrize(
    "language, text, runner_up, third",
    [
        (
            "it",
            "Luca Morelli ha vinto la tappa, davanti all'olandese Piet Verhoef e allo spagnolo Iván Sotelo.",
            "Piet Verhoef",
            "Iván Sotelo",
        ),
        (
            "de",
            "Lars Haugen siegte vor Paul Girardin (+8,2 Sekunden) und Felix Maierhof (+12,9).",
            "Paul Girardin",
            "Felix Maierhof",
        ),
    ],
)
def test_runners_up_listed_with_articles_or_bracketed_gaps_are_second_and_third(
    engine, language, text, runner_up, third
):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, runner_up)["rank"] == 2
    assert facts(result, third)["rank"] == 3


def test_secondo_opening_a_sentence_with_a_gap_after_the_name_is_second_place(engine):
    result = extract_snippet(
        engine,
        'Ha vinto Johan Klevstad. Secondo il francese Lucas Chanel a 1"2, terzo Emil Jonsen a 2"5.',
        "it",
        FILLERS["it"],
    )
    assert facts(result, "Lucas Chanel") == {"rank": 2, "gap": 1.2}
    assert facts(result, "Emil Jonsen") == {"rank": 3, "gap": 2.5}


def test_a_time_in_brackets_after_a_name_is_that_athletes_time(engine):
    result = extract_snippet(
        engine, "Anouk Lammers won in 37,12, vóór Jutta Leerdam (37,34) en Marrit Slagman (37,40).", "nl", FILLERS["nl"]
    )
    assert facts(result, "Jutta Leerdam") == {"rank": 2, "time": 37.34}
    assert facts(result, "Marrit Slagman") == {"rank": 3, "time": 37.40}


def test_a_grade_in_brackets_after_a_name_is_not_a_time(engine):
    result = extract_snippet(
        engine, "Torwart Manuel Neuhaus (2,5) hielt stark, Thomas Mahler (3,5) traf.", "de", FILLERS["de"]
    )
    assert all(r.time is None for r in result.results)


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Anouk Lammers werd tweede, Maria Leerdam (37,40) derde."),
        ("de", "Anna Lammers wurde Zweite, Maria Leerdam Dritte."),
    ],
)
def test_an_ordinal_after_a_name_in_an_elliptical_list_is_that_athletes_place(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Maria Leerdam")["rank"] == 3
    assert all(r.athlete != "Maria Leerdam Dritte" for r in result.results)


@pytest.mark.parametrize(
    "language, text",
    [
        ("fr", "Marie Martin s'est classée troisième, à 0\"84 de la gagnante, l'Américaine Mikaela Shifford."),
        ("es", "Ana Prueba fue tercera, a 1,2 segundos de la ganadora, la estadounidense Mikaela Shifford."),
    ],
)
def test_the_winner_named_in_apposition_after_a_description_won(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Mikaela Shifford") == {"rank": 1}


def test_a_time_phrase_ending_in_a_gap_word_gives_a_time(engine):
    result = extract_snippet(engine, "Con il tempo di 47\"12 Thomas Ceccato ha conquistato l'oro.", "it", FILLERS["it"])
    assert facts(result, "Thomas Ceccato") == {"rank": 1, "time": 47.12, "medal": "gold"}


def test_an_abbreviated_saint_does_not_end_the_sentence_before_the_winners_time(engine):
    result = extract_snippet(
        engine, "La suiza Lara Gutt ganó en St. Moritz con un tiempo de 1:12,45.", "es", FILLERS["es"]
    )
    assert facts(result, "Lara Gutt") == {"rank": 1, "time": 72.45}


@pytest.mark.parametrize(
    "language, text",
    [
        ("fr", "Victoire pour le Danois Jonas Vingholm sur la 15e étape."),
        ("de", "Sieg für die Norwegerin Ingrid Landholm in Hochfilzen."),
        ("en", "A well-deserved victory for Jonas Vingholm in Calgary."),
        ("it", "Vittoria per l'azzurra Dorotea Wierling nella sprint di Anterselva."),
    ],
)
def test_a_victory_for_an_athlete_is_a_win(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    winner = next(r.athlete for r in result.results)
    assert facts(result, winner)["rank"] == 1


def test_a_victory_dedicated_to_someone_is_the_subjects_not_theirs(engine):
    result = extract_snippet(engine, "Jonas Vingholm dedicated the victory for his team to Tadej Pogalski.", "en")
    assert facts(result, "Jonas Vingholm") == {"rank": 1}
    assert all(r.athlete != "Tadej Pogalski" for r in result.results)


@pytest.mark.parametrize(
    "language, text, gap",
    [
        ("fr", "Jonas Vingholm a gagné l'étape. Il a devancé de 8 secondes Tadej Pogalski.", 8.0),
        ("fr", "Jonas Vingholm a gagné l'étape. Tadej Pogalski a concédé 32 secondes.", 32.0),
        ("es", "Jonas Vingholm ganó la etapa. Tadej Pogalski cedió 32 segundos.", 32.0),
        ("en", "Jonas Vingholm won the stage. Tadej Pogalski lost 12 seconds and dropped to third overall.", 12.0),
    ],
)
def test_time_conceded_or_a_margin_before_the_beaten_name_is_their_gap(engine, language, text, gap):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Tadej Pogalski")["gap"] == gap


@pytest.mark.parametrize(
    "language, text",
    [
        ("fr", "Jonas Vingholm a gagné l'étape. Troisième, l'Espagnol Carlos Rodrigo a concédé 32 secondes."),
        ("es", "Egan Bernat ganó la etapa. Tercero, el británico Carlos Rodrigo, a 41 segundos."),
    ],
)
def test_a_rank_opening_the_sentence_before_a_comma_is_the_named_athletes(engine, language, text):
    assert facts(extract_snippet(engine, text, language, FILLERS[language]), "Carlos Rodrigo")["rank"] == 3


def test_an_english_enumeration_word_opening_a_sentence_is_not_a_rank(engine):
    result = extract_snippet(engine, "Jonas Vingholm won the stage. Third, Tadej Pogalski needs a new bike.", "en")
    assert all(r.athlete != "Tadej Pogalski" for r in result.results)


def test_an_ordinal_before_a_given_name_and_an_elided_surname_is_that_athletes_rank(engine):
    result = extract_snippet(engine, "Tadej Pogalski vince la tappa. Quarto Ben O'Connell.", "it", FILLERS["it"])
    assert facts(result, "Ben O'Connell") == {"rank": 4}


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "fr",
            "Sifa Hassen a gagné. Derrière elle, l'Éthiopienne Leta Gideon (30'01\"72) "
            "et la Kényane Hella Obrin (30'04\"12) complètent le podium.",
        ),
        ("en", "Sifa Hassen won the 10,000m. Leta Gideon and Hella Obrin completed the podium."),
        ("es", "Sifa Hassen ganó los 10.000 metros. Leta Gideon y Hella Obrin completaron el podio."),
    ],
)
def test_two_athletes_completing_the_podium_are_second_and_third(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Leta Gideon")["rank"] == 2
    assert facts(result, "Hella Obrin")["rank"] == 3


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Mikaela Shifton won the slalom by 0.48 seconds from Petra Vlahova."),
        ("es", "Mikaela Shifton ganó el eslalon por 48 centésimas sobre la eslovaca Petra Vlahova."),
        ("it", "Mikaela Shifton vince lo slalom di 48 centesimi su Petra Vlahova."),
        ("de", "Mikaela Shifton gewann den Slalom mit 0,48 Sekunden vor Petra Vlahova."),
    ],
)
def test_a_winning_margin_from_someone_is_their_gap(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Mikaela Shifton") == {"rank": 1}
    assert facts(result, "Petra Vlahova")["gap"] == 0.48


def test_the_athlete_a_winner_outsprinted_owns_nothing_the_winner_took(engine):
    result = extract_snippet(
        engine, "Kristian Blomberg outsprinted Alex Yeoman to take gold, with Hayden Wilder third.", "en"
    )
    assert facts(result, "Kristian Blomberg") == {"rank": 1, "medal": "gold"}
    assert all(r.athlete != "Alex Yeoman" for r in result.results)


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Jorrit Bergmans heeft zondag in Heerenveen de 10.000 meter gewonnen."),
        ("de", "Johannes Klebermann hat am Sonntag in Oslo den Sprint gewonnen."),
    ],
)
def test_a_win_told_in_the_perfect_with_the_participle_at_the_clause_end(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert [r.rank for r in result.results] == [1]


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Jorrit Bergmans heeft in Heerenveen nog nooit een race gewonnen."),
        ("en", "Jorrit Bergmans never won a race in Calgary."),
        ("it", "Luc Morello non ha mai vinto una tappa."),
    ],
)
def test_a_win_that_never_happened_is_not_a_result(engine, language, text):
    assert not extract_snippet(engine, text, language, FILLERS[language]).results


def test_the_athlete_someone_was_faster_than_does_not_own_their_time(engine):
    result = extract_snippet(
        engine, "Joy Beumer won de 3000 meter. Ze was met 3.58,13 sneller dan Irene Schoutens.", "nl", FILLERS["nl"]
    )
    assert facts(result, "Joy Beumer") == {"rank": 1, "time": 238.13}
    assert all(r.time is None and r.gap is None for r in result.results if r.athlete == "Irene Schoutens")


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Anna Test won. Ze was ruim een seconde sneller dan Irene Schoutens."),
        ("en", "Anna Test won in 1:52.34. Irene Schoutens finished more than 12 seconds behind."),
    ],
)
def test_an_approximate_margin_is_not_a_gap(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert all(r.gap is None for r in result.results)


@pytest.mark.parametrize(
    "language, text, athlete",
    [
        (
            "es",
            "Yulia Rojano ganó el triple salto con 15,41 metros. Shania Rickard fue plata con 14,89.",
            "Shania Rickard",
        ),
        (
            "en",
            "Yulia Rojano won the triple jump with 15.41m. Shania Rickard took silver with 14.89.",
            "Shania Rickard",
        ),
    ],
)
def test_a_field_events_mark_is_not_a_time(engine, language, text, athlete):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, athlete) == {"rank": 2, "medal": "silver"}


def test_a_bare_time_in_a_running_event_is_still_a_time(engine):
    result = extract_snippet(engine, "Ana Pelegrín ganó los 200 metros con 22,41.", "es", FILLERS["es"])
    assert facts(result, "Ana Pelegrín") == {"rank": 1, "time": 22.41}


@pytest.mark.parametrize(
    "language, text",
    [
        ("es", "Jonas Vingelo mantiene el liderato con 1:12 de ventaja sobre Primo Roglán y 2:05 sobre Egan Bernardo."),
        ("fr", "Jonas Vingelo compte 72 secondes d'avance sur Primo Roglán et 125 secondes sur Egan Bernardo."),
        ("it", "In classifica Jonas Vingelo guida con 1'12\" su Primo Roglán e 2'05\" su Egan Bernardo."),
    ],
)
def test_a_run_of_leads_gives_each_athlete_led_their_gap(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Primo Roglán")["gap"] == 72.0
    assert facts(result, "Egan Bernardo")["gap"] == 125.0
    assert all(r.time is None for r in result.results if r.athlete == "Jonas Vingelo")


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Anna Testa won the downhill. Sofia Goggin missed the podium by 0.05 seconds in fourth."),
        ("en", "Anna Testa won the downhill. Sofia Goggin was 0.05 seconds off the podium."),
    ],
)
def test_a_margin_to_the_podium_is_not_a_gap_to_the_winner(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert all(r.gap is None for r in result.results)


def test_a_gap_of_an_athlete_who_reached_the_podium_stands(engine):
    result = extract_snippet(
        engine,
        "Anna Testa gewann die Abfahrt. Sofia Goggin fuhr mit 0,57 Sekunden Rückstand als Dritte aufs Podest.",
        "de",
        FILLERS["de"],
    )
    assert facts(result, "Sofia Goggin") == {"rank": 3, "gap": 0.57}


def test_a_new_clause_after_the_runners_up_ends_their_list(engine):
    result = extract_snippet(
        engine, "Marco Bellin took the win ahead of Luca Ferraro, while Paolo Rossin crashed out.", "en"
    )
    assert facts(result, "Luca Ferraro") == {"rank": 2}
    assert all(r.athlete != "Paolo Rossin" for r in result.results)


@pytest.mark.parametrize(
    "language, text",
    [
        (
            "fr",
            "Quentin Fillard s'est imposé à Oslo. Le Français a devancé l'Allemand Bene Dollinger (+12\"3) et le "
            'Norvégien Sturla Legrand (+18"5).',
        ),
        ("nl", "Femke Aalders won de 1500 meter. Ze versloeg Bene Dollinger en Sturla Legrand."),
    ],
)
def test_the_athletes_the_winner_beat_in_the_next_sentence_are_second_and_third(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Bene Dollinger")["rank"] == 2
    assert facts(result, "Sturla Legrand")["rank"] == 3


def test_an_athlete_the_winner_beat_in_another_race_is_not_second(engine):
    result = extract_snippet(
        engine, "Femke Aalders won the 1500m. She beat Ingrid Solvang last year in the final.", "en"
    )
    assert all(r.athlete != "Ingrid Solvang" for r in result.results)


def test_a_winner_called_victorious_in_apposition_won(engine):
    result = extract_snippet(
        engine,
        "Julia Simonet s'est classée deuxième, à 8\"1 de la Suédoise Hanna Oberholz, victorieuse.",
        "fr",
        FILLERS["fr"],
    )
    assert facts(result, "Hanna Oberholz") == {"rank": 1}
    assert facts(result, "Julia Simonet") == {"rank": 2, "gap": 8.1}


def test_the_athlete_a_place_was_behind_does_not_own_it(engine):
    result = extract_snippet(
        engine,
        "Sven Krammer reed naar 6.04,23, goed voor de tweede plaats achter Pieter Roestman (6.02,11).",
        "nl",
        FILLERS["nl"],
    )
    assert facts(result, "Sven Krammer") == {"rank": 2, "time": 364.23}
    assert facts(result, "Pieter Roestman") == {"rank": 1, "time": 362.11}


def test_a_dutch_place_told_with_was(engine):
    result = extract_snippet(
        engine, "Irene Schoutens won in 3.57,88. Antje Rijpstra was met 3.59,01 tweede.", "nl", FILLERS["nl"]
    )
    assert facts(result, "Antje Rijpstra") == {"rank": 2, "time": 239.01}


def test_a_unit_named_once_carries_to_the_next_gap_of_the_list(engine):
    result = extract_snippet(
        engine,
        "Federica Brignolo ha vinto il supergigante. Alle sue spalle Cornelia Hüttner a 15 "
        "centesimi e Lara Gutmann a 31.",
        "it",
        FILLERS["it"],
    )
    assert facts(result, "Cornelia Hüttner")["gap"] == 0.15
    assert facts(result, "Lara Gutmann")["gap"] == 0.31


def test_a_race_the_lexicon_does_not_know_is_won_with_an_ambiguous_verb(engine):
    result = extract_snippet(engine, "Tadej Pogalski si è aggiudicato la Liegi-Bastogne-Liegi.", "it", FILLERS["it"])
    assert facts(result, "Tadej Pogalski") == {"rank": 1}


def test_a_country_conquered_is_no_race(engine):
    result = extract_snippet(engine, "Tadej Pogalski conquista la Francia con il suo sorriso.", "it", FILLERS["it"])
    assert not result.results


def test_a_gap_in_brackets_before_the_next_medal_is_the_medallists_gap(engine):
    result = extract_snippet(
        engine,
        "Miho Takahashi holte Gold in 1:13,19 Minuten. Silber ging an Jutta Leerhof (+0,44), Bronze an Britta Bowman.",
        "de",
        FILLERS["de"],
    )
    assert facts(result, "Jutta Leerhof") == {"rank": 2, "medal": "silver", "gap": 0.44}


def test_a_described_athlete_faster_than_a_described_rival_owns_the_time(engine):
    result = extract_snippet(
        engine,
        "Irene Wusten won goud. De Friezin was met 1.53,28 sneller dan de Japanse Miho Takahashi (1.53,72).",
        "nl",
        FILLERS["nl"],
    )
    assert facts(result, "Irene Wusten")["time"] == 113.28
    assert facts(result, "Miho Takahashi")["time"] == 113.72


def test_a_winners_lead_that_names_no_one_is_the_runner_ups_gap(engine):
    result = extract_snippet(
        engine,
        "Max Verstraaten won the Grand Prix ahead of Lando Norrington, with Charles Leclair "
        "third. Verstraaten finished 22.9 seconds clear.",
        "en",
    )
    assert facts(result, "Lando Norrington") == {"rank": 2, "gap": 22.9}
    assert "gap" not in facts(result, "Max Verstraaten")


def test_a_lead_that_names_no_one_says_nothing_without_a_runner_up(engine):
    result = extract_snippet(engine, "Max Verstraaten won the Grand Prix. He finished 22.9 seconds clear.", "en")
    assert all(r.gap is None for r in result.results)


def test_a_medal_opening_the_sentence_after_a_gap_is_won(engine):
    result = extract_snippet(
        engine,
        "Kjeld Nuisman won goud. Thomas Krolling pakte zilver op 0,34 seconde. Het brons was "
        "voor de Noor Peder Kongsberg.",
        "nl",
        FILLERS["nl"],
    )
    assert facts(result, "Peder Kongsberg") == {"rank": 3, "medal": "bronze"}


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Femke Kokkel werd op de 500 meter wereldkampioen."),
        ("de", "Lena Probst wurde in Oberhof über 10 Kilometer Weltmeisterin."),
    ],
)
def test_a_title_won_where_said_between_verb_and_title(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert [r.rank for r in result.results] == [1]


def test_a_place_behind_a_champion_is_no_title(engine):
    result = extract_snippet(
        engine, "Femke Kokkel werd op de 1000 meter tweede achter wereldkampioen Jutta Leerhof.", "nl", FILLERS["nl"]
    )
    assert facts(result, "Femke Kokkel") == {"rank": 2}


def test_a_gap_behind_a_described_winner_is_the_subjects(engine):
    result = extract_snippet(
        engine,
        "Sara Hektor won in 2:03.29. Lara Gutmann was 0.45 seconds back in second and "
        "Federica Brignoli finished third, 0.73 behind the Swede.",
        "en",
    )
    assert facts(result, "Federica Brignoli") == {"rank": 3, "gap": 0.73}
    assert facts(result, "Lara Gutmann") == {"rank": 2, "gap": 0.45}


def test_respective_places_take_their_gaps_in_the_same_order(engine):
    result = extract_snippet(
        engine,
        'Il podio è completato da Sepp Kussmann e Primo Roglani, rispettivamente secondo e terzo a 8" e 15".',
        "it",
        FILLERS["it"],
    )
    assert facts(result, "Sepp Kussmann") == {"rank": 2, "gap": 8.0}
    assert facts(result, "Primo Roglani") == {"rank": 3, "gap": 15.0}


@pytest.mark.parametrize(
    "language, text",
    [
        ("es", "Jonas Vinggaard es el nuevo líder de la Vuelta tras la etapa de hoy."),
        ("nl", "Jonas Vinggaard is de nieuwe leider in het klassement."),
        ("it", "Jonas Vinggaard è il nuovo leader della classifica generale."),
        ("de", "Felix Grosser nahm dem Gesamtführenden Jonas Vinggaard zwei Minuten ab."),
    ],
)
def test_the_new_overall_leader_is_first_overall(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert any(
        r.athlete == "Jonas Vinggaard" and r.rank == 1 and r.event == "general classification" for r in result.results
    )
    assert all(r.rank != 1 for r in result.results if r.athlete == "Felix Grosser")


def test_a_jersey_saved_leaves_the_next_sentences_subject_alone(engine):
    result = extract_snippet(
        engine,
        "Jonas Vinggaard gewann. Damit rettete der Olympiasieger das Rote Trikot. Felix Grosser "
        "liegt als Gesamt-Zweiter acht Sekunden zurück.",
        "de",
        FILLERS["de"],
    )
    assert all(r.rank != 1 for r in result.results if r.athlete == "Felix Grosser")


def test_a_dutch_time_in_hours_minutes_dot_seconds_comma_tenths(engine):
    result = extract_snippet(engine, "Sharon Rouwenhorst zwom in 1:59.32,8 naar het zilver.", "nl", FILLERS["nl"])
    assert facts(result, "Sharon Rouwenhorst")["time"] == 7172.8


def test_minutes_seconds_dot_hundredths_stay_minutes(engine):
    result = extract_snippet(engine, "Sharon Tester won the 200m in 1:59.32.", "en")
    assert facts(result, "Sharon Tester")["time"] == 119.32


def test_the_athlete_a_silver_medallist_finished_behind_won(engine):
    result = extract_snippet(
        engine,
        "Sharon Rouwenhorst zwom naar het zilver, 2,3 seconden achter de Braziliaanse Ana Marcela Cunhal.",
        "nl",
        FILLERS["nl"],
    )
    assert facts(result, "Ana Marcela Cunhal") == {"rank": 1}
    assert facts(result, "Sharon Rouwenhorst") == {"rank": 2, "medal": "silver", "gap": 2.3}


def test_a_gap_in_brackets_after_a_name(engine):
    result = extract_snippet(
        engine,
        "Ana Cunhal ganó el oro, por delante de Sharon Rouwenhorst (a 2.3) y Karina Leeds (a 4.1).",
        "es",
        FILLERS["es"],
    )
    assert facts(result, "Sharon Rouwenhorst") == {"rank": 2, "gap": 2.3}
    assert facts(result, "Karina Leeds") == {"rank": 3, "gap": 4.1}


@pytest.mark.parametrize(
    "language, text",
    [
        ("fr", "Le Slovène Tadej Pogalski précède Jonas Vinggaard de 5 secondes et Remco Evenpoel de 12 secondes."),
        ("it", "Tadej Pogalski ha preceduto di 5 secondi Jonas Vinggaard e di 12 secondi Remco Evenpoel."),
    ],
)
def test_a_run_of_margins_gives_each_beaten_athlete_their_gap(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Jonas Vinggaard")["gap"] == 5.0
    assert facts(result, "Remco Evenpoel")["gap"] == 12.0


def test_a_silver_with_its_time_in_brackets_ahead_of_someone_makes_them_third(engine):
    result = extract_snippet(
        engine,
        "Femke Bolt a décroché l'or en 52\"03. L'Américaine Dalila Mahmoud a pris l'argent "
        '(52"31), devant la Jamaïcaine Rachel Clayborne (53"07).',
        "fr",
        FILLERS["fr"],
    )
    assert facts(result, "Dalila Mahmoud") == {"rank": 2, "medal": "silver", "time": 52.31}
    assert facts(result, "Rachel Clayborne") == {"rank": 3, "time": 53.07}


def test_a_gap_on_top_of_another_is_not_a_gap_to_the_winner(engine):
    result = extract_snippet(
        engine,
        "Johannes Klebermann won the sprint. Federico Pellegrini was second, 1.2 seconds back, "
        "and Erik Valnessen a further three seconds behind in third.",
        "en",
    )
    assert facts(result, "Federico Pellegrini") == {"rank": 2, "gap": 1.2}
    assert facts(result, "Erik Valnessen") == {"rank": 3}


@pytest.mark.parametrize(
    "language, text",
    [
        ("es", "Jakob Ingebrig paró el crono en 3:28,32 para ganar los 1.500 metros."),
        ("fr", "Julien Alaphilip a attaqué dans le dernier kilomètre pour remporter sa première étape."),
        ("it", "Tadej Pogalski ha attaccato sull'ultima salita per vincere la tappa."),
    ],
)
def test_a_purpose_infinitive_of_winning_is_a_win(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert [r.rank for r in result.results if r.rank is not None] == [1]


def test_a_win_needed_is_not_a_win(engine):
    result = extract_snippet(
        engine, "Jakob Ingebrig necesita un buen resultado para ganar la general.", "es", FILLERS["es"]
    )
    assert not result.results


def test_a_grand_slam_named_like_a_person_is_not_an_athlete(engine):
    result = extract_snippet(
        engine, "Carlos Alcarazo conquistó su segundo título en Roland Garros.", "es", FILLERS["es"]
    )
    assert [r.athlete for r in result.results] == ["Carlos Alcarazo"]


def test_the_athlete_beaten_before_a_purpose_infinitive_did_not_win(engine):
    result = extract_snippet(
        engine,
        "Jakob Ingebrig superó a Josh Kerrigan en la recta final para ganar los 1.500 metros.",
        "es",
        FILLERS["es"],
    )
    assert facts(result, "Jakob Ingebrig")["rank"] == 1
    assert all(r.rank != 1 for r in result.results if r.athlete == "Josh Kerrigan")


def test_a_medal_after_a_distance_is_not_a_count_of_medals(engine):
    result = extract_snippet(engine, "Keely Hodgkins won the 800m gold in 1:56.72.", "en")
    assert facts(result, "Keely Hodgkins") == {"rank": 1, "time": 116.72, "medal": "gold"}


def test_the_margin_word_repeated_after_and_continues_a_run_of_leads(engine):
    result = extract_snippet(
        engine,
        "Valentina Bertoli a remporté la descente. Elle devance de 18 centièmes Sofia Martinez, "
        "deuxième, et de 29 centièmes Lara Schmidt.",
        "fr",
        FILLERS["fr"],
    )
    assert facts(result, "Sofia Martinez") == {"rank": 2, "gap": 0.18}
    assert facts(result, "Lara Schmidt") == {"gap": 0.29}


def test_a_classic_named_like_a_person_is_not_an_athlete(engine):
    result = extract_snippet(
        engine, "Tom Pidcox ha vinto la Strade Bianche con 1'30\" di vantaggio su Pavel Sivak.", "it", FILLERS["it"]
    )
    assert {r.athlete for r in result.results} == {"Tom Pidcox", "Pavel Sivak"}
    assert facts(result, "Pavel Sivak") == {"gap": 90.0}


@pytest.mark.parametrize(
    "language, text",
    [
        ("nl", "Mathieu van der Pol won solo. Hij kwam 31 seconden voor Jasper Filipsen over de streep."),
        ("de", "Mathieu van der Pol gewann solo. Er kam 31 Sekunden vor Jasper Filipsen ins Ziel."),
    ],
)
def test_seconds_ahead_of_someone_are_their_gap(engine, language, text):
    result = extract_snippet(engine, text, language, FILLERS[language])
    assert facts(result, "Jasper Filipsen") == {"gap": 31.0}


def test_a_gap_before_the_medal_it_was_won_in_is_a_gap(engine):
    result = extract_snippet(
        engine,
        "Sifan Hasson won the marathon in 2:22:55, with Ethiopia's Tigist Asefa three seconds behind in silver.",
        "en",
    )
    assert facts(result, "Tigist Asefa") == {"rank": 2, "gap": 3.0, "medal": "silver"}


@pytest.mark.parametrize(
    "language, text",
    [
        ("fr", "Marie Testu a fini à 9 centièmes du bronze."),
        ("nl", "Ranomi Kromhout zat 0,09 van het brons."),
    ],
)
def test_a_margin_to_a_medal_is_neither_a_gap_nor_a_medal(engine, language, text):
    assert not extract_snippet(engine, text, language, FILLERS[language]).results
