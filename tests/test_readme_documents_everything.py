"""README.md documents every CLI command and option, every service setting and every HTTP endpoint."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.core
import typer.main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands():
    from service.cli import app

    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return group.commands


def _endpoints() -> list[str]:
    from service.app import create_app
    from service.settings import Settings

    paths = create_app(Settings(api_keys="x")).openapi()["paths"]
    return [f"{method.upper()} {path}" for path, operations in paths.items() for method in operations]


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_and_option_is_in_the_readme(name):
    command = _commands()[name]
    assert f"palmares {name}" in README, f"README.md does not mention `palmares {name}`"
    options = [o for p in command.params for o in p.opts if o.startswith("--")]
    missing = [o for o in options if o not in README]
    assert not missing, f"README.md does not document these options of `palmares {name}`: {missing}"


def test_every_setting_is_in_the_readme():
    from service.settings import Settings

    missing = [f"PALMARES_{name.upper()}" for name in Settings.model_fields if f"PALMARES_{name.upper()}" not in README]
    assert not missing, f"README.md does not document these settings: {missing}"


def test_every_endpoint_is_in_the_readme():
    missing = [e for e in _endpoints() if f"`{e}`" not in README]
    assert not missing, f"README.md does not document these endpoints: {missing}"
