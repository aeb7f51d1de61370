"""The OpenAPI document at `GET /openapi.json` against the server that serves it, with
schemathesis as the referee: the document is valid OpenAPI 3.1, its operations are
exactly the `/api/v1` routes, and the responses to generated requests (the real topics
of `pglive demo` and random names, valid and invalid values) have a documented status,
content type, headers and body."""

import os
import re
import zlib

import pytest
import requests
import schemathesis
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from conftest import ROOT

USER = ("demo", "demo")
TOPICS = ["sensors", "orders", "chat.lobby"]
# Requests generated per operation by schemathesis' fuzzing phase (its coverage phase adds
# its own); raise it for a deeper run.
EXAMPLES_PER_OPERATION = int(os.environ.get("PGLIVE_OPENAPI_EXAMPLES", "100"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    ignored_auth,
]
EVENTS = "/api/v1/topics/{topic}/events"
ROWS = "/api/v1/topics/{topic}/rows"


@pytest.fixture(scope="session")
def base_url(demo):
    return f"http://127.0.0.1:{demo['http']}"


@pytest.fixture(scope="session")
def document(base_url):
    response = requests.get(f"{base_url}/openapi.json", timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    return response.json()


@pytest.fixture(scope="session")
def api_schema(base_url):
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    schema.config.update(base_url=base_url, basic_auth=USER)
    schema.config.generation.update(max_examples=EXAMPLES_PER_OPERATION)
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


def with_real_topic_mostly(case):
    """Sends three cases in four to a real topic instead of the generated name, else
    nearly every case is a 404. The choice depends on the generated values only, so a
    failure replays and shrinks; it is made here rather than in a hook because hooks do
    not reach schemathesis' coverage phase, which uses one name for all its cases."""
    if not case.path_parameters or "topic" not in case.path_parameters:
        return
    choice = zlib.crc32(repr((case.path_parameters, case.query, case.headers)).encode()) % (len(TOPICS) + 1)
    if choice < len(TOPICS):
        case.path_parameters["topic"] = TOPICS[choice]


@schema.parametrize()
def test_responses_conform_to_the_document(case):
    with_real_topic_mostly(case)
    case.call_and_validate(checks=CHECKS)


@pytest.mark.parametrize("path, topic, query, headers, status", [
    pytest.param(EVENTS, "sensors", {"limit": "5"}, {"Accept": "application/x-ndjson"}, 200, id="events NDJSON"),
    pytest.param(EVENTS, "chat.lobby", {"limit": "5"}, {"Accept": "text/csv"}, 200, id="events CSV"),
    pytest.param(ROWS, "orders", {"limit": "5"}, {"Accept": "application/x-ndjson"}, 200, id="rows NDJSON"),
    pytest.param(ROWS, "sensors", {}, {"Accept": "text/csv;q=0.9, application/json;q=0.1"}, 200, id="rows CSV"),
    pytest.param(EVENTS, "sensors", {}, {"Accept": "text/html"}, 406, id="events not acceptable"),
    pytest.param(ROWS, "orders", {}, {"Accept": "image/png"}, 406, id="rows not acceptable"),
    pytest.param(EVENTS, "sensors", {"from-time": "2026-01-01t00:00:00z"}, {}, 200, id="lower-case RFC 3339"),
])
def test_negotiated_responses_conform(api_schema, path, topic, query, headers, status):
    """`Accept` is no parameter in OpenAPI, so schemathesis never negotiates: these are by hand."""
    case = api_schema[path]["GET"].Case(path_parameters={"topic": topic}, query=query, headers=headers)
    response = case.call_and_validate(checks=CHECKS, auth=USER)
    assert response.status_code == status, response.text


def test_unchanged_page_is_not_modified(api_schema):
    operation = api_schema[EVENTS]["GET"]
    page = operation.Case(path_parameters={"topic": "sensors"}, query={"limit": "2"})
    response = page.call_and_validate(checks=CHECKS, auth=USER)
    assert response.status_code == 200 and "etag" in response.headers, response.headers
    again = operation.Case(
        path_parameters={"topic": "sensors"}, query={"limit": "2"}, headers={"If-None-Match": response.headers["etag"][0]})
    assert again.call_and_validate(checks=CHECKS, auth=USER).status_code == 304


def test_document_is_valid_openapi_3_1(document):
    assert document["openapi"].startswith("3.1.")
    validate(document, cls=OpenAPIV31SpecValidator)


def source_routes():
    """`(METHOD, path)` of every route `HistoryAPI.addRoutes` adds under `/api/v1`."""
    source = (ROOT / "Sources" / "HistoryAPI" / "HistoryAPI.swift").read_text()
    found = re.findall(r'routes\.(get|post|put|patch|delete|head)\("([^"]+)"', source)
    assert found, "no routes found in HistoryAPI.swift"
    return {(method.upper(), "/api/v1/" + re.sub(r":(\w+)", r"{\1}", path)) for method, path in found}


def documented_routes(document):
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    return {(method.upper(), path) for path, item in document["paths"].items() for method in item if method in methods}


def test_documented_operations_are_the_routes(document):
    assert documented_routes(document) == source_routes()


def test_documented_operations_answer_and_their_neighbours_do_not(document, base_url):
    for method, path in sorted(documented_routes(document)):
        response = requests.request(method, base_url + path.replace("{topic}", "sensors"), auth=USER, timeout=10)
        assert response.status_code == 200, (method, path, response.status_code, response.text)
    for path in ["/api/v1/topics/sensors/nothing", "/api/v1/topics/sensors", "/api/v1/topic", "/api/v2/topics"]:
        response = requests.get(base_url + path, auth=USER, timeout=10)
        assert response.status_code == 404, (path, response.status_code, response.text)
    for method in ["POST", "PUT", "PATCH", "DELETE"]:
        response = requests.request(method, base_url + "/api/v1/topics", auth=USER, timeout=10)
        assert response.status_code in (404, 405), (method, response.status_code)
