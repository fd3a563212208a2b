"""`palmares batch`: many articles (files, directories, archives, JSONL, WARC) into JSONL or the store."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Annotated

import typer

from service.cli.app import app


@app.command("batch")
def batch_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="Files, directories or archives: JSONL, JSON, text, HTML, zip, tar(.gz), WARC; detected from content.",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help='JSONL file: one extraction result (or {"id", "error"}) per input article.'
        ),
    ] = None,
    store: Annotated[bool, typer.Option("--store", help="Write the results into the database.")] = False,
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database-url",
            envvar="PALMARES_DATABASE_URL",
            help="SQLAlchemy URL for --store (default: the service's database, see PALMARES_DATA_DIR).",
        ),
    ] = None,
    calendar: Annotated[
        Path | None, typer.Option("--calendar", help="Calendar to link against (seed format or .ics).")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", min=1, help="Processes on this machine (default: all cores).")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://HOST:8786.")
    ] = None,
    checkpoint: Annotated[
        Path | None, typer.Option("--checkpoint", help="Checkpoint file (default: OUTPUT.checkpoint).")
    ] = None,
    restart: Annotated[
        bool, typer.Option("--restart", help="Ignore an earlier interrupted run and start over.")
    ] = False,
    keep_duplicates: Annotated[
        bool, typer.Option("--keep-duplicates", help="Extract articles whose content was already seen.")
    ] = False,
    chunk_size: Annotated[
        int, typer.Option("--chunk-size", min=1, help="Articles per chunk (unit of work and of checkpointing).")
    ] = 32,
    max_file_size: Annotated[
        int, typer.Option("--max-file-mb", min=1, help="Per-file cap (article file, archive entry, JSONL line), MiB.")
    ] = 8,
    progress_interval: Annotated[
        float,
        typer.Option("--progress-interval", help="Seconds between plain progress lines (when not on a terminal)."),
    ] = 10.0,
) -> None:
    """Extract many articles, streaming, on all cores or a Dask cluster; resumable after a kill."""
    from service.batch import BatchError, BatchInterrupted, Limits, run_batch
    from service.batch.progress import reporter_for
    from service.cli.extract import load_calendar_file

    if output is None and not store:
        raise typer.BadParameter("give --output OUT.jsonl and/or --store", param_hint="--output")
    store_url = _store_url(database_url) if store else None
    limits = Limits(max_file_bytes=max_file_size * 1024 * 1024)
    signal.signal(signal.SIGTERM, _stop_like_ctrl_c)
    try:
        with reporter_for(sys.stderr, progress_interval) as reporter:
            summary = run_batch(
                inputs,
                output=output,
                store_url=store_url,
                calendar=load_calendar_file(calendar),
                workers=workers,
                scheduler=scheduler,
                checkpoint=checkpoint,
                restart=restart,
                dedup=not keep_duplicates,
                chunk_size=chunk_size,
                limits=limits,
                progress=reporter,
            )
    except BatchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from None
    except (BatchInterrupted, KeyboardInterrupt):
        typer.echo("interrupted: run the same command again to resume", err=True)
        raise typer.Exit(code=130) from None
    resumed = f" (resumed after {summary.resumed_from} items)" if summary.resumed_from else ""
    typer.echo(
        f"batch: {summary.items} items in {summary.elapsed:.1f} s{resumed}: {summary.processed} processed, "
        f"{summary.duplicates} skipped as duplicates, {summary.failed} failed",
        err=True,
    )
    for reason, count in summary.reasons.items():
        typer.echo(f"  failed {count}x: {reason}", err=True)


def _stop_like_ctrl_c(_signal: int, _frame: object) -> None:
    """SIGTERM (a service manager, `kill`) stops the run as Ctrl-C does: workers stopped, checkpoint kept."""
    raise KeyboardInterrupt


def _store_url(database_url: str | None) -> str:
    if database_url:
        return database_url
    from service.settings import get_settings

    return get_settings().url
