"""`palmares batch` with the real engine: the JSONL contract, archives of HTML, the store, bad arguments."""

from __future__ import annotations

import json
import zipfile

import pytest
from typer.testing import CliRunner

from service.cli import app
from tests.batch_helpers import invented_article, read_jsonl, write_jsonl

runner = CliRunner()


def batch(*args: str):
    return runner.invoke(app, ["batch", *args, "--workers", "1"])


def test_jsonl_in_results_out_with_the_scorer_fields(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", 3)
    with open(source, "a", encoding="utf-8") as handle:
        handle.write(
            '{"id": "broken", "text": ""}\n{"id": "late", "text": "'
            + invented_article(9).replace("\n", "\\n")
            + '", "published": "2018-02-14", "language": "nl"}\n'
        )
    result = batch(str(source), "--output", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0, result.output
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["a0000", "a0001", "a0002", "broken", "late"]
    first = out[0]
    for key in (
        "language",
        "language_confidence",
        "title",
        "athletes",
        "results",
        "quotes",
        "schedule",
        "calendar",
        "calendar_links",
        "summary",
    ):
        assert key in first
    assert first["language"] == "nl"
    assert "Mirthe Vollenga" in [a["name"] for a in first["athletes"]]
    assert set(out[3]) == {"id", "error"} and out[3]["error"]
    assert out[4]["published"] == "2018-02-14"
    assert "5 items" in result.output and "4 processed" in result.output and "1 failed" in result.output


def test_zip_of_html_pages_keeps_markup_out_of_the_facts(tmp_path):
    page = (
        "<html><head><script>var athlete = 'Script Kiddie';</script></head><body><nav>Menu Login</nav>"
        f"<article><h1>Vollenga wint</h1><p>{invented_article(0).split(chr(10), 2)[2]}</p></article></body></html>"
    )
    with zipfile.ZipFile(tmp_path / "pages.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2018/page.html", page)
        archive.writestr("../escape.html", page)
    result = batch(str(tmp_path / "pages.zip"), "--output", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0, result.output
    out = read_jsonl(tmp_path / "out.jsonl")
    assert out[0]["id"] == "2018/page.html"
    assert "Mirthe Vollenga" in [a["name"] for a in out[0]["athletes"]]
    assert "Script" not in json.dumps(out[0]["athletes"])
    assert out[1] == {"id": "../escape.html", "error": "'..' in archive path (path traversal)"}


def test_store_writes_articles_into_the_database(tmp_path):
    from sqlalchemy import func, select

    from models.storage import open_store
    from models.storage.tables import ArticleRow

    source = write_jsonl(tmp_path / "in.jsonl", 2)
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    result = batch(str(source), "--store", "--database-url", url)
    assert result.exit_code == 0, result.output
    with open_store(url)() as session:
        assert session.scalar(select(func.count()).select_from(ArticleRow)) == 2


def test_calendar_file_is_used(tmp_path, shared_dir):
    source = write_jsonl(tmp_path / "in.jsonl", 1)
    result = batch(
        str(source),
        "--output",
        str(tmp_path / "out.jsonl"),
        "--calendar",
        str(shared_dir / "seed" / "team-site-page.txt"),
    )
    assert result.exit_code == 0, result.output
    assert read_jsonl(tmp_path / "out.jsonl")[0]["calendar_links"] == []  # a skating report links to no race


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "--output"),
        (["missing.jsonl", "--output", "out.jsonl"], "no such file or directory"),
        (["--output", "out.jsonl", "--scheduler", "tcp://127.0.0.1:1"], "cannot reach the Dask scheduler"),
    ],
)
def test_bad_arguments_give_a_clear_error(tmp_path, args, message):
    source = write_jsonl(tmp_path / "in.jsonl", 1)
    result = runner.invoke(
        app, ["batch", str(source), *[str(tmp_path / a) if a.endswith(".jsonl") else a for a in args]]
    )
    assert result.exit_code == 2
    assert message in result.output
