"""Context phrase lists of the sports patterns (lead words, gap and time context), matched as one regex."""

from nlp.pipeline.phrases import ends_with_any, phrases_regex, starts_with_phrase


def test_a_lexicon_entry_without_phrases_never_matches() -> None:
    assert not ends_with_any("à 12 secondes", phrases_regex([], at_end=True))
    assert not starts_with_phrase("secondes de retard", phrases_regex([], at_end=False))
    assert starts_with_phrase("  Secondes  de retard", phrases_regex(["secondes de"], at_end=False))
    assert ends_with_any("il termine à", phrases_regex(["à"], at_end=True))
    assert not ends_with_any("il termine la", phrases_regex(["a"], at_end=True))
