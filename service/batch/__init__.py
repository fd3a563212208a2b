"""Batch processing of article archives: readers, archive safety, checkpoint, runner, Dask.

`run_batch` is the entry point of `palmares batch` and of Python scripts. The service's `POST /batch` does not use it:
an uploaded JSONL file becomes a job (`service/jobs.py`) that extracts in the server process and stores each article
as `POST /articles` does.
"""

from service.batch.errors import BatchError, BatchInterrupted
from service.batch.limits import Limits
from service.batch.progress import BatchProgress
from service.batch.runner import BatchSummary, run_batch

__all__ = ["BatchError", "BatchInterrupted", "BatchProgress", "BatchSummary", "Limits", "run_batch"]
