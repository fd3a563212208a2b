"""Linking articles to calendar races and stages: positives in several languages, and no link for
unrelated events. Calendar and articles are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from nlp.calendar import parse_calendar
from nlp.linking import link_article

CALENDAR = parse_calendar("""\
no Tour of Norway / Tour de Norvège
WorldTeam Men 02 Sep '25 - 05 Sep '25
1/4 Bergen › Voss 160km
2/4 Voss › Geilo 175km
3/4 Geilo › Lillehammer 190km
4/4 Hamar › Oslo 120km
it Giro della Valle Fittizia
WorldTeam Men 28 Sep '25 - 04 Oct '25
1/3 Borgo Alto › Lago Verde 152km
2/3 Lago Verde › Passo delle Nuvole 171km
3/3 Castelmare › Castelmare 18km
be Grand Prix de Hainaut Dames
WorldTeam Women 14 Sep '25
1/1 Mons › Charleroi 128km
fr Grand Prix Cycliste de Belleville
WorldTeam Men 20 Sep '25
1/1 Belleville › Belleville 200km""").entries

NORWAY = "Tour of Norway / Tour de Norvège"
GIRO = "Giro della Valle Fittizia"
HAINAUT = "Grand Prix de Hainaut Dames"
BELLEVILLE = "Grand Prix Cycliste de Belleville"


def top(text: str, language: str, *, title: str | None = None, published: dt.date | None = None):
    links = link_article(text, title=title, language=language, published=published, calendar=CALENDAR)
    return (links[0].race, links[0].stage) if links else None


@pytest.mark.parametrize(
    ("language", "title", "text", "expected"),
    [
        (
            "de",
            "Keller gewinnt in Geilo",
            "Felix Keller hat die zweite Etappe der Norwegen-Rundfahrt von Voss nach Geilo gewonnen. Der Radprofi "
            "setzte sich im Sprint des Pelotons durch.",
            (NORWAY, 2),
        ),
        (
            "es",
            "Ruiz se impone en Oslo",
            "Pablo Ruiz ganó la última etapa de la Vuelta a Noruega, entre Hamar y Oslo. El corredor navarro "
            "atacó a tres kilómetros de la meta y el pelotón no pudo alcanzarle.",
            (NORWAY, 4),
        ),
        (
            "sk",
            "Novák vyhral v Lillehammeri",
            "Slovenský cyklista Martin Novák vyhral tretiu etapu pretekov Okolo Nórska, ktorá sa skončila v "
            "Lillehammeri. Pelotón dostihol únik desať kilometrov pred cieľom.",
            (NORWAY, 3),
        ),
        (
            "pt",
            None,
            "O ciclista Lucas Soto venceu a etapa da Volta à Noruega que terminou em Geilo, depois de partir de "
            "Voss. O pelotão chegou dois minutos depois.",
            (NORWAY, 2),
        ),
        (
            "it",
            "Conti conquista il Passo delle Nuvole",
            "Marco Conti ha vinto la seconda tappa del Giro, da Lago Verde al Passo delle Nuvole. Il corridore "
            "ha staccato il gruppo sull'ultima salita.",
            (GIRO, 2),
        ),
        (
            "fr",
            "Dupré s'impose au Grand Prix de Hainaut",
            "Camille Dupré a remporté le Grand Prix de Hainaut dimanche à Charleroi. La coureuse a devancé "
            "ses deux compagnes d'échappée au sprint; elle signe sa première victoire.",
            (HAINAUT, 1),
        ),
        (
            "en",
            "Moreau wins GP Belleville",
            "Hugo Moreau won the GP Belleville on Saturday after a late breakaway. The peloton finished eight "
            "seconds behind the Frenchman, who attacked on the final climb.",
            (BELLEVILLE, 1),
        ),
    ],
)
def test_articles_link_to_their_race_and_calendar_stage(language, title, text, expected):
    body = f"{title}\n\n{text}" if title else text
    assert top(body, language, title=title) == expected


def test_stage_follows_the_calendar_numbering_not_the_article_counting():
    text = (
        "Tomas Varga won stage 4 of the Tour of Norway, counting the prologue, on the road from Geilo "
        "to Lillehammer. The peloton was split by crosswinds."
    )
    assert top(text, "en") == (NORWAY, 3)


def test_published_date_and_stage_places_give_reasons_and_a_score():
    text = (
        "Die Norwegen-Rundfahrt endete in Oslo: Jonas Krause gewann die Schlussetappe von Hamar nach Oslo vor dem Feld."
    )
    links = link_article(text, title=None, language="de", published=dt.date(2025, 9, 5), calendar=CALENDAR)
    assert (links[0].race, links[0].stage) == (NORWAY, 4)
    assert 0.5 <= links[0].score <= 1
    assert any("stage places" in r for r in links[0].reasons)


def test_race_named_without_stage_evidence_has_no_stage():
    text = "Die Norwegen-Rundfahrt beginnt am Dienstag. Das Team schickt drei Radprofis an den Start."
    assert top(text, "de") == (NORWAY, None)


def test_speed_skating_report_is_not_linked():
    text = (
        "Kok pakt goud op de 1500 meter\n\nSanne Kok heeft de 1500 meter gewonnen in 1.53,21. De "
        "schaatsster van Team Zuidwind was de snelste, op 0,4 seconde volgde Lena Berg. Zaterdag rijdt zij "
        "de massastart. “Ik ben heel blij”, zei Kok in Hamar."
    )
    assert (
        link_article(
            text,
            title="Kok pakt goud op de 1500 meter",
            language="nl",
            published=dt.date(2025, 9, 3),
            calendar=CALENDAR,
        )
        == []
    )


def test_motor_racing_grand_prix_in_a_calendar_city_is_not_linked():
    text = (
        "Keller takes pole for the Belleville Grand Prix\n\nFelix Keller set the fastest lap in qualifying "
        "for Sunday's Formula 1 Grand Prix in Belleville, two tenths ahead of his team-mate."
    )
    assert top(text, "en", published=dt.date(2025, 9, 20)) is None


def test_another_cycling_race_finishing_in_a_calendar_city_is_not_linked():
    text = (
        "Tour de Picardie : Moreau s'impose à Belleville\n\nHugo Moreau a remporté la troisième étape du "
        "Tour de Picardie à Belleville. Le coureur a réglé le peloton au sprint."
    )
    assert top(text, "fr", published=dt.date(2025, 9, 19)) is None


def test_the_mens_race_of_a_womens_calendar_race_is_not_linked():
    text = (
        "Claes wint Grand Prix de Hainaut\n\nPieter Claes heeft de Grand Prix de Hainaut gewonnen. De "
        "renner uit Mons was in de sprint sneller dan Noah Visser. Hij draagt de zege op aan zijn ploeg."
    )
    assert top(text, "nl", published=dt.date(2025, 9, 14)) is None


def test_another_race_of_the_same_kind_is_not_linked():
    text = (
        "Conti vince una tappa del Giro d'Italia\n\nMarco Conti ha vinto la tappa del Giro d'Italia a "
        "Napoli. Il gruppo è arrivato compatto."
    )
    assert top(text, "it") is None


@pytest.mark.parametrize("text", ["", "   ", "Geilo", "\x00\x01 binary"])
def test_empty_or_meaningless_text_gets_no_link(text):
    assert link_article(text, title=None, language="und", published=None, calendar=CALENDAR) == []


def test_empty_calendar_gets_no_link():
    assert (
        link_article("Keller won the Tour of Norway stage.", title=None, language="en", published=None, calendar=[])
        == []
    )


def test_a_race_of_another_kind_with_the_same_place_is_not_linked():
    text = (
        "Dupré remporte le Tour de Hainaut\n\nCamille Dupré a gagné la dernière étape du Tour de Hainaut à "
        "Mons. La coureuse conserve son maillot de leader; elle s'impose au classement final."
    )
    assert top(text, "fr", title="Dupré remporte le Tour de Hainaut") is None


def test_a_title_about_another_race_wins_over_a_later_mention_of_a_calendar_race():
    title = "Moreau wins the Grand Prix de Valcourt"
    text = (
        f"{title}\n\nHugo Moreau won the Grand Prix de Valcourt on Friday, sprinting clear of the peloton. "
        "On Sunday he lines up at the Grand Prix Cycliste de Belleville as one of the favourites."
    )
    assert top(text, "en", title=title, published=dt.date(2025, 9, 19)) is None


def test_the_womens_edition_of_a_mens_calendar_race_is_not_linked():
    text = (
        "Giulia Romano ha vinto la seconda tappa del Giro della Valle Fittizia Donne a Passo delle Nuvole. "
        "La corridora ha staccato il gruppo in salita."
    )
    assert top(text, "it") is None


def test_links_are_best_first_and_name_calendar_races_exactly():
    text = (
        "Keller wins in Oslo as the Tour of Norway ends\n\nFelix Keller won the final stage of the Tour of "
        "Norway from Hamar to Oslo; the peloton let the breakaway go early."
    )
    links = link_article(text, title=None, language="en", published=dt.date(2025, 9, 5), calendar=CALENDAR)
    assert [link.race for link in links] == [NORWAY]
    assert links[0].stage == 4


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("en", "Tour of Norway"),
        ("fr", "Tour de Norvège"),
        ("de", "Norwegen-Rundfahrt"),
        ("de", "Norwegenrundfahrt"),
        ("es", "Vuelta a Noruega"),
        ("pt", "Volta à Noruega"),
        ("it", "Giro di Norvegia"),
        ("nl", "Ronde van Noorwegen"),
        ("sk", "Okolo Nórska"),
    ],
)
def test_a_race_named_after_its_country_is_found_in_every_language(language, name):
    text = f"{name}: the peloton, the riders, a stage."
    assert top(text, language) == (NORWAY, None)


@pytest.mark.parametrize(
    "name",
    [
        "GP Belleville",
        "Grand Prix de Belleville",
        "Gran Premio di Belleville",
        "Großer Preis von Belleville",
        "Grote Prijs van Belleville",
        "Belleville GP",
    ],
)
def test_grand_prix_abbreviations_and_translations(name):
    assert top(f"{name}: the riders and the peloton.", "en") == (BELLEVILLE, 1)


def test_a_similar_country_name_is_not_confused():
    assert top("Tour of Sweden: the peloton, the riders, a stage.", "en") is None
    assert top("Okolo Švédska: etapa pre cyklistov v pelotóne.", "sk") is None


def test_a_race_listed_twice_gives_one_link():
    text = "Marco Conti ha vinto la seconda tappa del Giro, da Lago Verde al Passo delle Nuvole, davanti al gruppo."
    links = link_article(text, title=None, language="it", published=None, calendar=CALENDAR + CALENDAR)
    assert [(link.race, link.stage) for link in links] == [(GIRO, 2)]


def test_an_article_of_another_year_does_not_link_to_this_years_edition():
    text = (
        "Felix Keller hat die zweite Etappe der Norwegen-Rundfahrt von Voss nach Geilo gewonnen. Der Radprofi "
        "setzte sich im Sprint des Pelotons durch."
    )
    assert top(text, "de", published=dt.date(2025, 9, 3)) == (NORWAY, 2)
    assert top(text, "de", published=dt.date(2023, 9, 3)) is None
    assert top(text, "de", published=dt.date(2026, 9, 3)) is None


def test_of_two_editions_in_the_calendar_the_one_of_the_publication_year_is_linked():
    from nlp.calendar import parse_calendar

    two_years = parse_calendar(
        "no Tour of Norway\nWorldTeam Men 02 Sep '23 - 05 Sep '23\n1/1 Bergen › Oslo 160km\n"
        "no Tour of Norway\nWorldTeam Men 02 Sep '25 - 05 Sep '25\n1/1 Bergen › Oslo 160km\n"
    ).entries
    text = "Felix Keller won the Tour of Norway in Oslo after a long breakaway; the peloton finished a minute down."
    (link,) = link_article(text, title=None, language="en", published=dt.date(2023, 9, 5), calendar=two_years)
    assert link.race == "Tour of Norway" and "dates 1.00" in link.reasons
