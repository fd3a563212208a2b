"""MODEL_CARD.md of the result model: what it decides, the data, the cross-validated figures, the licence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

LANGUAGES = ("all", "nl", "en", "fr", "es", "de", "it")


def _row(language: str, rules: dict[str, float], model: dict[str, float]) -> str:
    cells = [language]
    for key in ("athletes", "results", "results_event"):
        cells.append(f"{rules.get(key, 0):.3f} → {model.get(key, 0):.3f}")
    cells.append(f"{model.get('results_precision', 0):.3f} / {model.get('results_recall', 0):.3f}")
    return "| " + " | ".join(cells) + " |"


def model_card(meta: dict[str, Any]) -> str:
    rules, model = meta["crossval"]["rules"], meta["crossval"]["model"]
    rows = "\n".join(_row(lang, rules.get(lang, {}), model.get(lang, {})) for lang in LANGUAGES if lang in model)
    return f"""# Result model

Decides which candidate results (athlete, rank / time / gap / medal) an article states. Candidates come from the
extraction rules and from the text (a value and an athlete named near it, the order of athletes in a sentence
counted from first or from second, the order of list lines, any athlete as a possible winner);
`nlp/decisions/result_features.py` describes each with binary features (cue classes of the lexicons around both,
words around the value, distances, the rules' verdict); a logistic regression weighs them;
`nlp/decisions/decode.py` keeps a consistent reading.

- Athletes: a second logistic regression (`athletes.json`, C={meta["athlete_model"]["regularisation"]}, threshold
  {meta["athlete_model"]["threshold"]}) decides which of the people the tagging found are athletes of the article
  ({meta["athlete_model"]["candidates"]} people, {meta["athlete_model"]["positives"]} athletes in the gold);
  `nlp/decisions/athlete_features.py` describes them (their words against the given-name, place and country lists,
  common words, the NER's label, the words, cues and values around their mentions, the person rules' label). A
  person it rejects loses their results too; a person with a result the result model keeps at 0.6 or more needs
  0.4 (`nlp/decisions/athletes.py`).
- Standings: a third logistic regression (`standings.json`) places each kept result in a standings (a general
  classification, a ranking, a leader's jersey) or in a race, from the words and cue classes of its sentence and the
  event the rules name ({meta["standings_model"]["candidates"]} results of the gold,
  {meta["standings_model"]["positives"]} in standings); `nlp/decisions/event_features.py` describes them.
- Events: a fourth linear model (`events.json`) ranks, for each kept result, the events the text names
  (distances, disciplines, stages; each where it is named last before the result, first after it and on a heading
  line above it) and gives it the best: where the event stands from the result (before or after,
  words, sentences, lines, other events between, a heading line), its kind, and whether the rules chose it. It is
  fitted as a pairwise logistic regression without intercept: for each of {meta["event_model"]["results"]} results
  of the gold where the choice matters, each named event that agrees with the gold event against each that does
  not ({meta["event_model"]["pairs"]} pairs, each result weighing 1); same features module.
- Model: logistic regression (scikit-learn, lbfgs, C={meta["regularisation"]}, seed {meta["seed"]}), threshold
  {meta["threshold"]}; {meta["features"]} features with a weight, stored as JSON in `model.json`.
- Training data: {meta["passages"]} annotated passages of real sports news ({meta["corpus"]}), {meta["candidates"]}
  candidates of which {meta["positives"]} stated in the gold. The passages are quotations of public news pages for
  research and evaluation; the model keeps no text, only feature names (lexicon cue classes and single
  lower-case words) and their weights.
- Reproduce: `palmares train-results` (on a 2-core machine: {meta["minutes"]} minutes including the
  cross-validation).

## Cross-validated figures (held-out folds, grouped by news site)

5 folds of `tools/cv_folds.py` over train + dev; each fold predicted by a model fitted on the other four. F1 of
the extraction rules alone → with the models; the last column is the model's results precision / recall.
`results_event` counts a fact only when its event does not contradict the gold event.

| language | athletes | results | results_event | results P / R |
|---|---|---|---|---|
{rows}

These are estimates for unseen news of the same kind; figures on the training passages themselves are not
accuracy and are not reported.

## Limits

- Candidates bound the recall: a result whose value or athlete the tagging misses, or whose rank the text only
  implies in a way no generator proposes, cannot be found.
- Events are chosen among the events the text names; an event the tagging does not recognise (an unusual
  discipline name, a distance written in words) cannot be chosen, and a result then takes a named one or none.
- Names glued to other words by the tagging ("Marco Test Deutschland") are kept or dropped whole, not cut.

## Licence

The model's weights: MIT, as the project. Training passages: quotations of public news pages, used for research
and evaluation; not redistributed.
"""


def write_model_card(folder: Path, meta: dict[str, Any]) -> None:
    (folder / "MODEL_CARD.md").write_text(model_card(meta), encoding="utf-8")
