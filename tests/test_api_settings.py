"""Service settings come from PALMARES_* environment variables."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from service.settings import Settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    import os

    for name in [n for n in os.environ if n.startswith("PALMARES_")]:
        monkeypatch.delenv(name)


def test_defaults_put_a_sqlite_file_in_the_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("PALMARES_DATA_DIR", str(tmp_path / "here"))
    settings = Settings()
    assert settings.url == f"sqlite:///{(tmp_path / 'here' / 'palmares.sqlite').resolve()}"
    assert settings.keys == frozenset() and settings.read_auth is False


def test_database_url_wins_over_the_data_dir(monkeypatch):
    monkeypatch.setenv("PALMARES_DATABASE_URL", "postgresql://postgres@127.0.0.1/test")
    assert Settings().url == "postgresql://postgres@127.0.0.1/test"


def test_api_keys_are_comma_separated(monkeypatch):
    monkeypatch.setenv("PALMARES_API_KEYS", " alpha, beta ,,")
    assert Settings().keys == {"alpha", "beta"}


def test_switches_and_limits_are_parsed(monkeypatch):
    monkeypatch.setenv("PALMARES_READ_AUTH", "true")
    monkeypatch.setenv("PALMARES_MAX_BODY_BYTES", "1234")
    settings = Settings()
    assert settings.read_auth is True and settings.max_body_bytes == 1234


def test_a_bad_value_says_which_setting(monkeypatch):
    monkeypatch.setenv("PALMARES_PORT", "eighty")
    with pytest.raises(ValidationError, match="port"):
        Settings()


def test_extraction_workers_niceness_is_a_nice_increment(monkeypatch):
    assert Settings().extract_niceness == 10
    monkeypatch.setenv("PALMARES_EXTRACT_NICENESS", "19")
    assert Settings().extract_niceness == 19
    monkeypatch.setenv("PALMARES_EXTRACT_NICENESS", "20")
    with pytest.raises(ValidationError, match="extract_niceness"):
        Settings()
