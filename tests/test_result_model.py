"""The result model's parts on invented sentences: candidate generation, features, decoding, the JSON model,
training, and the shipped model."""

from __future__ import annotations

import json
from typing import Any

import pytest

from nlp.decisions.decode import Scored, decode
from nlp.decisions.linear_model import LinearModel
from nlp.decisions.result_candidates import (
    NUMBER,
    WIN,
    AthleteMention,
    Candidate,
    Support,
    ValueMention,
    generate,
)
from nlp.decisions.result_features import base_features, features, value_shape
from nlp.decisions.results import candidates_of, decide_results
from nlp.extraction.attribution import Attribution
from nlp.extraction.results import extract_results
from nlp.pipeline.lexicon import load_lexicon
from nlp.pipeline.loader import get_pipeline


def tagged(text: str, language: str = "en"):
    doc = get_pipeline(language)(text)
    lexicon = load_lexicon(language)
    attribution = Attribution(doc, lexicon)
    return doc, lexicon, attribution, extract_results(doc, attribution, lexicon)


def candidates(text: str, language: str = "en") -> dict[tuple, Candidate]:
    doc, lexicon, attribution, rules = tagged(text, language)
    found, _ = candidates_of(doc, lexicon, attribution, rules)
    return {c.key: c for c in found}


# -- candidate generation --------------------------------------------------------------------------------------


def test_a_rank_next_to_a_name_is_a_candidate_of_that_athlete():
    found = candidates("Maria Testova finished second in the downhill behind Anna Proefson.")
    assert ("Maria Testova", "rank", 2) in found
    assert "mention" in {s.source for s in found[("Maria Testova", "rank", 2)].supports}


def test_a_number_of_seconds_is_both_a_time_and_a_gap_candidate():
    found = candidates("Maria Testova won the sprint in 1:52.06, with Anna Proefson 0.31 seconds behind.")
    assert ("Maria Testova", "time", 112.06) in found
    assert ("Maria Testova", "gap", 112.06) in found
    assert ("Anna Proefson", "gap", 0.31) in found


def test_a_win_verb_proposes_rank_one_for_the_athletes_of_its_sentence():
    found = candidates("Maria Testova won ahead of Anna Proefson and Lena Voorbeeld.")
    assert any(s.value is not None and s.value.kind == WIN for s in found[("Maria Testova", "rank", 1)].supports)


@pytest.mark.parametrize(
    "text, states_a_win",
    [
        ("Lotte Testers pakt zilver op de 1500 meter.", False),
        ("Lotte Testers pakt de titel op de 1500 meter.", True),
    ],
)
def test_a_verb_that_wins_only_with_what_is_won_is_a_win_before_a_win_object(text: str, states_a_win: bool):
    found = candidates(text, language="nl")
    supports = found[("Lotte Testers", "rank", 1)].supports
    assert any(s.value is not None and s.value.kind == WIN for s in supports) is states_a_win


@pytest.mark.parametrize(
    "language, text, states_a_win",
    [
        ("en", "Second place went to Nora Sampleton of Norway.", False),
        ("it", "Il bronzo è andato a Nora Sampleton.", False),
        ("en", "The race went to Nora Sampleton of Norway.", True),
    ],
)
def test_a_phrase_that_tells_who_won_gives_the_place_or_medal_named_before_it(language, text, states_a_win):
    supports = candidates(text, language)[("Nora Sampleton", "rank", 1)].supports
    assert any(s.value is not None and s.value.kind == WIN for s in supports) is states_a_win


def test_the_order_of_athletes_in_a_sentence_proposes_places():
    found = candidates("Maria Testova won ahead of Anna Proefson and Lena Voorbeeld.")
    assert ("Anna Proefson", "rank", 2) in found
    assert ("Lena Voorbeeld", "rank", 3) in found
    assert {s.source for s in found[("Lena Voorbeeld", "rank", 3)].supports} >= {"order"}


def test_the_athletes_behind_a_winner_the_sentence_does_not_name_are_counted_from_second():
    found = candidates("The Norwegian beat Anna Proefson and Lena Voorbeeld by a second.")
    assert {s.source for s in found[("Anna Proefson", "rank", 2)].supports} >= {"behind"}
    assert {s.source for s in found[("Lena Voorbeeld", "rank", 3)].supports} >= {"behind"}


def test_a_bare_number_before_a_name_in_a_table_is_a_rank_candidate():
    table = "| 7 | Kees Proefman | Team Voorbeeld | 1:32.51 |\n| 8 | Jan Testerson | Team Proef | 1:32.90 |"
    found = candidates(f"The results of the race.\n{table}")
    supports = found[("Kees Proefman", "rank", 7)].supports
    assert any(s.value is not None and s.value.kind == NUMBER for s in supports)


def test_a_numeric_ordinal_before_a_name_in_a_list_is_a_rank_candidate():
    found = candidates("Resultados de la carrera.\n1º Pedro Testarossa\n2º Argelio Martínez", language="es")
    supports = found[("Argelio Martínez", "rank", 2)].supports
    assert any(s.value is not None and s.value.kind == NUMBER for s in supports)


def test_an_athlete_of_the_previous_sentence_may_own_a_value():
    found = candidates("Maria Testova had a great day. She finished third.")
    pair = found[("Maria Testova", "rank", 3)].supports[0]
    assert pair.athlete is not None and pair.value is not None
    assert pair.athlete.sentence == pair.value.sentence - 1


def test_a_run_of_names_and_a_run_of_as_many_ranks_are_paired_in_order():
    found = candidates("Maria Testova and Anna Proefson finished 21st and 26th respectively.")
    assert "parallel" in {s.source for s in found[("Maria Testova", "rank", 21)].supports}
    assert "parallel" in {s.source for s in found[("Anna Proefson", "rank", 26)].supports}
    assert "parallel" not in {s.source for s in found[("Maria Testova", "rank", 26)].supports}


def test_names_and_values_that_alternate_are_not_paired_as_runs():
    found = candidates("Maria Testova was 21st and Anna Proefson 26th.")
    assert not [c for c in found.values() if c.of("parallel")]


def test_a_run_of_names_is_paired_with_the_run_of_values_next_to_it_where_the_sentence_names_more():
    found = candidates("Sergio Testa and Carlo Prova finished seventh and eighth, while Anna Esempio was tenth.")
    assert "run" in {s.source for s in found[("Sergio Testa", "rank", 7)].supports}
    assert "run" in {s.source for s in found[("Carlo Prova", "rank", 8)].supports}
    assert not found[("Anna Esempio", "rank", 8)].of("run")
    assert not found[("Sergio Testa", "rank", 8)].of("run")


def test_the_last_names_of_a_longer_run_own_the_values_after_it():
    found = candidates(
        "Behind Lisa Holm were Emily Tester and Mattie Prover, who finished 21st and 26th, respectively."
    )
    assert found[("Emily Tester", "rank", 21)].of("run")
    assert found[("Mattie Prover", "rank", 26)].of("run")
    assert not [c for c in found.values() if c.athlete == "Lisa Holm" and c.of("run")]


def test_every_athlete_may_be_the_winner():
    found = candidates("Anna Proefson and Lena Voorbeeld spoke about the season.")
    assert {s.source for s in found[("Lena Voorbeeld", "rank", 1)].supports} == {"entity"}


def test_the_rules_facts_are_candidates_marked_as_stated_by_the_rules():
    found = candidates("Maria Testova won the 500 m in 37.80.")
    assert found[("Maria Testova", "rank", 1)].rule is not None


def test_generation_without_athletes_or_values_proposes_nothing():
    assert generate(None, [], [], []) == []  # type: ignore[arg-type]


# -- features --------------------------------------------------------------------------------------------------


def features_of(text: str, *keys: tuple) -> list[set[str]]:
    """The features of the candidates with these keys (athlete, field, value) in an English text."""
    doc, lexicon, attribution, rules = tagged(text)
    found, context = candidates_of(doc, lexicon, attribution, rules)
    by_key = {c.key: c for c in found}
    return [features(by_key[key], context) for key in keys]


def test_features_tell_where_the_athlete_stands_and_which_cues_are_between():
    proefson, testova = features_of(
        "Maria Testova finished ahead of Anna Proefson in 1:52.06.",
        ("Anna Proefson", "time", 112.06),
        ("Maria Testova", "time", 112.06),
    )
    assert "nearest_preceding" in proefson
    assert "between_cue=beaten_markers" in testova
    assert "field=time" in testova


def test_features_tell_the_disciplines_named_where_the_result_is_stated():
    # a relay's or a team's result is no athlete's result (the annotated corpus reads them so)
    (member,) = features_of(
        "Anna Proefson and Lena Voorbeeld took third place in the relay.", ("Anna Proefson", "rank", 3)
    )
    assert "sentence_discipline=relay" in member


def test_the_features_of_a_place_counted_from_second_are_told_apart_from_a_place_counted_from_first():
    counted_from_first, counted_from_second = features_of(
        "Maria Testova won ahead of Anna Proefson and Lena Voorbeeld.",
        ("Lena Voorbeeld", "rank", 3),
        ("Anna Proefson", "rank", 3),
    )
    assert "o:place=3" in counted_from_first
    assert not any(f.startswith("behind:") for f in counted_from_first)
    assert "behind:place=2" in counted_from_second


def test_order_features_tell_the_cues_between_the_first_athlete_and_a_later_one():
    # "A ahead of B and C": C stands behind A too, though only "and" separates it from B
    doc, lexicon, attribution, rules = tagged("Maria Testova won ahead of Anna Proefson and Lena Voorbeeld.")
    found, context = candidates_of(doc, lexicon, attribution, rules)
    third = next(c for c in found if c.key == ("Lena Voorbeeld", "rank", 3))
    second = next(c for c in found if c.key == ("Anna Proefson", "rank", 2))
    assert any(f.startswith("o:chain_cue=") for f in features(third, context))
    assert not any(f.startswith("o:chain_cue=") for f in features(second, context))


def test_features_tell_whether_a_value_refers_back_to_the_athlete_named_last():
    doc, lexicon, attribution, rules = tagged(
        "Anna Proefson crashed. Maria Testova had a great day. She finished third."
    )
    found, context = candidates_of(doc, lexicon, attribution, rules)
    testova = next(c for c in found if c.key == ("Maria Testova", "rank", 3))
    proefson = next(c for c in found if c.key == ("Anna Proefson", "rank", 3))
    assert "b:last_named" in features(testova, context)
    assert "b:last_named" not in features(proefson, context)
    assert "b:opens=she" in features(testova, context)


def test_features_tell_a_win_word_followed_by_a_place_in_its_clause():
    # "wurde" wins in "wurde Weltmeisterin"; before a place ("wurde Zweite") it only tells the place
    doc, lexicon, attribution, rules = tagged("Anna Probst wurde Zweite hinter Lena Testerova.", "de")
    found, context = candidates_of(doc, lexicon, attribution, rules)
    win = next(c for c in found if c.key == ("Anna Probst", "rank", 1))
    assert "win_followed_by=RANK" in features(win, context)


def test_a_cue_phrase_ending_in_an_elision_matches_before_the_word_it_is_elided_to():
    # "davanti all'" is tokenised "all", "'" on its own but "all'" before "austriaco", as in an article
    doc, lexicon, attribution, rules = tagged("Marco Testi vince davanti all'austriaco Karl Probe.", "it")
    _, context = candidates_of(doc, lexicon, attribution, rules)
    elided = next(t.i for t in doc if t.text == "all'")
    assert "beaten_markers" in context.cues[elided]


def test_features_tell_whether_a_duration_is_of_the_magnitude_of_the_others():
    # finishers' times of one race are alike; a gap is much shorter than the times
    second_at, gap = features_of(
        "Jan Test won in 8:09:10. Piet Proef was second at 8:12:40, Kees Voorbeeld third at 8:14:05, "
        "Henk Model fourth, 2:10 behind.",
        ("Piet Proef", "gap", 29560.0),
        ("Henk Model", "gap", 130.0),
    )
    assert "similar_durations=<=3" in second_at
    assert "share_of_longest=>0.8" in second_at
    assert "similar_durations=<=0" in gap
    assert "share_of_longest=<=0.05" in gap


@pytest.mark.parametrize(
    ("written", "shape"),
    [("1:46,52", "d:dd,dd"), ("14,533", "dd,ddd"), ("+54″", "+dd″"), ("13. Platz", "dd. aaa"), ("12345678", "ddd")],
)
def test_the_shape_of_a_value_tells_how_it_is_written(written: str, shape: str):
    assert value_shape(written) == shape


# -- decoding --------------------------------------------------------------------------------------------------


def _value(start: int, kind: str = "TIME", value: float = 60.0) -> ValueMention:
    return ValueMention(start, start + 1, kind, value, 0)


def _scored(
    athlete: str,
    field: str,
    value,
    probability: float,
    mention: ValueMention | None = None,
    event: str | None = "500 m",
) -> Scored:
    supports = [Support("mention", AthleteMention(0, 1, athlete, "ATHLETE", 0), mention)] if mention else []
    return Scored(Candidate(athlete, field, value, supports), probability, event)


def test_decoding_keeps_one_value_per_athlete_field_and_event():
    results = decode([_scored("A", "rank", 2, 0.9), _scored("A", "rank", 3, 0.4)], threshold=0.3)
    assert [(r.athlete, r.rank) for r in results] == [("A", 2)]


def test_decoding_keeps_a_probable_second_value_as_a_second_result():
    # "third on the floor, first in the all-around" with no event told apart: both results stay, apart
    results = decode([_scored("A", "rank", 3, 0.9), _scored("A", "rank", 1, 0.8)], threshold=0.3)
    assert sorted(r.rank or 0 for r in results) == [1, 3]
    assert len(results) == 2


def test_decoding_keeps_two_ranks_of_one_athlete_in_two_events():
    results = decode([_scored("A", "rank", 1, 0.9), _scored("A", "rank", 1, 0.8, event="stage 4")], 0.5)
    assert sorted((r.event, r.rank) for r in results) == [("500 m", 1), ("stage 4", 1)]


def test_decoding_gives_a_printed_time_to_one_athlete():
    time = _value(5)
    results = decode([_scored("A", "time", 60.0, 0.9, time), _scored("B", "time", 60.0, 0.7, time)], 0.5)
    assert [(r.athlete, r.time) for r in results] == [("A", 60.0)]


def test_decoding_lets_several_athletes_share_the_same_time_as_the_winner():
    same = _value(5, "GAP", 0.0)
    results = decode([_scored("A", "gap", 0.0, 0.9, same), _scored("B", "gap", 0.0, 0.8, same)], 0.5)
    assert sorted(r.athlete for r in results) == ["A", "B"]


def test_decoding_lets_tied_athletes_share_a_value_stated_in_a_sentence_that_tells_a_tie():
    second = _value(5, "RANK", 2)  # "A and B tied for second"
    scored = [_scored("A", "rank", 2, 0.9, second), _scored("B", "rank", 2, 0.8, second)]
    assert sorted(r.athlete for r in decode(scored, 0.5, tie_sentences=frozenset({second.sentence}))) == ["A", "B"]
    assert [r.athlete for r in decode(scored, 0.5)] == ["A"]


def test_features_tell_a_tie_in_the_sentence_of_the_value():
    (tied,) = features_of("Anna Proefson and Lena Voorbeeld tied for second place.", ("Lena Voorbeeld", "rank", 2))
    assert "tie_in_sentence" in tied


def test_decoding_gives_a_winner_no_gap():
    results = decode([_scored("A", "rank", 1, 0.9), _scored("A", "gap", 1.5, 0.6, _value(3, "GAP", 1.5))], 0.5)
    assert [(r.rank, r.gap) for r in results] == [(1, None)]


def test_decoding_keeps_no_second_rank_that_contradicts_a_medal_of_the_athlete_in_the_event():
    # "Bakker won silver": a silver medallist is second, not also the winner of the event
    results = decode([_scored("A", "medal", "silver", 0.9), _scored("A", "rank", 1, 0.8)], 0.3)
    assert [(r.medal, r.rank) for r in results] == [("silver", 2)]


def test_decoding_gives_a_medal_to_the_result_of_its_place_when_the_athlete_has_two_in_the_event():
    # "took silver and bronze" read both places for A: the bronze joins the third place, not dropped for the second
    results = decode(
        [_scored("A", "rank", 3, 0.97), _scored("A", "rank", 2, 0.9), _scored("A", "medal", "bronze", 0.85)], 0.3
    )
    assert sorted((r.rank, r.medal) for r in results) == [(2, None), (3, "bronze")]


def test_decoding_gives_a_medallist_the_place_of_the_medal():
    results = decode([_scored("A", "medal", "bronze", 0.9), _scored("B", "medal", "gold", 0.8)], 0.3)
    assert sorted((r.athlete, r.medal, r.rank) for r in results) == [("A", "bronze", 3), ("B", "gold", 1)]


def test_decoding_keeps_two_medals_of_an_athlete_when_no_event_is_named():
    # "She took gold on the beam and bronze on the floor": two events the text names in words the tagging lacks
    scored = [_scored("A", "medal", "gold", 0.9, event=None), _scored("A", "medal", "bronze", 0.8, event=None)]
    scored += [_scored("A", "rank", 1, 0.85, event=None), _scored("A", "rank", 3, 0.75, event=None)]
    results = decode(scored, 0.3)
    assert sorted((r.medal, r.rank) for r in results) == [("bronze", 3), ("gold", 1)]


def test_decoding_drops_candidates_below_the_threshold_and_records_confidence():
    results = decode([_scored("A", "rank", 2, 0.9), _scored("B", "rank", 3, 0.2)], threshold=0.5)
    assert [(r.athlete, r.confidence) for r in results] == [("A", 0.9)]


# -- the JSON model --------------------------------------------------------------------------------------------


def test_a_linear_model_adds_the_weights_of_the_features_present(tmp_path):
    model = LinearModel(weights={"near": 2.0, "far": -2.0}, bias=0.0, threshold=0.4, meta={"seed": 0})
    assert model.probability({"near"}) > 0.8 > 0.2 > model.probability({"far"})
    model.save(tmp_path / "model.json")
    again = LinearModel.load(tmp_path / "model.json")
    assert again.weights == model.weights and again.threshold == 0.4 and again.meta == {"seed": 0}


def test_a_model_scores_conjunctions_with_a_prefix_without_their_names_being_built():
    model = LinearModel(weights={"near": 1.0, "rank&near": 0.5, "gap&near": -3.0, "far": -1.0}, bias=0.2)
    for prefix in ("rank", "gap", "time"):
        spelled_out = {"near", "far", f"{prefix}&near", f"{prefix}&far"}
        assert model.probability_conjoined({"near", "far"}, prefix) == pytest.approx(model.probability(spelled_out))


def test_the_shipped_model_scores_a_candidate_alike_from_its_base_features_and_from_all_its_features():
    from nlp.decisions.results import result_model

    model = result_model()
    assert model is not None
    doc, lexicon, attribution, rules = tagged("Maria Testova won in 1:52.06, 0.4 ahead of Anna Proefson.")
    found, context = candidates_of(doc, lexicon, attribution, rules)
    for candidate in found:
        assert model.probability_conjoined(base_features(candidate, context), candidate.field) == pytest.approx(
            model.probability(features(candidate, context))
        )


def test_a_damaged_model_file_is_a_clear_error(tmp_path):
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    with pytest.raises(ValueError, match="cannot read the result model"):
        LinearModel.load(path)


# -- training --------------------------------------------------------------------------------------------------


def _passage(features_and_labels):
    from nlp.training.results_corpus import Passage

    nothing: Any = None  # fitting reads the features and labels only
    return Passage(
        id="p",
        language="en",
        source_url=None,
        gold={},
        doc=nothing,
        candidates=[],
        context=nothing,
        features=[f for f, _ in features_and_labels],
        labels=[lab for _, lab in features_and_labels],
        rules=[],
        entity_names=[],
        entity_features=[],
        entity_labels=[],
        standings=[],
        event_choices=[],
    )


def test_training_learns_which_features_mark_a_stated_result_and_is_deterministic():
    pytest.importorskip("sklearn")
    from nlp.training.train_results import fit

    rows = [({"near", "x"}, "positive"), ({"far", "x"}, "negative")] * 20 + [({"near"}, "neutral")]
    first, second = fit([_passage(rows)]), fit([_passage(rows)])
    assert first.weights["near"] > 0 > first.weights["far"]
    assert first.weights == second.weights and first.bias == second.bias
    assert first.meta["candidates"] == 40


def test_training_needs_both_kinds_of_candidates():
    pytest.importorskip("sklearn")
    from nlp.training.train_results import fit

    with pytest.raises(ValueError, match="both kinds"):
        fit([_passage([({"near"}, "positive")])])


# -- the shipped model -----------------------------------------------------------------------------------------


def test_the_shipped_model_decides_an_invented_report():
    from nlp.decisions.results import result_model

    model = result_model()
    assert model is not None
    doc, lexicon, attribution, rules = tagged(
        "Maria Testova won the 500 m in 37.80. Anna Proefson finished second, 0.16 seconds behind."
    )
    results = {r.athlete: r for r in decide_results(doc, lexicon, attribution, rules, model)}
    assert results["Maria Testova"].rank == 1
    assert results["Anna Proefson"].rank == 2


def test_the_shipped_model_gives_tied_athletes_the_place_they_share():
    from nlp.decisions.results import result_model

    model = result_model()
    assert model is not None
    doc, lexicon, attribution, rules = tagged(
        "Anna Proefson won the 500 m. Lena Voorbeeld and Kim Testova tied for second place."
    )
    results = decide_results(doc, lexicon, attribution, rules, model)
    assert {r.athlete for r in results if r.rank == 2} == {"Lena Voorbeeld", "Kim Testova"}


def test_the_setting_none_leaves_the_rules_alone(monkeypatch):
    from nlp.decisions.results import result_model

    monkeypatch.setenv("PALMARES_RESULT_MODEL", "none")
    assert result_model() is None


# -- the athlete model -----------------------------------------------------------------------------------------


def _people(text: str, language: str = "en"):
    from nlp.decisions.athlete_features import entities, entity_features

    doc, lexicon, attribution, rules = tagged(text, language)
    _, context = candidates_of(doc, lexicon, attribution, rules)
    return {e.name: entity_features(e, doc, language, context) for e in entities(context.athletes)}, (doc, context)


def test_a_persons_features_tell_a_known_given_name_and_the_values_near_them():
    people, _ = _people("Maria Testova won the 500 m in 37.80 ahead of Anna Proefson.")
    testova = people["Maria Testova"]
    assert "first_word_given_name" in testova
    assert "value_near=TIME" in testova
    assert "first_person_of_doc" in testova and "first_person_of_doc" not in people["Anna Proefson"]


def test_a_persons_features_tell_how_common_their_first_and_last_words_are():
    people, _ = _people("Maria Testova won the 500 m in 37.80 ahead of Anna Proefson.")
    testova = people["Maria Testova"]
    assert "last_zipf=0" in testova  # an invented surname: no frequency in the language
    assert any(f.startswith("first_zipf=") and f != "first_zipf=0" for f in testova)  # a known given name


def test_the_athlete_model_keeps_the_people_it_scores_as_athletes():
    from nlp.decisions.athletes import decide_athletes

    people, (doc, context) = _people("Maria Testova won the 500 m in 37.80 ahead of Anna Proefson.")
    keep_the_winner = LinearModel(weights={"first_person_of_doc": 5.0}, bias=-2.0, threshold=0.5)
    assert decide_athletes(doc, "en", context, keep_the_winner) == {"Maria Testova"}


def test_a_person_with_a_sure_result_needs_less_of_the_athlete_model():
    from models.records import Result
    from nlp.decisions.athletes import decide_athletes

    _, (doc, context) = _people("Maria Testova won the 500 m in 37.80 ahead of Anna Proefson.")
    doubtful = LinearModel(weights={}, bias=-0.2, threshold=0.5)  # 0.45 for everyone
    sure = [Result(athlete="Maria Testova", rank=1, confidence=0.9), Result(athlete="Anna Proefson", confidence=0.4)]
    assert decide_athletes(doc, "en", context, doubtful) == set()
    assert decide_athletes(doc, "en", context, doubtful, results=sure) == {"Maria Testova"}


def test_the_shipped_athlete_model_keeps_the_athletes_of_an_invented_report():
    from nlp.decisions.athletes import athlete_model, decide_athletes

    model = athlete_model()
    assert model is not None
    _, (doc, context) = _people("Maria Testova won the 500 m in 37.80. Anna Proefson finished second.")
    assert decide_athletes(doc, "en", context, model) >= {"Maria Testova", "Anna Proefson"}


def test_a_person_a_medal_tally_lists_stays_an_athlete_whatever_the_model_says():
    from nlp.decisions.athletes import decide_athletes

    _, (doc, context) = _people("Maria Testova won the 500 m in 37.80 ahead of Anna Proefson.")
    nobody = LinearModel(weights={}, bias=-10.0, threshold=0.5)
    assert decide_athletes(doc, "en", context, nobody) == set()
    assert decide_athletes(doc, "en", context, nobody, {"Anna Proefson"}) == {"Anna Proefson"}


# -- standings or race -----------------------------------------------------------------------------------------


def _standings_features(text: str, athlete: str, field: str, value=None, event: str | None = None) -> set[str]:
    """The standings features of the athlete's candidate of that field (and value) in the invented text."""
    from nlp.decisions.event_features import standings_features

    doc, lexicon, attribution, rules = tagged(text)
    found, context = candidates_of(doc, lexicon, attribution, rules)
    candidate = next(
        c for c in found if c.athlete == athlete and c.field == field and (value is None or c.value == value)
    )
    return standings_features(candidate, context, event)


def test_standings_features_read_the_sentence_of_the_result_and_its_event():
    described = _standings_features(
        "Maria Testova won the stage. Anna Proefson leads the general classification.",
        "Anna Proefson",
        "rank",
        event="general classification",
    )
    assert "s:classification" in described and "event:general" in described
    assert "s:stage" not in described


def test_standings_features_read_the_heading_above_a_list_of_results():
    described = _standings_features(
        "Maria Testova won the stage.\n\nGeneral classification\n1. Anna Proefson 10:12:05\n2. Lena Voorbeeld +0:12",
        "Lena Voorbeeld",
        "rank",
    )
    assert {"heading:general", "heading:classification"} <= described


def test_standings_features_tell_how_many_minutes_a_gap_is():
    # gaps of minutes are read in stage races' general classifications more often than in a stage
    described = _standings_features(
        "Maria Testova leads Anna Proefson by 4:12 and Lena Voorbeeld by 9.", "Anna Proefson", "gap", 252.0
    )
    assert "seconds=gap:<=599" in described


def test_standings_features_tell_how_many_sentences_back_the_text_named_standings():
    described = _standings_features(
        "Maria Testova won the stage. In the overall standings she now leads. Anna Proefson is second with 310 points.",
        "Anna Proefson",
        "rank",
        2,
    )
    assert "standings_cue_back=1" in described
    assert "previous_cue=standings_words" in described
    assert "s_cue=points_words" in described


def test_standings_features_see_no_standings_in_a_race_report():
    described = _standings_features(
        "Maria Testova won the stage. Anna Proefson was second in 4:12:10.", "Anna Proefson", "rank", 2
    )
    assert "standings_cue_back=none" in described


def test_a_result_placed_in_the_standings_takes_the_general_classification_and_back():
    from nlp.decisions.results import STANDINGS_EVENT, CandidateEvents

    doc, lexicon, attribution, rules = tagged("Maria Testova won the 500 m in 37.80.")
    _, context = candidates_of(doc, lexicon, attribution, rules)
    events = CandidateEvents(doc, attribution, lexicon, context)
    assert events.placed("500 m", in_standings=True) == STANDINGS_EVENT
    assert events.placed(STANDINGS_EVENT, in_standings=False) == "500 m"
    assert events.placed("500 m", in_standings=False) == "500 m"


def test_an_athletes_facts_of_one_sentence_are_placed_in_the_standings_together():
    from nlp.decisions.results import standings_decisions

    # "Gee is still ninth overall, 4:02 down": the place alone reads as a race, the gap as a standings
    doc, lexicon, attribution, rules = tagged("Kim Gee is still ninth overall, 4:02 down.")
    _, context = candidates_of(doc, lexicon, attribution, rules)
    kept = [_kept("Kim Gee", "rank", 9, 0.9, "stage"), _kept("Kim Gee", "gap", 242.0, 0.8, "stage")]
    gap_in_standings = LinearModel(weights={"field=gap": 3.0, "field=rank": 0.4}, bias=-1.0)
    decisions = standings_decisions(kept, {("Kim Gee", 0): "stage"}, context, gap_in_standings)
    assert decisions == [True, True]
    assert standings_decisions(kept, {}, context, gap_in_standings) == [False, True]


def test_the_standings_model_learns_from_the_gold_events():
    pytest.importorskip("sklearn")
    from nlp.training.train_results import fit_standings

    passage = _passage([])
    passage.standings = [({"s:overall"}, True), ({"s:stage"}, False)] * 10
    model = fit_standings([passage])
    assert model.probability({"s:overall"}) > 0.5 > model.probability({"s:stage"})


# -- which named event ------------------------------------------------------------------------------------------


def _kept(athlete: str, field: str, value, probability: float, event: str, sentence: int = 0):
    from nlp.decisions.results import Kept

    return Kept(Candidate(athlete, field, value), probability, event, None, 0, sentence)


def test_an_athletes_place_and_time_of_one_sentence_share_the_event_of_the_surer_one():
    from nlp.decisions.results import shared_events

    kept = [_kept("Fenna Proef", "rank", 5, 0.9, "1500 m"), _kept("Fenna Proef", "time", 115.02, 0.6, "team pursuit")]
    assert shared_events(kept) == {("Fenna Proef", 0): "1500 m"}


def test_two_places_of_one_athlete_in_one_sentence_keep_their_own_events():
    from nlp.decisions.results import shared_events

    # "Anna Proefson won the 500 m and was second in the 1000 m"
    kept = [_kept("Anna Proefson", "rank", 1, 0.9, "500 m"), _kept("Anna Proefson", "rank", 2, 0.8, "1000 m")]
    assert shared_events(kept) == {}


def test_facts_of_other_sentences_or_athletes_do_not_share_an_event():
    from nlp.decisions.results import shared_events

    kept = [
        _kept("Anna Proefson", "rank", 1, 0.9, "500 m", sentence=0),
        _kept("Anna Proefson", "time", 75.1, 0.8, "1000 m", sentence=3),
        _kept("Maria Testova", "time", 38.2, 0.8, "1000 m", sentence=0),
    ]
    assert shared_events(kept) == {
        ("Anna Proefson", 0): "500 m",
        ("Anna Proefson", 3): "1000 m",
        ("Maria Testova", 0): "1000 m",
    }


REPORT_OF_TWO_DISTANCES = "500 m\nMaria Testova won in 37.80.\n\n1000 m\nAnna Proefson won in 1:14.20."


def _event_choices(text: str, athlete: str):
    from nlp.decisions.results import CandidateEvents

    doc, lexicon, attribution, rules = tagged(text)
    found, context = candidates_of(doc, lexicon, attribution, rules)
    candidate = next(c for c in found if c.athlete == athlete and c.field == "time")
    events = CandidateEvents(doc, attribution, lexicon, context)
    return events, candidate, {o.value: f for o, f in events.choices(candidate, events.nearest(candidate)[1])}


def test_event_features_tell_the_heading_line_above_a_result():
    _, _, choices = _event_choices(REPORT_OF_TWO_DISTANCES, "Anna Proefson")
    assert "last_heading_before" in choices["1000 m"] and "nearest_before" in choices["1000 m"]
    assert "last_heading_before" not in choices["500 m"]
    assert "others_between=1" in choices["500 m"]


def test_an_event_named_often_is_weighed_on_its_heading_and_where_it_is_named_nearest_the_result():
    text = (
        "100 m\nAnna Proefson won the 100 m in 11.20 and the 200 m in 22.80. "
        "Maria Testova was second in the 200 m in 23.10. Later she said the 100 m had hurt."
    )
    events, candidate, _ = _event_choices(text, "Maria Testova")
    position = events.nearest(candidate)[1]
    hundreds = [o for o in events.layout.options if o.value == "100 m"]
    two_hundreds = [o for o in events.layout.options if o.value == "200 m"]
    kept = events.layout.nearest_each(position, events.context)
    assert hundreds[0] in kept  # the heading
    assert hundreds[1] in kept and hundreds[2] in kept  # the last before the result and the first after it
    assert two_hundreds[1] in kept and two_hundreds[0] not in kept  # only the nearer of two before it


def test_event_features_tell_how_fast_a_time_would_cover_each_distance():
    _, _, choices = _event_choices(REPORT_OF_TWO_DISTANCES, "Maria Testova")  # 37.80 s
    speeds = {value: {x for x in f if x.startswith("speed=")} for value, f in choices.items()}
    assert speeds["500 m"] != speeds["1000 m"] and all(speeds.values())


def test_a_place_is_tested_against_each_distance_with_the_time_printed_in_its_sentence():
    text = "500 m\nMaria Testova won in 37.80.\n\n1000 m\nAnna Proefson was second in 1:14.20."
    events, _, _ = _event_choices(text, "Anna Proefson")
    place = next(c for c in candidates_of(*tagged(text))[0] if c.athlete == "Anna Proefson" and c.field == "rank")
    choices = {o.value: f for o, f in events.choices(place, events.nearest(place)[1])}
    speeds = {value: {x for x in f if x.startswith("speed=")} for value, f in choices.items()}
    assert speeds["500 m"] != speeds["1000 m"] and all(speeds.values())


def test_event_features_tell_a_time_far_off_the_speed_of_the_articles_other_times_over_their_distances():
    # 50 m swims in about 23 s (2.2 m/s): 1:47.60 fits the 200 m, not the 50 m named in the heading above it
    text = (
        "Anna Proefson won the 50 m in 23.10 and Maria Testova the 200 m in 1:46.90.\n\n50 m\n"
        "Lena Voorbeeld swam the 200 m semi-final in 1:47.60."
    )
    events, _, choices = _event_choices(text, "Lena Voorbeeld")
    assert events.layout.speed is not None and 1.8 < events.layout.speed < 2.2
    assert "speed_off_article=0.5" in choices["200 m"]
    assert "speed_off_article=far" in choices["50 m"]


def test_the_event_model_picks_the_named_event_it_scores_highest():
    from nlp.decisions.results import CandidateEvents

    events, candidate, _ = _event_choices(REPORT_OF_TWO_DISTANCES, "Anna Proefson")
    heading = LinearModel(weights={"last_heading_before": 3.0}, bias=-1.0)
    chosen = CandidateEvents(events.doc, events.attribution, load_lexicon("en"), events.context, heading)
    assert chosen.of(candidate)[0] == "1000 m"
    first = LinearModel(weights={"in_first_sentence": 3.0}, bias=-1.0)
    chosen = CandidateEvents(events.doc, events.attribution, load_lexicon("en"), events.context, first)
    assert chosen.of(candidate)[0] == "500 m"


def test_the_shipped_event_model_scores_a_choice_alike_from_its_base_features_and_from_all_its_features():
    from nlp.decisions.event_features import event_choice_base_features, option_kind
    from nlp.decisions.results import event_model

    model = event_model()
    assert model is not None
    events, candidate, _ = _event_choices(REPORT_OF_TWO_DISTANCES, "Anna Proefson")
    position = events.nearest(candidate)[1]
    full = dict(events.choices(candidate, position))
    for option, base in events.choices(candidate, position, event_choice_base_features):
        assert model.probability_conjoined(base, option_kind(option.value)) == pytest.approx(
            model.probability(full[option])
        )


def test_the_event_model_learns_from_named_events_that_agree_with_the_gold():
    pytest.importorskip("sklearn")
    from nlp.training.train_results import fit_events

    passage = _passage([])
    passage.event_choices = [[({"nearest_before"}, True), ({"others_between=1"}, False)]] * 10
    model = fit_events([passage])
    assert model.probability({"nearest_before"}) > 0.5 > model.probability({"others_between=1"})


def test_the_event_model_ranks_the_events_of_one_result_not_each_event_alone():
    pytest.importorskip("sklearn")
    from nlp.training.train_results import fit_events

    # the nearest event is right in every result, wherever it stands; "before" alone tells nothing
    passage = _passage([])
    passage.event_choices = [
        [({"nearest", "before"}, True), ({"before"}, False), ({"after"}, False)],
        [({"nearest", "after"}, True), ({"before"}, False), ({"after"}, False)],
    ] * 10
    model = fit_events([passage])
    assert model.probability({"nearest", "after"}) > model.probability({"before"})
    assert model.probability({"nearest", "before"}) > model.probability({"after"})
    assert model.bias == 0.0


def test_the_cue_tagger_works_after_the_memory_zone_it_was_built_in():
    from nlp.decisions.cues import CueTagger

    nlp = get_pipeline("en")
    with nlp.memory_zone():
        tagger = CueTagger(load_lexicon("en"), "en", nlp.vocab)
        tagger(nlp.make_doc("Maria Testova won the race."))
    with nlp.memory_zone():
        classes = tagger(nlp.make_doc("Anna Proefson won again."))
    assert "win_verbs" in classes[2]
