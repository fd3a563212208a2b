"""`palmares train-ner LANG`: train, evaluate and write a language's NER pipeline."""

from __future__ import annotations

from pathlib import Path

import typer

from service.cli.app import app


@app.command("train-ner")
def train_ner_command(
    language: str = typer.Argument(..., help="language code with WikiNEuRal data: nl, en, fr, es, de, it"),
    steps: int = typer.Option(
        12000, "--steps", min=1, help="training steps (the best checkpoint on the dev split is kept)"
    ),
    output: Path | None = typer.Option(None, "--output", help="pipeline folder; default nlp/resources/ner/LANG"),
    data: Path | None = typer.Option(
        None, "--data", help="folder holding wikineural/ and conll/; default ../shared/data/ner"
    ),
    work_dir: Path | None = typer.Option(None, "--work-dir", help="scratch folder for corpora and checkpoints"),
    seed: int = typer.Option(0, "--seed", help="seed of the corpus shuffle and of the training run"),
    lexical_vectors: str | None = typer.Option(
        None,
        "--lexical-vectors",
        help="lexical-vector version the tok2vec reads, e.g. palmares.lexical_vectors.v2 (default: the language's)",
    ),
    list_share: float | None = typer.Option(
        None,
        "--list-share",
        help="synthetic list sentences (line-ups, enumerations) per training sentence, 0-1 (default: the language's)",
    ),
    monolingual: bool = typer.Option(
        False,
        "--monolingual",
        help="train on this language's WikiNEuRal data only (default: all languages, own counted twice)",
    ),
    repair_only: bool = typer.Option(
        False,
        "--repair-only",
        help="no training: rebuild the name-evidence repair of the pipeline at --output, re-evaluate it",
    ),
) -> None:
    """Train a language's NER from WikiNEuRal (set OMP_NUM_THREADS=1 on a shared machine)."""
    from nlp.training.conllu import ConlluError
    from nlp.training.evaluate import format_table
    from nlp.training.train import default_data_dir, default_output, rebuild_repair, train_ner

    language = language.lower()
    try:
        if repair_only:
            run = rebuild_repair(language, output or default_output(language), data or default_data_dir())
        else:
            run = train_ner(
                language,
                steps=steps,
                output=output,
                data_dir=data,
                work_dir=work_dir,
                multilingual=not monolingual,
                seed=seed,
                lexical_vectors=lexical_vectors,
                list_share=list_share,
            )
    except (OSError, ValueError, ConlluError) as exc:
        typer.echo(f"train-ner: {exc}", err=True)
        raise typer.Exit(code=2) from None
    typer.echo(f"wrote {run.output} (training took {run.minutes:.1f} minutes)")
    for title, scores in run.evaluations:
        typer.echo(format_table(title, scores))
