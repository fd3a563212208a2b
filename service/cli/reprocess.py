"""`palmares reprocess`: re-run stored articles through the current extraction pipeline."""

from __future__ import annotations

from typing import Annotated

import typer

from service.cli.app import app


@app.command("reprocess")
def reprocess_command(
    everything: Annotated[
        bool, typer.Option("--all", help="Re-run every article, not only those stored by another pipeline version.")
    ] = False,
) -> None:
    """Re-extract stored articles with the current pipeline version (store from PALMARES_* settings)."""
    from models.records import Calendar
    from models.storage import open_store, replace_extraction
    from models.storage.read import articles_needing, calendar_entries, known_names
    from models.storage.tables import ArticleRow
    from nlp.engine import PIPELINE_VERSION, get_engine
    from service.settings import get_settings

    settings = get_settings()
    sessions = open_store(settings.url)
    engine = get_engine()
    with sessions() as session:
        names = known_names(session)
        calendar = Calendar(entries=calendar_entries(session))
        ids = articles_needing(session, None if everything else PIPELINE_VERSION)
    engine.add_known(names.athletes, names.teams, names.races)
    done = failed = 0
    for article_id in ids:
        with sessions() as session:
            row = session.get_one(ArticleRow, article_id)
            try:
                result = engine.extract(
                    row.raw_text,
                    published=row.published,
                    language=row.language_hint,
                    source_url=row.source_url,
                    calendar=calendar if calendar.entries else None,
                )
            except Exception as exc:  # one bad article must not stop the others
                failed += 1
                typer.echo(f"article {article_id}: {exc}", err=True)
                continue
            replace_extraction(session, row, result)
            session.commit()
            done += 1
    typer.echo(f"reprocessed {done} article(s) with pipeline {PIPELINE_VERSION}; {failed} failed")
