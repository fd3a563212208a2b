"""Context phrase lists of the sports patterns (lead words, gap and time context), matched as one regex."""

from nlp.pipeline.sports_patterns import _ends_with_any, _phrases_regex, _starts_with_phrase


def test_a_lexicon_entry_without_phrases_never_matches() -> None:
    assert not _ends_with_any("à 12 secondes", _phrases_regex([], at_end=True))
    assert not _starts_with_phrase("secondes de retard", _phrases_regex([], at_end=False))
    assert _starts_with_phrase("  Secondes  de retard", _phrases_regex(["secondes de"], at_end=False))
    assert _ends_with_any("il termine à", _phrases_regex(["à"], at_end=True))
    assert not _ends_with_any("il termine la", _phrases_regex(["a"], at_end=True))
