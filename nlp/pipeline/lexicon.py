"""Per-language sports lexicons (data files in nlp/lexicons/, keys documented and checked by
nlp/lexicons/schema.json) compiled into regular expressions."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

from nlp.language_data import data_languages, language_file

FALLBACK_LANGUAGE = "en"
SCHEMA_FILE = "schema.json"


class LexiconError(ValueError):
    """A lexicon file does not follow nlp/lexicons/schema.json."""


@cache
def resource_word_list(filename: str) -> frozenset[str]:
    """A one-entry-per-line list in nlp/resources/ (given names, place names); `#` lines are comments."""
    text = resources.files("nlp.resources").joinpath(filename).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def available_languages() -> list[str]:
    """The languages with a lexicon: the extraction rules' languages (others read the English lexicon)."""
    return data_languages("lexicons")


@cache
def lexicon_schema() -> dict[str, Any]:
    return json.loads(resources.files("nlp.lexicons").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


def check_lexicon(data: object, source: str) -> dict[str, Any]:
    """`data` when it follows the schema: no unknown key, no missing key, each value of its type."""
    if not isinstance(data, dict):
        raise LexiconError(f"{source}: a lexicon is a JSON object of keys")
    properties: dict[str, dict[str, Any]] = lexicon_schema()["properties"]
    problems = []
    for key in data:
        if key.startswith("_"):  # a comment
            continue
        if key not in properties:
            close = difflib.get_close_matches(key, properties, n=1)
            problems.append(f"unknown key {key!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        elif not _has_type(data[key], properties[key]):
            problems.append(f"{key!r} must be {_type_name(properties[key])}")
    problems += [f"missing key {key!r}" for key in properties if key not in data]
    if problems:
        raise LexiconError(
            f"{source}: " + "; ".join(problems) + f" (the keys are described in nlp/lexicons/{SCHEMA_FILE})"
        )
    return data


def _has_type(value: object, spec: dict[str, Any]) -> bool:
    kind = spec["type"]
    if kind == "array":
        return isinstance(value, list) and all(_has_type(item, spec["items"]) for item in value)
    if kind == "object":
        inner = spec["additionalProperties"]
        return isinstance(value, dict) and all(_has_type(item, inner) for item in value.values())
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, {"string": str, "boolean": bool}[kind])


def _type_name(spec: dict[str, Any]) -> str:
    kind = spec["type"]
    if kind == "array":
        return f"a list of {spec['items']['type']}s"
    if kind == "object":
        return f"an object of {spec['additionalProperties']['type']}s"
    return f"a {kind}"


def words_regex(
    words: list[str] | dict[str, Any], *, flags: int = re.I, compound_tail: bool = False
) -> re.Pattern[str]:
    """Whole-word alternation, longest first, spaces matching any whitespace. With `compound_tail`, a word may
    also end a hyphenated compound ("WM-Silber", "EK-goud")."""
    items = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) or r"(?!x)x"
    start = r"(?:(?<=\w-)|(?<![\w-]))" if compound_tail else r"(?<![\w-])"
    return re.compile(rf"{start}(?:{body})(?![\w]|-\w)", flags)


@dataclass(frozen=True)
class Lexicon:
    language: str
    data: dict[str, Any]
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def __getitem__(self, key: str) -> dict[str, Any]:
        """A mapping entry ("medals", "disciplines", ...); a KeyError for a key the schema does not have."""
        return self.data[key]

    def words(self, key: str) -> list[str]:
        value = self.data[key]
        return list(value.keys()) if isinstance(value, dict) else list(value)

    def set(self, key: str) -> frozenset[str]:
        """The entry's words in lower case (built once per lexicon: extractors ask for them per article)."""
        words = self._sets.get(key)
        if words is None:
            words = self._sets[key] = frozenset(w.lower() for w in self.words(key))
        return words

    def regex(self, key: str) -> re.Pattern[str]:
        return _cached_regex(self.language, key)

    @cached_property
    def ordinal_regex(self) -> re.Pattern[str]:
        words = sorted(self.data["ordinals"], key=len, reverse=True)
        alternation = "|".join(re.escape(w) for w in words)
        # a hyphen may precede: German compounds such as "Etappen-Siebter", "Gesamt-Zweiter"
        numeric = self.data["numeric_ordinal"]
        # a hyphen may follow only before a place noun: "seventh-place finish", "6th-place"
        places = "|".join(re.escape(w) for w in sorted(self.data["place_nouns"], key=len, reverse=True)) or r"(?!x)x"
        return re.compile(rf"(?<![\w])(?:{numeric}|({alternation}))(?![\w]|-(?!(?:{places})(?!\w)))", re.I)

    def ordinal_value(self, text: str) -> int | None:
        match = self.ordinal_regex.fullmatch(text.strip())
        if not match:
            return None
        if match.group(1):
            return int(match.group(1))
        return self.data["ordinals"].get(match.group(2).lower())

    def number_value(self, text: str) -> int | None:
        text = text.strip().lower()
        if text.isdigit():
            return int(text)
        return self.data["numbers"].get(text)


@cache
def load_lexicon(language: str) -> Lexicon:
    """The language's lexicon, checked against the schema; the English one for a language without a lexicon."""
    path = language_file("lexicons", language) or language_file("lexicons", FALLBACK_LANGUAGE)
    assert path is not None, "the package ships the English lexicon"
    try:
        data = check_lexicon(json.loads(path.read_text(encoding="utf-8")), str(path))
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{path}: not valid JSON ({exc})") from None
    if data["language"] != path.name[: -len(".json")]:
        raise LexiconError(f"{path}: 'language' is {data['language']!r}, not the file's name")
    return Lexicon(language=data["language"], data=data)


@cache
def list_joiners() -> frozenset[str]:
    """Words and signs joining the last item of a list, whatever the article's language ("A, B and C", "A & B")."""
    return every_language_words("list_joiners") | {"&"}


@cache
def every_language_words(key: str) -> frozenset[str]:
    """The key's words in every language's lexicon, in lower case: words an article may hold whatever its language
    (the keys the schema marks `every_language`)."""
    return frozenset(word for language in available_languages() for word in load_lexicon(language).set(key))


@cache
def nationality_words(language: str) -> frozenset[str]:
    """Words naming a person by nationality or region ("suiza", "Norweger", "Dutchwoman"), in lower case, from
    `nlp/lexicons/nationalities.json`: before a name they mark an athlete, as a role noun does."""
    text = resources.files("nlp.lexicons").joinpath("nationalities.json").read_text(encoding="utf-8")
    return frozenset(json.loads(text).get(language, ()))


@cache
def _cached_regex(language: str, key: str) -> re.Pattern[str]:
    lexicon = load_lexicon(language)
    case_sensitive = key in {"competitions", "stopwords_capitalized"}
    return words_regex(lexicon.words(key), flags=0 if case_sensitive else re.I)
