"""`palmares train-results` and `palmares crossval-results`: the result model, fitted and estimated on the
annotated corpus."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer

from service.cli.app import app

DEFAULT_CORPUS = [Path("../shared/data/corpus/train"), Path("../shared/data/corpus/dev")]
CorpusArgument = Annotated[
    list[Path] | None, typer.Argument(help="annotated corpus folders (default: ../shared/data/corpus/train and dev)")
]


def _corpus(dirs: list[Path] | None) -> list[Path]:
    folders = dirs or DEFAULT_CORPUS
    missing = [str(d) for d in folders if not d.is_dir()]
    if missing:
        typer.echo(f"error: corpus folder not found: {', '.join(missing)}", err=True)
        raise typer.Exit(2)
    return folders


@app.command("crossval-results")
def crossval_results_command(
    corpus: CorpusArgument = None,
    output: Annotated[
        Path | None, typer.Option("--output", help="write the held-out predictions (JSON lines) here")
    ] = None,
) -> None:
    """Cross-validate the result model (folds grouped by news site) and print the held-out figures."""
    from nlp.training.crossval_results import crossvalidate, figures, score, site_folds
    from nlp.training.results_corpus import tag_passages

    folders = _corpus(corpus)
    passages = tag_passages(folders)
    predictions = crossvalidate(passages, site_folds(folders))
    if output:
        output.write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions.values()), encoding="utf-8"
        )
    typer.echo(json.dumps(figures(score(folders, predictions)), indent=1))


@app.command("train-results")
def train_results_command(
    corpus: CorpusArgument = None,
    output: Annotated[
        Path | None, typer.Option("--output", help="model folder; default nlp/resources/results_model")
    ] = None,
) -> None:
    """Fit the result model on the annotated corpus, cross-validate it, write model.json and MODEL_CARD.md."""
    from nlp.decisions.results import shipped_model_path
    from nlp.training.crossval_results import crossvalidate, figures, predict, score, site_folds
    from nlp.training.results_corpus import tag_passages
    from nlp.training.results_model_card import write_model_card
    from nlp.training.train_results import fit, fit_athletes, fit_events, fit_standings

    started = time.monotonic()
    folders = _corpus(corpus)
    passages = tag_passages(folders)
    folds = site_folds(folders)
    model_figures = figures(score(folders, crossvalidate(passages, folds)))
    rules_figures = figures(score(folders, {p.id: predict(p, None) for p in passages}))
    model, athletes, standings = fit(passages), fit_athletes(passages), fit_standings(passages)
    events = fit_events(passages)
    model.meta.update(
        {
            "corpus": ", ".join(f"{d.parent.name}/{d.name}" for d in folders),
            "threshold": model.threshold,
            "features": sum(1 for w in model.weights.values() if abs(w) >= 1e-5),
            "athlete_model": {**athletes.meta, "threshold": athletes.threshold},
            "standings_model": standings.meta,
            "event_model": events.meta,
            "crossval": {"rules": rules_figures, "model": model_figures},
            "minutes": round((time.monotonic() - started) / 60, 1),
        }
    )
    folder = output or shipped_model_path().parent
    model.save(folder / "model.json")
    athletes.save(folder / "athletes.json")
    standings.save(folder / "standings.json")
    events.save(folder / "events.json")
    write_model_card(folder, model.meta)
    typer.echo(json.dumps({"model": str(folder / "model.json"), "crossval": model.meta["crossval"]}, indent=1))
