"""Long texts are tagged in bounded pieces and read back as one article."""

from models.records import Athlete
from nlp.extraction.merge import merge_athletes
from nlp.text.pieces import split_pieces

PARAGRAPH = "Lotte Bakker won the 500 metres in 38.12. Mira Holm was second, 0.31 behind."


def test_a_short_text_is_one_piece():
    assert split_pieces(PARAGRAPH, limit=1000) == [(0, PARAGRAPH)]


def test_pieces_cover_the_text_in_order_and_stay_under_the_limit():
    text = "\n\n".join([PARAGRAPH] * 200)
    pieces = split_pieces(text, limit=1000)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 1000 for _, piece in pieces)
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


def test_pieces_end_at_paragraph_breaks_when_there_are_some():
    pieces = split_pieces("\n\n".join([PARAGRAPH] * 50), limit=1000)
    assert all(piece.endswith("\n\n") for _, piece in pieces[:-1])


def test_a_text_without_any_break_is_still_cut():
    pieces = split_pieces("x" * 2500, limit=1000)
    assert [len(piece) for _, piece in pieces] == [1000, 1000, 500]


def test_an_athlete_named_in_two_pieces_is_one_athlete_with_both_forms():
    merged = merge_athletes(
        [Athlete("Lotte Bakker", aliases=["Bakker"]), Athlete("Lotte Bakker", aliases=["L. Bakker"], team="Zuidwind")]
    )
    assert merged == [Athlete("Lotte Bakker", aliases=["Bakker", "L. Bakker"], team="Zuidwind")]


def test_a_long_upload_keeps_its_athletes_and_entity_offsets(engine):
    text = "\n\n".join(f"Lotte Bakker won race {n} in 38.12 ahead of Mira Holm." for n in range(2500))
    result = engine.extract(text, language="en")
    assert len(text) > 100_000
    assert {"Lotte Bakker", "Mira Holm"} <= {a.name for a in result.athletes}
    body = "\n\n".join(b.text for b in result.blocks if b.kind == "paragraph")
    assert all(body[e.start : e.end] == e.text for e in result.entities)
    assert result.entities[-1].start > 100_000
