"""The runner's contract with a fake engine: output lines, error records, duplicates, checkpoint and resume."""

from __future__ import annotations

import io
import json

import pytest

from models.records import ExtractionResult
from nlp.errors import InputError
from service.batch import BatchError, BatchInterrupted, run_batch
from service.batch.progress import BatchProgress, PlainReporter
from tests.batch_helpers import read_jsonl


class FakeEngine:
    """Echoes the text as the title; "BAD" texts fail like the real engine's bad input."""

    def __init__(self) -> None:
        self.calls = 0

    def extract_many(self, items, *, calendar=None, batch_size=32):
        for item in items:
            self.calls += 1
            text = item.text.decode() if isinstance(item.text, bytes) else item.text
            if text.startswith("BAD"):
                yield InputError("no article text found in the input")
            else:
                yield ExtractionResult(
                    id=item.id, language="nl", language_confidence=0.99, title=text, published=item.published
                )


@pytest.fixture
def engine(monkeypatch):
    fake = FakeEngine()
    monkeypatch.setattr("service.batch.work.get_engine", lambda: fake)
    return fake


def write_lines(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def articles(count, prefix="a"):
    return [{"id": f"{prefix}{i}", "text": f"Artikel {prefix} {i}"} for i in range(count)]


def test_one_output_line_per_input_line_in_order_with_its_id(tmp_path, engine):
    source = write_lines(tmp_path / "in.jsonl", articles(10))
    summary = run_batch([source], output=tmp_path / "out.jsonl", chunk_size=3)
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == [f"a{i}" for i in range(10)]
    assert out[0]["title"] == "Artikel a 0" and out[0]["language"] == "nl"
    assert (summary.processed, summary.duplicates, summary.failed) == (10, 0, 0)
    assert not (tmp_path / "out.jsonl.checkpoint").exists()


def test_bad_lines_become_error_records_and_the_run_goes_on(tmp_path, engine):
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": "ok", "text": "Kramer wint"}\nnot json\n{"id": "empty", "text": "BAD"}\n'
        '{"id": "last", "text": "Nuis wint"}\n',
        encoding="utf-8",
    )
    summary = run_batch([source], output=tmp_path / "out.jsonl")
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["ok", "in.jsonl:2", "empty", "last"]
    assert out[1] == {"id": "in.jsonl:2", "error": "line 2 is not valid JSON"}
    assert out[2] == {"id": "empty", "error": "no article text found in the input"}
    assert summary.failed == 2
    assert summary.reasons == {"line N is not valid JSON": 1, "no article text found in the input": 1}


def test_duplicates_are_skipped_and_counted(tmp_path, engine):
    records = articles(3) + [
        {"id": "copy", "text": "Artikel a 1"},
        {"id": "other-date", "text": "Artikel a 1", "published": "2018-02"},
    ]
    source = write_lines(tmp_path / "in.jsonl", records)
    summary = run_batch([source], output=tmp_path / "out.jsonl", chunk_size=2)
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["a0", "a1", "a2", "copy", "other-date"]  # every input line has its line
    assert out[3] == {"id": "copy", "duplicate_of": "a1"}
    assert (summary.processed, summary.duplicates) == (4, 1)


def test_keep_duplicates_extracts_every_copy(tmp_path, engine):
    source = write_lines(tmp_path / "in.jsonl", articles(2) + articles(2))
    summary = run_batch([source], output=tmp_path / "out.jsonl", dedup=False)
    assert summary.processed == 4 and summary.duplicates == 0


def _interrupt_after(chunks: int):
    state = {"seen": 0}

    def should_stop() -> bool:
        state["seen"] += 1
        return state["seen"] >= chunks

    return should_stop


def test_interrupted_run_resumes_without_loss_or_repeat(tmp_path, engine):
    source = write_lines(tmp_path / "in.jsonl", articles(20))
    out = tmp_path / "out.jsonl"
    with pytest.raises(BatchInterrupted):
        run_batch([source], output=out, chunk_size=4, should_stop=_interrupt_after(2))
    assert len(read_jsonl(out)) == 8 and (tmp_path / "out.jsonl.checkpoint").exists()
    calls_before = engine.calls
    summary = run_batch([source], output=out, chunk_size=4)
    assert [r["id"] for r in read_jsonl(out)] == [f"a{i}" for i in range(20)]
    assert engine.calls - calls_before == 12  # the 8 done articles are not extracted again
    assert summary.resumed_from == 8 and summary.processed == 20


def test_output_written_after_the_last_commit_is_dropped_on_resume(tmp_path, engine):
    source = write_lines(tmp_path / "in.jsonl", articles(12))
    out = tmp_path / "out.jsonl"
    with pytest.raises(BatchInterrupted):
        run_batch([source], output=out, chunk_size=4, should_stop=_interrupt_after(1))
    with open(out, "a", encoding="utf-8") as handle:  # a chunk written but not committed, torn mid-line
        handle.write('{"id": "a4", "language": "nl"}\n{"id": "a5", "lang')
    run_batch([source], output=out, chunk_size=4)
    assert [r["id"] for r in read_jsonl(out)] == [f"a{i}" for i in range(12)]


def test_duplicates_seen_before_an_interruption_stay_duplicates(tmp_path, engine):
    source = write_lines(tmp_path / "in.jsonl", articles(4) + [{"id": "copy", "text": "Artikel a 0"}])
    out = tmp_path / "out.jsonl"
    with pytest.raises(BatchInterrupted):
        run_batch([source], output=out, chunk_size=2, should_stop=_interrupt_after(1))
    summary = run_batch([source], output=out, chunk_size=2)
    assert [r["id"] for r in read_jsonl(out)] == ["a0", "a1", "a2", "a3", "copy"]
    assert read_jsonl(out)[-1] == {"id": "copy", "duplicate_of": "a0"}
    assert summary.duplicates == 1


def test_changed_input_refuses_to_resume_until_restart(tmp_path, engine):
    source = write_lines(tmp_path / "in.jsonl", articles(8))
    out = tmp_path / "out.jsonl"
    with pytest.raises(BatchInterrupted):
        run_batch([source], output=out, chunk_size=2, should_stop=_interrupt_after(1))
    write_lines(source, articles(9, prefix="b"))
    with pytest.raises(BatchError, match="--restart"):
        run_batch([source], output=out)
    run_batch([source], output=out, restart=True)
    assert [r["id"] for r in read_jsonl(out)] == [f"b{i}" for i in range(9)]


def test_a_finished_run_starts_over_when_run_again(tmp_path, engine):
    source = write_lines(tmp_path / "in.jsonl", articles(3))
    out = tmp_path / "out.jsonl"
    run_batch([source], output=out)
    summary = run_batch([source], output=out)
    assert len(read_jsonl(out)) == 3 and summary.processed == 3 and summary.resumed_from == 0


def test_progress_is_reported_per_chunk_with_total(tmp_path, engine):
    source = write_lines(tmp_path / "in.jsonl", articles(9))
    seen: list[BatchProgress] = []
    run_batch([source], output=tmp_path / "out.jsonl", chunk_size=3, progress=seen.append)
    assert [p.done for p in seen] == [3, 6, 9, 9]
    assert seen[-1].finished and seen[-1].total == 9 and seen[-1].processed == 9
    assert seen[0].eta_seconds is None  # the first chunk also loaded the models: its rate tells nothing yet


def test_the_progress_display_says_it_is_loading_the_models_until_the_first_chunk():
    from service.batch.progress import RichReporter

    stream = io.StringIO()
    with PlainReporter(stream, interval=3600):
        pass
    assert stream.getvalue() == "batch: loading language models\n"
    rich = RichReporter()
    assert rich._bar.tasks[0].description == "loading language models"
    rich(BatchProgress(done=3, total=9, processed=3, duplicates=0, failed=0, rate=1.5, eta_seconds=4.0))
    task = rich._bar.tasks[0]
    assert (task.description, task.fields["count"], task.fields["eta"]) == ("batch", "3/9 (33%)", "ETA 0m04s")


def test_plain_progress_lines():
    stream = io.StringIO()
    report = PlainReporter(stream, interval=3600)
    report(BatchProgress(done=5, total=10, processed=4, duplicates=0, failed=1, rate=2.5, eta_seconds=2.0))
    report(BatchProgress(done=6, total=10, processed=5, duplicates=0, failed=1, rate=2.5, eta_seconds=1.6))
    report(
        BatchProgress(done=10, total=10, processed=9, duplicates=0, failed=1, rate=2.5, eta_seconds=0, finished=True)
    )
    lines = stream.getvalue().splitlines()
    assert lines == [
        "batch: 5/10 items (50%), 2.5/s, ETA 0m02s; 4 processed, 0 duplicates, 1 failed",
        "batch: 10/10 items (100%), 2.5/s, ETA 0m00s; 9 processed, 0 duplicates, 1 failed",
    ]


def test_nothing_to_write_to_is_an_error(tmp_path, engine):
    with pytest.raises(BatchError, match="output"):
        run_batch([tmp_path], output=None)


@pytest.mark.parametrize("where", ["same file", "inside the input directory"])
def test_output_may_not_overwrite_or_feed_the_input(tmp_path, engine, where):
    source = write_lines(tmp_path / "in.jsonl", articles(2))
    target = source if where == "same file" else tmp_path / "out.jsonl"
    with pytest.raises(BatchError, match="must not be an input"):
        run_batch([source if where == "same file" else tmp_path], output=target)
    assert len(source.read_text().splitlines()) == 2


def test_html_page_over_the_engine_cap_is_reduced_to_its_main_text():
    from nlp.engine import ArticleInput
    from service.batch.work import fit_for_engine

    script = "<script>" + "var x = 1;" * 300_000 + "</script>"
    page = (
        f"<html><head><title>Vollenga wint</title>{script}</head><body><article>"
        "<p>Mirthe Vollenga heeft de 500 meter gewonnen in 37,12.</p></article></body></html>"
    ).encode()
    fitted = fit_for_engine(ArticleInput(page, id="big"))
    assert fitted.id == "big" and "Mirthe Vollenga heeft de 500 meter gewonnen" in fitted.text
    assert "var x" not in fitted.text and len(fitted.text) < 1000


def test_failure_reasons_are_grouped_by_kind(tmp_path, engine):
    source = tmp_path / "in.jsonl"
    source.write_text("oops\n{\n" + '{"id": "x", "text": "ok"}\n{"id": "y", "text": "ok too"}\n', encoding="utf-8")
    summary = run_batch([source], output=tmp_path / "out.jsonl")
    assert summary.reasons == {"line N is not valid JSON": 2}
    assert read_jsonl(tmp_path / "out.jsonl")[1] == {"id": "in.jsonl:2", "error": "line 2 is not valid JSON"}


def test_a_terminal_gets_a_progress_bar_and_a_pipe_plain_lines():
    from service.batch.progress import RichReporter, reporter_for

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert isinstance(reporter_for(Terminal()), RichReporter)
    assert isinstance(reporter_for(io.StringIO()), PlainReporter)
