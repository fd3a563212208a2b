"""What event a result belongs to, in comparable parts: distance or discipline, stage, round, standings, gender.

Pure functions over the words of `models/event_words.json` (every language in one file, folded): the extraction
fills `Result.discipline`, `.stage`, `.round`, `.standings` and `.gender` when it can, and these functions read
the same parts from the free text of `Result.event` and `Result.competition` when it does not.

    normalise_discipline("500 metres") == normalise_discipline("500m") == "500 m" != normalise_discipline("5000 m")
    parse_stage("4e étape") == parse_stage("etappe 4") == parse_stage("stage 4") == 4
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from models.folding import fold, name_key

WORD_LISTS = (
    "distance_units",
    "stage_words",
    "prologue_words",
    "ordinals",
    "rounds",
    "standings",
    "genders",
    "competition_kinds",
)
ROUNDS = ("qualifying", "heat", "quarterfinal", "semifinal", "final")
STANDINGS = ("general", "points", "mountains", "youth", "teams", "overall")
GENDERS = ("men", "women")
KM_AS_METRES_BELOW = 20_000  # "10 km" is the 10000 m; "42.195 km" stays in km


class EventWordsError(ValueError):
    """event_words.json lacks a list or holds one the code does not know."""


@dataclass(frozen=True, slots=True)
class EventParts:
    discipline: str | None = None  # "500 m", "4x400 m", "team pursuit"
    stage: int | None = None  # 0 is a prologue
    round: str | None = None  # qualifying | heat | quarterfinal | semifinal | final
    standings: str | None = None  # general | points | mountains | youth | teams | overall
    gender: str | None = None  # men | women

    @property
    def label(self) -> str | None:
        """The event as the summaries name it: the discipline, else "stage N", else the standings."""
        if self.discipline:
            return self.discipline
        if self.stage is not None and self.standings is None:
            return f"stage {self.stage}"
        return self.standings


@dataclass(frozen=True, slots=True)
class _Words:
    units: dict[str, str]
    stage: re.Pattern[str]
    stage_after: re.Pattern[str]
    distance: re.Pattern[str]
    relay: re.Pattern[str]
    ordinals: dict[str, int]
    phrases: dict[str, tuple[re.Pattern[str], dict[str, str]]]  # list name -> (pattern, phrase -> value)
    prologue: re.Pattern[str]
    stage_word: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _bounded(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{_alternation(words)})(?![\w'])")


def load_event_words(data: dict[str, Any] | None = None) -> dict[str, Any]:
    """The word lists, checked: a missing or unknown list is an error naming it."""
    if data is None:
        text = resources.files("models").joinpath("event_words.json").read_text(encoding="utf-8")
        data = json.loads(text)
    lists = {k: v for k, v in data.items() if not k.startswith("_")}
    missing = [k for k in WORD_LISTS if k not in lists]
    unknown = [k for k in lists if k not in WORD_LISTS]
    if missing or unknown:
        raise EventWordsError(
            "event_words.json: "
            + "; ".join(
                part
                for part in (
                    f"missing lists: {', '.join(missing)}" if missing else "",
                    f"unknown lists: {', '.join(unknown)}" if unknown else "",
                )
                if part
            )
        )
    for key, values in (("rounds", ROUNDS), ("standings", STANDINGS), ("genders", GENDERS)):
        wrong = sorted({v for v in lists[key].values() if v not in values})
        if wrong:
            raise EventWordsError(f"event_words.json: {key} maps to unknown values {wrong}; use {', '.join(values)}")
    return lists


@lru_cache(maxsize=1)
def _words() -> _Words:
    lists = load_event_words()
    units = {fold(k): v for k, v in lists["distance_units"].items()}
    ordinals = {fold(k): int(v) for k, v in lists["ordinals"].items()}
    stage_words = [fold(w) for w in lists["stage_words"]]
    stage_word = _alternation(stage_words)
    # "stage 4", "etappe 4", "tappa n. 4"; then "4e étape", "4. Etappe", "4th stage", "second stage", "4ª etapa"
    stage = re.compile(rf"(?<![\w'])(?:{stage_word})\s*(?:n[.o°º]?\s*|nr\.?\s*|no\.?\s*)?(\d{{1,2}})(?!\d)")
    stage_after = re.compile(
        rf"(?<![\w'])(?:(\d{{1,2}})\s*(?:st|nd|rd|th|e|er|eme|ere|a|o|de|ste|te|\.|º|ª)?|({_alternation(list(ordinals))}))"
        rf"\s+(?:{stage_word})(?![\w'])"
    )
    unit_words = _alternation(list(units))
    distance = re.compile(
        rf"(?<![\w.,])(\d{{1,3}}(?:[.,\u202f\u00a0 ]\d{{3}})+|\d+(?:[.,]\d+)?)\s*-?\s*(?:{unit_words})(?![\w])"
    )
    relay = re.compile(rf"(?<!\w)(\d)\s*[x×]\s*(\d{{2,5}})\s*-?\s*(?:{unit_words})?(?![\w])")
    phrases = {}
    for key in ("rounds", "standings", "genders", "competition_kinds"):
        mapping = {fold(k): v for k, v in lists[key].items()}
        phrases[key] = (_bounded(list(mapping)), mapping)
    prologue = _bounded([fold(w) for w in lists["prologue_words"]])
    return _Words(units, stage, stage_after, distance, relay, ordinals, phrases, prologue, _bounded(stage_words))


def _unit(text: str) -> str:
    word = re.sub(r"^[\d.,\s\u202f\u00a0-]+", "", text).strip()
    return _words().units.get(word, "m")


def _number(digits: str, unit: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+", digits) and not (
        unit == "km" and re.search(r"[.,]", digits)
    ):
        return float(re.sub(r"\D", "", digits))  # "5.000 meter", "10,000 m", "10 000 m"
    return float(digits.replace(",", "."))


def format_metres(metres: float) -> str:
    if metres >= KM_AS_METRES_BELOW:
        return f"{metres / 1000:g} km"
    return f"{metres:g} m"


def distance_metres(text: str | None) -> float | None:
    """The first distance written in the text, in metres ("1.500 meter" -> 1500, "10 km" -> 10000)."""
    if not text:
        return None
    match = _words().distance.search(fold(text))
    if match is None:
        return None
    unit = _unit(match.group(0)[len(match.group(1)) :])
    value = _number(match.group(1), unit)
    return value * 1000 if unit == "km" else value


@lru_cache(maxsize=4096)
def normalise_discipline(text: str | None) -> str | None:
    """One spelling per distance or discipline: "500m", "500 meter", "500 metres" -> "500 m"; "4 x 400m" ->
    "4x400 m"; a discipline without distance -> its folded words ("Team Pursuit" -> "team pursuit")."""
    if not text or not text.strip():
        return None
    folded = fold(text)
    relay = _words().relay.search(folded)
    if relay:
        return f"{relay.group(1)}x{int(relay.group(2))} m"
    metres = distance_metres(text)
    if metres is not None:
        return format_metres(metres)
    if parse_stage(text) is not None or _words().stage_word.search(folded) or parse_standings(text):
        return None  # a stage or a classification is the event itself, not a discipline
    return _leftover(folded) or None


def _leftover(folded: str) -> str:
    """The discipline words of an event text: without round and gender words or numbers."""
    words = _words()
    text = words.prologue.sub(" ", folded)
    for key in ("rounds", "standings", "genders"):
        text = words.phrases[key][0].sub(" ", text)
    text = re.sub(r"\b\d+\b", " ", text)
    return name_key(text)


def parse_stage(text: str | None) -> int | None:
    """The stage number: "stage 4", "etappe 4", "4e étape", "4. Etappe", "second stage"; a prologue is 0."""
    if not text:
        return None
    words = _words()
    folded = fold(text)
    match = words.stage.search(folded)
    if match:
        return int(match.group(1))
    match = words.stage_after.search(folded)
    if match:
        return int(match.group(1)) if match.group(1) else words.ordinals[match.group(2)]
    if words.prologue.search(folded):
        return 0
    return None


def _phrase(key: str, text: str | None) -> str | None:
    if not text:
        return None
    pattern, mapping = _words().phrases[key]
    match = pattern.search(fold(text))
    return mapping[match.group(0)] if match else None


def parse_round(text: str | None) -> str | None:
    """qualifying | heat | quarterfinal | semifinal | final ("halve finale" is a semifinal, not a final)."""
    if text and _words().stage_word.search(fold(text)):
        return None  # "final stage" is a stage, not a final
    return _phrase("rounds", text)


def parse_standings(text: str | None) -> str | None:
    """A classification rather than a race: general | points | mountains | youth | teams | overall."""
    return _phrase("standings", text)


def parse_gender(text: str | None) -> str | None:
    return _phrase("genders", text)


def competition_kind(name: str | None) -> str | None:
    """games | championship | cup | stage race | one-day race, from the competition's name."""
    return _phrase("competition_kinds", name)


def competition_name_and_year(text: str | None) -> tuple[str | None, int | None]:
    """The competition without its year, and the year: "Vuelta 2023" -> ("Vuelta", 2023)."""
    if not text or not text.strip():
        return None, None
    years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)
    name = re.sub(r"(?<!\d)(?:19|20)\d{2}(?!\d)", " ", text)
    name = " ".join(name.split()).strip(" -–,.'’")
    return (name or None), (int(years[0]) if years else None)


@lru_cache(maxsize=4096)
def parse_event(event: str | None, competition: str | None = None) -> EventParts:
    """The parts of an event written as free text; the gender may also come from the competition's name."""
    return EventParts(
        discipline=normalise_discipline(event),
        stage=parse_stage(event),
        round=parse_round(event),
        standings=parse_standings(event),
        gender=parse_gender(event) or parse_gender(competition),
    )


def event_parts(result: Any) -> EventParts:
    """A result's event parts: the fields the extraction filled, the rest read from its event text."""
    parsed = parse_event(getattr(result, "event", None), getattr(result, "competition", None))
    discipline = getattr(result, "discipline", None)
    stage = getattr(result, "stage", None)
    return EventParts(
        discipline=normalise_discipline(discipline) if discipline else parsed.discipline,
        stage=stage if stage is not None else parsed.stage,
        round=getattr(result, "round", None) or parsed.round,
        standings=getattr(result, "standings", None) or parsed.standings,
        gender=getattr(result, "gender", None) or parsed.gender,
    )


@dataclass(frozen=True, slots=True)
class DisciplineQuery:
    """What a user typed to find an event: a distance ("500", "500m", "500 meter") or discipline words."""

    metres: float | None
    words: str

    def matches(self, discipline: str | None) -> bool:
        if not discipline:
            return False
        if self.metres is not None:
            return distance_metres(discipline) == self.metres
        return bool(self.words) and self.words in name_key(discipline)


def discipline_query(text: str) -> DisciplineQuery:
    text = text.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):  # a bare number is a distance in metres
        return DisciplineQuery(_number(text, "m"), "")
    normalised = normalise_discipline(text) or ""
    metres = distance_metres(normalised) if re.match(r"^\d", normalised) and "x" not in normalised else None
    return DisciplineQuery(metres, name_key(normalised))
