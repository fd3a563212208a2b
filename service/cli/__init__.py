"""Command line entry point: importing the command modules registers them on `app`."""

from service.cli import batch as _batch  # noqa: F401
from service.cli import extract as _extract  # noqa: F401
from service.cli import language as _language  # noqa: F401
from service.cli import reprocess as _reprocess  # noqa: F401
from service.cli import serve as _serve  # noqa: F401
from service.cli import train as _train  # noqa: F401
from service.cli import train_results as _train_results  # noqa: F401
from service.cli.app import app


def main() -> None:
    app()
