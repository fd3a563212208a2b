"""End to end through the API with the real engine: invented articles in three languages about the same race, one an
updated copy of another, one naming the winner by surname only, make one athlete per person and one event whose
results cite their articles; medals count once per event."""

from __future__ import annotations

import pytest

from tests.service_helpers import AUTH, IsolatedEngine, make_client

NL = (
    "Goud voor Visser op de 1500 meter\n\n"
    "Mirte Visser heeft zaterdag op de Olympische Spelen de gouden medaille gewonnen op de 1500 meter. "
    "De schaatsster van Team Zuidwind finishte in 1.54,20. Lieke van Dijk pakte zilver op 0,35 seconde, "
    "Sofie Brandt won het brons.\n\n"
    '"Ik had vandaag geweldige benen", zei Visser na afloop.\n'
)

NL_UPDATED = NL + "\nVisser rijdt volgende week nog de massastart.\n"

EN = (
    "Visser takes Olympic 1500m gold\n\n"
    "Mirte Visser won the 1500m gold medal at the Olympic Games on Saturday in 1:54.20. "
    "Lieke van Dijk took silver, 0.35 seconds behind. Sofie Brandt won bronze.\n"
)

ES = (
    "Oro para Visser en los 1500 metros\n\n"
    "La neerlandesa Visser ganó el sábado la medalla de oro de los 1500 metros en los Juegos Olímpicos con un "
    "tiempo de 1:54,20. Lieke van Dijk se llevó la plata a 35 centésimas y Sofie Brandt el bronce.\n"
)


@pytest.fixture
def client(tmp_path, engine):
    with make_client(tmp_path, IsolatedEngine(engine)) as c:
        yield c


def test_three_languages_about_one_race_make_one_event_and_one_athlete_per_person(client):
    posted = []
    for text, published in ((NL, "2026-02-14"), (NL_UPDATED, "2026-02-14"), (EN, "2026-02-15"), (ES, "2026-02-15")):
        response = client.post("/articles", json={"text": text, "published": published}, headers=AUTH)
        assert response.status_code == 201, response.text
        posted.append(response.json()["id"])

    athletes = client.get("/athletes").json()
    assert sorted(a["name"] for a in athletes) == ["Lieke van Dijk", "Mirte Visser", "Sofie Brandt"]

    (event,) = client.get("/events").json()
    assert (event["discipline"], event["date"], event["competition"]["name"]) == (
        "1500 m",
        "2026-02-14",
        "Olympic Games",
    )
    by_athlete = {r["athlete"]: r for r in event["results"]}
    visser = by_athlete["Mirte Visser"]
    assert (visser["rank"], visser["time"], visser["medal"]) == (1, 114.2, "gold")
    assert sorted(s["article_id"] for s in visser["sources"]) == sorted(posted)  # the surname-only article too
    assert {s["language"] for s in visser["sources"]} == {"nl", "en", "es"}
    assert all(s["evidence"] for s in visser["sources"])
    assert (by_athlete["Lieke van Dijk"]["rank"], by_athlete["Lieke van Dijk"]["gap"]) == (2, 0.35)
    assert by_athlete["Sofie Brandt"]["medal"] == "bronze"

    profile = client.get("/athletes/mirte-visser").json()
    assert profile["medals"] == {"gold": 1, "silver": 0, "bronze": 0}
    assert len(profile["results"]) == 1 and profile["results"][0]["support"] == 4
    (season,) = profile["palmares"]
    assert season["year"] == 2026 and season["competitions"][0]["competition"]["name"] == "Olympic Games"

    assert len(client.get("/results?athlete=Visser").json()) == 1
    summary = client.get("/athletes/mirte-visser/summary?lang=es").text
    assert "Mirte Visser ha ganado una medalla de oro." in summary
