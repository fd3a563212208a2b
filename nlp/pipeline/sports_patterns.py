"""Sports mentions found by per-language rules: times, gaps, ranks, medals, distances, disciplines,
competitions, weekdays, teams. Works on plain text (character offsets); the spaCy component turns the
mentions into spans."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from nlp.dates import year_in_range
from nlp.pipeline.lexicon import Lexicon, every_language_words, words_regex
from nlp.pipeline.persons import given_names
from nlp.pipeline.phrases import (
    ends_with_any,
    phrases_regex,
    starts_with_any,
    starts_with_phrase,
    text_after,
    text_before,
)
from nlp.pipeline.result_lists import LINE_ITEM, inline_list_items, line_end

TIME, GAP, RANK, MEDAL, LEAD = "TIME", "GAP", "RANK", "MEDAL", "LEAD"
SAME_TIME = "same time"  # the value of a GAP written "s.t." / "m.t." in a results list: the gap of the item before
DISTANCE, DISCIPLINE, COMPETITION, WEEKDAY, TEAM = "DISTANCE", "DISCIPLINE", "COMPETITION", "WEEKDAY", "TEAM"
DATE = "DATE"

_HMS = re.compile(
    r"(?<![\d:.,'’])(\d{1,2})\s?[hu:]\s?(\d{2})\s?[:'’′]\s?(\d{2})(?:[.,](\d{1,3}))?(?:[\"”″]|[’'′]{2})?(?![\d'’])"
)
# Dutch "1:59.32,8" (hours:minutes.seconds,tenths); "1:59.32" alone is minutes:seconds.hundredths
_H_M_DOT_S = re.compile(r"(?<![\d:.,])(\d{1,2}):(\d{2})\.(\d{2}),(\d{1,3})(?![\d.,])")
_MS = re.compile(r"(?<![\d:.,'’])(\d{1,2})[:'’′](\d{2})(?:[.,\"”″](\d{1,3}))?[\"”″]?(?![\d:'’]|[.,]\d)")
_M_DOT_S = re.compile(r"(?<![\d.,:])(\d{1,2})\.(\d{2}),(\d{1,3})(?!\d|[.,]\d)")
_M_S_COMPACT = re.compile(r"(?<![\w.,])(\d{1,2})m(\d{2}(?:[.,]\d{1,3})?)s(?!\w)")  # "1m54.31s"
_M_S_PRIMES = re.compile(r"(?<![\d.,])(\d{1,2})[’'′]\s?:?\s?(\d{2})(?:[’'′]{2}|[\"”″])\s?[.,]?(\d{1,3})?(?![\d])")
_S_DOUBLE_PRIME = re.compile(r"(?<![\d.,:'’′])(\d{1,3})[\"”″](?![\d\w])")
_S_QUOTE_CC = re.compile(r"(?<![\d'’:.,])(\d{1,2})(?:[\"”″]|[’'′]{2})(\d{1,3})(?!\d)")
# "1.41.78" (minutes.seconds.hundredths), "1.23.42 uur" (hours.minutes.seconds when an hours unit follows)
_M_DOT_S_DOT = re.compile(r"(?<![\d.,:/])(\d{1,2})\.([0-5]\d)\.(\d{1,3})(?!\d|[.,]\d)")
_HUNDREDTHS_FRACTION = re.compile(r"(?<![\d/.,])(\d{1,3})/100(?!\d)")  # "37/100": 0.37 s
_SECONDS = re.compile(r"(?<![\d.,:'’])(\d{1,3})(?:[.,](\d{1,3}))?(?![\d:'’]|[.,]\d)")
_PLUS = re.compile(r"\+\s?$")
# ", l'Espagnol X", ", el colombiano X", ", Jonas X": a comma, at most two lower-case words, a capitalised word
_NAME_AFTER_COMMA = re.compile(r",\s+(?:[a-zà-ÿ]+['’]?\s*){0,2}[A-ZÀ-Þ]")
_BRACKETED_END = re.compile(r"\s*\([^()]{1,30}\)\s*$")
# "Anna Test (", "Anna Test (FRA/", "Anna Test (NED, ": a bracket opened after a name, maybe past a nation code
_BRACKET_AFTER_NAME = re.compile(r"(?<!\w)[^\W\d_][\w'’.-]*\s?\((?:[A-Z]{3}\s?[/,;]\s?)?$")
_CLOCK_WORDS = re.compile(r"^\s*(?:uur|u\.|h\b|uhr|o['’]clock|heures?|horas?|ore\b|am\b|pm\b)", re.I)
_CLOCK = re.compile(r"(?:[6-9]|1\d|2[0-3])[:.h][0-5]\d")
LONGEST_POOL_EVENT_METRES = 1500  # a bare number before a stroke word is a distance up to this
# a bare decimal without a unit is a time below this many seconds: a minute or more is written with its minutes
# ("1:02.35"); "finished third with 541.05" is a diving score
LONGEST_BARE_SECONDS = 60
_LISTED_PLACE = re.compile(r"(?:\d{1,3}|[^\W\d_]+)\b")  # "die Plätze 4 und 5", "Plätze zwei und drei"
BARE_GAP_SECONDS = 20  # a bare decimal after the gap preposition is a gap below this ("a 1.07,")
SHORTEST_EVENT_METRES = 50  # 50 m swimming, 60 m indoors, 80 m hurdles; shorter ones are margins ("a 10 m lead")
_DISTANCE = re.compile(
    r"(?<![\w.,])((?<!-)\d{1,2}(?:[.\s]\d{3})|\d{2,5}|\d{1,3}(?:[.,]\d)?)\s?(m|km|meter|metres?|meters?|mètres?|metros?|metri|Meter|kilometer|kilometres?|kilometers?|kilomètres?|kilómetros?|chilometri|Kilometer)(?![\w])"
)
_STAGE_NUMBER = re.compile(
    r"(?<![\w])(?:(stage|etappe|étape|etapa|tappa|frazione)\s+(\d{1,2})|(\d{1,2})(?:e|ste|de|st|nd|rd|th|ª|º|a|o|ème|\.)\s+(etappe|étape|etapa|tappa|stage|Etappe))(?![\w])",
    re.I,
)
_TEAM = re.compile(
    r"(?<![\w-])(?:Team\s+[A-Z][\w-]*(?:\.[\w-]+)*(?:\s+(?:[A-Z][\w-]*|\d+))*"
    r"|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*\s+(?:Team|Racing|Cycling|Pro Cycling))(?![\w-])"
)
MEDAL_SYMBOLS = {"\N{FIRST PLACE MEDAL}": "gold", "\N{SECOND PLACE MEDAL}": "silver", "\N{THIRD PLACE MEDAL}": "bronze"}
_MEDAL_SYMBOL = re.compile("|".join(MEDAL_SYMBOLS))
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _unit_key(unit: str) -> str:
    """A unit word as the spelled durations look it up: lower case, one space between words."""
    return " ".join(unit.lower().split())


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    label: str
    value: Any = None

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


def _phrase_before(phrases: Iterable[str]) -> re.Pattern[str]:
    """One of the phrases, a whole word or words, right before the end of the text (case-insensitive)."""
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{alternation})\s+$", re.I)


def _is_minutes_without_unit(m: re.Match[str]) -> bool:
    """'1,12' read as minutes,seconds: at least one minute and two seconds digits under 60."""
    return int(m.group(1)) >= 1 and m.group(2) is not None and len(m.group(2)) == 2 and int(m.group(2)) < 60


class SportsPatterns:
    """All rule-based sports mentions for one language."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.seconds_units = words_regex(lexicon.words("seconds_units"))
        self.minutes_units = words_regex(lexicon.words("minutes_units"))
        self.hours_units = words_regex(lexicon.words("hours_units"))
        self.lead_words = phrases_regex(lexicon.words("lead_words"), at_end=False)
        self.lead_words_before = phrases_regex(lexicon.words("lead_words_before"), at_end=True)
        # "won in 34.65s ahead of X": after a time's own context a position word does not make a lead
        self.lead_positions = phrases_regex(lexicon.words("lead_positions"), at_end=False)
        self.predicative = lexicon.set("predicative_markers")
        self.determiners = lexicon.set("determiners")
        joiners = "|".join(re.escape(w) for w in sorted(every_language_words("list_joiners"), key=len, reverse=True))
        self.joiner_before = re.compile(rf"(?:,|(?<!\w)(?:{joiners}))\s*$", re.I)  # "2" and 5"", "A, B and"
        self.list_item_end = re.compile(rf"\s*(?:[,.;)]|(?:{joiners})(?!\w))")
        # an amount on top of another: "a further three seconds back", "nog eens twee seconden"
        self.relative_before = _phrase_before(every_language_words("relative_amount_words"))
        # approximate amounts are no results: "binnen 2 seconden", "more than 12 seconds", "knapp zwei"
        self.approx_before = _phrase_before(every_language_words("approximate_amount_words"))
        self.clock_before = _phrase_before(every_language_words("clock_time_prepositions"))  # "om 14.30", "at 2.30"
        self.ordinal_joiner = re.compile(rf"\s*(?:,|,?\s+(?:{joiners}))\s+", re.I)  # "second and third"
        self.hundredths = lexicon.set("hundredths_units")
        self.tenths = lexicon.set("tenths_units")
        numbers = {k: v for k, v in lexicon["numbers"].items()}
        self.number_words = numbers
        self.number_word_regex = words_regex(list(numbers)) if numbers else None
        self.non_time_units = words_regex(lexicon.words("non_time_units"))
        self.gap_after = phrases_regex(lexicon.words("gap_context_after"), at_end=False)
        self.gap_before = phrases_regex(lexicon.words("gap_context_before"), at_end=True)
        # "a devancé X de 35 centièmes": a margin word after a beaten athlete makes a gap where it alone would not
        self.margin_before = phrases_regex(lexicon.words("margin_words"), at_end=True)
        self.margin_references = phrases_regex(lexicon.words("margin_reference_words"), at_end=False)
        self.comparisons = phrases_regex(
            [w for w in lexicon.words("lead_words") if w in lexicon.words("beat_phrases")], at_end=False
        )
        self.beat_phrases = phrases_regex(lexicon.words("beat_phrases"), at_end=False, anywhere=True)
        self.time_before = phrases_regex(lexicon.words("time_context_before"), at_end=True)
        self.field_events = words_regex(lexicon.words("field_events"))
        # "i 200 dorso", "de 100 vrij", "los 800 libre": a swimming distance written without its unit
        strokes = words_regex(lexicon.words("swimming_strokes")).pattern
        # (not a relay's "4 x 100 vrij": a team event)
        self.stroke_distance = re.compile(rf"(?<![\w.,:×/'’″\"])(?<![x×]\s)(\d{{2,4}})\s+(?={strokes})", re.I)
        # "con il tempo di 47"12": a time phrase ending in a gap word ("di", "de") is a time
        self.time_phrases = phrases_regex([p for p in lexicon.words("time_context_before") if " " in p], at_end=True)
        self.medals = words_regex(lexicon.words("medals"), compound_tail=True)  # "WM-Silber", "EK-goud"
        self.medal_values = {k.lower(): v for k, v in lexicon["medals"].items()}
        self.discipline_values = {k.lower(): v for k, v in lexicon["disciplines"].items()}
        self.weekday_values = {k.lower(): v for k, v in lexicon["weekdays"].items()}
        self.relative_day_values = {k.lower(): v for k, v in lexicon["relative_days"].items()}
        self.medal_context = lexicon.words("medal_context")
        self.place_nouns = words_regex(lexicon.words("place_nouns"))
        self.same_time_marks = words_regex(lexicon.words("same_time_marks"))
        self.spelled_duration, self.duration_amount, self.unit_seconds = self._spelled_duration(lexicon, joiners)
        self.given_names = given_names()
        self.podium_steps = words_regex(lexicon.words("podium_steps"))  # "third step of the podium"
        self.podium_nouns = words_regex(lexicon.words("medal_nouns"))
        self.rank_phrases = words_regex(lexicon.words("rank_phrases"))
        self.fastest_phrases = words_regex(lexicon.words("fastest_phrases"))
        self.champion_titles = {" ".join(k.lower().split()): v for k, v in lexicon["champion_titles"].items()}
        # "wurde Weltmeisterin", "se proclamó campeona del mundo": a title won, with its verb (not "the world
        # champion, X, finished fifth")
        title_verbs = words_regex(lexicon.words("title_verbs")).pattern
        titles = words_regex(lexicon.words("champion_titles")).pattern
        self.title_won = re.compile(rf"{title_verbs}\s+({titles})", re.I)
        # "Im Sprint wurde Lena Probe Weltmeisterin": the name between verb and title (verb-second order)
        self.title_won_named = re.compile(rf"(?i:{title_verbs})\s+(?:[A-ZÀ-Þ][\w'’-]+\s+){{1,4}}((?i:{titles}))")
        # "werd op de 500 meter wereldkampioen": where the title was won, between verb and title (verb-final order)
        places = words_regex(lexicon.words("title_place_prepositions")).pattern
        self.title_won_where = re.compile(rf"{title_verbs}\s+((?:{places})(?:\s+[\w.]+){{1,4}}?)\s+({titles})", re.I)
        self.not_between_title = lexicon.set("behind_words") | {w.lower() for w in lexicon.data.get("ordinals", {})}
        self.rank_phrase_values = {" ".join(k.lower().split()): v for k, v in lexicon["rank_phrases"].items()}
        self.rank_verbs = lexicon.set("rank_verbs")
        self.neutral_followers = lexicon.set("rank_neutral_followers")
        # "Troisième, l'Espagnol X": a rank opening its sentence before a comma (not English "Second, the team …")
        self.rank_opens_before_comma = lexicon.data["rank_opens_sentence_before_comma"]
        self.reporting_words = lexicon.set("quote_reporting_words")  # "secondo" (according to) is also an ordinal
        self.placed_marks = tuple(w.lower() for w in lexicon.words("placed_ordinal_marks"))  # "viertplatzierte"
        self.disciplines = words_regex(lexicon.words("disciplines"))
        self.competitions = lexicon.regex("competitions")
        self.weekdays = words_regex(lexicon.words("weekdays"))
        self.relative_days = words_regex(lexicon.words("relative_days"))
        self.distance_units = {k.lower(): v for k, v in lexicon["distance_units"].items()}
        self.months = _month_numbers(lexicon.language)
        month_names = "|".join(re.escape(m) for m in sorted(self.months, key=len, reverse=True))
        # "13 september 2025", "13. September", "September 13, 2025", "le 13 septembre"
        self.date_day_first = re.compile(
            rf"(?<!\w)(\d{{1,2}})\.?\s+(?:de\s+)?({month_names})(?:\s+(?:de\s+)?(\d{{4}}))?(?!\w)", re.I
        )
        self.date_month_first = re.compile(
            rf"(?<!\w)({month_names})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?(?!\w)", re.I
        )

    # -- times and gaps -------------------------------------------------------------------------
    @staticmethod
    def _spelled_duration(lexicon: Lexicon, joiners: str) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, float]]:
        """A duration written as two or three amounts with their units, largest first ("1 heure 1 minute 7
        secondes", "2 horas 17 minutos y 56 segundos", "12 Sekunden und 4 Zehntel", "10h00mn19sec"), or as one
        amount and the number after it ("1 min 55 sec 19": hundredths after the seconds, "52 s 916/1000",
        "1min 42.09": seconds after the minutes); one amount; and the seconds in one of each unit (lower case)."""
        unit_seconds: dict[str, float] = {}
        for key, seconds in (("hours_units", 3600.0), ("minutes_units", 60.0), ("seconds_units", 1.0)):
            for word in lexicon.words(key):
                unit_seconds.setdefault(_unit_key(word), seconds)
        # the seconds units list their fractions too ("tenths"): a fraction weighs its own share of a second
        for key, seconds in (("tenths_units", 0.1), ("hundredths_units", 0.01), ("thousandths_units", 0.001)):
            for word in lexicon.words(key):
                unit_seconds[_unit_key(word)] = seconds
        units = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(unit_seconds, key=len, reverse=True))
        number = r"\d{1,3}(?:[.,]\d{1,3})?"
        amount = rf"{number}\s?(?:{units})(?![^\W\d_])"
        joiner = rf"(?:\s*,\s*|\s+(?:{joiners})\s+|\s+|(?=\d))"  # "10h00mn19sec": a unit, then the next number
        # after the last unit: the hundredths ("1 min 55 sec 19"), the thousandths ("52 s 916/1000") or, after
        # minutes, the seconds ("1min 42.09")
        rest = r"\s?(?P<thousandths>\d{3})/1000|\s(?P<hundredths>\d{2})|\s(?P<seconds>\d{1,2}[.,]\d{1,3})"
        duration = re.compile(rf"(?<![\d.,:]){amount}(?:{joiner}{amount}){{0,2}}(?:{rest})?(?!\d|[.,]\d)", re.I)
        one_amount = re.compile(rf"(?P<number>{number})\s?(?P<unit>{units})(?![^\W\d_])", re.I)
        return duration, one_amount, unit_seconds

    def _spelled_seconds(self, duration: re.Match[str]) -> float | None:
        """The seconds of a spelled duration; None unless its units go from larger to smaller."""
        total, previous = 0.0, float("inf")
        amounts = list(self.duration_amount.finditer(duration.group(0)))
        if len(amounts) == 1 and duration.group(0) == amounts[0].group(0):
            return None  # one amount alone ("12 Sekunden") is read with the other numbers
        for amount in amounts:
            unit = self.unit_seconds[_unit_key(amount.group("unit"))]
            if unit >= previous:
                return None
            total += float(amount.group("number").replace(",", ".")) * unit
            previous = unit
        if duration.group("hundredths") or duration.group("thousandths"):
            if previous != 1.0:
                return None
            total += int(duration.group("hundredths") or 0) / 100 + int(duration.group("thousandths") or 0) / 1000
        if duration.group("seconds"):
            if previous != 60.0:
                return None
            total += float(duration.group("seconds").replace(",", "."))
        return total

    def _time_mentions(self, text: str, inline_items: list[tuple[int, int, int]]) -> list[Mention]:
        found: list[Mention] = []
        list_items = inline_items + [(m.start(), line_end(text, m.end()), 0) for m in LINE_ITEM.finditer(text)]

        def add(start: int, end: int, seconds: float, explicit_format: bool, seconds_notation: bool = False) -> None:
            if any(start < m.end and m.start < end for m in found):
                return
            before, after = text_before(text, start), text_after(text, end)
            unit = starts_with_any(after, self.seconds_units)
            if explicit_format and not unit:  # "1:32 Minuten hinter", "4:10:13 Stunden"
                unit = starts_with_any(after, self.minutes_units) or starts_with_any(after, self.hours_units)
            elif _CLOCK_WORDS.match(after) or self.approx_before.search(before):
                return
            if self.relative_before.search(before):
                return  # "a further three seconds back": behind the athlete before, not the winner
            if not unit and self.clock_before.search(before) and _CLOCK.fullmatch(text[start:end]):
                return  # "om 14.30", "at 10:45": a time of day
            if not explicit_format and not unit and starts_with_any(after, self.non_time_units):
                return
            end_with_unit = end + unit.end() if unit else end
            unit_words = " ".join(unit.group(0).lower().split()) if unit else ""
            if unit_words in self.hundredths and seconds >= 1:
                seconds = seconds / 100
            elif unit_words in self.tenths and seconds >= 1:
                seconds = seconds / 10
            after_unit = text_after(text, end_with_unit, 25)
            # not "won in 34.65s ahead of X", "was met 3.58,13 sneller dan X": after a time's own context, a time
            # followed by a position word, or a comparison by a minute or more, is the owner's time, not a lead
            lead = starts_with_phrase(after_unit, self.lead_words) and not (
                (
                    starts_with_phrase(after_unit, self.lead_positions)
                    or (seconds >= 60 and starts_with_phrase(after_unit, self.comparisons))
                )
                and ends_with_any(before, self.time_before)
            )
            lead = lead or ((unit or explicit_format) and ends_with_any(before, self.lead_words_before))
            lead_before = any(
                m.label == LEAD and 0 <= start - m.end < 150 and not re.search(r"[.!?]\s", text[m.end : start])
                for m in found
            )
            if (unit or explicit_format) and starts_with_phrase(after_unit, self.margin_references):
                # "won by 0.48 seconds from X", "guida con 12" su X"; and the next of a run of leads:
                # "12 secondes d'avance sur A et 45 secondes sur B", "1:12 de ventaja sobre A y 2:05 sobre B"
                lead = (
                    lead
                    or ends_with_any(before, self.margin_before)
                    or (self.joiner_before.search(before) is not None and lead_before)
                )
            if (unit or explicit_format) and lead_before and ends_with_any(before, self.margin_before):
                # "devance de 18 centièmes A, deuxième, et de 29 centièmes B": the margin word repeated after "and"
                before_margin_word = before.rstrip().rsplit(None, 1)[0] if len(before.split()) > 1 else ""
                lead = lead or self.joiner_before.search(before_margin_word) is not None
            if lead:  # "5 segundos de ventaja sobre X", "avance de 33 secondes sur X": X's gap, not the owner's time
                found.append(Mention(start, end_with_unit, LEAD, round(seconds, 3)))
                return
            # "third at 0:14", "à 0"41" are gaps, "timed at 2:33.411" a time: gaps are whole seconds or short,
            # or written in the seconds-only notation of gaps ("sesta a 37”6")
            gap_like = float(seconds).is_integer() or seconds < 20 or seconds_notation
            is_gap = bool(_PLUS.search(before)) or self._gap_context(
                text, start, end_with_unit, bool(unit) or (explicit_format and gap_like)
            )
            is_gap = is_gap or (not unit and not explicit_format and self._bare_gap(text, start, end, seconds))
            # the next of a run of gaps: "a 8" e 15"", "à 12 et 25 secondes"
            is_gap = is_gap or (
                gap_like
                and self.joiner_before.search(before) is not None
                and any(m.label == GAP and 0 <= start - m.end < 12 for m in found)
            )
            if is_gap:
                plus = _PLUS.search(before)
                gap_start = start - len(plus.group(0)) if plus else start
                found.append(Mention(gap_start, end_with_unit, GAP, round(seconds, 3)))
            elif (
                explicit_format
                or unit
                or ends_with_any(before, self.time_before)
                or any(item_start < start < item_end for item_start, item_end, _ in list_items)
                or self._bracketed_after_name(text, start, end)
            ):
                if not explicit_format and not unit and self.field_events.search(text, max(0, start - 200), start):
                    return  # "triple salto … plata con 14,89": a field event's mark, not a time
                if explicit_format or (3.0 <= seconds < LONGEST_BARE_SECONDS and not float(seconds).is_integer()):
                    found.append(Mention(start, end_with_unit, TIME, round(seconds, 3)))

        for m in self.spelled_duration.finditer(text):  # before the shorter forms it may hold: "1 heure 1 minute 7 s"
            seconds = self._spelled_seconds(m)
            if seconds is not None:
                add(m.start(), m.end(), seconds, True)
        for m in _M_S_COMPACT.finditer(text):  # "1m54.31s"
            add(m.start(), m.end(), int(m.group(1)) * 60 + float(m.group(2).replace(",", ".")), True)
        for pattern in (_HMS, _H_M_DOT_S):
            for m in pattern.finditer(text):
                frac = float("0." + m.group(4)) if m.group(4) else 0.0
                add(m.start(), m.end(), int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3)) + frac, True)
        for m in _M_DOT_S.finditer(text):
            add(m.start(), m.end(), int(m.group(1)) * 60 + int(m.group(2)) + float("0." + m.group(3)), True)
        for m in _MS.finditer(text):
            if int(m.group(2)) >= 60:
                continue
            frac = float("0." + m.group(3)) if m.group(3) else 0.0
            add(m.start(), m.end(), int(m.group(1)) * 60 + int(m.group(2)) + frac, True)
        for m in _M_S_PRIMES.finditer(text):  # 4’:07’’.14, 1'13"
            frac = float("0." + m.group(3)) if m.group(3) else 0.0
            add(m.start(), m.end(), int(m.group(1)) * 60 + int(m.group(2)) + frac, True)
        for m in _S_QUOTE_CC.finditer(text):  # 0"41 (seconds"hundredths), 6”8 (seconds”tenths)
            add(m.start(), m.end(), float(f"{m.group(1)}.{m.group(2)}"), True, seconds_notation=True)
        for m in _M_DOT_S_DOT.finditer(text):  # 1.41.78; 1.23.42 uur
            a, b, c = int(m.group(1)), int(m.group(2)), m.group(3)
            if starts_with_any(text_after(text, m.end()), self.hours_units) and len(c) == 2 and int(c) < 60:
                add(m.start(), m.end(), a * 3600 + b * 60 + int(c), True)
            else:
                add(m.start(), m.end(), a * 60 + b + float("0." + c), True)
        for m in _HUNDREDTHS_FRACTION.finditer(text):  # 37/100
            add(m.start(), m.end(), int(m.group(1)) / 100, True, seconds_notation=True)
        for m in _S_DOUBLE_PRIME.finditer(text):  # a 21" (seconds)
            add(m.start(), m.end(), float(m.group(1)), True, seconds_notation=True)
        if self.number_word_regex is not None:  # "a una décima", "two seconds behind", "acht Sekunden"
            for m in self.number_word_regex.finditer(text):
                if starts_with_any(text_after(text, m.end()), self.seconds_units):
                    add(m.start(), m.end(), float(self.number_words[m.group(0).lower()]), False)
        decimal_minutes_seen = False
        bare_integers: list[re.Match[str]] = []
        for m in _SECONDS.finditer(text):
            minutes = starts_with_any(text_after(text, m.end()), self.minutes_units)
            if minutes:  # "3.48 minuten" is 3:48; "2 minutes" is 120 s
                secs = int(m.group(2)) if m.group(2) and len(m.group(2)) == 2 and int(m.group(2)) < 60 else 0
                value: float = int(m.group(1)) * 60 + secs
                end = m.end() + minutes.end()
                if any(m.start() < f.end and f.start < end for f in found):
                    continue  # part of a longer duration: "10 minutes 43 secondes"
                if self._gap_context(text, m.start(), end, True) or _PLUS.search(text_before(text, m.start())):
                    found.append(Mention(m.start(), end, GAP, float(value)))
                    decimal_minutes_seen = decimal_minutes_seen or secs > 0
                continue
            if decimal_minutes_seen and _is_minutes_without_unit(m) and _PLUS.search(text_before(text, m.start())):
                # "Platz 15 (+1,04 Minuten). Platz 18 (+1,12)": the list keeps the unit it started with
                add(m.start(), m.end(), int(m.group(1)) * 60 + int(m.group(2)), True)
                continue
            value = float(m.group(1) + ("." + m.group(2) if m.group(2) else ""))
            has_unit = bool(starts_with_any(text_after(text, m.end()), self.seconds_units))
            if m.group(2) is None and not has_unit and not _PLUS.search(text_before(text, m.start())):
                bare_integers.append(m)
                continue  # bare integers are counts, years, places: not times (unless a standings list, below)
            add(m.start(), m.end(), value, False)
        found += self._elliptical_gaps(text, found, bare_integers)
        for m in self.same_time_marks.finditer(text):  # "2. Lucas Test m.t.": the gap of the item before
            if any(start < m.start() < end for start, end, _ in list_items):
                found.append(Mention(m.start(), m.end(), GAP, SAME_TIME))
        return found

    def _elliptical_gaps(self, text: str, found: list[Mention], bare_integers: list[re.Match[str]]) -> list[Mention]:
        """Standings that name the unit once: "5 segundos de ventaja sobre X. Y se encuentra a 31, Z a 37 y
        W a 38": a bare number after the gap preposition, closing a list item, in the paragraph of a gap."""
        elliptical = []
        for m in bare_integers:
            if any(x.start < m.end() and m.start() < x.end for x in found):
                continue
            if not self.list_item_end.match(text, m.end()) or not ends_with_any(
                text_before(text, m.start(), 12), self.gap_before
            ):
                continue
            earlier = [
                x
                for x in found
                if x.label in (GAP, LEAD) and 0 <= m.start() - x.end < 250 and "\n" not in text[x.end : m.start()]
            ]
            if earlier:
                # the unit named once carries on: "a 15 centesimi e … a 31" is 0.31 s
                unit = " ".join(text[earlier[-1].start : earlier[-1].end].lower().split()[1:])
                scale = 100 if unit in self.hundredths else 10 if unit in self.tenths else 1
                elliptical.append(Mention(m.start(), m.end(), GAP, float(m.group(1)) / scale))
        return elliptical

    def _bare_gap(self, text: str, start: int, end: int, seconds: float) -> bool:
        """ "seconda in 1:57.70, a 1.07,", "werd derde op 0.85.": a decimal in hundredths or thousandths of a second
        right after the gap preposition, closing a list item: the gap, written without its unit."""
        return (
            seconds < BARE_GAP_SECONDS
            and re.search(r"[.,]\d{2,3}$", text[start:end]) is not None
            and not text[start:end].endswith("000")
            and ends_with_any(text_before(text, start, 12), self.gap_before)
            and (self.list_item_end.match(text, end) is not None or not text_after(text, end, 2).strip(" \t"))
            and not self.field_events.search(text, max(0, start - 200), start)  # "record met 13.13": a mark
        )

    @staticmethod
    def _bracketed_after_name(text: str, start: int, end: int) -> bool:
        """ "Anna Test (37,34)": a time in hundredths alone in brackets after a name (not a football grade: "(2,5)")."""
        decimals = re.search(r"[.,](\d+)$", text[start:end])
        return (
            decimals is not None
            and len(decimals.group(1)) >= 2
            and text.startswith(")", end)
            and _BRACKET_AFTER_NAME.search(text_before(text, start)) is not None
        )

    def _gap_context(self, text: str, start: int, end: int, has_unit: bool) -> bool:
        """ "+0:12", "0,52 seconde achterstand", "à 12 secondes", "by 0.03 seconds": a gap, not a time."""
        if starts_with_phrase(text_after(text, end, 30), self.gap_after):
            return True
        bracket = text_before(text, start, 20)
        if "(" in bracket and text.startswith(")", end):  # "X (a 2.3)", "Y (op 4,1)": a gap in brackets after a name
            aside = bracket[bracket.rindex("(") + 1 :]
            if aside.strip() and ends_with_any(aside, self.gap_before) and len(aside.split()) == 1:
                return True
        if not has_unit:
            return False
        if ends_with_any(text_before(text, start, 20), self.gap_before):
            return not ends_with_any(text_before(text, start, 30), self.time_phrases)
        before = text_before(text, start, 100).split(".")[-1]
        if not ends_with_any(before, self.margin_before):
            return False
        words = before.split()
        beaten_named = len(words) >= 2 and words[-2][:1].isupper()  # "devancé Solberg de", not "battu son record de"
        return beaten_named and self.beat_phrases.search(before.lower()) is not None

    # -- ranks ------------------------------------------------------------------------------------
    def _rank_mentions(self, text: str, inline_items: list[tuple[int, int, int]]) -> list[Mention]:
        found: list[Mention] = []
        for m in self.lexicon.ordinal_regex.finditer(text):
            value = self.lexicon.ordinal_value(m.group(0))
            if not value:
                continue
            hyphen = 1 if text.startswith("-", m.end()) else 0  # "seventh-place finish"
            after = text_after(text, m.end() + hyphen, 30)
            place = starts_with_any(after, self.place_nouns) or self._podium_step(after)
            if place:
                found.append(Mention(m.start(), m.end() + hyphen + place.end(), RANK, value))
            elif self._ordinal_is_rank(text, m, numeric=m.group(1) is not None) or (
                found
                and self.ordinal_joiner.fullmatch(text[found[-1].end : m.start()])
                and self._ends_a_phrase(text, m.end())
            ):
                found.append(Mention(m.start(), m.end(), RANK, value))  # also "tweede en derde": a second rank
        for m in self.title_won.finditer(text):
            found.append(Mention(m.start(), m.end(), RANK, self.champion_titles[" ".join(m.group(1).lower().split())]))
        for m in self.title_won_named.finditer(text):
            found.append(
                Mention(m.start(1), m.end(1), RANK, self.champion_titles[" ".join(m.group(1).lower().split())])
            )
        for m in self.title_won_where.finditer(text):
            if self.not_between_title.isdisjoint(m.group(1).lower().split()):  # not "op de 1000 meter tweede achter"
                title = " ".join(m.group(2).lower().split())
                found.append(Mention(m.start(2), m.end(2), RANK, self.champion_titles[title]))
        for m in self.rank_phrases.finditer(text):  # "runner-up", "completed the podium"
            found.append(
                Mention(m.start(), m.end(), RANK, self.rank_phrase_values[" ".join(m.group(0).lower().split())])
            )
        for m in self.fastest_phrases.finditer(text):  # "was de snelste": first (not "the fastest lap")
            if self._ends_a_phrase(text, m.end()):
                found.append(Mention(m.start(), m.end(), RANK, 1))
        for m in LINE_ITEM.finditer(text):  # "1. Ariarne Test (AUS) 1:53.50": a results list
            found.append(Mention(m.start(1), m.end(), RANK, int(m.group(1))))
        for start, _, rank in inline_items:  # "1. Jan Test 34,56 2. Kees Proef 34,78 3. …"
            if not any(f.start <= start < f.end for f in found):
                found.append(Mention(start, start + len(str(rank)) + 1, RANK, rank))
        for m in self.place_nouns.finditer(text):
            number = re.match(r"\s+(\d{1,3}|[^\W\d_]+)\b", text[m.end() :])
            if number:
                value = self.lexicon.number_value(number.group(1))
                if value and not any(f.start <= m.start() < f.end for f in found):
                    found.append(Mention(m.start(), m.end() + number.end(), RANK, value))
                    found += self._more_places(text, m.end() + number.end())
        return found

    def _more_places(self, text: str, end: int) -> list[Mention]:
        """ "die Plätze 4 und 5", "places 25, 34 and 57": the numbers listed after the first one, each a rank (not
        an amount: "auf Platz 4 und 5 Sekunden dahinter")."""
        more = []
        while (joiner := self.ordinal_joiner.match(text, end)) and (number := _LISTED_PLACE.match(text, joiner.end())):
            start, end = number.span()
            after = text_after(text, end)
            if any(
                starts_with_any(after, units) for units in (self.seconds_units, self.minutes_units, self.non_time_units)
            ):
                break
            value = self.lexicon.number_value(number.group(0))
            if not value:
                break
            more.append(Mention(start, end, RANK, value))
        return more

    def _podium_step(self, after: str) -> re.Match[str] | None:
        """ "(terzo) gradino del podio", "(third) step of the podium": a step named with its podium."""
        step = starts_with_any(after, self.podium_steps)
        return step if step and self.podium_nouns.search(after, step.end(), step.end() + 16) else None

    def _ordinal_is_rank(self, text: str, m: re.Match[str], numeric: bool) -> bool:
        """An ordinal is a rank unless it modifies a noun ("tiende rit", "second season", "zweite Runde").
        Ranks: after a finishing verb or "als/as", before a determiner ("terzo il belga X"), in brackets
        after a name ("Majka (sesto)"), in apposition ("X, deuxième à 12"), or a numeric ordinal ("53/o")."""
        if any(mark in m.group(0).lower() for mark in self.placed_marks):
            return True  # "der viertplatzierte Koreaner X", "fourth-placed X": a place, whatever follows
        after = text_after(text, m.end(), 30)
        next_word = _WORD.match(after.lstrip())
        next_text = next_word.group(0).lower() if next_word else ""
        if "'" in next_text or "’" in next_text:
            next_text = re.split(r"['’]", next_text)[0] + "'"  # "all'arrivo" -> "all'", "l'olandese" -> "l'"
        word_start = m.start()
        while word_start > 1 and (
            text[word_start - 1].isalnum() or (text[word_start - 1] == "-" and text[word_start - 2].isalnum())
        ):
            word_start -= 1  # "als Etappen-Siebter": look before the whole compound
        sentence_before = re.split(r"[.!?;:]\s", text_before(text, word_start, 40))[-1]
        words_before = [w.lower() for w in _WORD.findall(sentence_before)][-3:]
        followed_by_verb = next_text in self.rank_verbs
        determiner = next_text
        next_is_noun = after.lstrip()[:1].isdigit() or (
            next_word is not None
            and after[: len(after) - len(after.lstrip())] in {" ", ""}
            and next_text not in self.neutral_followers
            and not followed_by_verb
            and determiner not in self.determiners
        )
        if self.lexicon.data["nouns_capitalised"] and next_word is not None and next_word.group(0)[0].isupper():
            next_is_noun = True  # German nouns are capitalised: "zweite Lauf"
        if words_before and words_before[-1] in self.predicative:
            return True  # "als 26e geëindigd", "as second"
        if m.group(0).lower() in self.reporting_words and not sentence_before.strip():
            clause = re.split(r"[,.;:]", text[m.end() : m.end() + 80], maxsplit=1)[0]
            if not any(c.isdigit() for c in clause):
                return False  # "Secondo Giovanni X, la corsa …": "according to"; not "Secondo X a 1"2, terzo …"
        if next_word is not None and next_word.group(0) in self.given_names:
            return True  # "y tercero Ivo Muestra", "Dritter Jonas Muster": the rank, then who took it
        if self.rank_opens_before_comma and not sentence_before.strip() and _NAME_AFTER_COMMA.match(after):
            return True  # "Troisième, l'Espagnol Carlos X …": the rank opens the sentence, its owner follows
        if next_is_noun:
            return False
        if self.lexicon.data["nouns_capitalised"] and m.group(0)[:1].isupper() and sentence_before.strip():
            return True  # German capitalises an ordinal used as a noun, the place: "wurde in Lahti Dritter vor X"
        return (
            numeric
            or self._after_a_name(sentence_before)
            or any(w in self.rank_verbs for w in words_before)
            or followed_by_verb
            or determiner in self.determiners
            or (text[: m.start()].rstrip().endswith("(") and after.lstrip().startswith(")"))
            or sentence_before.rstrip().endswith((",", "-", "–", "—", "("))
        )

    def _ends_a_phrase(self, text: str, end: int) -> bool:
        """Nothing but punctuation or a word that cannot be its noun follows ("derde.", "third respectively")."""
        after = text_after(text, end, 30).lstrip()
        next_word = _WORD.match(after)
        return (
            not after
            or after[0] in ".,;:)!?"
            or (next_word is not None and next_word.group(0).lower() in self.neutral_followers)
        )

    def _after_a_name(self, sentence_before: str) -> bool:
        """ "with Nora Sample second at 12 seconds", "Jutta Test (37,40) derde": an ordinal straight after a
        capitalised word that does not open the sentence, a bracketed aside between; in languages that capitalise
        every noun, only after a given name and a surname ("X wurde Zweite, Jutta Test Dritte")."""
        sentence_before = _BRACKETED_END.sub(" ", sentence_before)
        if sentence_before[-1:] not in {" ", ""}:
            return False
        words = _WORD.findall(sentence_before)
        if not (len(words) >= 2 and sentence_before.rstrip().endswith(words[-1]) and words[-1][:1].isupper()):
            return False
        return not self.lexicon.data["nouns_capitalised"] or words[-2] in self.given_names

    # -- medals -----------------------------------------------------------------------------------
    def _medal_mentions(self, text: str) -> list[Mention]:
        found = []
        medal_values = self.medal_values
        for m in self.medals.finditer(text):
            if self.medal_context:
                window = text[max(0, m.start() - 12) : m.end() + 12].lower()
                if not any(c.lower() in window for c in self.medal_context):
                    continue
            found.append(Mention(m.start(), m.end(), MEDAL, medal_values[m.group(0).lower()]))
        for m in _MEDAL_SYMBOL.finditer(text):
            found.append(Mention(m.start(), m.end(), MEDAL, MEDAL_SYMBOLS[m.group(0)]))
        return found

    # -- events, dates, teams ---------------------------------------------------------------------
    def _event_mentions(self, text: str) -> list[Mention]:
        found = []
        for m in _STAGE_NUMBER.finditer(text):
            number = m.group(2) or m.group(3)
            found.append(Mention(m.start(), m.end(), DISCIPLINE, f"stage {int(number)}"))
        for m in _DISTANCE.finditer(text):
            unit = self.distance_units.get(m.group(2).lower()) or ("km" if m.group(2).lower().startswith("k") else "m")
            number = re.sub(r"[.\s]", "", m.group(1)) if re.fullmatch(r"\d{1,2}[.\s]\d{3}", m.group(1)) else m.group(1)
            try:
                value = float(number.replace(",", "."))
            except ValueError:
                continue
            if unit == "m" and (value < SHORTEST_EVENT_METRES or not value.is_integer()):
                continue  # a margin ("a 10 m lead"), or a mark ("a jump of 127,5 m"): no event
            found.append(Mention(m.start(), m.end(), DISTANCE, f"{value:g} {unit}"))
        for m in self.stroke_distance.finditer(text):
            metres = int(m.group(1))
            if SHORTEST_EVENT_METRES <= metres <= LONGEST_POOL_EVENT_METRES:
                found.append(Mention(m.start(1), m.end(1), DISTANCE, f"{metres} m"))
        disciplines = self.discipline_values
        for m in self.disciplines.finditer(text):
            key = " ".join(m.group(0).lower().split())
            found.append(Mention(m.start(), m.end(), DISCIPLINE, disciplines.get(key, key)))
        for m in self.competitions.finditer(text):
            found.append(Mention(m.start(), m.end(), COMPETITION, self.lexicon["competitions"][_key(m.group(0))]))
        for m in self.weekdays.finditer(text):
            found.append(Mention(m.start(), m.end(), WEEKDAY, self.weekday_values[m.group(0).lower()]))
        for m in self.relative_days.finditer(text):
            found.append(Mention(m.start(), m.end(), WEEKDAY, f"+{self.relative_day_values[m.group(0).lower()]}"))
        for m in _TEAM.finditer(text):
            found.append(Mention(m.start(), m.end(), TEAM, m.group(0)))
        for m in _known_teams().finditer(text):
            found.append(Mention(m.start(), m.end(), TEAM, m.group(0)))
        found += self._date_mentions(text)
        return found

    def _date_mentions(self, text: str) -> list[Mention]:
        """Calendar dates; the value is "YYYY-MM-DD", or "--MM-DD" when the year is not written."""
        found = []
        for pattern, day_group, month_group in ((self.date_day_first, 1, 2), (self.date_month_first, 2, 1)):
            for m in pattern.finditer(text):
                day, month = int(m.group(day_group)), self.months[m.group(month_group).lower().rstrip(".")]
                year = m.group(3)
                if year and not year_in_range(int(year)):
                    continue  # "31 December 9999": no day Palmarès reads (nlp/dates.py)
                try:
                    dt.date(int(year) if year else 2000, month, day)
                except ValueError:
                    continue
                value = f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
                found.append(Mention(m.start(), m.end(), DATE, value))
        return found

    def find(self, text: str) -> list[Mention]:
        # the lexicons write the straight apostrophe; news often the typographic one ("l’or", "d’avance"); one
        # character for another, so the offsets hold
        text = text.replace("’", "'")
        items = inline_list_items(text)
        mentions = self._time_mentions(text, items) + self._rank_mentions(text, items) + self._medal_mentions(text)
        item_starts = {start for start, _, _ in items}
        mentions += [m for m in self._event_mentions(text) if not (m.label == DATE and m.start in item_starts)]
        return _without_overlaps(mentions)  # (not "1. Jan" of "1. Jan Test 34,56 2. …" as a date)


@lru_cache(maxsize=1)
def _known_teams() -> re.Pattern[str]:
    """Professional team names from nlp/lexicons/teams.json (hyphen and space interchangeable)."""
    teams = json.loads(resources.files("nlp.lexicons").joinpath("teams.json").read_text(encoding="utf-8"))["teams"]
    body = "|".join(
        re.escape(t).replace(r"\-", "[- ]").replace(r"\ ", "[- ]") for t in sorted(teams, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def _month_numbers(language: str) -> dict[str, int]:
    """Month names (wide and abbreviated, lower case, no trailing dot) -> month number, from Babel."""
    from babel import UnknownLocaleError
    from babel.dates import get_month_names

    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        try:
            names = get_month_names(width, locale=language)
        except (ValueError, LookupError, UnknownLocaleError):  # a language CLDR does not know: English months
            names = get_month_names(width, locale="en")
        for number, name in names.items():
            if len(name.rstrip(".")) >= 3:
                months[name.lower().rstrip(".")] = number
    return months


def _key(text: str) -> str:
    return " ".join(text.split())


_PRIORITY = {
    DATE: 0,
    TEAM: 0,
    TIME: 1,
    GAP: 1,
    LEAD: 1,
    RANK: 2,
    MEDAL: 3,
    DISCIPLINE: 4,
    COMPETITION: 4,
    DISTANCE: 5,
    WEEKDAY: 6,
}


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest mention where two overlap (ties: the more specific label)."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), _PRIORITY[m.label], m.start))
    kept: list[Mention] = []
    taken: set[int] = set()  # positions covered by a kept mention: a set, not a scan of every kept one
    for mention in ordered:
        if taken.isdisjoint(range(mention.start, mention.end)):
            kept.append(mention)
            taken.update(range(mention.start, mention.end))
    return sorted(kept, key=lambda m: m.start)
