"""Person names in a Doc: candidate name sequences, the evidence that they are people, and
document-level resolution of short mentions ("Smeekens", "J. Smeekens") to full names."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from models.folding import fold, name_key
from nlp.pipeline.doc_words import DocWords, doc_words
from nlp.pipeline.lexical_vectors import given_names_of_flag, zipf_frequency
from nlp.pipeline.lexicon import Lexicon, every_language_words, nationality_words, resource_word_list


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names the person rules know: the lists the NER's given-name flag reads (learnt from WikiNEuRal, and a
    hand-written list of athletes' given names) and Jörg Michael's name dictionary (`given_names_gender_dict.txt`,
    about 33,000 names of some 50 countries), which the flag does not read."""
    return given_names_of_flag() | resource_word_list("given_names_gender_dict.txt")


@cache
def country_names(language: str) -> frozenset[str]:
    """Countries (Babel's territory names in this language and English, and the lexicons' country names), as
    `name_key`s."""
    from babel import Locale, UnknownLocaleError

    names: set[str] = set()
    for code in {language, "en"}:
        try:
            names.update(Locale.parse(code).territories.values())
        except (ValueError, LookupError, UnknownLocaleError):
            continue
    names.update(every_language_words("country_names"))  # folded below: the lower case does not matter
    return frozenset(name_key(n) for n in names)


@cache
def non_person_names(language: str) -> frozenset[str]:
    """Names that are never people: countries and known teams."""
    teams = json.loads(resources.files("nlp.lexicons").joinpath("teams.json").read_text(encoding="utf-8"))["teams"]
    return country_names(language) | frozenset(name_key(n) for n in teams)


def is_name_token(text: str) -> bool:
    if len(text) < 2 or not text[0].isupper():
        return False
    if text.isupper() and len(text) > 1 and not (len(text) == 2 and text.endswith(".")):
        return False  # acronyms (NED, WK, UCI) are not names
    if len(text) == 2 and text.endswith("."):
        return True  # initial: "J."
    parts = [part for part in text.replace("’", "'").replace("'", "-").split("-") if part]
    if len(parts) > 1 and parts[-1].lower() in every_language_words("compound_adjective_heads"):
        return False  # "Bromley-born", "Leeds-based"
    return all(part[:1].isalpha() for part in parts)


@dataclass(eq=False, slots=True)
class Candidate:
    """A name sequence and the evidence that it is a person (compared by identity)."""

    span: Span
    evidence: set[str] = field(default_factory=set)
    tokens: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = name_words(self.span)


def name_words(span: Span) -> list[str]:
    """Words of a name, hyphenated and elided parts re-joined ("Keri-Anne", "N’tebe", "Dell'Aquila")."""
    words = doc_words(span.doc)
    texts, space_after = words.texts, words.space_after
    joined: list[str] = []
    glue = False
    for i in range(span.start, span.end):
        text = texts[i]
        if text in GLUE and not space_after[i] and joined and not space_after[i - 1]:
            joined[-1] += text
            glue = True
        elif glue:
            joined[-1] += text
            glue = False
        else:
            joined.append(text)
        if len(text) > 1 and text[-1] in ELISION_MARKS and not space_after[i]:
            glue = True  # "Dell'" + "Aquila", "D'" + "Amico": the tokenizer splits off the elided article
    if not all(w.isupper() for w in joined):  # "Greg VAN AVERMAET" as results tables write it: "Greg Van Avermaet"
        joined = [w.capitalize() if w.isupper() and w.isalpha() else w for w in joined]
    return joined


# A word at least this common in the article's language ("yesterday" 4.9, "ieri" 5.2) in front of a given name
# and a surname is not part of the name. Frequent surnames reach it too (Rossi 4.7, Smith 4.9), but in front
# of a given name only in surname-first lists, which news prose does not use.
COMMON_WORD_ZIPF = 4.5
GLUE = frozenset({"-", "‐", "'", "’"})
ELISION_MARKS = frozenset({"'", "’"})


def is_common_word(word: str, language: str) -> bool:
    """`word` (lower case) is at least as common as COMMON_WORD_ZIPF in the language."""
    return zipf_frequency(word, language) >= COMMON_WORD_ZIPF


UPPER_SURNAME_LETTERS = 4  # shorter words in capitals after a name are nation and team codes ("SVK", "BMC")


def _upper_surname(texts: list[str], lowers: list[str], k: int, particles: frozenset[str], language: str) -> bool:
    """A surname written in capitals, as results tables write them, or a particle in capitals before one; not a
    common word shouted in a title ("Jonas WINS"), unless it is a given name too ("Daniel MARTIN")."""
    text = texts[k]
    if not (text.isupper() and text.isalpha()):
        return False
    if lowers[k] in particles:
        return k + 1 < len(texts) and _upper_surname(texts, lowers, k + 1, frozenset(), language)
    return len(text) >= UPPER_SURNAME_LETTERS and (
        not is_common_word(lowers[k], language) or text.capitalize() in given_names()
    )


def _opens_second_name(words: DocWords, k: int) -> bool:
    """Two capitalised words from `k` on, the first glued to the hyphen before it and the second ending a name
    ("Test-Velent Test (…)"): after a name of two words or more, the name of a second person."""
    texts = words.texts
    return (
        k + 1 < len(texts)
        and texts[k][:1].isupper()
        and texts[k].isalpha()
        and words.space_after[k]
        and texts[k + 1][:1].isupper()
        and texts[k + 1].isalpha()
        and (k + 2 >= len(texts) or not (texts[k + 2][:1].isupper() and texts[k + 2].isalpha()))
    )


def _joins_hyphen(words: DocWords, i: int) -> bool:
    """ "Keri - Anne" tokenised from "Keri-Anne" (or "N ’ tab"): glue between letters on both sides."""
    texts = words.texts
    return (
        texts[i] in GLUE
        and i > 0
        and i + 1 < len(texts)
        and not words.space_after[i - 1]
        and not words.space_after[i]
        and texts[i + 1].isalpha()
        and texts[i - 1].isalpha()
        and words.lowers[i + 1] not in every_language_words("compound_adjective_heads")
    )


@lru_cache(maxsize=64)
def compound_heads(roles: frozenset[str]) -> tuple[str, ...]:
    """Roles long enough to end a compound ("Disziplin" + "trainer"), as one tuple for str.endswith."""
    return tuple(role for role in roles if len(role) >= 6 and " " not in role)


@lru_cache(maxsize=64)
def multiword_roles(roles: frozenset[str]) -> tuple[str, ...]:
    return tuple(role for role in roles if " " in role)


def is_role(word: str, roles: frozenset[str]) -> bool:
    """A role noun (`word` in lower case), also inside compounds: "Chef-Trainer", "Disziplintrainer"."""
    return (
        word in roles
        or any(p in roles for p in word.split("-") if len(p) > 3)
        or (len(word) > 8 and word.endswith(compound_heads(roles)))
    )


def name_sequences(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """Maximal runs of capitalised tokens, allowing particles ("van der"), hyphens and initials inside.
    Leading function words and role nouns ("Bundestrainer", "Coach") are not part of the name."""
    particles = lexicon.set("name_particles")
    inner_particles = lexicon.set("inner_name_particles")
    stop = set(lexicon.words("stopwords_capitalized"))
    roles = lexicon.set("athlete_roles") | lexicon.set("non_athlete_roles") | nationality_words(lexicon.language)
    determiners = lexicon.set("determiners")
    ordinals = frozenset(w.lower() for w in lexicon.data.get("ordinals", {}))
    nouns_capitalised = lexicon.data["nouns_capitalised"]
    descriptor_endings = tuple(every_language_words("descriptor_endings"))
    words = doc_words(doc)
    texts, lowers = words.texts, words.lowers
    n = len(texts)

    def name_word(k: int) -> bool:
        return is_name_token(texts[k]) and texts[k] not in stop

    def elided_start(k: int) -> bool:
        """ "N’tebe" (N ’ tebe) or "D'Amico" (D' Amico) opening a name: the tokenizer split off its first letters."""
        if k + 1 >= n or words.space_after[k]:
            return False
        if len(texts[k]) == 1 and texts[k].isupper():
            return _joins_hyphen(words, k + 1)
        return texts[k][:1].isupper() and texts[k][-1] in ELISION_MARKS and name_word(k + 1)

    spans: list[Span] = []
    i = 0
    while i < n:
        if not (name_word(i) or elided_start(i)) or is_role(lowers[i], roles):
            i += 1
            continue
        j = i + 1
        opens_with_given_name = texts[i] in given_names() and not texts[i].isupper()
        while j < n:
            if _joins_hyphen(words, j):
                if j - i >= 2 and _opens_second_name(words, j + 1):
                    break  # "Martin Test-Velent Test": a crew of two, each named by given name and surname
                j += 2
                continue
            if texts[j].isupper() and len(texts[j]) == 1 and j + 1 < n and _joins_hyphen(words, j + 1):
                j += 3  # "N’tab" tokenised as N ’ tab
                continue
            if len(texts[j]) <= 3 and elided_start(j):
                j += 2  # "Ben O'Connor", "Marco D'Amico" tokenised as O' Connor, D' Amico
                continue
            if opens_with_given_name and _upper_surname(texts, lowers, j, particles, lexicon.language):
                j += 1  # "Alejandro VALVERDE BELMONTE", "Greg VAN AVERMAET": a results table's surnames in capitals
                continue
            if name_word(j) and not is_role(lowers[j], roles) and lowers[j] not in ordinals:
                j += 1  # (not "Jutta Test Dritte": a capitalised ordinal after a name is the place)
                continue
            k = j
            while (
                k < n
                and texts[k].islower()
                and lowers[k] in particles
                and k - j < 3
                and (k > j or lowers[k] not in inner_particles or lowers[k - 1] in particles)
            ):
                k += 1  # "van der Poel", "von der Leyen"; "der"/"den" only inside ("ließ X den Deutschen Y")
            if (
                j < k < n
                and name_word(k)
                and not (nouns_capitalised and not any(texts[x] in given_names() for x in range(i, j)))
            ):
                j = k + 1  # "van der Poel"; not "Traumfinale von Oslo" (a German noun, then a place)
                continue
            inner_particle = lowers[j] in particles and texts[j][:1].isupper()  # "Andre De Grasse"
            if inner_particle and j + 1 < n and name_word(j + 1):
                j += 2
                continue
            break
        if j - i > 1 and texts[j - 1].endswith(".") and len(texts[j - 1]) == 2:
            j -= 1  # a trailing initial belongs to the next word, not this name
        after_determiner = i > 0 and lowers[i - 1] in determiners
        descriptor = (
            j - i >= 3
            and texts[i + 1] in given_names()
            and (
                nouns_capitalised  # "Dominator Martin X" in German
                or lowers[i].endswith(descriptor_endings)
                or is_common_word(lowers[i], lexicon.language)
            )
        )  # "Ieri Marco X", "Gisteren Jan X"
        if j - i >= 2 and lowers[i] in ordinals and texts[i + 1] in given_names():
            i += 1  # "Primo Marco Rossi, secondo …": the rank, then the name (Primo is a given name too)
        if j - i >= 3 and texts[i] not in given_names() and (after_determiner or descriptor):
            i += 1  # "de Nieuw-Zeelander Hayden Wilde", "Australische Emma McKeon": a descriptor, then the name
            while i < j - 1 and texts[i].islower():
                i += 1  # "el Movistar de Kees Proef": no particle left in front of the name
        j = _without_country_tail(texts, lowers, i, j, country_names(lexicon.language), particles)
        spans.append(doc[i:j])
        i = j
    return spans


def _without_country_tail(
    texts: list[str], lowers: list[str], start: int, end: int, countries: frozenset[str], particles: frozenset[str]
) -> int:
    """The end of a name before a country printed after it ("1. Marco Test Deutschland 2:07,47", "Marcus Test de
    Gran Bretaña"): at least two words stay."""
    for size in (3, 2, 1):
        tail = end - size
        if tail - start < 2 or name_key(" ".join(texts[tail:end])) not in countries:
            continue
        if lowers[tail - 1] in particles and texts[tail - 1].islower() and tail - 1 - start >= 2:
            tail -= 1
        return tail
    return end


def has_nation_code_after(span: Span, teams_and_countries: frozenset[str] = frozenset()) -> bool:
    """ "Wei Test (CHN)", "Enric Test (Movistar)", "Ana Test (Spain)": a nation or team in brackets."""
    doc = span.doc
    end = span.end
    if end + 2 >= len(doc) or doc[end].text != "(":
        return False
    code = doc[end + 1].text
    if doc[end + 2].text == ")" and code.isupper() and len(code) == 3 and code.isalpha():
        initials = "".join(t.text[0] for t in doc[max(0, end - 3) : end] if t.text[:1].isupper())
        return not initials.endswith(code)  # "International Skating Union (ISU)" is an acronym, not a nation
    close = next((t.i for t in doc[end + 1 : min(len(doc), end + 7)] if t.text == ")"), None)
    return close is not None and name_key(doc[end + 1 : close].text) in teams_and_countries


def preceded_by(span: Span, words: frozenset[str], window: int = 2) -> bool:
    """One of `words` (roles) among the `window` words before the span, punctuation other than "-" skipped."""
    doc_word_lists = doc_words(span.doc)
    start = span.start
    previous = [
        doc_word_lists.lowers[k]
        for k in range(max(0, start - window - 1), start)
        if not doc_word_lists.is_punct[k] or doc_word_lists.texts[k] == "-"
    ][-window:]
    return any(is_role(w, words) for w in previous) or " ".join(previous).endswith(multiword_roles(words))


def role_in_apposition(span: Span, roles: frozenset[str], determiners: frozenset[str]) -> bool:
    """ "Karl Weber, the chief race director, said": the apposition after the name is headed by a
    role, as its last word or (Romance word order) its first after a determiner ("X, directeur de course,")."""
    words = doc_words(span.doc)
    if span.end + 1 >= len(words.texts) or words.texts[span.end] != ",":
        return False
    end = next((k for k in range(span.end + 1, min(len(words.texts), span.end + 13)) if words.is_punct[k]), None)
    apposition = words.lowers[span.end + 1 : end] if end is not None else []
    if not apposition:
        return False
    head = apposition[1:2] if apposition[0] in determiners else apposition[:1]
    return any(is_role(w, roles) for w in head + apposition[-1:]) or " ".join(apposition).endswith(
        multiword_roles(roles)
    )


def surname_tokens(tokens: list[str], particles: frozenset[str]) -> list[str]:
    """The surname part of a full name: the last word, with its particles ("van der Poel")."""
    if len(tokens) < 2:
        return tokens
    k = len(tokens) - 1
    while k > 1 and tokens[k - 1].lower() in particles:
        k -= 1
    return tokens[k:]


def initials_match(short: list[str], full: list[str]) -> bool:
    """ "J. Smeekens" ~ "Jan Smeekens"."""
    if len(short) != len(full) or len(short) < 2:
        return False
    for s, f in zip(short, full, strict=True):
        if s.endswith(".") and len(s) == 2:
            if fold(f)[0] != fold(s)[0]:
                return False
        elif fold(s) != fold(f):
            return False
    return True
