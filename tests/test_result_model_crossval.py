"""The shipped result model reproduces its recorded cross-validated figure on the annotated corpus
(../shared beside the repository; skipped without it)."""

from __future__ import annotations

import pytest

from nlp.decisions.results import result_model


@pytest.mark.slow
def test_the_shipped_model_reproduces_its_cross_validated_figure(shared_dir):
    pytest.importorskip("sklearn")
    from nlp.training.crossval_results import crossvalidate, figures, score, site_folds
    from nlp.training.results_corpus import tag_passages

    model = result_model()
    assert model is not None
    folders = [shared_dir / "data" / "corpus" / "train", shared_dir / "data" / "corpus" / "dev"]
    passages = tag_passages(folders)
    measured = figures(score(folders, crossvalidate(passages, site_folds(folders))))["all"]
    recorded = model.meta["crossval"]["model"]["all"]
    assert measured["results"] == pytest.approx(recorded["results"], abs=0.01)
    assert measured["results_event"] == pytest.approx(recorded["results_event"], abs=0.01)
    assert measured["athletes"] == pytest.approx(recorded["athletes"], abs=0.01)
