"""Helpers for tests that extract from one invented sentence: its results, merged facts, a filler paragraph."""

import pytest


def result_of(result, athlete):
    matches = [r for r in result.results if r.athlete == athlete]
    assert matches, f"no result for {athlete}: {[r.athlete for r in result.results]}"
    return matches


def extract_snippet(engine, text: str, language: str, filler: str = "More text follows later."):
    """One invented sentence as an article body, with a second paragraph so it is not read as a title."""
    return engine.extract(f"{text}\n\n{filler}", language=language)


FILLERS = {  # a second paragraph in the article's own language, so detection agrees with the snippet
    "nl": "Meer tekst volgt later.",
    "en": "More text follows later.",
    "de": "Mehr Text folgt später.",
    "fr": "La suite du texte arrive plus tard.",
    "es": "Más texto sigue más tarde.",
    "it": "Altro testo segue più tardi.",
}


def facts(result, athlete) -> dict:
    merged: dict = {}
    for r in result_of(result, athlete):
        for field in ("rank", "time", "gap", "medal"):
            if getattr(r, field) is not None:
                merged.setdefault(field, getattr(r, field))
    return merged


@pytest.fixture
def rules_alone(monkeypatch):
    """The extraction rules without the result model that decides among their candidates (tested on its own in
    test_result_model.py): these tests describe what each rule reads."""
    monkeypatch.setenv("PALMARES_RESULT_MODEL", "none")
