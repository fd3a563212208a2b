"""`palmares train-ner LANG`: train, evaluate and write a language's NER pipeline."""

from __future__ import annotations

from pathlib import Path

import typer

from service.cli.app import app


@app.command("train-ner")
def train_ner_command(
    language: str = typer.Argument(..., help="language code with WikiNEuRal data: nl, en, fr, es, de, it"),
    steps: int = typer.Option(5000, "--steps", min=1, help="training steps"),
    output: Path | None = typer.Option(None, "--output", help="pipeline folder; default nlp/resources/ner/LANG"),
    data: Path | None = typer.Option(None, "--data", help="folder holding wikineural/ and conll/; default ../shared/data/ner"),
    work_dir: Path | None = typer.Option(None, "--work-dir", help="scratch folder for corpora and checkpoints"),
) -> None:
    """Train a language's NER from WikiNEuRal (set OMP_NUM_THREADS=1 on a shared machine)."""
    from nlp.training.conllu import ConlluError
    from nlp.training.evaluate import format_table
    from nlp.training.train import train_ner

    try:
        run = train_ner(language.lower(), steps=steps, output=output, data_dir=data, work_dir=work_dir)
    except (FileNotFoundError, ValueError, ConlluError) as exc:
        typer.echo(f"train-ner: {exc}", err=True)
        raise typer.Exit(code=2) from None
    typer.echo(f"wrote {run.output} in {run.minutes:.1f} minutes")
    typer.echo(format_table("WikiNEuRal held-out", run.heldout))
    if run.conll:
        typer.echo(format_table("CoNLL test", run.conll))
