"""Athlete records: canonical full name, the other forms used in the article, team when stated."""

from __future__ import annotations

from spacy.tokens import Doc

from models.records import Athlete
from nlp.extraction.attribution import Attribution
from nlp.pipeline.sports_patterns import TEAM


def extract_athletes(doc: Doc, attribution: Attribution) -> list[Athlete]:
    athletes: dict[str, Athlete] = {}
    for span in attribution.athletes:
        athlete = athletes.setdefault(span.kb_id_, Athlete(name=span.kb_id_))
        surface = " ".join(t.text for t in span)
        if surface != athlete.name and surface not in athlete.aliases:
            athlete.aliases.append(surface)
        nation = _nation_code_after(doc, span.end)
        if nation and not athlete.nationality:
            athlete.nationality = nation
    for team in (s for s in doc.spans.get("sports", []) if s.label_ == TEAM):
        owner = attribution.owner(team, reach_later=False)
        if owner in athletes and athletes[owner].team is None:
            athletes[owner].team = team.text
    return list(athletes.values())


def _nation_code_after(doc: Doc, end: int) -> str | None:
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        code = doc[end + 1].text
        if len(code) == 3 and code.isalpha() and code.isupper():
            return code
    return None
