"""Throughput and peak memory of batch processing, next to raw `nlp.pipe` over the same texts.

    .venv/bin/python bench/batch.py [--sizes 5000 20000] [--modes raw engine single both dask]

Generates a tar.gz archive of invented articles (six languages, 140-200 words each, one .txt file per
article), then runs each mode in a fresh process and samples the resident memory of that process and
all its children (worker processes, Dask nanny and workers) every 0.2 s:

    raw     the engine's spaCy pipelines alone, `nlp.pipe` per language over the same texts (the limit)
    engine  `Engine.extract_many` over the same texts, nothing else (the engine's own limit)
    single  `palmares batch ARCHIVE --output OUT --workers 1`
    both    the same with `--workers 2`
    dask    the same with `--scheduler` pointing at a LocalCluster of 2 worker processes (1 thread each)

Times exclude pipeline loading for raw and engine (warmed on 60 articles first) and cluster start-up for
dask; batch modes include everything else (reading, engine loading in workers, writing, checkpointing).
CPU seconds (the process and every worker it waited for) are reported next to wall time: on a machine
shared with other jobs, wall-time ratios say more about the neighbours than about the code.
Nothing here is asserted: the figures are printed as a table and as JSON lines.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)  # bench/ holds scripts named like packages (bench/service.py)
sys.path.insert(0, str(REPO))

# -- invented articles ------------------------------------------------------------------------------

GIVEN = [
    "Mirthe",
    "Oskar",
    "Lieke",
    "Teun",
    "Anouk",
    "Pim",
    "Camille",
    "Yannick",
    "Inés",
    "Álvaro",
    "Greta",
    "Lukas",
    "Chiara",
    "Matteo",
    "Freya",
    "Jonah",
    "Sanne",
    "Elio",
    "Marit",
    "Bastien",
]
FAMILY = [
    "Vollenga",
    "Brandhof",
    "Stavast",
    "Morrel",
    "Dijkgraaf",
    "Haverkamp",
    "Lefèvre",
    "Marchetti",
    "Irazábal",
    "Kessling",
    "Rombaut",
    "Tamsen",
    "Veldkamp",
    "Orsini",
    "Quintana",
    "Heuvelink",
]
TEAMS = ["Team Zuidwind", "Polder Racing", "Ciclo Norte", "Equipe Valmont", "Squadra Brenta", "Team Alpenglut"]
PLACES = ["Heerenveen", "Thialf", "Inzell", "Calgary", "Hamar", "Erfurt", "Collalbo", "Tomaszów"]

TEXTS: dict[str, dict[str, list[str]]] = {
    "nl": {
        "title": ["{a} wint de {d} meter in {p}", "{a} de snelste op de {d} meter"],
        "lead": [
            "{a} van {team} heeft zaterdag in {p} de {d} meter gewonnen in een tijd van {t}. "
            "{b} werd tweede op {g} seconde van winnaar {a_last}, {c} eindigde als derde."
        ],
        "body": [
            "De wedstrijd begon rustig, maar in de laatste ronde versnelde {a_last} en liet het veld achter zich. "
            "Het publiek in {p} zag een spannende strijd tussen de favorieten.",
            "{c_last} had gehoopt op meer. Hij reed de eerste ronden snel, maar kwam in de slotfase tekort. "
            "Daarmee eindigde hij op de {rank} plaats van het klassement.",
            "Eerder dit seizoen won {b_last} al twee wedstrijden in de wereldbeker. De ploeg van {team} "
            "veroverde tot nu toe drie keer goud en eenmaal zilver.",
            "De omstandigheden waren goed: het ijs was hard en er stond weinig wind. Veel rijders reden een "
            "persoonlijk record en de organisatie sprak van een geslaagde dag.",
        ],
        "quote": [
            "“Ik ben heel blij met deze race”, zei {a_last} na afloop. “De laatste ronde was zwaar, maar ik "
            "wist dat ik de benen had.”"
        ],
        "next": ["Woensdag rijdt {b_last} de ploegenachtervolging, vrijdag volgt de 1000 meter met {a_last}."],
    },
    "en": {
        "title": ["{a} takes the {d}m title in {p}", "{a} wins the {d}m"],
        "lead": [
            "{a} of {team} won the {d}m in {p} on Saturday in a time of {t}. {b} finished second, {g} seconds "
            "behind, and {c} took third place."
        ],
        "body": [
            "The race started slowly, but {a_last} accelerated on the final lap and left the field behind. "
            "The crowd in {p} saw a tight battle between the favourites.",
            "{c_last} had hoped for more. He opened fast but faded in the closing stages and finished in "
            "{rank} place overall.",
            "Earlier this season {b_last} won two World Cup races. {team} have collected three gold medals "
            "and one silver so far.",
            "Conditions were good, with hard ice and little wind. Many skaters set personal bests and the "
            "organisers spoke of a successful day.",
        ],
        "quote": [
            '"I am really happy with this race," {a_last} said afterwards. "The last lap was hard, but I '
            'knew I had the legs today."'
        ],
        "next": ["On Wednesday {b_last} races the team pursuit, and on Friday {a_last} skates the 1000m."],
    },
    "fr": {
        "title": ["{a} s'impose sur {d} mètres à {p}"],
        "lead": [
            "{a}, de l'équipe {team}, a remporté samedi le {d} mètres à {p} en {t}. {b} termine deuxième à "
            "{g} secondes, devant {c}, troisième."
        ],
        "body": [
            "La course a commencé prudemment, mais {a_last} a accéléré dans le dernier tour et a distancé "
            "ses adversaires. Le public de {p} a assisté à une belle bataille.",
            "{c_last} espérait mieux. Parti très vite, il a faibli en fin de course et se classe à la "
            "{rank} place du classement général.",
            "Plus tôt cette saison, {b_last} avait déjà gagné deux manches de Coupe du monde. L'équipe "
            "{team} compte trois médailles d'or et une d'argent.",
            "Les conditions étaient bonnes : glace dure et peu de vent. Beaucoup de patineurs ont battu "
            "leur record personnel.",
        ],
        "quote": [
            "« C'est une journée magnifique », a déclaré {a_last}. « Le dernier tour était difficile, mais "
            "je me sentais fort. »"
        ],
        "next": ["Mercredi, {b_last} disputera la poursuite par équipes et vendredi {a_last} courra le 1000 mètres."],
    },
    "es": {
        "title": ["{a} gana los {d} metros en {p}"],
        "lead": [
            "{a}, del equipo {team}, ganó el sábado los {d} metros en {p} con un tiempo de {t}. {b} terminó "
            "segundo a {g} segundos y {c} fue tercero."
        ],
        "body": [
            "La carrera empezó con calma, pero {a_last} aceleró en la última vuelta y dejó atrás al grupo. "
            "El público de {p} vio una lucha muy igualada entre los favoritos.",
            "{c_last} esperaba más. Salió muy rápido, pero perdió fuerza al final y terminó en la {rank} "
            "posición de la clasificación.",
            "A principios de temporada {b_last} ya había ganado dos pruebas de la Copa del Mundo. El equipo "
            "{team} suma tres oros y una plata.",
            "Las condiciones eran buenas, con hielo duro y poco viento. Muchos patinadores lograron su "
            "mejor marca personal.",
        ],
        "quote": [
            '"Ha sido un día perfecto", dijo {a_last} después de la carrera. "La última vuelta fue dura, '
            'pero tenía piernas."'
        ],
        "next": [
            "El miércoles {b_last} correrá la persecución por equipos y el viernes {a_last} disputará los 1000 metros."
        ],
    },
    "de": {
        "title": ["{a} gewinnt über {d} Meter in {p}"],
        "lead": [
            "{a} vom {team} hat am Samstag in {p} das Rennen über {d} Meter in {t} gewonnen. Zweiter wurde "
            "{b} mit {g} Sekunden Rückstand, {c} landete auf Platz drei."
        ],
        "body": [
            "Das Rennen begann ruhig, doch in der letzten Runde zog {a_last} das Tempo an und ließ das Feld "
            "hinter sich. Die Zuschauer in {p} sahen einen spannenden Kampf der Favoriten.",
            "{c_last} hatte sich mehr erhofft. Er begann schnell, verlor aber am Ende an Kraft und wurde im "
            "Gesamtklassement {rank_de}.",
            "Schon früher in dieser Saison hatte {b_last} zwei Weltcuprennen gewonnen. Das {team} holte "
            "bisher dreimal Gold und einmal Silber.",
            "Die Bedingungen waren gut: hartes Eis und wenig Wind. Viele Läufer stellten persönliche Bestzeiten auf.",
        ],
        "quote": [
            "„Ich bin überglücklich“, sagte {a_last} nach dem Rennen. „Die letzte Runde war hart, aber ich "
            "hatte die Beine.“"
        ],
        "next": ["Am Mittwoch startet {b_last} in der Teamverfolgung, am Freitag läuft {a_last} die 1000 Meter."],
    },
    "it": {
        "title": ["{a} vince i {d} metri a {p}"],
        "lead": [
            "{a} del {team} ha vinto sabato i {d} metri a {p} in {t}. {b} ha chiuso secondo a {g} secondi, "
            "mentre {c} si è classificato terzo."
        ],
        "body": [
            "La gara è partita con calma, ma {a_last} ha accelerato nell'ultimo giro lasciando indietro gli "
            "avversari. Il pubblico di {p} ha assistito a una bella sfida.",
            "{c_last} sperava in qualcosa di più. Partito forte, è calato nel finale e ha chiuso al {rank_it} "
            "posto della classifica generale.",
            "Già all'inizio della stagione {b_last} aveva vinto due gare di Coppa del Mondo. La squadra "
            "{team} ha conquistato finora tre ori e un argento.",
            "Le condizioni erano buone, con ghiaccio duro e poco vento. Molti pattinatori hanno stabilito "
            "il loro primato personale.",
        ],
        "quote": [
            "«È un sogno che si avvera», ha detto {a_last} dopo la gara. «L'ultimo giro è stato duro, ma "
            "avevo le gambe.»"
        ],
        "next": ["Mercoledì {b_last} correrà l'inseguimento a squadre e venerdì {a_last} disputerà i 1000 metri."],
    },
}
RANKS = {"nl": "tiende", "en": "tenth", "fr": "dixième", "es": "décima", "de": "Zehnter", "it": "decimo"}


def invented_article(rng: random.Random, language: str) -> str:
    """Title + 5-6 paragraphs, about 140-200 words (a short news report)."""
    parts = TEXTS[language]
    names = rng.sample([f"{g} {f}" for g in GIVEN for f in FAMILY], 3)
    decimal = "." if language == "en" else ","
    values = {
        "a": names[0],
        "b": names[1],
        "c": names[2],
        "team": rng.choice(TEAMS),
        "p": rng.choice(PLACES),
        "d": rng.choice([500, 1000, 1500, 5000]),
        "t": f"{rng.randint(34, 80)}{decimal}{rng.randint(10, 99)}",
        "g": f"0{decimal}{rng.randint(10, 99)}",
        "rank": RANKS[language],
        "rank_de": RANKS["de"],
        "rank_it": RANKS["it"],
    }
    values.update({f"{k}_last": str(values[k]).split(" ", 1)[1] for k in "abc"})
    body = rng.sample(parts["body"], k=len(parts["body"]))
    paragraphs = [parts["lead"][0], body[0], body[1], parts["quote"][0], body[2], body[3], parts["next"][0]]
    if rng.random() < 0.5:
        paragraphs.pop()  # no fixtures paragraph
    return rng.choice(parts["title"]).format(**values) + "\n\n" + "\n\n".join(p.format(**values) for p in paragraphs)


def write_archive(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    languages = sorted(TEXTS)
    with tarfile.open(path, "w:gz") as tar:
        for index in range(count):
            language = languages[index % len(languages)]
            data = invented_article(rng, language).encode("utf-8")
            info = tarfile.TarInfo(f"{language}/{index:06d}.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))


def archive_texts(path: Path) -> Iterator[tuple[str, str]]:
    with tarfile.open(path, "r|gz") as tar:
        for member in tar:
            stream = tar.extractfile(member)
            if stream is not None:
                yield member.name.split("/", 1)[0], stream.read().decode("utf-8")
            tar.members.clear()  # type: ignore[attr-defined]  # TarFile keeps every member read; free them


# -- one mode, in a fresh process --------------------------------------------------------------------


def cpu_seconds() -> float:
    """CPU time of this process and of every descendant it has waited for (pool workers, Dask nannies
    and workers): unlike wall time, it does not depend on what else the machine is running."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_mode(mode: str, archive: Path, out: Path) -> dict:
    """Runs in the child process; returns articles, wall seconds and CPU seconds."""
    if mode in ("raw", "engine"):
        from nlp.engine import ArticleInput, get_engine
        from nlp.pipeline.loader import get_pipeline

        texts = list(archive_texts(archive))  # the limit is measured without reading costs
        engine = get_engine()
        warm = [ArticleInput(text) for _, text in texts[:60]]
        list(engine.extract_many(warm))
        start, cpu = time.perf_counter(), cpu_seconds()
        if mode == "raw":
            for language in sorted({language for language, _ in texts}):
                for _ in get_pipeline(language).pipe(t for lang, t in texts if lang == language):
                    pass
        else:
            for _ in engine.extract_many(ArticleInput(text, id=str(i)) for i, (_, text) in enumerate(texts)):
                pass
        return {"articles": len(texts), "seconds": time.perf_counter() - start, "cpu": cpu_seconds() - cpu}
    from service.batch import run_batch

    cpu = cpu_seconds()
    if mode == "dask":  # CPU includes the cluster's own start-up and shut-down
        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            start = time.perf_counter()
            summary = run_batch([archive], output=out, scheduler=cluster.scheduler_address, restart=True)
            seconds = time.perf_counter() - start
    else:
        start = time.perf_counter()
        summary = run_batch([archive], output=out, workers=1 if mode == "single" else 2, restart=True)
        seconds = time.perf_counter() - start
    return {
        "articles": summary.processed + summary.failed + summary.duplicates,
        "seconds": seconds,
        "cpu": cpu_seconds() - cpu,
        "failed": summary.failed,
        "duplicates": summary.duplicates,
    }


def measure(mode: str, archive: Path, out: Path) -> dict:
    """Runs one mode in a child process, sampling the memory of its whole process tree."""
    import psutil

    child = subprocess.Popen(
        [sys.executable, __file__, "--child", mode, str(archive), str(out)], stdout=subprocess.PIPE, cwd=REPO
    )
    root = psutil.Process(child.pid)
    peak = 0
    while child.poll() is None:
        try:
            processes = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in processes if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.2)
    stdout, _ = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"{mode} failed with status {child.returncode}")
    figures = json.loads(stdout.decode().strip().splitlines()[-1])
    figures.update(
        mode=mode,
        peak_rss_mb=round(peak / 2**20),
        per_second=round(figures["articles"] / figures["seconds"], 1),
        per_cpu_second=round(figures["articles"] / figures["cpu"], 1),
        load=round(os.getloadavg()[0], 1),
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    parser.add_argument("--modes", nargs="+", default=["raw", "engine", "single", "both", "dask"])
    parser.add_argument("--workdir", type=Path, default=None, help="Keep archives and outputs here.")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "ARCHIVE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, archive, out = args.child
        print(json.dumps(run_mode(mode, Path(archive), Path(out))))
        return
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="palmares-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        archive = workdir / f"articles-{size}.tar.gz"
        if not archive.exists():
            write_archive(archive, size)
        for mode in args.modes:
            figures = measure(mode, archive, workdir / f"out-{size}-{mode}.jsonl")
            figures["size"] = size
            rows.append(figures)
            print(json.dumps(figures), flush=True)
    print(
        f"\n{'size':>6} {'mode':<7} {'articles/s':>10} {'vs raw':>6} {'vs single':>9} {'per CPU-s':>9} "
        f"{'vs raw':>6} {'peak RSS MB':>11} {'load':>5}"
    )

    def ratio(row: dict, key: str, other: str) -> float:
        """`row`'s figure over the same-size run in mode `other`."""
        same = {r["mode"]: r for r in rows if r["size"] == row["size"]}
        return row[key] / same[other][key] if other in same else float("nan")

    for row in rows:
        print(
            f"{row['size']:>6} {row['mode']:<7} {row['per_second']:>10} {ratio(row, 'per_second', 'raw'):>6.2f} "
            f"{ratio(row, 'per_second', 'single'):>9.2f} {row['per_cpu_second']:>9} "
            f"{ratio(row, 'per_cpu_second', 'raw'):>6.2f} "
            f"{row['peak_rss_mb']:>11} {row['load']:>5}"
        )
    print(
        "per CPU-s: articles per CPU-second of the whole process tree (independent of other load on the "
        "machine); load: 1-minute load average at the end of the run"
    )


if __name__ == "__main__":
    main()
