"""Property-based fuzzing of every operation in the OpenAPI schema (Schemathesis): never a 5xx, and every answer
as the schema documents it. bench/fuzz_api.py runs the same checks at a large budget against a real server."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install -e .[dev])")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.core.failures import FailureGroup  # noqa: E402
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance  # noqa: E402

from tests.service_helpers import AUTH, CALENDAR, SKATING_NL, IsolatedEngine, make_client  # noqa: E402

RAW_TEXT_TYPES = ("text/html", "text/calendar", "application/x-ndjson", "application/jsonl", "application/octet-stream")
EXAMPLES_PER_OPERATION = 12  # per operation and mode (valid / invalid input)
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@schemathesis.serializer(*RAW_TEXT_TYPES)
def raw_text(ctx, value):
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8", errors="surrogatepass")


@pytest.fixture(scope="module")
def client(tmp_path_factory, engine):
    with make_client(tmp_path_factory.mktemp("fuzz"), IsolatedEngine(engine)) as client:
        # something for the generated requests to find: an article, athletes, races
        client.post("/calendar", content=CALENDAR.encode(), headers={**AUTH, "Content-Type": "text/plain"})
        client.post("/articles", json={"text": SKATING_NL}, headers=AUTH)
        yield client


def _operations(client) -> list:
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    return [result.ok() for result in schema.get_all_operations()]


def test_every_operation_is_fuzzed(client):
    labels = {op.label for op in _operations(client)}
    assert "POST /articles" in labels and "GET /calendar/{race}" in labels and len(labels) >= 20


def test_no_server_errors_and_every_answer_as_documented(client):
    failures: list[str] = []
    for operation in _operations(client):
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            _fuzz(operation, mode, failures)
    assert not failures, "\n".join(failures[:10])


def _fuzz(operation, mode, failures: list[str]) -> None:
    """Valid (POSITIVE) or schema-violating (NEGATIVE) requests; any 5xx is recorded."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case) -> None:
        response = case.call(headers={**(case.headers or {}), **AUTH})
        try:
            case.validate_response(response, checks=CHECKS)
        except (AssertionError, FailureGroup) as exc:
            failures.append(
                f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}: "
                f"{str(exc)[:300]} {response.text[:200]}"
            )

    try:
        check()
    except Unsatisfiable:  # no parameters to get wrong (e.g. GET /health): nothing negative to send
        assert mode is schemathesis.GenerationMode.NEGATIVE
