"""Benchmark (not a test): Schemathesis over the whole API of a real `palmares serve`, at a large budget.

Starts the server (fresh SQLite store, or PostgreSQL with --postgres) with a calendar and a few articles
stored, then runs the Schemathesis command line on every operation: examples, coverage and fuzzing phases,
valid and invalid input, with the checks that no answer is a 5xx and that every answer matches the
OpenAPI schema. tests/test_fuzz_api.py runs the same checks in CI at a small budget.

    .venv/bin/python bench/fuzz_api.py [--max-examples 1100] [--postgres] [--seed 1]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx2 as httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.concurrency import store_env  # noqa: E402
from tests.service_helpers import AUTH, CALENDAR, CYCLING_EN, KEY, SKATING_NL, RunningServer  # noqa: E402

CHECKS = "not_a_server_error,response_schema_conformance,content_type_conformance"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=1100, help="per operation and phase")
    parser.add_argument("--postgres", action="store_true", help="store in a fresh PostgreSQL database")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", default="2", help="Schemathesis client workers")
    args = parser.parse_args()
    with (
        store_env("postgresql" if args.postgres else "sqlite") as env,
        tempfile.TemporaryDirectory() as data,
        RunningServer(Path(data), "--log-level", "warning", env=env) as server,
    ):
        with httpx.Client(base_url=server.base, headers=AUTH, timeout=120) as client:
            client.post("/calendar", content=CALENDAR.encode(), headers={"Content-Type": "text/plain"})
            for text in (SKATING_NL, CYCLING_EN):
                client.post("/articles", json={"text": text}).raise_for_status()
        command = [
            str(Path(sys.executable).parent / "schemathesis"),
            "run",
            f"{server.base}/openapi.json",
            "--header",
            f"Authorization: Bearer {KEY}",
            "--checks",
            CHECKS,
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            str(args.max_examples),
            "--seed",
            str(args.seed),
            "--workers",
            args.workers,
            "--generation-allow-x00",
            "true",
            "--no-shrink",
            "--suppress-health-check",
            "all",
            "--request-timeout",
            "120",
        ]
        print(" ".join(command), flush=True)
        outcome = subprocess.run(command)
        log_lines = server.log.read_text().splitlines()
        errors = [line for line in log_lines if "Traceback" in line or " 500 " in line]
        print(f"server log: {len(errors)} tracebacks or 500 lines", flush=True)
        print_tracebacks(log_lines)
    sys.exit(outcome.returncode)


def print_tracebacks(log_lines: list[str], context: int = 3) -> None:
    """Each traceback of the server log with the lines before it (the log is deleted with the server's folder)."""
    for i, line in enumerate(log_lines):
        if line.startswith("Traceback"):
            end = i + 1
            while end < len(log_lines) and (log_lines[end].startswith((" ", "\t")) or end == i + 1):
                end += 1
            print("\n".join(log_lines[max(0, i - context) : end + 1]), flush=True)


if __name__ == "__main__":
    main()
