"""Medal tallies: "drie keer goud (Kramer, Nuis, Achtereekte) en eenmaal zilver (Roest)"."""

from __future__ import annotations

from spacy.tokens import Doc

from models.records import MedalTally
from nlp.pipeline.lexicon import Lexicon
from nlp.pipeline.sports_patterns import MEDAL, TEAM


def extract_medal_tallies(doc: Doc, lexicon: Lexicon) -> list[MedalTally]:
    athletes = [s for s in doc.spans.get("persons", []) if s.label_ == "ATHLETE"]
    sports = list(doc.spans.get("sports", []))
    tallies = []
    for medal in (s for s in sports if s.label_ == MEDAL):
        if medal.end >= len(doc) or doc[medal.end].text != "(":
            continue
        close = next((t.i for t in doc[medal.end : min(len(doc), medal.end + 40)] if t.text == ")"), None)
        if close is None:
            continue
        named = []
        for a in athletes:
            if medal.end < a.start < close and a.kb_id_ not in named:
                named.append(a.kb_id_)
        if not named:
            continue
        count = None
        for token in reversed(doc[max(0, medal.start - 3) : medal.start]):
            count = lexicon.number_value(token.text) or count
        sentence = medal.sent
        teams = [s for s in sports if s.label_ == TEAM and sentence.start <= s.start < sentence.end]
        tallies.append(
            MedalTally(
                team=teams[0].text if teams else None,
                medal=medal._.value,
                count=count or len(named),
                athletes=named,
                evidence=sentence.text.strip(),
            )
        )
    return tallies
