"""`palmares train-ner LANG`: train, evaluate and write a language's NER pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from service.cli.app import app


@app.command("train-ner")
def train_ner_command(
    language: Annotated[str, typer.Argument(help="language code with WikiNEuRal data: nl, en, fr, es, de, it")],
    steps: Annotated[
        int, typer.Option("--steps", min=1, help="training steps (the best checkpoint on the dev split is kept)")
    ] = 12000,
    output: Annotated[
        Path | None, typer.Option("--output", help="pipeline folder; default nlp/resources/ner/LANG")
    ] = None,
    data: Annotated[
        Path | None, typer.Option("--data", help="folder holding wikineural/ and conll/; default ../shared/data/ner")
    ] = None,
    work_dir: Annotated[
        Path | None, typer.Option("--work-dir", help="scratch folder for corpora and checkpoints")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="seed of the corpus shuffle and of the training run")] = 0,
    lexical_vectors: Annotated[
        str | None,
        typer.Option(
            "--lexical-vectors",
            help="lexical-vector version the tok2vec reads, e.g. palmares.lexical_vectors.v2 (default: the language's)",
        ),
    ] = None,
    list_share: Annotated[
        float | None,
        typer.Option(
            "--list-share",
            help="synthetic list sentences (line-ups, enumerations) per training sentence, 0-1"
            " (default: the language's)",
        ),
    ] = None,
    monolingual: Annotated[
        bool,
        typer.Option(
            "--monolingual",
            help="train on this language's WikiNEuRal data only (default: all languages, own counted twice)",
        ),
    ] = False,
    repair_only: Annotated[
        bool,
        typer.Option(
            "--repair-only",
            help="no training: rebuild the name-evidence repair of the pipeline at --output, re-evaluate it",
        ),
    ] = False,
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
