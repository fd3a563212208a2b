"""The shipped NER multiplies with numpy's BLAS (nlp/pipeline/matrix_ops.py) and predicts the same."""

from typing import cast

import spacy
from spacy.pipeline import EntityRecognizer

from nlp.pipeline.loader import get_pipeline, ner_model_source
from nlp.pipeline.matrix_ops import NUMPY_BLAS_OPS, use_numpy_blas

TEXT = (
    "Jorrit Bergsma won de 10.000 meter in Heerenveen. Bergsma was 2,3 seconden sneller dan Patrick Roest, "
    "die in Thialf tweede werd voor Davide Ghiotto uit Italië."
)


def test_the_extraction_pipeline_multiplies_with_numpy() -> None:
    ner = cast(EntityRecognizer, get_pipeline("nl").get_pipe("ner"))
    assert all(layer.ops is NUMPY_BLAS_OPS for layer in ner.model.walk())


def test_numpy_and_blis_find_the_same_entities() -> None:
    source = ner_model_source("nl")
    assert source is not None
    with_blis = spacy.load(source)
    with_numpy = use_numpy_blas(spacy.load(source))
    assert [(e.text, e.label_) for e in with_numpy(TEXT).ents] == [(e.text, e.label_) for e in with_blis(TEXT).ents]
    assert with_numpy(TEXT).ents


def test_the_pipeline_keeps_blas_to_one_thread() -> None:
    from threadpoolctl import threadpool_info

    get_pipeline("nl")
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")
