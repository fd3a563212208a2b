"""MODEL_CARD.md of a trained NER pipeline."""

from __future__ import annotations

from thinc.api import Config

from nlp.pipeline.lexical_vectors import FLAGS, lexical_vectors_named
from nlp.training.evaluate import format_table
from nlp.training.run import TrainingRun

CARD = """# Palmarès NER — {language}

Compact spaCy pipeline (`tok2vec` + `ner` + `palmares_ner_repair`, labels PER, ORG, LOC, MISC;
`spacy.blank("{language}")` tokenizer; static vectors: the project's lexical-vector table, named in `config.cfg`,
not copied here). Load it with `spacy.load("nlp/resources/ner/{language}")`
(the repair step's factory is registered by installing this project: `spacy_factories` entry point).

## How it was trained

    {command}

- Config: `nlp/training/ner.cfg` ({architecture}), seed {seed}, {steps} steps, one CPU thread, {minutes:.0f} minutes on
  a shared 2-core machine (data preparation, training and evaluation). The shipped weights are the checkpoint with the
  best entity F1 on the dev split (checked every 1,000 steps).{note}
- Data: WikiNEuRal (Tebaldi et al., EMNLP Findings 2021), one spaCy Doc per sentence.
  Training: all of `val.conllu` plus the first 70 % of `test.conllu` of `{language}` ({training_sentences});
  checkpoint selection: the next 10 % of `{language}`'s `test.conllu`; held out: the last 20 % (see
  `nlp/training/splits.py`).
- Augmentation (`palmares.news_style.v1`, `nlp/training/augment.py`): 40 % of multi-word person
  names lose their given name (news repeats surnames alone), 2 % of sentences upper-cased, 3 %
  title-cased.{list_sentences}
- Name-evidence repair (`nlp/pipeline/ner_repair.py`, rebuilt by `palmares train-ner {language} --repair-only`):
  mends person boundaries with the project's given-name list, drops "persons" made only of common words
  ({common_words} words: frequent in the language per wordfreq, or seen outside entities in the training
  text; never part of a person name there, nor a given name or surname of the shared lists), turns "persons"
  named like a city of 50,000+ people into places (`nlp/resources/place_names.txt`, GeoNames), and makes lone
  surnames persons where the same Doc introduced them inside a full name.
- CoNLL data was never used for training or checkpoint selection. Its test files are only measured; its
  validation files served to compare variants (the repair rules, the training languages, the network's settings,
  the list sentences).

## Evaluation (exact spans, per type)

{evaluations}
{comparison}
## Licence

The weights are derived from WikiNEuRal and inherit its licence: **CC BY-NC-SA 4.0**
(attribution, non-commercial, share-alike). The training code of the project is not affected.
The lexical vectors' table (`nlp/resources/lexical_vectors.tsv.gz`) is not part of this folder: it holds
wordfreq's frequencies (Robyn Speer and contributors, CC BY-SA 4.0) and GeoNames city names (CC BY 4.0).
"""


def describe_architecture(config: Config) -> str:
    """One line on the network, read from the trained pipeline's own config."""
    tok2vec = config["components"]["tok2vec"]["model"]
    embed, encode = tok2vec["embed"], tok2vec["encode"]
    ner = config["components"]["ner"]["model"]
    window = encode["window_size"]
    words = "word" if window == 1 else "words"
    vectors = ""
    if embed.get("include_static_vectors"):
        vectors = " and static vectors"
        lexical = lexical_vectors_named(config)
        if lexical:
            *others, last = FLAGS[lexical]
            flags = f"{', '.join(others)} and {last} flags"
            vectors = (
                f" and the project's lexical vectors (each word's frequency in six languages per wordfreq, {flags}:"
                " `nlp/pipeline/lexical_vectors.py`)"
            )
    return (
        f"MultiHashEmbed over {', '.join(embed['attrs'])}{vectors}; {encode['depth']}-layer CNN, "
        f"width {encode['width']}, window {window} {words} each side; "
        f"transition-based NER, hidden width {ner['hidden_width']}"
    )


def write_model_card(run: TrainingRun, common_words: int) -> None:
    evaluations = "\n\n".join(format_table(title, scores) for title, scores in run.evaluations)
    if not any(title.startswith("CoNLL") for title, _ in run.evaluations):
        evaluations += "\n\nNo CoNLL test set exists for this language."
    training_sentences = f"{run.train_sentences} sentences"
    if run.other_languages:
        others = ", ".join(run.other_languages)
        training_sentences += f", counted twice, plus the same splits of {others}: {run.other_sentences} sentences"
    text = CARD.format(
        language=run.language,
        command=(
            f"OMP_NUM_THREADS=1 palmares train-ner {run.language} --steps {run.steps} --seed {run.seed}"
            + (f" --lexical-vectors {run.lexical_vectors}" if run.lexical_vectors else "")
            + (f" --list-share {run.list_share:g}" if run.list_share is not None else "")
            + ("" if run.other_languages else " --monolingual")
        ),
        steps=run.steps,
        seed=run.seed,
        architecture=run.architecture,
        minutes=run.minutes,
        training_sentences=training_sentences,
        note=f"\n- {run.note}" if run.note else "",
        list_sentences=(
            "\n- Synthetic list sentences (`nlp/training/name_lists.py`): "
            f"{run.list_sentences:,} line-ups, enumerations and result lists built from each language's training"
            " names, some opening with a dateline, each standing between training sentences."
            if run.list_sentences
            else ""
        ),
        evaluations=evaluations,
        comparison=f"\n{run.comparison}\n" if run.comparison else "",
        common_words=f"{common_words:,}",
    )
    (run.output / "MODEL_CARD.md").write_text(text, encoding="utf-8")
