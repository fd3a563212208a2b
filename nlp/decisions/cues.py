"""Word classes of the lexicon around a token: which lexicon phrases ("won", "ahead of", "behind") cover it.

The classes are lexicon keys; the phrases are data (nlp/lexicons/<lang>.json), matched on lower-cased tokens with
spaCy's PhraseMatcher, so a phrase split by the tokenizer ("s'impose") still matches.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlp.pipeline.lexicon import Lexicon, load_lexicon
from nlp.pipeline.persons import ELISION_MARKS

# Lexicon keys whose phrases describe a result's context. Their names are the feature names.
CUE_CLASSES = (
    "win_verbs",
    "ambiguous_win_verbs",
    "victory_nouns",
    "winner_nouns",
    "win_by",
    "win_gerunds",
    "rank_verbs",
    "place_nouns",
    "beaten_markers",
    "beat_phrases",
    "behind_words",
    "lead_words",
    "lead_words_before",
    "margin_words",
    "gap_context_before",
    "gap_context_after",
    "time_context_before",
    "negations",
    "medal_nouns",
    "speech_verbs",
    "intermediate_markers",
    "respectively_words",
    "same_time_as",
    "tie_words",
    "disqualification_words",
    "leader_jerseys",
    "title_verbs",
    "past_markers",
    "future_markers",
    "fixture_verbs",
    "subject_pronouns",
    "possessive_pronouns",
    "relative_pronouns",
    "athlete_roles",
    "non_athlete_roles",
    "already_words",
    "field_events",
    "standings_words",
    "points_words",
    "win_objects",
)
NO_CUES: frozenset[str] = frozenset()

# Classes that state a win by themselves: a candidate rank 1 for the athletes of their sentence.
WIN_CLASSES = frozenset({"win_verbs", "victory_nouns", "winner_nouns", "win_by", "win_gerunds", "title_verbs"})


class CueTagger:
    """Tags each token of a Doc with the cue classes whose phrases cover it."""

    def __init__(self, lexicon: Lexicon, spacy_language: str, vocab: Vocab) -> None:
        tokenizer = spacy.blank(spacy_language, vocab=vocab)
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        # the class names stay in the vocabulary: a tagger first built inside a spaCy memory zone would else see
        # them freed at its end, and the matcher reads them back at every call
        self.keys = {vocab.strings.add(key, allow_transient=False): key for key in CUE_CLASSES}  # type: ignore[call-arg]
        for key in CUE_CLASSES:
            phrases = [p for p in lexicon.words(key) if p.strip()]
            if phrases:
                self.matcher.add(key, [phrase_doc(tokenizer, p.lower()) for p in phrases])

    def __call__(self, doc: Doc) -> list[frozenset[str]]:
        classes: list[set[str]] = [set() for _ in range(len(doc))]
        for match_id, start, end in self.matcher(doc):
            key = self.keys[match_id]
            for i in range(start, end):
                classes[i].add(key)
        return [frozenset(c) if c else NO_CUES for c in classes]


PLACEHOLDER = "x"


def phrase_doc(tokenizer: Language, phrase: str) -> Doc:
    """The phrase tokenised as it is in running text. A phrase ending in an elision ("davanti all'") is
    tokenised before a placeholder word, since the tokenizer splits the mark off at the end of a text ("all", "'")
    but keeps it on the word ("all'") when a word follows, as in an article."""
    if phrase[-1:] not in ELISION_MARKS:
        return tokenizer.make_doc(phrase)
    doc = tokenizer.make_doc(phrase + PLACEHOLDER)
    return Doc(doc.vocab, words=[t.text for t in doc[:-1]], spaces=[bool(t.whitespace_) for t in doc[:-1]])


@cache
def cue_tagger(language: str, spacy_language: str, vocab: Vocab) -> CueTagger:
    """One tagger per lexicon and pipeline vocabulary (the phrases tokenised as the pipeline tokenises)."""
    return CueTagger(load_lexicon(language), spacy_language, vocab)
