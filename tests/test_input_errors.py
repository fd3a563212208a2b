"""Bad input gets a clear InputError, never a crash."""

import pytest

from nlp.errors import InputError
from nlp.text.decode import decode_input


@pytest.mark.parametrize(
    "data, message",
    [
        ("", "empty"),
        ("   \n\t  \n", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        ("x" * 5_000_000, "limit"),
        (bytes(range(1, 32)) * 50, "binary"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data, message):
    with pytest.raises(InputError, match=message):
        decode_input(data)


def test_utf8_with_bom_and_windows_newlines_is_accepted():
    assert decode_input("\ufeffTitel\r\n\r\nTekst".encode("utf-8")) == "Titel\n\nTekst"


@pytest.mark.parametrize("data", ["", b"\xff\xfe\x00\x00", "\n\n\n", "<html><script>x()</script></html>"])
def test_engine_refuses_bad_input_without_crashing(engine, data):
    with pytest.raises(InputError):
        engine.extract(data)


def test_engine_refuses_a_malformed_publication_date(engine, fixture_text):
    with pytest.raises(InputError, match="YYYY-MM"):
        engine.extract(fixture_text("en-cycling-report.txt"), published="25/12/2020")


def test_batch_goes_on_after_a_bad_item(engine, fixture_text):
    from nlp.engine import ArticleInput

    items = [ArticleInput("", id="empty"), ArticleInput(fixture_text("de-swim-report.txt"), id="good")]
    outcomes = list(engine.extract_many(items))
    assert isinstance(outcomes[0], InputError)
    assert outcomes[1].id == "good" and outcomes[1].athletes
