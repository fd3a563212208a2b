"""Batch processing of article archives: readers, archive safety, checkpoint, runner, Dask.

`run_batch` is the entry point for the command line (`palmares batch`) and the service (`POST /batch`).
"""

from service.batch.limits import Limits
from service.batch.progress import BatchProgress
from service.batch.runner import BatchError, BatchInterrupted, BatchSummary, run_batch

__all__ = ["BatchError", "BatchInterrupted", "BatchProgress", "BatchSummary", "Limits", "run_batch"]
