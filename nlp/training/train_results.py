"""Fit the result and athlete models: logistic regressions (scikit-learn) over binary features, saved as
`LinearModel`s (JSON weights). Deterministic: lbfgs on the same data gives the same weights."""

from __future__ import annotations

from nlp.decisions.linear_model import LinearModel
from nlp.training.results_corpus import NEGATIVE, NEUTRAL, POSITIVE, Passage

REGULARISATION = 0.3  # scikit-learn's C, chosen by cross-validation (docs/results-model.md)
THRESHOLD = 0.25  # the probability from which a candidate result is kept, chosen the same way
ATHLETE_THRESHOLD = 0.5  # the probability from which a person is an athlete (0.3 tried: athletes F1 0.926)
ATHLETE_REGULARISATION = 1.0  # C of the athlete model, chosen by cross-validation among 0.1, 0.3, 1, 2, 3
SEED = 0


def fit(passages: list[Passage], regularisation: float = REGULARISATION, threshold: float = THRESHOLD) -> LinearModel:
    """The result model, fitted on the passages' candidate facts."""
    rows = [(f, lab) for p in passages for f, lab in zip(p.features, p.labels, strict=True)]
    return fit_rows(rows, regularisation, threshold, passages=len(passages))


def fit_athletes(
    passages: list[Passage], regularisation: float = ATHLETE_REGULARISATION, threshold: float = ATHLETE_THRESHOLD
) -> LinearModel:
    """The athlete model, fitted on the people the tagging found."""
    rows = [(f, lab) for p in passages for f, lab in zip(p.entity_features, p.entity_labels, strict=True)]
    return fit_rows(rows, regularisation, threshold, passages=len(passages))


def fit_standings(passages: list[Passage], regularisation: float = REGULARISATION) -> LinearModel:
    """The standings model, fitted on the candidates the gold holds: in a standings or in a race."""
    rows = [(f, POSITIVE if in_standings else NEGATIVE) for p in passages for f, in_standings in p.standings]
    return fit_rows(rows, regularisation, 0.5, passages=len(passages))


def fit_events(passages: list[Passage], regularisation: float = REGULARISATION) -> LinearModel:
    """The event model, fitted to rank the events a result could belong to: for each result the gold holds, each
    named event that agrees with the gold one against each that does not (a pairwise logistic regression, each
    result weighing 1 however many pairs it gives). Its score orders a result's events; it has no bias and no
    threshold: the best-scored event is taken (0.835 of the choices right on held-out folds, against 0.825 when
    each (result, event) pair was classified alone; docs/results-model.md)."""
    groups = [group for p in passages for group in p.event_choices]
    return fit_ranking(groups, regularisation, passages=len(passages))


def fit_ranking(groups: list[list[tuple[set[str], bool]]], regularisation: float, passages: int) -> LinearModel:
    """A linear scorer that ranks the options agreeing with the gold above the others: a logistic regression
    without intercept on the differences of their feature vectors (each pair in both orders)."""
    import numpy as np
    from scipy.sparse import vstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(f, 1) for group in groups for f, _ in group]).tocsr()
    better, worse, weights = [], [], []
    offset = 0
    for group in groups:
        agree = [offset + i for i, (_, agrees) in enumerate(group) if agrees]
        disagree = [offset + i for i, (_, agrees) in enumerate(group) if not agrees]
        for i in agree:
            for j in disagree:
                better.append(i)
                worse.append(j)
                weights.append(1.0 / (len(agree) * len(disagree)))
        offset += len(group)
    if not better:
        raise ValueError("the training passages hold no result with events to tell apart")
    differences = matrix[better] - matrix[worse]
    classifier = LogisticRegression(C=regularisation, max_iter=5000, random_state=SEED, fit_intercept=False)
    classifier.fit(
        vstack([differences, -differences]),
        np.array([1] * len(better) + [0] * len(better)),
        sample_weight=np.array(weights + weights),
    )
    meta = {
        "passages": passages,
        "results": len(groups),
        "pairs": len(better),
        "regularisation": regularisation,
        "seed": SEED,
        "fitted": "pairwise ranking",
    }
    names = vectorizer.get_feature_names_out()
    return LinearModel(weights=dict(zip(names, classifier.coef_[0].tolist(), strict=True)), bias=0.0, meta=meta)


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
