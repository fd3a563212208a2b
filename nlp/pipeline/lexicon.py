"""Per-language sports lexicons (data files in nlp/lexicons/) compiled into regular expressions."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

FALLBACK_LANGUAGE = "en"


@cache
def resource_word_list(filename: str) -> frozenset[str]:
    """A one-entry-per-line list in nlp/resources/ (given names, place names); `#` lines are comments."""
    text = resources.files("nlp.resources").joinpath(filename).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def available_languages() -> list[str]:
    folder = resources.files("nlp.lexicons")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


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
        """A mapping entry ("medals", "disciplines", ...); empty when the language file has none."""
        return self.data.get(key, {})

    def words(self, key: str) -> list[str]:
        value = self.data.get(key, [])
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
        return re.compile(rf"(?<![\w])(?:{self.data['numeric_ordinal']}|({alternation}))(?![\w-])", re.I)

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
        return self.data.get("numbers", {}).get(text)


@cache
def load_lexicon(language: str) -> Lexicon:
    folder = resources.files("nlp.lexicons")
    name = f"{language}.json" if folder.joinpath(f"{language}.json").is_file() else f"{FALLBACK_LANGUAGE}.json"
    data = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
    return Lexicon(language=data["language"], data=data)


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
