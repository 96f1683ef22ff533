"""Issue 8, item 5: the API fuzzed from its own OpenAPI description by schemathesis: for every operation,
values drawn from each parameter's schema (both valid and invalid ones), never a server error, always JSON
with a ``detail`` on a 4xx, and the store unchanged. Skipped when schemathesis is not installed.

(schemathesis' pytest plugin does not run under pytest 9, so the operations' hypothesis strategies are
driven here directly.)"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

schemathesis = pytest.importorskip("schemathesis")

from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.generation import GenerationMode  # noqa: E402

from security_helpers import fingerprint  # noqa: E402
from warta.server.app import create_app  # noqa: E402

EXAMPLES = int(os.environ.get("WARTA_FUZZ_EXAMPLES", "40"))




def test_no_operation_fails_on_schema_drawn_input(demo_db):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(demo_db))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 11
    before = fingerprint(demo_db)
    calls = 0
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=max(EXAMPLES // 3, 5), deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            def run(case):
                nonlocal calls
                response = case.call()
                calls += 1
                case.validate_response(response, checks=[not_a_server_error])
                assert response.headers["content-type"][0].startswith("application/json"), response.text[:200]
                if response.status_code >= 400:
                    assert response.json()["detail"]

            try:
                run()
            except Unsatisfiable:  # no parameter to make invalid (GET /api/health)
                assert mode == GenerationMode.NEGATIVE
    assert calls >= len(operations)
    assert fingerprint(demo_db) == before
    target = os.environ.get("WARTA_SECURITY_COUNTS")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps({"module": "schemathesis", "tried": {"schema-drawn": calls}}) + "\n")
