"""Invented sports articles for benchmarks: templates in six languages filled with made-up names.

No real text: every sentence here is written for this project.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

GIVEN = [
    "Lotte",
    "Mira",
    "Fenna",
    "Oscar",
    "Tomas",
    "Pieter",
    "Camille",
    "Lena",
    "Sara",
    "Jonas",
    "Marco",
    "Pablo",
    "Andrés",
    "Iker",
    "Giulia",
    "Ingrid",
    "Sanne",
    "Noah",
    "Emma",
    "Lucas",
    "Elena",
    "Hugo",
    "Nina",
    "Felix",
]
FAMILY = [
    "Bakker",
    "Holm",
    "de Wit",
    "Quinn",
    "Varga",
    "Claes",
    "Dupré",
    "Gruber",
    "Conti",
    "Krause",
    "Ferri",
    "Ruiz",
    "Mora",
    "Soto",
    "Bianchi",
    "Lund",
    "Kok",
    "Visser",
    "Moreau",
    "Navarro",
    "Keller",
    "Romano",
    "Berg",
    "Novak",
]

TEMPLATES = {
    "nl": (
        "{a} wint de {d} meter",
        "{a} heeft de {d} meter gewonnen in {t}. De schaatser van Team Zuidwind was de snelste van het veld. "
        "Tweede werd {b} op {g} seconde van winnaar {a_last}. {c} eindigde als derde. "
        "“Ik ben heel blij met deze race”, zegt {a_last} na afloop. “De laatste ronde was zwaar.” "
        "Zaterdag rijdt {b} de ploegenachtervolging. Tot nu toe veroverde de ploeg twee keer goud.",
    ),
    "en": (
        "{a} takes the {d}m title",
        "{a} won the {d}m in {t} on Saturday, beating {b} by {g} seconds. {c} finished third. "
        '"I knew I had the legs today," {a_last} said. "The team did a perfect job." '
        "Coach Martin Hale was pleased with the result. On Friday {b} races the mass start.",
    ),
    "fr": (
        "{a} s'impose sur {d} mètres",
        "{a} a remporté le {d} mètres en {t}. {b} termine deuxième à {g} secondes, devant {c}, troisième. "
        "« C'est une journée magnifique », a déclaré {a_last}. Samedi, {b} disputera la poursuite.",
    ),
    "es": (
        "{a} gana los {d} metros",
        "{a} ganó los {d} metros con un tiempo de {t}. {b} terminó segundo a {g} segundos y {c} fue tercero. "
        '"Ha sido un día perfecto", dijo {a_last}. El sábado {b} correrá la salida en masa.',
    ),
    "de": (
        "{a} gewinnt über {d} Meter",
        "{a} hat das Rennen über {d} Meter in {t} gewonnen. Zweiter wurde {b} mit {g} Sekunden Rückstand. "
        "{c} landete auf Platz drei. „Ich bin überglücklich“, sagte {a_last}. Am Samstag startet {b} im Massenstart.",
    ),
    "it": (
        "{a} vince i {d} metri",
        "{a} ha vinto i {d} metri in {t}. {b} ha chiuso secondo a {g} secondi, mentre {c} si è classificato terzo. "
        "«È un sogno che si avvera», ha detto {a_last}. Sabato {b} correrà la mass start.",
    ),
}


def _name(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def invented_article(rng: random.Random, language: str) -> str:
    title, body = TEMPLATES[language]
    a, b, c = _name(rng), _name(rng), _name(rng)
    decimal = "," if language in {"nl", "fr", "es", "de", "it"} else "."
    seconds = rng.randint(34, 80)
    values = {
        "a": a,
        "b": b,
        "c": c,
        "a_last": a.split(" ", 1)[1],
        "d": rng.choice([500, 1000, 1500, 5000]),
        "t": f"{seconds}{decimal}{rng.randint(10, 99)}",
        "g": f"0{decimal}{rng.randint(10, 99)}",
    }
    paragraphs = [body.format(**values)] * rng.randint(2, 4)  # realistic length: a few paragraphs
    return title.format(**values) + "\n\n" + "\n\n".join(paragraphs)


def invented_articles(
    count: int, languages: tuple[str, ...] = tuple(TEMPLATES), seed: int = 0
) -> Iterator[tuple[str, str]]:
    """(language, text) pairs, deterministic for a seed."""
    rng = random.Random(seed)
    for i in range(count):
        language = languages[i % len(languages)]
        yield language, invented_article(rng, language)
