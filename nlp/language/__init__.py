"""Language identification (langdetect engine). Public API: `detect_language`, `detect_document`."""

from nlp.language.detector import LanguageGuess, detect_document, detect_language

__all__ = ["LanguageGuess", "detect_document", "detect_language"]
