"""Build `lexical_vectors.tsv.gz`: word frequencies for the static vectors the NER's tok2vec reads.

Wikipedia-trained NER takes the capitalised common words of news ("Misschien", "Begroting", German nouns)
for names: nothing in its training tells it how common they are. Each word here gets its Zipf frequency
per wordfreq (news, Wikipedia, subtitles, books, web) in each of the six languages and whether it names a
city of 50,000+ people (`place_names.txt`, GeoNames). One table serves every language, so a model trained
on all six reads every sentence the same way. The given-name and surname flags are added when the table is
read (`nlp/pipeline/lexical_vectors.py`), from `given_names.txt` and `surnames.txt` (both derived from WikiNEuRal,
CC BY-NC-SA 4.0): this file holds only wordfreq (CC BY-SA 4.0)
and GeoNames (CC BY 4.0) data, so it can be shared under CC BY-SA 4.0.

Reproducible: `python -m nlp.resources.build_lexical_vectors` (needs the `train` extra: wordfreq).
"""

from __future__ import annotations

import gzip
from pathlib import Path

from nlp.pipeline.lexical_vectors import FREQUENCY_LANGUAGES, TABLE
from nlp.pipeline.lexicon import resource_word_list

OUTPUT = Path(__file__).with_name(TABLE)
# Zipf frequency (log10 of uses per billion words) from which a word joins the table: about 15,000 words
# per language.
MIN_ZIPF_FREQUENCY = 3.5


def table_rows() -> dict[str, tuple[float, ...]]:
    """Lower-case word -> Zipf frequency per FREQUENCY_LANGUAGES (two decimals, as wordfreq gives them),
    then 1.0/0.0 for place name."""
    import wordfreq

    words: set[str] = set()
    for language in FREQUENCY_LANGUAGES:
        for word in wordfreq.iter_wordlist(language):
            if wordfreq.zipf_frequency(word, language) < MIN_ZIPF_FREQUENCY:
                break
            if word.isalpha():
                words.add(word)
    places = {name.lower() for name in resource_word_list("place_names.txt") if " " not in name}
    rows: dict[str, tuple[float, ...]] = {}
    for word in sorted(words | places):
        frequencies = [
            wordfreq.zipf_frequency(word, language) if word in words else 0.0 for language in FREQUENCY_LANGUAGES
        ]
        rows[word] = (*frequencies, float(word in places))
    return rows


def write_table(rows: dict[str, tuple[float, ...]], path: Path = OUTPUT) -> None:
    lines = ["\t".join([word, *(f"{value:.2f}" for value in values)]) for word, values in rows.items()]
    # mtime=0: the same rows give the same bytes.
    with gzip.GzipFile(path, "wb", mtime=0) as file:
        file.write(("\n".join(lines) + "\n").encode("utf-8"))


if __name__ == "__main__":
    table = table_rows()
    write_table(table)
    print(f"{len(table)} words -> {OUTPUT}")
