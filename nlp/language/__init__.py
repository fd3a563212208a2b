"""Language identification (langdetect engine). Public API: `detect_language`, `detect_document`."""

from nlp.language.detector import SUPPORTED, LanguageGuess, detect_document, detect_language, known_languages

__all__ = ["SUPPORTED", "LanguageGuess", "detect_document", "detect_language", "known_languages"]
