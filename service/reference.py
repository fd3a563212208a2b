"""Markdown references written from the definitions themselves, so each option, setting and lexicon key is
described once: the commands' `--help`, the settings' descriptions, the lexicon schema. docs/ embeds them
with cog (`.venv/bin/cog -r docs/*.md`); tests/test_readme_documents_everything.py checks they are current."""

from __future__ import annotations

import typer.core
import typer.main

from nlp.decisions.results import MODEL_SETTING as RESULT_MODEL_SETTING
from nlp.language_data import LANGUAGE_DATA_SETTING
from nlp.pipeline.lexicon import lexicon_schema
from service.settings import Settings


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def cli_reference() -> str:
    """Every `palmares` command: what it does, its usage line and a table of its arguments and options."""
    from service.cli import app

    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    parts: list[str] = []
    for name, command in sorted(group.commands.items()):
        context = command.make_context(name, [], resilient_parsing=True)
        usage = command.get_usage(context).replace("Usage: ", "palmares ", 1)
        rows = [record for param in command.params if (record := param.get_help_record(context))]
        parts.append(f"## `palmares {name}`\n\n{_cell(command.help or '')}\n\n```\n{usage}\n```\n")
        if rows:
            table = "\n".join(f"| `{_cell(names)}` | {_cell(help_text)} |" for names, help_text in rows)
            parts.append(f"| argument or option | meaning |\n|---|---|\n{table}\n")
    return "\n".join(parts)


def settings_reference() -> str:
    """The service's settings (environment variables) with their defaults and meaning."""
    rows = []
    for name, field in Settings.model_fields.items():
        default = "none" if field.default in (None, "") else f"`{field.default}`"
        rows.append(f"| `PALMARES_{name.upper()}` | {default} | {_cell(field.description or '')} |")
    return "| variable | default | meaning |\n|---|---|---|\n" + "\n".join(rows) + "\n"


def language_settings() -> list[str]:
    """The environment variables the language pipelines read (not service settings: the CLI reads them too)."""
    return [LANGUAGE_DATA_SETTING, "PALMARES_NER_MODEL_<LANG>", RESULT_MODEL_SETTING]


def lexicon_reference() -> str:
    """Every key of a language lexicon: type, meaning and the modules that read it."""
    rows = []
    for key, spec in lexicon_schema()["properties"].items():
        kind = spec["type"]
        if kind == "array":
            kind = "list of strings"
        elif kind == "object":
            kind = f"word → {spec['additionalProperties']['type']}"
        scope = " Read from every language's lexicon at once." if spec.get("every_language") else ""
        readers = ", ".join(f"`{module}`" for module in spec["read_by"])
        rows.append(f"| `{key}` | {kind} | {_cell(spec['description'])}{scope} | {readers} |")
    return "| key | type | meaning | read by |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
