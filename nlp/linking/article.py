"""What linking needs to know about an article: folded tokens, where each place or word occurs, its
dates, years, stage numbers and how much it talks about cycling and about women's racing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from nlp.linking.dates import DayMention, find_dates, find_years
from nlp.linking.places import place_group_of_word, place_names, stem_match
from nlp.linking.text import Token, tokenize, vocabulary

MAX_CHARS = 60_000  # a race is named early; a 5 MB paste must not make linking slow
INFLECTING_LANGUAGES = frozenset(
    {"sk", "cs", "pl", "sl", "hr", "sr", "bs", "ru", "uk", "be", "bg", "fi", "et", "hu", "lv", "lt", "eu"}
)
_MAX_PLACE_WORDS = 3
_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|e|er|eme|ieme|o|a|ro|de|te|ste|ten|ta|ma)?$")


_SOFT_GAP = re.compile(r"^(?:\s*|['’`´]\s*|-)$")  # "de la", "d'Italia", "Slowakei-Rundfahrt"; not " - "
_LEAD_END = re.compile(r"[.!?](?:\s|$)|\n")
_LEAD_MIN_TOKENS, _LEAD_MAX_TOKENS = 6, 40


@dataclass(slots=True)
class ArticleView:
    text: str
    tokens: list[Token]
    language: str
    title_end: int  # tokens before this index belong to the title
    lead_end: int  # tokens before this index are the title, or the first sentence when there is none
    published: dt.date | None
    positions: dict[str, list[int]] = field(default_factory=dict)  # "word:x" / "country:SK" -> token indexes
    day_mentions: list[DayMention] = field(default_factory=list)
    years: set[int] = field(default_factory=set)
    stage_numbers: set[int] = field(default_factory=set)
    mentions_final_stage: bool = False
    cycling_cues: int = 0
    women_cues: int = 0
    men_cues: int = 0

    def joined(self, i: int, j: int) -> bool:
        """Tokens i..j are written in one run (no comma, full stop or bracket between them)."""
        lo, hi = min(i, j), max(i, j)
        return all(
            _SOFT_GAP.match(self.text[self.tokens[k].start + len(self.tokens[k].text) : self.tokens[k + 1].start])
            for k in range(lo, hi)
        )

    def dates(self, race_year: int | None) -> list[dt.date]:
        """Dates written in the text; without a year they take the publication year, else the race's."""
        year = self.published.year if self.published else race_year or dt.date.today().year
        return [d for m in self.day_mentions if (d := m.resolve(year)) is not None]

    @property
    def inflecting(self) -> bool:
        return self.language in INFLECTING_LANGUAGES

    def find_word(self, word: str) -> list[int]:
        """Token indexes of a folded word, with inflected endings in inflecting languages."""
        found = list(self.positions.get(f"word:{word}", []))
        if self.inflecting and len(word) >= 5:
            for key, where in self.positions.items():
                if key.startswith(f"word:{word[:4]}") and key != f"word:{word}" and stem_match(word, key[5:]):
                    found += where
        return sorted(found)

    def find_sequence(self, words: tuple[str, ...]) -> list[int]:
        """Start indexes where the folded words occur in a row."""
        if not words:
            return []
        starts = []
        for i in self.find_word(words[0]):
            if all(
                i + k < len(self.tokens)
                and (self.tokens[i + k].norm == w or (self.inflecting and stem_match(w, self.tokens[i + k].norm)))
                for k, w in enumerate(words[1:], start=1)
            ):
                starts.append(i)
        return starts


def _index_places(tokens: list[Token], positions: dict[str, list[int]], inflected: bool) -> None:
    names = place_names()
    i = 0
    while i < len(tokens):
        for size in range(_MAX_PLACE_WORDS, 1, -1):
            group = names.get(tuple(t.norm for t in tokens[i : i + size]))
            if group and tokens[i].capitalised:
                positions.setdefault(group, []).append(i)
                i += size
                break
        else:
            group = place_group_of_word(tokens[i].norm, inflected) if tokens[i].capitalised else None
            if group:
                positions.setdefault(group, []).append(i)
            i += 1


def _stage_mentions(tokens: list[Token]) -> tuple[set[int], bool]:
    vocab = vocabulary()
    numbers: set[int] = set()
    final = False
    for i, token in enumerate(tokens):
        if token.norm in vocab.final_words and any(
            t.norm in vocab.stage_words or any(e in t.norm for e in vocab.stage_compound_endings)
            for t in tokens[max(0, i - 2) : i + 3]
        ):
            final = True
        if token.norm in vocab.final_stage_words:
            final = True
        if token.norm not in vocab.stage_words and not token.norm.endswith(vocab.stage_compound_endings):
            continue
        for neighbour in tokens[max(0, i - 2) : i] + tokens[i + 1 : i + 2]:
            match = _NUMBER.match(neighbour.norm)
            if match and 1 <= int(match.group(1)) <= 30:
                numbers.add(int(match.group(1)))
    return numbers, final


def _cycling_cues(tokens: list[Token]) -> int:
    vocab = vocabulary()
    cues = {t.norm for t in tokens if t.norm in vocab.cycling_exact}
    cues |= {t.norm for t in tokens if len(t.norm) > 5 and any(stem in t.norm for stem in vocab.cycling_contains)}
    return len(cues)


def _lead_end(text: str, tokens: list[Token]) -> int:
    """Tokens of the first line or sentence (a title line counts as one)."""
    stripped = len(text) - len(text.lstrip())
    for match in _LEAD_END.finditer(text, stripped):
        count = sum(1 for t in tokens if t.start < match.start())
        if count >= _LEAD_MIN_TOKENS:
            return min(count, _LEAD_MAX_TOKENS)
    return min(len(tokens), _LEAD_MAX_TOKENS)


def read_article(text: str, *, title: str | None, language: str, published: dt.date | None) -> ArticleView:
    body = text[:MAX_CHARS]
    if title and title.strip() and not body.lstrip().startswith(title.strip()):
        body = f"{title}\n\n{body}"
    tokens = tokenize(body)
    title_tokens = len(tokenize(title)) if title else 0
    view = ArticleView(
        text=body,
        tokens=tokens,
        language=(language or "und").lower(),
        title_end=title_tokens,
        lead_end=title_tokens or _lead_end(body, tokens),
        published=published,
    )
    for i, token in enumerate(tokens):
        view.positions.setdefault(f"word:{token.norm}", []).append(i)
    _index_places(tokens, view.positions, view.inflecting)
    view.day_mentions = find_dates(tokens, view.language)
    view.years = find_years(tokens)
    view.stage_numbers, view.mentions_final_stage = _stage_mentions(tokens)
    view.cycling_cues = _cycling_cues(tokens)
    vocab = vocabulary()
    view.women_cues = sum(1 for t in tokens if t.norm in vocab.women_cues)
    view.men_cues = sum(1 for t in tokens if t.norm in vocab.men_cues)
    return view
