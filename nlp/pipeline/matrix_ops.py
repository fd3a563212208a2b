"""Matrix products through numpy's BLAS instead of thinc's bundled BLIS.

On the project's machines (AMD EPYC, AVX2, one thread) numpy's OpenBLAS multiplies the tok2vec's
matrices about twice as fast as BLIS (bench/extract.py), and the predictions are the same.
OpenBLAS is kept to one thread per process. Parallelism comes from processes (`palmares batch --workers`,
uvicorn workers). In bench/batch.py (5,000 articles) a second BLAS thread made one process 12 % faster
for 1.8 CPUs, and made two worker processes slower (72.8 against 81.2 articles/s).
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

NUMPY_BLAS_OPS = NumpyOps(use_blis=False)


def use_numpy_blas(nlp: Language) -> Language:
    """Make every layer of every trainable component of `nlp` multiply with numpy (in place), on one
    BLAS thread for the whole process."""
    threadpool_limits(limits=1, user_api="blas")
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            layer.ops = NUMPY_BLAS_OPS
    return nlp
