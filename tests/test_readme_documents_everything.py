"""docs/ documents every command-line option, every setting and every HTTP endpoint, and its generated
references are current; the README stays a short page for users.

Endpoints and settings are looked for in every page of docs/, so whoever adds one documents it where it belongs."""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import pytest
import typer.core
import typer.main
from cogapp import Cog

from service.reference import language_settings

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GENERATED = ["cli.md", "settings.md", "lexicons.md"]


def docs_text() -> str:
    return "\n".join(page.read_text(encoding="utf-8") for page in sorted(DOCS.glob("*.md")))


def _commands() -> MutableMapping[str, Any]:
    from service.cli import app

    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return group.commands


def _endpoints() -> list[str]:
    from service.app import create_app
    from service.settings import Settings

    paths = create_app(Settings(api_keys="x")).openapi()["paths"]
    return [f"{method.upper()} {path}" for path, operations in paths.items() for method in operations]


@pytest.mark.parametrize("page", GENERATED)
def test_the_generated_references_are_current(page: str) -> None:
    cog = Cog()
    cog.options.check = True  # like `cog --check`: compare, write nothing
    cog.options.verbosity = 0
    path = DOCS / page
    current = path.read_text(encoding="utf-8")
    regenerated = cog.process_string(current, fname=str(path))
    assert regenerated == current, f"docs/{page} is out of date: run .venv/bin/cog -r docs/{page}"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_and_option_is_documented(name: str) -> None:
    text = docs_text()
    command = _commands()[name]
    assert f"`palmares {name}`" in text, f"docs/ does not document `palmares {name}`"
    options = [option for param in command.params for option in param.opts if option.startswith("-")]
    missing = [option for option in options if not re.search(rf"{re.escape(option)}(?![\w-])", text)]
    assert not missing, f"docs/ does not document these options of `palmares {name}`: {missing}"


def test_every_setting_is_documented() -> None:
    from service.settings import Settings

    text = docs_text()
    names = [f"PALMARES_{name.upper()}" for name in Settings.model_fields] + language_settings()
    missing = [name for name in names if f"`{name}`" not in text]
    assert not missing, f"docs/ does not document these settings: {missing}"


def test_every_endpoint_is_documented() -> None:
    text = docs_text()
    missing = [endpoint for endpoint in _endpoints() if f"`{endpoint}`" not in text]
    assert not missing, f"docs/ does not document these endpoints (a `METHOD /path` heading or row): {missing}"


def test_the_readme_opens_with_the_two_commands_and_stays_short() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_screen = "\n".join(readme.splitlines()[:20])
    assert "bash scripts/quickstart.sh" in first_screen and "bash scripts/test.sh" in first_screen
    assert len(readme.split()) < 1500


def test_links_between_pages_lead_somewhere() -> None:
    pages = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
    broken = [
        f"{page.name} -> {target}"
        for page in pages
        for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", page.read_text(encoding="utf-8"))
        if not (page.parent / target).is_file()
    ]
    assert not broken, f"links to missing pages: {broken}"
