"""Query parameters accept what bodies accept: an industry may be sent as its code, its Chinese
name or an older alias, in a query string as in a body. The parameters are found by walking the
OpenAPI document, so a new industry parameter declared with the plain enum fails here."""
from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.domain.enums import INDUSTRY_ALIASES, Industry
from app.main import app
from tests.conftest import Keys
from tests.factories import job_body

CODES = {industry.value for industry in Industry}


def _enum_of(schema: dict[str, Any]) -> set[str]:
    values = set(schema.get("enum", []))
    for option in schema.get("anyOf", []):
        values |= _enum_of(option)
    if "$ref" in schema:
        values |= _enum_of(app.openapi()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]])
    return values


def _industry_query_parameters() -> list[tuple[str, str]]:
    found = []
    for path, item in app.openapi()["paths"].items():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query" and CODES <= _enum_of(parameter["schema"]):
                    found.append((path, parameter["name"]))
    return found


def test_every_industry_query_parameter_declares_the_chinese_names_and_aliases() -> None:
    parameters = _industry_query_parameters()
    assert ("/v1/jobs", "industry") in parameters
    for path, name in parameters:
        operation = next(op for op in app.openapi()["paths"][path].values()
                         if any(p["name"] == name for p in op.get("parameters", [])))
        schema = next(p["schema"] for p in operation["parameters"] if p["name"] == name)
        assert set(INDUSTRY_ALIASES) <= _enum_of(schema), (path, name)


@pytest.fixture
def two_postings(client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    for body in (job_body("nurse-1"), job_body("bank-1", title="柜员", industry="现代金融服务",
                                                 employer_name="临商银行", description="负责柜面业务")):
        assert client.post("/v1/jobs", json=body, headers=staff).status_code == 201


@pytest.mark.parametrize("spelling", ["medical_health", "医养健康", " 医养健康 "])
def test_jobs_filtered_by_industry_code_or_chinese_name(client: TestClient, keys: Keys, two_postings: None,
                                                        spelling: str) -> None:
    response = client.get("/v1/jobs", params={"industry": spelling}, headers=keys.headers("platform"))
    assert response.status_code == 200, response.text
    assert [job["external_id"] for job in response.json()["items"]] == ["nurse-1"]
    assert response.json()["items"][0]["industry"] == "medical_health"  # answered as the code


def test_jobs_filtered_by_an_older_alias(client: TestClient, keys: Keys, two_postings: None) -> None:
    response = client.get("/v1/jobs", params={"industry": "现代金融服务"}, headers=keys.headers("staff"))
    assert response.status_code == 200, response.text
    assert [(job["external_id"], job["industry"]) for job in response.json()["items"]] == [("bank-1", "modern_finance")]


@pytest.mark.parametrize("junk", ["medicine", "医疗", "MEDICAL_HEALTH", ""])
def test_an_unknown_industry_in_the_query_is_a_422_naming_the_parameter(client: TestClient, keys: Keys,
                                                                        junk: str) -> None:
    response = client.get("/v1/jobs", params={"industry": junk}, headers=keys.headers("staff"))
    assert response.status_code == 422, response.text
    body = response.json()
    assert [detail["field"] for detail in body["error"]["details"]] == ["industry"]
    assert "medical_health" in body["error"]["details"][0]["reason"]
    assert "医养健康" in body["error"]["details"][0]["reason"]  # the names are accepted, so the hint says so
    assert body["error"]["code"] == "validation_error"
    assert not junk or junk not in body["error"]["message"]  # never echoes the value
