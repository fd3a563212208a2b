"""Build `given_names_gender_dict.txt`: the given names of Jörg Michael's name dictionary (`nam_dict.txt` of
gender.c, as the `gender-guesser` package ships it): about 33,000 first names of some 50 countries, Europe's in
full, which the person rules read beside the WikiNEuRal list ("Blanca Sans", "Konstadinos Filippidis": names the
NER calls a place, vouched for by their given name).

Only plain names are kept (a capital letter, then lower-case letters, hyphens or apostrophes); the dictionary's
equivalence lines ("=") and its names written with its own codes for letters outside Latin-1 are left out, and so
are the names that are very frequent words of one of the six languages (Zipf frequency 5 or more per wordfreq: "In",
"De", "Che", "France", "Paris"), which the NER repair would otherwise join to the name after them ("In Badajoz").
The NER's given-name flag does not read this list: the shipped NER models were trained without it, and with it
at inference the result figures fell (docs/results-model.md).

Reproducible: `python -m nlp.resources.build_given_names_gender_dict` (needs the `train` extra: gender-guesser,
whose data file is read, not its code, and wordfreq). The list inherits the dictionary's licence, the GNU Free
Documentation License 1.2 or later (no invariant sections, no cover texts): the file's header says so and names the
source.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from nlp.pipeline.lexical_vectors import FREQUENCY_LANGUAGES
from nlp.resources import write_word_list

OUTPUT = Path(__file__).with_name("given_names_gender_dict.txt")
NAME_COLUMNS = slice(3, 29)  # the dictionary's fixed-width name column
PLAIN_NAME = re.compile(r"[A-Z][a-z'-]+")
MAX_WORD_ZIPF = 5.0  # a name at least this frequent as a word in one of the languages is left out
HEADER = (
    "given names of nam_dict.txt (gender.c, (c) Jörg Michael, via gender-guesser 0.4.0), GNU Free Documentation "
    "License 1.2 or later, no invariant sections, no cover texts (https://www.gnu.org/licenses/fdl-1.2.html); "
    "built by build_given_names_gender_dict.py"
)


def read_names(text: str) -> list[str]:
    """The plain given names of the dictionary's text, sorted."""
    names = set()
    for line in text.splitlines():
        if line.startswith(("#", "=")):
            continue
        name = line[NAME_COLUMNS].strip()
        if PLAIN_NAME.fullmatch(name):
            names.add(name)
    return sorted(names)


def is_frequent_word(name: str) -> bool:
    from wordfreq import zipf_frequency

    return any(zipf_frequency(name.lower(), language) >= MAX_WORD_ZIPF for language in FREQUENCY_LANGUAGES)


def main() -> None:
    data = resources.files("gender_guesser").joinpath("data", "nam_dict.txt").read_text(encoding="utf-8")
    names = [name for name in read_names(data) if not is_frequent_word(name)]
    write_word_list(OUTPUT, HEADER, names, "given names")


if __name__ == "__main__":
    main()
