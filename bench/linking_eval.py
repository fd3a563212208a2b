"""Calendar-link accuracy on the dev corpus `cal-*` passages (measuring only; nothing is tuned from it).

    .venv/bin/python bench/linking_eval.py [--verbose]

Links each passage against the calendar on ../shared/seed/team-site-page.txt with `link_article` and
prints, per language and overall, the accuracy of the top race (the top link's race equals the gold race,
or no link when the gold race is null) and of the stage (gold stage given: top race right and same
stage), the rule of ../shared/tools/score_extraction.py. The language is the corpus label.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

from nlp.calendar import load_calendar
from nlp.linking import link_article
from nlp.linking.text import fold

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _published(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def main(verbose: bool = False) -> int:
    corpus = SHARED / "data" / "corpus" / "dev"
    seed = SHARED / "seed" / "team-site-page.txt"
    if not corpus.is_dir() or not seed.is_file():
        print(f"needs {corpus} and {seed}")
        return 2
    calendar = load_calendar(seed.read_text(encoding="utf-8")).entries
    race_hits: dict[str, list[int]] = {}
    stage_hits: dict[str, list[int]] = {}
    started = time.perf_counter()
    for path in sorted(corpus.glob("cal-*.json")):
        passage = json.loads(path.read_text(encoding="utf-8"))
        gold = passage["gold"]
        lang = passage.get("language") or "und"
        links = link_article(
            passage["text"],
            title=None,
            language=lang,
            published=_published(passage.get("published")),
            calendar=calendar,
        )
        top = links[0] if links else None
        race_ok = (top is None and gold["race"] is None) or (
            top is not None and gold["race"] is not None and fold(top.race) == fold(gold["race"])
        )
        for key in (lang, "all"):
            race_hits.setdefault(key, [0, 0])
            race_hits[key][0] += int(race_ok)
            race_hits[key][1] += 1
        stage_ok = None
        if gold.get("stage") is not None:
            stage_ok = race_ok and top is not None and str(top.stage) == str(gold["stage"])
            for key in (lang, "all"):
                stage_hits.setdefault(key, [0, 0])
                stage_hits[key][0] += int(stage_ok)
                stage_hits[key][1] += 1
        if verbose:
            got = f"{top.race} / {top.stage} ({top.score})" if top else "no link"
            print(
                f"{passage['id']} {lang} race={'ok' if race_ok else 'WRONG'} "
                f"stage={'-' if stage_ok is None else ('ok' if stage_ok else 'WRONG')}: {got}"
            )
            if top:
                print(f"    {top.reasons}")
    elapsed = time.perf_counter() - started
    for key in sorted(race_hits, key=lambda k: (k == "all", k)):
        race = race_hits[key]
        line = f"{key:4} race {race[0] / race[1]:.2f} ({race[0]}/{race[1]})"
        if key in stage_hits:
            stage = stage_hits[key]
            line += f"  stage {stage[0] / stage[1]:.2f} ({stage[0]}/{stage[1]})"
        print(line)
    print(f"{race_hits['all'][1]} passages linked in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(verbose="--verbose" in sys.argv))
