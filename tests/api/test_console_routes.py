"""GET /v1/me (the calling key's role, for the console's navigation) and the console's static files."""
from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.conftest import Keys

STATIC = Path(__file__).resolve().parents[2] / "app" / "console" / "static"


@pytest.mark.parametrize("role", ["admin", "staff", "organiser", "platform"])
def test_me_tells_the_role_and_key_name_only(client: TestClient, keys: Keys, role: str) -> None:
    response = client.get("/v1/me", headers=keys.headers(role))
    assert response.status_code == 200
    assert response.json() == {"role": role, "key_name": f"test {role}"}


def test_me_without_a_key_is_401(client: TestClient) -> None:
    assert client.get("/v1/me").status_code == 401
    assert client.get("/v1/me", headers={"X-API-Key": "jm_revoked-or-made-up"}).status_code == 401


def test_the_console_page_and_its_assets_are_served_without_any_key(client: TestClient) -> None:
    page = client.get("/console")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    scripts = [line.split('"')[1] for line in page.text.splitlines() if line.startswith("<script src=")]
    assert scripts and all(src.startswith("/console/static/") for src in scripts)  # nothing from a CDN
    for src in scripts:
        assert client.get(src).status_code == 200, src
    assert client.get("/console/static/../../main.py").status_code == 404
    paths = client.get("/openapi.json").json()["paths"]
    assert "/console" not in paths  # a page, not an API route
    assert "/v1/me" in paths and "/v1/fairs/{fair_id}/registrations/import" in paths  # what the console calls


def test_every_vendored_library_has_its_licence_beside_it() -> None:
    vendor = STATIC / "vendor"
    libraries = [folder for folder in vendor.iterdir() if folder.is_dir()]
    assert libraries
    for folder in libraries:
        assert (folder / "LICENSE").is_file(), folder
