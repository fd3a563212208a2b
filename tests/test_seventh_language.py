"""A seventh language is its data files only: a lexicon and summary phrases in a folder that
PALMARES_LANGUAGE_DATA names, no code change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from nlp.language_data import LANGUAGE_DATA_SETTING

MADE_UP = "zz"  # no such language: the detector has no profile of it, spaCy no tokenizer


@pytest.fixture
def language_data(tmp_path: Path) -> Path:
    """English's lexicon and phrases copied as those of the made-up language (a translator would translate them)."""
    folder = tmp_path / "languages"
    (folder / "lexicons").mkdir(parents=True)
    (folder / "phrases").mkdir()
    lexicon = json.loads(resources.files("nlp.lexicons").joinpath("en.json").read_text(encoding="utf-8"))
    lexicon["language"] = MADE_UP
    (folder / "lexicons" / f"{MADE_UP}.json").write_text(json.dumps(lexicon), encoding="utf-8")
    phrases = resources.files("nlp.summaries").joinpath("phrases", "en.json").read_text(encoding="utf-8")
    (folder / "phrases" / f"{MADE_UP}.json").write_text(phrases, encoding="utf-8")
    return folder


def palmares(*args: str, language_data: Path, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, LANGUAGE_DATA_SETTING: str(language_data)}
    command = [sys.executable, "-c", "from service.cli import main; main()", *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, env=env, check=False)


def test_a_made_up_language_extracts_a_result_from_its_data_files_alone(language_data: Path) -> None:
    page = "Time trial in Testville\n\nMira Quellhorst won the time trial in 41:12.30 ahead of Oda Brenn.\n"
    done = palmares("extract", "-", "--language", MADE_UP, "--format", "json", language_data=language_data, stdin=page)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["language"] == MADE_UP
    assert {"athlete": "Mira Quellhorst", "rank": 1, "time": 2472.3} in [
        {key: r[key] for key in ("athlete", "rank", "time")} for r in result["results"]
    ]


def test_the_made_up_language_writes_its_summary_with_its_own_phrases(language_data: Path) -> None:
    phrases_file = language_data / "phrases" / f"{MADE_UP}.json"
    phrases = json.loads(phrases_file.read_text(encoding="utf-8"))
    phrases["won_event"] = "{athlete} WINS the {event}"
    phrases_file.write_text(json.dumps(phrases), encoding="utf-8")
    page = "Time trial in Testville\n\nMira Quellhorst won the time trial in 41:12.30 ahead of Oda Brenn.\n"
    done = palmares("extract", "-", "--language", MADE_UP, language_data=language_data, stdin=page)
    assert done.returncode == 0, done.stderr
    assert "Mira Quellhorst WINS the time trial in 41:12.30" in done.stdout


def test_a_misspelt_key_in_its_lexicon_is_a_clear_error(language_data: Path) -> None:
    lexicon_file = language_data / "lexicons" / f"{MADE_UP}.json"
    lexicon = json.loads(lexicon_file.read_text(encoding="utf-8"))
    lexicon["win_verb"] = lexicon.pop("win_verbs")
    lexicon_file.write_text(json.dumps(lexicon), encoding="utf-8")
    done = palmares("extract", "-", "--language", MADE_UP, language_data=language_data, stdin="Mira won.\n")
    assert done.returncode != 0
    assert "unknown key 'win_verb' (did you mean 'win_verbs'?)" in done.stderr
    assert "missing key 'win_verbs'" in done.stderr
