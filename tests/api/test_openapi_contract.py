"""The OpenAPI document as a contract: walked operation by operation.

Every operation says what it does and who may call it (and the roles it names are the ones the
service enforces), every 4xx and 503 response declares the body the error handler really sends,
FastAPI's own {"detail": [...]} 422 appears nowhere, and every example in the document validates
against the schema it illustrates.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import jsonschema_rs  # schemathesis's own validator (pinned in the dev extra)
import pytest
from fastapi.testclient import TestClient

from app.api.openapi import api_routes
from app.config import get_settings
from app.main import app
from tests.conftest import Keys
from tests.factories import job_body

DOCUMENT = app.openapi()
METHODS = {"get", "put", "post", "patch", "delete"}
ROLES = ["admin", "staff", "organiser", "platform"]
ERROR_REF = "#/components/schemas/ErrorResponse"


def _operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in DOCUMENT["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


OPERATIONS = list(_operations())
IDS = [f"{method.upper()} {path}" for path, method, _ in OPERATIONS]


def test_the_walk_sees_every_route() -> None:
    assert len(OPERATIONS) >= 55
    documented = {(path, method) for path, method, _ in OPERATIONS}
    routed = {(route.path_format, method.lower()) for route in api_routes(app.routes) for method in route.methods}
    assert documented == routed


@pytest.mark.parametrize(("path", "method", "operation"), OPERATIONS, ids=IDS)
def test_every_operation_has_a_summary_and_a_description_naming_who_may_call(
        path: str, method: str, operation: dict[str, Any]) -> None:
    route = next(r for r in api_routes(app.routes) if r.path_format == path and method.upper() in r.methods)
    # FastAPI makes a summary up from the function name ("Create Job"); ours are written out.
    assert route.summary, "summary= missing on the route decorator"
    description = operation["description"]
    what, _, who = description.partition("**Who may call:**")
    assert len(what.strip()) >= 20, "the description must say what the operation does"
    assert who.strip()
    assert all(role in who for role in operation["x-roles"])


def test_no_operation_declares_fastapis_validation_error_body() -> None:
    text = json.dumps(DOCUMENT)
    assert "HTTPValidationError" not in text
    assert '"ValidationError"' not in text and "#/components/schemas/ValidationError" not in text


@pytest.mark.parametrize(("path", "method", "operation"), OPERATIONS, ids=IDS)
def test_every_error_response_declares_the_real_error_body(path: str, method: str, operation: dict[str, Any]) -> None:
    responses = operation["responses"]
    if path.startswith("/v1/"):
        assert {"401", "403", "404", "409", "413", "422", "503"} <= set(responses)
    for status, response in responses.items():
        if status.startswith("4") or (status == "503" and path.startswith("/v1/")):
            content = response["content"]["application/json"]
            assert content["schema"] == {"$ref": ERROR_REF}, status
            assert content["example"]["error"]["code"], status


def test_the_error_schema_requires_every_field_the_handler_always_sends() -> None:
    schemas = DOCUMENT["components"]["schemas"]
    assert set(schemas["ErrorResponse"]["required"]) == {"error", "request_id"}
    assert set(schemas["ErrorBody"]["required"]) == {"code", "message", "details"}
    assert set(schemas["ErrorDetail"]["required"]) == {"field", "reason"}


def test_tags_are_described_and_every_operation_uses_a_described_tag() -> None:
    described = {tag["name"]: tag["description"] for tag in DOCUMENT["tags"]}
    assert all(len(text) > 30 for text in described.values())
    for _, _, operation in OPERATIONS:
        assert set(operation["tags"]) <= set(described), operation["operationId"]


def _resolve(node: Any) -> Any:
    """The schema with every $ref replaced by its target (the document has no recursive schema)."""
    if isinstance(node, dict):
        if "$ref" in node:
            return _resolve(DOCUMENT["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]])
        return {key: _resolve(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_resolve(item) for item in node]
    return node


def _examples() -> Iterator[tuple[str, Any, Any]]:
    """(where, schema, example) for every example in the document: media types and component schemas."""
    for path, method, operation in OPERATIONS:
        media = [("request", operation.get("requestBody", {}).get("content", {}))]
        media += [(status, response.get("content", {})) for status, response in operation["responses"].items()]
        for label, content in media:
            for media_type, body in content.items():
                where = f"{method.upper()} {path} {label} {media_type}"
                if "example" in body:
                    yield where, body.get("schema", {}), body["example"]
                for name, example in body.get("examples", {}).items():
                    yield f"{where} {name}", body.get("schema", {}), example["value"]
    for name, schema in DOCUMENT["components"]["schemas"].items():
        for index, example in enumerate(schema.get("examples", [])):
            yield f"{name}[{index}]", schema, example


EXAMPLES = list(_examples())


@pytest.mark.parametrize(("where", "schema", "example"), EXAMPLES, ids=[where for where, _, _ in EXAMPLES])
def test_every_example_validates_against_its_schema(where: str, schema: Any, example: Any) -> None:
    # Formats are asserted too (dates, times): an example is what a caller copies.
    jsonschema_rs.Draft202012Validator(_resolve(schema), validate_formats=True).validate(example)


@pytest.mark.parametrize(("path", "method", "operation"), OPERATIONS, ids=IDS)
def test_every_json_request_and_response_body_has_an_example(path: str, method: str, operation: dict[str, Any]) -> None:
    def has_example(body: dict[str, Any]) -> bool:
        schema = _resolve(body.get("schema", {}))
        return bool("example" in body or body.get("examples") or schema.get("examples")
                    or any(option.get("examples") for option in schema.get("anyOf", [])))

    request = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if request is not None:
        assert has_example(request), "request body"
    for status, response in operation["responses"].items():
        body = response.get("content", {}).get("application/json")
        if status.startswith("2") and body and body.get("schema"):
            assert has_example(body), status


def _call(client: TestClient, path: str, method: str, headers: dict[str, str]) -> int:
    url = re.sub(r"\{[^}]+\}", "1", path)
    kwargs: dict[str, Any] = {"headers": headers}
    if method in {"post", "put", "patch"}:
        kwargs["json"] = {}
    return client.request(method.upper(), url, **kwargs).status_code


@pytest.mark.parametrize(("path", "method", "operation"), [op for op in OPERATIONS if op[0].startswith("/v1/")],
                         ids=[i for i, op in zip(IDS, OPERATIONS, strict=True) if op[0].startswith("/v1/")])
def test_the_roles_the_document_names_are_the_roles_the_service_lets_in(
        client: TestClient, keys: Keys, path: str, method: str, operation: dict[str, Any]) -> None:
    assert _call(client, path, method, {}) == 401
    for role in ROLES:
        status = _call(client, path, method, keys.headers(role))
        if role in operation["x-roles"]:
            assert status != 403, role
        else:
            assert status == 403, role


def test_the_error_bodies_the_service_sends_validate_against_the_declared_schema(client: TestClient,
                                                                                keys: Keys) -> None:
    """One real body per declared error status, checked against what the document declares for it."""
    staff, platform = keys.headers("staff"), keys.headers("platform")
    assert client.post("/v1/jobs", json=job_body("staff-posting"), headers=staff).status_code == 201
    too_big = job_body(description="x" * (get_settings().max_body_bytes + 1))
    answers = [  # (status, documented path, method, response)
        ("401", "/v1/jobs", "get", client.get("/v1/jobs")),
        ("403", "/v1/triage/queue", "get", client.get("/v1/triage/queue", headers=platform)),
        ("404", "/v1/jobs/{job_id}", "get", client.get("/v1/jobs/2147483000", headers=staff)),
        ("409", "/v1/jobs", "post", client.post("/v1/jobs", json=job_body("staff-posting"), headers=platform)),
        ("413", "/v1/jobs", "post", client.post("/v1/jobs", json=too_big, headers=platform)),
        ("422", "/v1/jobs", "get", client.get("/v1/jobs", params={"industry": "medicine"}, headers=staff)),
    ]
    for status, path, method, response in answers:
        assert str(response.status_code) == status, response.text
        declared = DOCUMENT["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
        jsonschema_rs.Draft202012Validator(_resolve(declared)).validate(response.json())
    # The declared schema is strict enough to refuse FastAPI's own shape and a body missing a field.
    validator = jsonschema_rs.Draft202012Validator(_resolve({"$ref": ERROR_REF}))
    assert not validator.is_valid({"detail": [{"loc": ["query", "industry"], "msg": "bad", "type": "enum"}]})
    assert not validator.is_valid({"error": {"code": "not_found", "message": "no job"}, "request_id": "x"})
