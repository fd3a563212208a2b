"""Language identification: what a caller of `detect_language` / `detect_document` can rely on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nlp.language import LanguageGuess, detect_document, detect_language

# Invented sentences, one per language Palmarès reads news in.
SENTENCES = {
    "de": "Die Läuferin hat am Samstag das Rennen über zehn Kilometer gewonnen und ihren dritten Titel geholt.",
    "en": "The defending champion crashed on the final descent but still finished the stage in third place.",
    "es": "El equipo ganó el partido del domingo gracias a dos goles en los últimos minutos del encuentro.",
    "fr": "La skieuse a remporté la descente de samedi avec une avance de quatre dixièmes sur sa coéquipière.",
    "it": "La squadra ha vinto la partita di domenica grazie a due gol segnati negli ultimi minuti di gioco.",
    "nl": "De schaatser heeft zaterdag de vijf kilometer gewonnen en pakte daarmee zijn derde titel op rij.",
    "pl": "Zawodniczka wygrała w sobotę bieg na dziesięć kilometrów i zdobyła trzeci tytuł z rzędu.",
    "pt": "A equipa venceu o jogo de domingo graças a dois golos marcados nos últimos minutos da partida.",
    "ru": "Команда выиграла воскресный матч благодаря двум голам, забитым в последние минуты игры.",
}

GERMAN_ARTICLE = [
    "Müller gewinnt in Oberhof",
    "Die Biathletin hat am Samstag den Sprint über 7,5 Kilometer gewonnen und damit ihren ersten Weltcupsieg geholt.",
    "Sie blieb im Liegendschießen und im Stehendschießen fehlerfrei und lag am Ende fast eine halbe Minute vorne.",
    '"I never expected to win this race, the conditions were really difficult today," she told reporters.',
    "Am Sonntag startet sie in der Verfolgung.",
]


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_each_supported_language_is_recognised(language: str) -> None:
    guess = detect_language(SENTENCES[language])
    assert guess.language == language
    assert guess.confidence > 0.9


def test_guess_is_a_frozen_value() -> None:
    guess = detect_language(SENTENCES["en"])
    assert isinstance(guess, LanguageGuess)
    assert 0.0 <= guess.confidence <= 1.0
    with pytest.raises(AttributeError):
        guess.language = "fr"  # type: ignore[misc]


def test_same_text_always_gets_the_same_answer() -> None:
    text = "Real Madrid - Barcelona"
    assert len({detect_language(text) for _ in range(20)}) == 1


def test_answers_do_not_depend_on_the_process() -> None:
    code = "from nlp.language import detect_language as d; print(d('Porto em Lisboa'), d('Ana Maria'))"
    root = Path(__file__).resolve().parents[1]
    runs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True).stdout
        for _ in range(2)
    }
    assert len(runs) == 1
    assert runs.pop().strip() == f"{detect_language('Porto em Lisboa')} {detect_language('Ana Maria')}"


def test_order_of_calls_does_not_matter() -> None:
    before = detect_language("Tour de France")
    detect_language(SENTENCES["nl"], hint="nl")
    detect_document(GERMAN_ARTICLE)
    assert detect_language("Tour de France") == before


@pytest.mark.parametrize("text", ["", " ", "\n\t  \n", "\u00a0\u2003"])
def test_empty_or_whitespace_text_is_undetermined(text: str) -> None:
    assert detect_language(text) == LanguageGuess("und", 0.0)


@pytest.mark.parametrize("text", ["12:30", "3 - 1 (2 - 0)", "1:54.70 !!! ...", "+++ 42 % +++", "— « » ¿? ¡!", "🙂🏆"])
def test_digits_punctuation_and_symbols_are_undetermined(text: str) -> None:
    assert detect_language(text) == LanguageGuess("und", 0.0)


def test_undetermined_even_with_a_hint() -> None:
    assert detect_language("2:1", hint="de").language == "und"


def test_hint_decides_an_ambiguous_text() -> None:
    assert detect_language("Porto", hint="pt").language == "pt"
    assert detect_language("Porto", hint="it").language == "it"


def test_hint_does_not_override_clear_text() -> None:
    guess = detect_language(SENTENCES["de"], hint="fr")
    assert guess.language == "de"
    assert guess.confidence > 0.9


@pytest.mark.parametrize("hint", ["", "  ", "xx", "klingon", "DE", " de "])
def test_odd_hints_are_harmless(hint: str) -> None:
    assert detect_language(SENTENCES["nl"], hint=hint).language == "nl"


def test_short_ambiguous_text_gets_a_low_confidence() -> None:
    assert detect_language("Real Madrid").confidence < 0.6


def test_non_text_input_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        detect_language(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be a str"):
        detect_document(["fine", b"bytes"])  # type: ignore[list-item]


def test_urls_and_mail_addresses_carry_no_language() -> None:
    text = "https://www.example.com/sport/results?id=42 redaktion@example.com"
    assert detect_language(text).language == "und"


def test_all_caps_headline_is_still_recognised() -> None:
    assert detect_language("DIE MANNSCHAFT GEWINNT DAS FINALE IN BERLIN").language == "de"


def test_long_text_is_fine() -> None:
    assert detect_language(SENTENCES["it"] * 200).language == "it"


def test_document_language_and_one_guess_per_block() -> None:
    document, blocks = detect_document(GERMAN_ARTICLE)
    assert document.language == "de"
    assert document.confidence > 0.99
    assert len(blocks) == len(GERMAN_ARTICLE)


def test_quote_in_another_language_is_reported_as_such() -> None:
    _, blocks = detect_document(GERMAN_ARTICLE)
    assert [guess.language for guess in blocks] == ["de", "de", "de", "en", "de"]


def test_short_block_follows_the_document() -> None:
    article = [SENTENCES["pt"], "Porto", SENTENCES["pt"]]
    _, blocks = detect_document(article)
    assert blocks[1].language == "pt"
    _, blocks = detect_document([SENTENCES["it"], "Porto"])
    assert blocks[1].language == "it"


def test_short_block_alone_is_less_certain_than_in_its_document() -> None:
    alone = detect_language("Ergebnisse vom Sonntag")
    _, blocks = detect_document(GERMAN_ARTICLE + ["Ergebnisse vom Sonntag"])
    assert blocks[-1].language == alone.language == "de"
    assert blocks[-1].confidence >= alone.confidence


def test_mixed_article_is_named_after_its_main_language() -> None:
    article = [SENTENCES["en"], SENTENCES["en"], SENTENCES["fr"]]
    document, blocks = detect_document(article)
    assert document.language == "en"
    assert [guess.language for guess in blocks] == ["en", "en", "fr"]


def test_document_blocks_without_letters_are_undetermined() -> None:
    _, blocks = detect_document([SENTENCES["es"], "3 - 1", ""])
    assert [guess.language for guess in blocks] == ["es", "und", "und"]


@pytest.mark.parametrize("blocks", [[], [""], ["  ", "12:30"]])
def test_document_without_text_is_undetermined(blocks: list[str]) -> None:
    document, guesses = detect_document(blocks)
    assert document == LanguageGuess("und", 0.0)
    assert guesses == [LanguageGuess("und", 0.0)] * len(blocks)


def test_document_hint_is_used_for_an_ambiguous_document() -> None:
    document, _ = detect_document(["Porto"], hint="pt")
    assert document.language == "pt"


def test_detecting_the_language_does_not_load_spacy() -> None:
    code = (
        "import sys; from nlp.language import detect_language; detect_language('Hallo Welt');"
        " print('spacy' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert result.stdout.strip() == "False"


def test_word_memo_never_changes_an_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    from nlp.language import profiles

    texts = list(SENTENCES.values()) + ["Porto", "Real Madrid", "Tour de France"] + GERMAN_ARTICLE
    expected = [detect_language(text) for text in texts]
    monkeypatch.setattr(profiles, "WORD_CACHE_SIZE", 3)
    assert [detect_language(text) for text in reversed(texts)] == list(reversed(expected))


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_ngrams_are_the_ones_langdetect_counts(language: str) -> None:
    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    from nlp.language.ngrams import char_ngrams
    from nlp.language.profiles import ngram_table

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    reference = factory.create()
    reference.append(SENTENCES[language])
    reference.cleaning_text()
    known = ngram_table().index
    assert sorted(g for g in char_ngrams(SENTENCES[language]) if g in known) == sorted(reference._extract_ngrams())
