"""Features of a person the tagging found, in one place: is this name an athlete of the article?

Read from all the name's mentions: its words (a known given name, a place or country, a common word, capitals), the
statistical NER's label over it, the words and lexicon cue classes around it, the results and values near it, and
the person rules' verdict (ATHLETE or PERSON). No word of any language in code: the lists are data files.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from models.folding import name_key
from nlp.decisions.result_candidates import AthleteMention
from nlp.decisions.result_features import DocContext
from nlp.pipeline.lexical_vectors import zipf_frequency
from nlp.pipeline.lexicon import nationality_words, resource_word_list
from nlp.pipeline.persons import given_names, non_person_names

COMMON_WORD_ZIPF = 4.0  # a word at least this frequent in the language (wordfreq's Zipf scale) is a common word


@dataclass(slots=True)
class Entity:
    name: str
    mentions: list[AthleteMention]


def entities(athletes: list[AthleteMention]) -> list[Entity]:
    found: dict[str, Entity] = {}
    for mention in athletes:
        found.setdefault(mention.name, Entity(mention.name, [])).mentions.append(mention)
    return list(found.values())


def _listed_with_another(mention: AthleteMention, others: list[AthleteMention], doc: Doc) -> bool:
    """ "(Kramer, Nuis, Test)", "A and B": another person's name one or two short words away (a comma, a joiner)."""
    for other in others:
        start, end = (other.end, mention.start) if other.end <= mention.start else (mention.end, other.start)
        if 1 <= end - start <= 2 and all(t.is_punct or (t.is_lower and len(t) <= 3) for t in doc[start:end]):
            return True
    return False


def entity_features(entity: Entity, doc: Doc, language: str, context: DocContext) -> set[str]:
    cues, values, first_name = context.cues, context.values, context.first_athlete
    f: set[str] = set()
    words = entity.name.split()
    given, places = given_names(), resource_word_list("place_names.txt")
    nations = nationality_words(language)
    f.add(f"words={min(len(words), 4)}")
    f.add(f"mentions={min(len(entity.mentions), 4)}")
    f.add(f"label={entity.mentions[0].label}")
    if words and words[0] in given:
        f.add("first_word_given_name")
    if any(w in given for w in words[1:]):
        f.add("later_word_given_name")
    if name_key(entity.name) in non_person_names(language):
        f.add("country_or_team")
    if entity.name in places or any(w in places for w in words):
        f.add("place_word")
    if any(w.lower() in nations for w in words):
        f.add("nationality_word")
    for w in words:
        if zipf_frequency(w.lower(), language) >= COMMON_WORD_ZIPF:
            f.add("common_word")
        if w.isupper() and len(w) > 1:
            f.add("upper_word")
        if "-" in w:
            f.add("hyphenated_word")
    if words:  # how common the first and last words are: "Minuten Vorsprung", "Strangford Lough", "Ryder Cup"
        f.add(f"first_zipf={_zipf_bucket(words[0], language)}")
        f.add(f"last_zipf={_zipf_bucket(words[-1], language)}")
    if entity.name == first_name:
        f.add("first_person_of_doc")
    ner = context.ner_of
    others = [m for m in context.athletes if m.name != entity.name]
    lowers = context.lowers
    for mention in entity.mentions:
        f.add(f"ner={ner.get(mention.start, 'O')}")
        for offset in (1, 2):
            before, after = mention.start - offset, mention.end - 1 + offset
            if before >= 0:
                f.add(f"w-{offset}={lowers[before]}")
            if after < len(lowers):
                f.add(f"w+{offset}={lowers[after]}")
        for k in range(max(0, mention.start - 4), min(len(lowers), mention.end + 4)):
            for cue in cues[k]:
                f.add(f"near_cue={cue}")
        for value in values:
            if value.sentence == mention.sentence and abs(value.start - mention.start) <= 8:
                f.add(f"value_near={value.kind}")
        if _listed_with_another(mention, others, doc):
            f.add("listed_with_another_person")
        if mention.end < len(doc) and doc[mention.end].text == "(":
            f.add("bracket_after")
        if mention.start > 0 and doc[mention.start - 1].text == "(":
            f.add("bracket_before")
    return f


def _zipf_bucket(word: str, language: str) -> int:
    """The word's frequency in the language on wordfreq's Zipf scale, rounded down (0 for unknown words)."""
    return int(min(zipf_frequency(word.lower(), language), 6.0))
