"""All facts of one tagged article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc

from models.records import Athlete, Fixture, MedalTally, Quote, Result
from nlp.decisions.athletes import athlete_model, decide_athletes
from nlp.decisions.linear_model import LinearModel
from nlp.decisions.results import candidates_of, decide, event_model, result_model, standings_model
from nlp.extraction.athletes import extract_athletes
from nlp.extraction.attribution import Attribution
from nlp.extraction.medals import extract_medal_tallies
from nlp.extraction.quotes import extract_quotes
from nlp.extraction.results import extract_results
from nlp.extraction.schedule import extract_schedule
from nlp.pipeline.lexicon import Lexicon


@dataclass(slots=True)
class Facts:
    athletes: list[Athlete]
    results: list[Result]
    medal_tallies: list[MedalTally]
    quotes: list[Quote]
    schedule: list[Fixture]


def extract_facts(doc: Doc, lexicon: Lexicon, published: dt.date | None, model: LinearModel | None = None) -> Facts:
    """All facts of the Doc; results as the result model decides from the rules' and the text's candidates
    (`model` default: the configured one; the rules alone when there is none)."""
    attribution = Attribution(doc, lexicon)
    tallies = extract_medal_tallies(doc, lexicon)
    results = extract_results(doc, attribution, lexicon)
    athletes = extract_athletes(doc, attribution)
    model = model or result_model()
    if model is not None:
        candidates, context = candidates_of(doc, lexicon, attribution, results)
        results = decide(doc, lexicon, attribution, candidates, context, model, standings_model(), event_model())
        people = athlete_model()
        if people is not None:
            medallists = {name for tally in tallies for name in tally.athletes}
            kept = decide_athletes(doc, lexicon.language, context, people, medallists, results)
            athletes = [a for a in athletes if a.name in kept]
            results = [r for r in results if r.athlete in kept]
    return Facts(
        athletes=athletes,
        results=results,
        medal_tallies=tallies,
        quotes=extract_quotes(doc, attribution, lexicon),
        schedule=extract_schedule(doc, attribution, lexicon, published),
    )
