"""The lexicons follow nlp/lexicons/schema.json: every key documented, read by the code that says it does,
present in every language; a wrong key is a clear error, never an empty list."""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path

import pytest

from nlp.pipeline.lexicon import LexiconError, available_languages, check_lexicon, lexicon_schema, load_lexicon

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ["de", "en", "es", "fr", "it", "nl"]
PROPERTIES = lexicon_schema()["properties"]


def english() -> dict:
    return json.loads(resources.files("nlp.lexicons").joinpath("en.json").read_text(encoding="utf-8"))


def test_the_six_languages_have_a_lexicon() -> None:
    assert set(SHIPPED) <= set(available_languages())


@pytest.mark.parametrize("language", SHIPPED)
def test_each_lexicon_has_every_key_of_the_schema_and_no_other(language: str) -> None:
    lexicon = load_lexicon(language)
    assert lexicon.language == language
    assert set(lexicon.data) == set(PROPERTIES)


@pytest.mark.parametrize("key", sorted(PROPERTIES))
def test_every_key_says_what_it_means_and_which_module_reads_it(key: str) -> None:
    spec = PROPERTIES[key]
    assert len(spec["description"]) > 20
    assert spec["read_by"], f"{key} is read by no module: remove it from the schema and the lexicons"
    for module in spec["read_by"]:
        assert f'"{key}"' in (ROOT / module).read_text(encoding="utf-8"), f"{module} does not read {key!r}"


def test_a_misspelt_key_is_named_with_the_key_it_should_be() -> None:
    data = english()
    data["win_verb"] = data.pop("win_verbs")
    with pytest.raises(LexiconError) as error:
        check_lexicon(data, "xx.json")
    assert "unknown key 'win_verb' (did you mean 'win_verbs'?)" in str(error.value)
    assert "missing key 'win_verbs'" in str(error.value)


def test_a_value_of_the_wrong_type_is_refused() -> None:
    data = english()
    data["ordinals"] = ["first", "second"]
    data["nouns_capitalised"] = "no"
    with pytest.raises(LexiconError, match="'ordinals' must be an object of integers; 'nouns_capitalised' must be"):
        check_lexicon(data, "xx.json")


def test_a_number_map_takes_no_true_or_false() -> None:
    data = english()
    data["numbers"] = {**data["numbers"], "one": True}
    with pytest.raises(LexiconError, match="'numbers' must be an object of integers"):
        check_lexicon(data, "xx.json")


def test_keys_opening_with_an_underscore_are_comments() -> None:
    data = copy.deepcopy(english())
    data["_comment"] = "written by a translator"
    assert check_lexicon(data, "xx.json") is data


def test_code_asking_for_a_key_the_schema_does_not_have_fails_loudly() -> None:
    with pytest.raises(KeyError):
        load_lexicon("en").words("win_verb")
