"""The bounded list of known names behind the gazetteer: the most recent names kept, the oldest let go."""

from __future__ import annotations

import spacy

from nlp.recent_names import RecentNames


def test_past_the_limit_the_name_added_longest_ago_goes():
    names = RecentNames(limit=2)
    assert names.add(["Ann Vos", "Bea Kok"]) == []
    assert names.add(["Cor Lam"]) == ["Ann Vos"]
    assert list(names) == ["Bea Kok", "Cor Lam"]


def test_a_name_added_again_is_the_newest_and_is_sent_again():
    names = RecentNames(limit=2)
    names.add(["Ann Vos", "Bea Kok"])
    fed = names.last
    names.add(["Ann Vos"])
    assert names.after(fed) == ["Ann Vos"]
    assert names.add(["Cor Lam"]) == ["Bea Kok"]
    assert names.after(0) == ["Ann Vos", "Cor Lam"]


def test_the_gazetteer_keeps_at_most_its_limit_of_names():
    from nlp.pipeline.components import Gazetteer

    nlp = spacy.blank("nl")
    gazetteer = nlp.add_pipe("palmares_gazetteer")
    assert isinstance(gazetteer, Gazetteer)
    gazetteer.limit = 2
    gazetteer.add_names(athletes=["Ann Vos", "Bea Kok", "Cor Lam"])
    doc = nlp("Ann Vos won, Bea Kok werd tweede en Cor Lam derde.")
    assert [span.text for span in doc.spans["gazetteer"]] == ["Bea Kok", "Cor Lam"]
    assert "vos" not in doc.user_data["known_athletes_by_surname"]


def test_the_limit_is_a_setting(monkeypatch):
    from service.settings import Settings

    monkeypatch.setenv("PALMARES_KNOWN_NAMES_LIMIT", "250")
    assert Settings().known_names_limit == 250
