"""Training and evaluation of the project's statistical NER (WikiNEuRal → spaCy pipeline per language)."""
