"""Abbreviations kept whole by the tokenizer of every language, so that their full stop ends no sentence:
"St. Moritz", "Ste. Marie", "Mt. Blanc" (spaCy's Spanish tokenizer, for one, splits "St." from its stop)."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry


@registry.callbacks("palmares.abbreviations.v1")
def create_abbreviations(abbreviations: list[str]) -> Callable[[Language], Language]:
    def add_special_cases(nlp: Language) -> Language:
        for abbreviation in abbreviations:
            cast(Tokenizer, nlp.tokenizer).add_special_case(abbreviation, [{ORTH: abbreviation}])
        return nlp

    return add_special_cases
