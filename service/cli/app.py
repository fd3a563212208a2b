"""The `palmares` Typer application; each command lives in its own module of this package."""

import typer

app = typer.Typer(
    name="palmares",
    help="Palmarès: multilingual sports-news extraction, summaries and calendar linking.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def palmares() -> None:
    """Palmarès: multilingual sports-news extraction, summaries and calendar linking."""
