"""Which calendar race (and which of its stages) an article is about.

Evidence per calendar race, all accent- and case-insensitive:
- name (weight 0.6): the race's identity (a country or region named in any language, or its distinctive
  words) next to a race word of the same kind ("Tour of Slovakia", "Slowakei-Rundfahrt", "GP Van Looy");
  a famous short name unique in the calendar ("Vuelta"); a bare identity counts little;
- places (0.15): the calendar's own stage start/finish names found in the text;
- dates (0.1): publication date or dates written in the text near the race days, or its year named; an article
  published more than 240 days before the race or 120 days after it is about another edition: no link;
- cycling vocabulary (0.15): without any, there is no link at all.
Precision over recall: no link below `LINK_THRESHOLD`, when the title (or first sentence) is about a race that is not on
the calendar, for a men's race named only as its women's edition or a women's race told with men's words only, or for a
place named after another kind of race ("Tour de Wallonie"). The stage is the calendar's numbering, chosen by places,
dates, a stage number or "final stage" written in the text; none when the evidence does not single one out.
"""

from __future__ import annotations

import datetime as dt

from models.records import CalendarEntry, Link
from nlp.linking.article import ArticleView, read_article
from nlp.linking.races import PlaceName, RaceName, RaceProfile, StageProfile, race_profile
from nlp.linking.text import vocabulary

LINK_THRESHOLD = 0.5
WEIGHTS = {"name": 0.6, "places": 0.15, "dates": 0.1, "context": 0.15}
_TYPE_GAP = 5  # words allowed between a race word and the identity ("Tour Cycliste Féminin International de l'Ardèche")
_NEAR_DAYS = 60
_CUES_FOR_FULL_CONTEXT = 3
_MEN_CUES_VETO = 2
_STAGE_EVIDENCE = 0.5  # a full place name (finish), or a partial one with a date or number
# An article published this long before a race starts, or after it ends, is about another edition of it.
_EDITION_DAYS_BEFORE = 240
_EDITION_DAYS_AFTER = 120


def _filler(view: ArticleView, index: int) -> bool:
    vocab = vocabulary()
    token = view.tokens[index]
    return token.norm in vocab.stopwords or token.norm in vocab.descriptors or token.type_class is not None


def _women_near(view: ArticleView, lo: int, hi: int) -> bool:
    markers = vocabulary().women_markers
    return any(t.norm in markers for t in view.tokens[max(0, lo - 2) : hi + 3])


def _identity_positions(view: ArticleView, key: str) -> list[int]:
    if key.startswith("word:"):
        return view.find_word(key[5:])
    return view.positions.get(key, [])


def _phrase_at(
    view: ArticleView, name: RaceName, positions: dict[str, list[int]], women_race: bool, other_kind: bool = False
) -> int | None:
    """A race word of the name's kind (or, with `other_kind`, of another kind: "Tour de Wallonie" is not
    "Grand Prix de Wallonie") right before or after one of its identity mentions; the first such place."""
    tokens = view.tokens
    for q in sorted(q for where in positions.values() for q in where):
        for p in range(max(0, q - _TYPE_GAP - 1), min(len(tokens), q + 3)):
            if p == q or tokens[p].type_class is None or (tokens[p].type_class == name.type_class) == other_kind:
                continue
            lo, hi = min(p, q), max(p, q)
            if hi - lo > (_TYPE_GAP + 1 if p < q else 2) or not view.joined(lo, hi):
                continue
            between = range(lo + 1, hi)
            # fillers ("de la", "Cycliste") and at most one other capitalised word ("GP Rik Van Looy")
            if (
                not all(_filler(view, k) or tokens[k].capitalised for k in between)
                or sum(not _filler(view, k) for k in between) > 1
            ):
                continue
            if not women_race and _women_near(view, lo, hi):
                continue  # "Vuelta Femenina" is another race than the men's Vuelta
            return lo
    return None


def _adjacent_identity(view: ArticleView, positions: dict[str, list[int]]) -> bool:
    """All identity words of a name without race word ("Choralis Fourmies") written together."""
    starts = sorted(min(p) for p in positions.values())
    return max(starts) - min(starts) <= len(positions) + 1


def name_evidence(view: ArticleView, name: RaceName, women_race: bool) -> tuple[float, str, int | None]:
    """(strength, reason, first token index of the evidence)."""
    positions = {key: _identity_positions(view, key) for key in name.identity}
    found = {key: where for key, where in positions.items() if where}
    if not found:
        return 0.0, "", None
    first = min(min(where) for where in found.values())
    coverage = len(found) / len(name.identity)
    phrase = _phrase_at(view, name, found, women_race) if name.type_class else None
    if phrase is None and name.type_class and not women_race and _phrase_at(view, name, found, True) is not None:
        return 0.0, "", None  # written in full only as its women's edition ("... Femenina"): another race
    if coverage == 1.0 and (
        phrase is not None or (name.type_class is None and len(found) > 1 and _adjacent_identity(view, found))
    ):
        return 1.0, f"name '{name.text}'", first if phrase is None else phrase
    if coverage >= 0.5 and phrase is not None:
        return 0.75, f"partial name '{name.text}'", phrase
    if name.type_class and _phrase_at(view, name, found, True, other_kind=True) is not None:
        return 0.0, "", None  # the identity belongs to another kind of race here
    if coverage == 1.0:
        mentions = sum(len(where) for where in found.values())
        if mentions < 2 and first >= view.lead_end:
            return 0.35, "", first  # one passing mention ("he won in Montréal last year")
        return 0.45, f"identity of '{name.text}' without a race word", first
    return 0.3 * coverage, f"some words of '{name.text}'", first


def short_name_evidence(
    view: ArticleView, profile: RaceProfile, unique_words: set[str]
) -> tuple[float, str, int | None]:
    """A famous short name ("Vuelta") that only this calendar race carries, not followed by another
    race's identity ("Vuelta a Burgos") or a women's marker for a men's race."""
    identity = {key for name in profile.names for key in name.identity}
    words = {w for name in profile.names for w in name.type_words} & unique_words & vocabulary().short_names
    for word in words:
        for i in view.find_word(word):
            token = view.tokens[i]
            if not token.capitalised:
                continue  # "vuelta" in lower case is a lap
            j = i + 1
            while j < len(view.tokens) and j <= i + 2 and view.tokens[j].norm in vocabulary().stopwords:
                j += 1
            if (
                j < len(view.tokens)
                and view.tokens[j].capitalised
                and view.joined(i, j)
                and not _filler(view, j)
                and not _common_word(view, j)
            ):
                nxt = view.tokens[j]
                keys = {f"word:{nxt.norm}"} | {k for k, v in view.positions.items() if j in v and ":" in k}
                if not keys & identity:
                    continue  # another race of the same kind
            run_end = i
            while (
                run_end + 1 < min(len(view.tokens), i + 7)
                and view.joined(run_end, run_end + 1)
                and (_filler(view, run_end + 1) or view.tokens[run_end + 1].capitalised)
            ):
                run_end += 1
            if not profile.women and _women_near(view, i, run_end):
                continue  # "Giro ... Donne": the women's edition
            return 0.75, f"short name '{token.text}'", i
    return 0.0, "", None


def _place_mentions(view: ArticleView, places: list[PlaceName]) -> tuple[float, list[int]]:
    """How well the place is named (1 in full, 0.7 by a distinctive word of it) and where."""
    best, where = 0.0, []
    for place in places:
        full = view.find_sequence(place.words)
        if full:
            best = 1.0
            where += full
        for word in place.partial_words:
            partial = [i for i in view.find_word(word) if view.tokens[i].capitalised]
            if partial:
                best = max(best, 0.7)
                where += partial
    return best, sorted(set(where))


def _place_found(view: ArticleView, places: list[PlaceName]) -> float:
    return _place_mentions(view, places)[0]


def _stage_places(view: ArticleView, stage: StageProfile) -> tuple[float, int]:
    start, finish = _place_found(view, stage.start), _place_found(view, stage.finish)
    if [p.words for p in stage.start] == [p.words for p in stage.finish]:
        return finish, int(finish > 0)
    return 0.4 * start + 0.6 * finish, int(start > 0) + int(finish > 0)


def _near(day: dt.date, entry: CalendarEntry) -> float:
    if entry.start_date is None:
        return 0.0
    end = entry.end_date or entry.start_date
    distance = (entry.start_date - day).days if day < entry.start_date else max(0, (day - end).days - 2)
    return max(0.0, 1.0 - distance / _NEAR_DAYS)


def another_edition(published: dt.date | None, entry: CalendarEntry) -> bool:
    """The article's publication date lies far outside the race's dates: a 2023 report is not about the 2025 race."""
    if published is None or entry.start_date is None:
        return False
    end = entry.end_date or entry.start_date
    return (entry.start_date - published).days > _EDITION_DAYS_BEFORE or (published - end).days > _EDITION_DAYS_AFTER


def date_evidence(view: ArticleView, entry: CalendarEntry) -> float:
    scores = [_near(d, entry) for d in view.dates(entry.start_date.year if entry.start_date else None)]
    if view.published:
        scores.append(_near(view.published, entry))
    if entry.start_date and entry.start_date.year in view.years:
        scores.append(0.5)
    return max(scores, default=0.0)


def choose_stage(view: ArticleView, profile: RaceProfile) -> tuple[int | None, float, list[str]]:
    stages = profile.stages
    if len(stages) == 1 and stages[0].stage.total == 1:
        return stages[0].stage.number, _stage_places(view, stages[0])[0], ["one-day race"]
    last = max((s.stage.number for s in stages), default=None)
    mentions = {
        id(sp): sorted(set(_place_mentions(view, sp.start)[1] + _place_mentions(view, sp.finish)[1])) for sp in stages
    }
    total_mentions = sum(len(m) for m in mentions.values())
    first_mention = min((m[0] for m in mentions.values() if m), default=None)
    scored = []
    for sp in stages:
        places, _ = _stage_places(view, sp)
        score = places
        prominence = 0.0
        if places and total_mentions:
            # ranks stages with evidence: the stage an article is about is named more often, and first
            prominence += 0.15 * len(mentions[id(sp)]) / total_mentions
            prominence += 0.1 if mentions[id(sp)] and mentions[id(sp)][0] == first_mention else 0.0
        reasons = [f"stage places {sp.stage.start} › {sp.stage.finish}"] if places else []
        if sp.stage.date and (
            sp.stage.date in view.dates(sp.stage.date.year)
            or (view.published and 0 <= (view.published - sp.stage.date).days <= 1)
        ):
            score += 0.3
            reasons.append(f"stage date {sp.stage.date}")
        if sp.stage.number in view.stage_numbers:
            score += 0.1  # weak: articles may number stages differently from the calendar
            reasons.append(f"stage number {sp.stage.number}")
        if view.mentions_final_stage and sp.stage.number == last:
            score += 0.1
            reasons.append("final stage")
        scored.append((score + prominence, score, sp.stage.number, reasons, places))
    scored.sort(key=lambda s: -s[0])
    if not scored or scored[0][1] < _STAGE_EVIDENCE or (len(scored) > 1 and scored[0][0] - scored[1][0] < 0.1):
        return None, max((s[4] for s in scored), default=0.0), []
    return scored[0][2], scored[0][4], scored[0][3]


def _common_word(view: ArticleView, index: int) -> bool:
    vocab = vocabulary()
    norm = view.tokens[index].norm
    return (
        norm in vocab.cycling_exact
        or norm in vocab.men_cues
        or norm in vocab.women_cues
        or norm in vocab.stage_words
        or norm in vocab.final_words
        or any(stem in norm for stem in vocab.cycling_contains)
    )


def _foreign_race_in_lead(view: ArticleView, known_identity: set[str]) -> bool:
    """The title (or first sentence) names a race (race word + capitalised name) no calendar race carries."""
    for i, token in enumerate(view.tokens[: view.lead_end]):
        if token.type_class is None or (i + 1 < len(view.tokens) and view.tokens[i + 1].type_class):
            continue
        j = i + 1
        while j < min(len(view.tokens), i + 4) and _filler(view, j):
            j += 1
        if (
            j < len(view.tokens)
            and j - i <= 3
            and view.tokens[j].capitalised
            and view.joined(i, j)
            and not _common_word(view, j)
        ):
            keys = {f"word:{view.tokens[j].norm}"} | {
                k for k, v in view.positions.items() if j in v and not k.startswith("word:")
            }
            if not keys & known_identity:
                return True
    return False


def score_race(view: ArticleView, profile: RaceProfile, unique_words: set[str], foreign_lead: bool) -> Link | None:
    name_score, name_reason, name_at = max(
        (name_evidence(view, n, profile.women) for n in profile.names), key=lambda e: e[0], default=(0.0, "", None)
    )
    short_score, short_reason, short_at = short_name_evidence(view, profile, unique_words)
    if short_score > name_score or (
        short_score == name_score and short_at is not None and name_at is not None and short_at < name_at
    ):
        name_score, name_reason, name_at = short_score, short_reason, short_at
    if view.cycling_cues == 0:
        return None  # a cycling calendar, an article about something else
    if another_edition(view.published, profile.entry):
        return None
    if foreign_lead and (name_at is None or name_at >= view.lead_end):
        return None  # the title is about another race; this one is only mentioned further down
    if profile.women and view.women_cues == 0:
        if view.men_cues >= _MEN_CUES_VETO:
            return None  # the men's race of the same name
        name_score *= 0.7  # a women's race reported without a single word about women is doubtful
    stage, places, stage_reasons = choose_stage(view, profile)
    distinct_places = max((_stage_places(view, sp)[1] for sp in profile.stages), default=0)
    if name_score < 0.45 and not (places >= 0.9 and distinct_places >= 2):
        return None
    if name_score < 0.75 and places == 0:
        return None  # a country or town named without race words ("the Spaniard") needs a stage place too
    context = min(1.0, view.cycling_cues / _CUES_FOR_FULL_CONTEXT)
    dates = date_evidence(view, profile.entry)
    score = (
        WEIGHTS["name"] * name_score
        + WEIGHTS["places"] * places
        + WEIGHTS["dates"] * dates
        + WEIGHTS["context"] * context
    )
    if score < LINK_THRESHOLD:
        return None
    reasons = [r for r in [name_reason, *stage_reasons] if r]
    if dates:
        reasons.append(f"dates {dates:.2f}")
    reasons.append(f"cycling words {view.cycling_cues}")
    return Link(race=profile.entry.race, stage=stage, score=round(min(1.0, score), 3), reasons=reasons)


def link_article(
    text: str,
    *,
    title: str | None = None,
    language: str = "und",
    published: dt.date | None = None,
    calendar: list[CalendarEntry],
) -> list[Link]:
    """Links from the article to calendar races, best first; empty when nothing is convincing."""
    if not calendar or not (text or title):
        return []
    view = read_article(text or "", title=title, language=language, published=published)
    profiles = [race_profile(entry) for entry in calendar]
    races_by_word: dict[str, set[str]] = {}
    for profile in profiles:
        for word in {w for name in profile.names for w in name.type_words}:
            races_by_word.setdefault(word, set()).add(profile.entry.race)
    unique_words = {w for w, races in races_by_word.items() if len(races) == 1}
    known_identity = {key for p in profiles for name in p.names for key in name.identity}
    foreign_lead = _foreign_race_in_lead(view, known_identity)
    best: dict[str, Link] = {}  # the same race may come from the page and from a calendar file (or two editions)
    for profile in profiles:
        link = score_race(view, profile, unique_words, foreign_lead)
        if link and (link.race not in best or link.score > best[link.race].score):
            best[link.race] = link
    return sorted(best.values(), key=lambda link: -link.score)
