"""Why a batch run stops: shared by the runner and the executors it drives (local processes, Dask)."""


class BatchError(Exception):
    """The run cannot start or continue (bad arguments, unreachable cluster, mismatched checkpoint)."""


class BatchInterrupted(Exception):
    """Stopped on request; the checkpoint is kept, so the same call resumes."""
