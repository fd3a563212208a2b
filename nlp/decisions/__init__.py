"""Learned decisions: which candidate facts and names the article states.

The rules and lexicons of `nlp.pipeline` and `nlp.extraction` propose candidates and describe them (features);
small models trained on annotated real passages (`palmares train-results`) decide.
"""
