"""Build `given_names.txt`: given names seen as the first word of multi-word PER spans in WikiNEuRal.

Reproducible: `python -m nlp.resources.build_given_names ../shared/data/ner/wikineural` (training split
`val.conllu` of each language only). The list inherits WikiNEuRal's CC BY-NC-SA 4.0 licence.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from nlp.resources import write_word_list

OUTPUT = Path(__file__).with_name("given_names.txt")
MIN_COUNT = 1
MIN_PERSON_SHARE = 0.5


def read_sentences(path: Path):
    sentence: list[tuple[str, str]] = []
    for line in path.open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3:
            if sentence:
                yield sentence
            sentence = []
            continue
        sentence.append((parts[1], parts[2]))
    if sentence:
        yield sentence


def count_given_names(files: list[Path]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """How often each word opens a multi-word person name, is inside any person name, is capitalised at all."""
    as_given: Counter[str] = Counter()
    in_person: Counter[str] = Counter()
    as_any: Counter[str] = Counter()
    for path in files:
        for sentence in read_sentences(path):
            for i, (token, tag) in enumerate(sentence):
                if token[:1].isupper():
                    as_any[token] += 1
                    if tag.endswith("-PER"):
                        in_person[token] += 1
                starts_person = tag == "B-PER" and i + 1 < len(sentence) and sentence[i + 1][1] == "I-PER"
                if starts_person and token.isalpha() and len(token) > 1 and token[0].isupper() and not token.isupper():
                    as_given[token] += 1
    return as_given, in_person, as_any


def val_files(argv: list[str]) -> list[Path]:
    """The WikiNEuRal val splits under the folder named on the command line; exits when there are none."""
    root = Path(argv[0]) if argv else Path("../shared/data/ner/wikineural")
    files = sorted(root.glob("*/val.conllu"))
    if not files:
        print(f"no */val.conllu under {root}", file=sys.stderr)
        raise SystemExit(2)
    return files


def main(argv: list[str]) -> int:
    files = val_files(argv)
    as_given, in_person, as_any = count_given_names(files)
    names = sorted(n for n, c in as_given.items() if c >= MIN_COUNT and in_person[n] / as_any[n] >= MIN_PERSON_SHARE)
    write_word_list(
        OUTPUT,
        "given names from WikiNEuRal val splits (CC BY-NC-SA 4.0); built by build_given_names.py",
        names,
        "given names",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
