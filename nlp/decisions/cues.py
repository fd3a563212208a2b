"""Word classes of the lexicon around a token: which lexicon phrases ("won", "ahead of", "behind") cover it.

The classes are lexicon keys; the phrases are data (nlp/lexicons/<lang>.json), matched on lower-cased tokens with
spaCy's PhraseMatcher, so a phrase split by the tokenizer ("s'impose") still matches.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlp.pipeline.lexicon import Lexicon, load_lexicon

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
                self.matcher.add(key, [tokenizer.make_doc(p.lower()) for p in phrases])

    def __call__(self, doc: Doc) -> list[frozenset[str]]:
        classes: list[set[str]] = [set() for _ in range(len(doc))]
        for match_id, start, end in self.matcher(doc):
            key = self.keys[match_id]
            for i in range(start, end):
                classes[i].add(key)
        return [frozenset(c) if c else NO_CUES for c in classes]


@cache
def cue_tagger(language: str, spacy_language: str, vocab: Vocab) -> CueTagger:
    """One tagger per lexicon and pipeline vocabulary (the phrases tokenised as the pipeline tokenises)."""
    return CueTagger(load_lexicon(language), spacy_language, vocab)
