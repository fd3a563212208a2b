"""Shared fixtures: the process-wide engine, invented fixture pages, and ../shared when present."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# The tests write only under temporary folders: Hypothesis (and Schemathesis over it) would otherwise keep its
# example database and caches in .hypothesis/ of the working directory.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", tempfile.mkdtemp(prefix="palmares-hypothesis-"))
settings.register_profile("palmares", database=None)
settings.load_profile("palmares")

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def engine():
    from nlp.engine import get_engine

    return get_engine()


@pytest.fixture(scope="session")
def fixture_text():
    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED
