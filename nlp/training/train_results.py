"""Fit the result and athlete models: logistic regressions (scikit-learn) over binary features, saved as
`LinearModel`s (JSON weights). Deterministic: lbfgs on the same data gives the same weights."""

from __future__ import annotations

from nlp.decisions.linear_model import LinearModel
from nlp.training.results_corpus import NEGATIVE, NEUTRAL, POSITIVE, Passage

REGULARISATION = 0.3  # scikit-learn's C, chosen by cross-validation (docs/results-model.md)
THRESHOLD = 0.3  # the probability from which a candidate result is kept, chosen the same way
ATHLETE_THRESHOLD = 0.5  # the probability from which a person is an athlete (0.3 tried: athletes F1 0.926)
SEED = 0


def fit(passages: list[Passage], regularisation: float = REGULARISATION, threshold: float = THRESHOLD) -> LinearModel:
    """The result model, fitted on the passages' candidate facts."""
    rows = [(f, lab) for p in passages for f, lab in zip(p.features, p.labels, strict=True)]
    return fit_rows(rows, regularisation, threshold, passages=len(passages))


def fit_athletes(
    passages: list[Passage], regularisation: float = REGULARISATION, threshold: float = ATHLETE_THRESHOLD
) -> LinearModel:
    """The athlete model, fitted on the people the tagging found."""
    rows = [(f, lab) for p in passages for f, lab in zip(p.entity_features, p.entity_labels, strict=True)]
    return fit_rows(rows, regularisation, threshold, passages=len(passages))


def fit_standings(passages: list[Passage], regularisation: float = REGULARISATION) -> LinearModel:
    """The standings model, fitted on the candidates the gold holds: in a standings or in a race."""
    rows = [(f, POSITIVE if in_standings else NEGATIVE) for p in passages for f, in_standings in p.standings]
    return fit_rows(rows, regularisation, 0.5, passages=len(passages))


def fit_events(passages: list[Passage], regularisation: float = REGULARISATION) -> LinearModel:
    """The event model, fitted on (result, named event) pairs: does the named event agree with the gold one."""
    rows = [(f, POSITIVE if agree else NEGATIVE) for p in passages for f, agree in p.event_choices]
    return fit_rows(rows, regularisation, 0.5, passages=len(passages))


def fit_rows(rows: list[tuple[set[str], str]], regularisation: float, threshold: float, passages: int) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [(f, lab) for f, lab in rows if lab != NEUTRAL]
    if not rows or len({lab for _, lab in rows}) < 2:
        raise ValueError("the training passages hold no candidates of both kinds (stated and not stated)")
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(f, 1) for f, _ in rows])
    classifier = LogisticRegression(C=regularisation, max_iter=5000, random_state=SEED)
    classifier.fit(matrix, [lab == POSITIVE for _, lab in rows])
    weights = dict(zip(vectorizer.get_feature_names_out(), classifier.coef_[0].tolist(), strict=True))
    meta = {
        "passages": passages,
        "candidates": len(rows),
        "positives": sum(lab == POSITIVE for _, lab in rows),
        "regularisation": regularisation,
        "seed": SEED,
    }
    return LinearModel(weights=weights, bias=float(classifier.intercept_[0]), threshold=threshold, meta=meta)
