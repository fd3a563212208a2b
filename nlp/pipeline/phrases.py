"""Phrase look-ups on plain text around a position: the fragment before or after it, and whether it starts or
ends with one of a lexicon's phrases, as whole words."""

from __future__ import annotations

import re


def text_after(text: str, end: int, width: int = 40) -> str:
    return text[end : end + width]


def text_before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start]


def starts_with_any(fragment: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """A match of `pattern` at the start of the fragment, past leading whitespace."""
    return pattern.match(fragment, len(fragment) - len(fragment.lstrip()))


def phrases_regex(phrases: list[str], *, at_end: bool, anywhere: bool = False) -> re.Pattern[str]:
    """One pattern for a list of lower-case phrases: whole words, at the end of a fragment (`at_end`), at its
    start, or (`anywhere`) wherever `search` finds them. A list without phrases never matches."""
    alternation = "|".join(re.escape(p.lower()) for p in phrases)
    if not phrases:
        return re.compile(r"(?!x)x")
    if anywhere:
        return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
    return re.compile(rf"(?<!\w)(?:{alternation})$" if at_end else rf"(?:{alternation})(?!\w)")


def ends_with_any(fragment: str, phrases: re.Pattern[str]) -> bool:
    """Does the text end with one of the phrases as whole words ("... -a" ends with "a")?"""
    return phrases.search(" ".join(fragment.lower().split())) is not None


def starts_with_phrase(fragment: str, phrases: re.Pattern[str]) -> bool:
    return phrases.match(" ".join(fragment.lower().split())) is not None
