"""Build each language's pipeline from `pipeline.cfg` (once per process)."""

from __future__ import annotations

import logging
import os
import threading
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.vectors import Vectors
from thinc.api import Config

import nlp.pipeline.abbreviations  # noqa: F401  (registers the tokenizer callback pipeline.cfg names)
import nlp.pipeline.components  # noqa: F401  (registers the factories)
import nlp.pipeline.crew_names  # noqa: F401  (registers its factory)
import nlp.pipeline.lexical_vectors  # noqa: F401  (registers the vectors the shipped NER pipelines name)
from nlp.pipeline.lexicon import FALLBACK_LANGUAGE, available_languages
from nlp.pipeline.matrix_ops import use_numpy_blas
from nlp.pipeline.ner_repair import FACTORY as NER_REPAIR

log = logging.getLogger(__name__)
DEFAULT_VECTORS = "spacy.Vectors.v1"
_pipelines: dict[str, Language] = {}
_lock = threading.Lock()


def ner_model_source(language: str) -> str | None:
    """Statistical NER for a language: setting PALMARES_NER_MODEL_<LANG> (package or path, "none" to
    disable), else the pipeline the project trained and ships in nlp/resources/ner/<lang>/."""
    setting = os.environ.get(f"PALMARES_NER_MODEL_{language.upper()}")
    if setting:
        return None if setting.lower() == "none" else setting
    shipped = Path(str(resources.files("nlp.resources"))) / "ner" / language
    return str(shipped) if (shipped / "meta.json").is_file() else None


def spacy_language_code(language: str) -> str:
    try:
        spacy.util.get_lang_class(language)
        return language
    except (ImportError, KeyError):
        return "xx"


def build_pipeline(language: str) -> Language:
    config = Config().from_str(resources.files("nlp.pipeline").joinpath("pipeline.cfg").read_text(encoding="utf-8"))
    config["nlp"]["lang"] = spacy_language_code(language)
    lexicon_language = language if language in available_languages() else FALLBACK_LANGUAGE
    config["components"]["palmares_sports_entities"]["language"] = lexicon_language
    config["components"]["palmares_persons"]["language"] = lexicon_language
    source = ner_model_source(language)
    folder = pipeline_directory(source) if source else None
    if source:
        vectors = sourced_config(folder).get("nlp", {}).get("vectors", {})
        if vectors.get("@vectors", DEFAULT_VECTORS) != DEFAULT_VECTORS:
            # Vectors made by a registered factory (the project's lexical vectors) rather than read from disk.
            config["nlp"]["vectors"] = vectors
        config["components"]["ner"] = {"source": source, "replace_listeners": ["model.tok2vec"]}
        config["nlp"]["pipeline"].insert(1, "ner")
        # Only the project's own NER pipelines ship the repair step; official spaCy models do not.
        if (Path(source) / NER_REPAIR).is_dir():
            config["components"][NER_REPAIR] = {"source": source}
            config["nlp"]["pipeline"].insert(2, NER_REPAIR)
    try:
        nlp = spacy.util.load_model_from_config(config, auto_fill=True)
        if folder:
            keep_sourced_vectors(nlp, folder)
        return use_numpy_blas(nlp)
    except (OSError, ValueError, KeyError) as exc:
        if not source:
            raise
        log.warning("NER model %s for %s could not be loaded (%s); using rules only", source, language, exc)
        for name in ("ner", NER_REPAIR):
            if name in config["nlp"]["pipeline"]:
                config["components"].pop(name)
                config["nlp"]["pipeline"].remove(name)
        config["nlp"].pop("vectors", None)
        return spacy.util.load_model_from_config(config, auto_fill=True)


def pipeline_directory(source: str) -> Path | None:
    """The data folder of a pipeline given as a folder or as an installed package name; None when it is
    neither (loading the pipeline itself then reports what is wrong)."""
    if Path(source).is_dir():
        return Path(source)
    try:
        package = spacy.util.get_package_path(source)
        meta = spacy.util.get_model_meta(package)
    except (OSError, ValueError, ImportError):
        return None
    return package / f"{meta['lang']}_{meta['name']}-{meta['version']}"


def sourced_config(folder: Path | None) -> Config:
    try:
        return spacy.util.load_config(folder / "config.cfg") if folder else Config()
    except (OSError, ValueError):
        return Config()


def keep_sourced_vectors(nlp: Language, folder: Path) -> None:
    """Give the pipeline the static vectors of the NER pipeline it sourced. spaCy restores the target's
    vocab after sourcing a component, so a sourced model that reads vectors (an official *_md or *_lg
    pipeline, or one trained with vectors) would otherwise see only zeros."""
    vocab_folder = folder / "vocab"
    if not (vocab_folder / "vectors").is_file():
        return
    vectors = Vectors(strings=nlp.vocab.strings).from_disk(vocab_folder)
    if vectors.shape[0]:
        nlp.vocab.vectors = vectors


def get_pipeline(language: str) -> Language:
    """The process-wide pipeline for a language, built on first use."""
    with _lock:
        if language not in _pipelines:
            try:
                _pipelines[language] = build_pipeline(language)
            except (ImportError, AttributeError, NotImplementedError) as exc:  # ja, th, vi, ko need packages; zh…
                if language == "xx":
                    raise
                log.warning("no spaCy tokenizer for %s (%s); using the multilingual pipeline", language, exc)
                _pipelines[language] = _pipelines.get("xx") or build_pipeline("xx")
        return _pipelines[language]
