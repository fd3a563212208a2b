"""`palmares detect-language`: one line in, `lang<TAB>confidence` out, in order."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from service.cli import app
from service.cli.language import stream_languages

runner = CliRunner()
LINES = [
    "Die Mannschaft hat das Finale am Sonntag deutlich gewonnen.",
    "",
    "12:30 - 14:45",
    "La course a été neutralisée à cause de la pluie.",
    "Laget har inte förlorat en enda match på hemmaplan sedan i våras.",
]


def answers(output: str) -> list[tuple[str, float]]:
    return [(line.split("\t")[0], float(line.split("\t")[1])) for line in output.splitlines()]


def test_one_answer_per_line_in_order() -> None:
    result = runner.invoke(app, ["detect-language"], input="\n".join(LINES) + "\n")
    assert result.exit_code == 0, result.output
    assert [language for language, _ in answers(result.output)] == ["de", "und", "und", "fr", "sv"]


def test_output_format_is_language_tab_confidence() -> None:
    result = runner.invoke(app, ["detect-language"], input=LINES[0] + "\n")
    language, confidence = result.output.rstrip("\n").split("\t")
    assert language == "de"
    assert 0.9 < float(confidence) <= 1.0
    assert len(confidence.split(".")[1]) == 4


def test_last_line_without_newline_is_answered() -> None:
    result = runner.invoke(app, ["detect-language"], input="Il a gagné la course")
    assert answers(result.output) and answers(result.output)[0][0] == "fr"


def test_empty_input_prints_nothing() -> None:
    result = runner.invoke(app, ["detect-language"], input="")
    assert result.exit_code == 0
    assert result.output == ""


def test_hint_option_breaks_ties() -> None:
    result = runner.invoke(app, ["detect-language", "--hint", "it"], input="Porto\n")
    assert answers(result.output)[0][0] == "it"


def test_windows_line_endings_are_accepted() -> None:
    result = runner.invoke(app, ["detect-language"], input="De wedstrijd werd gewonnen door de thuisploeg.\r\n")
    assert answers(result.output)[0][0] == "nl"


def test_answers_are_written_as_lines_arrive() -> None:
    class Recorder(io.StringIO):
        def __init__(self) -> None:
            super().__init__()
            self.flushed: list[str] = []

        def flush(self) -> None:
            self.flushed.append(self.getvalue())

    out = Recorder()
    assert stream_languages(iter(["Buongiorno a tutti i tifosi\n", "Dzień dobry wszystkim kibicom\n"]), out) == 2
    assert out.flushed[0] == "it\t" + out.flushed[0].split("\t")[1]
    assert out.flushed[1].splitlines()[1].startswith("pl\t")


def test_command_streams_from_a_real_pipe_without_spacy() -> None:
    root = Path(__file__).resolve().parents[1]
    code = (
        "import sys; from service.cli import app; "
        "app(['detect-language'], standalone_mode=False); print('spacy' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=b"Hola a todos\n\xff\xfe invalid\n",
        capture_output=True,
        cwd=root,
        check=True,
    )
    lines = result.stdout.decode().splitlines()
    assert lines[0].startswith("es\t")
    assert len(lines) == 2
    assert result.stderr.decode().strip().endswith("False")


def test_unknown_hint_is_a_clear_error() -> None:
    result = runner.invoke(app, ["detect-language", "--hint", "klingon"], input="Hallo\n")
    assert result.exit_code == 2
    assert "unknown language code" in result.output
    assert "Traceback" not in result.output
