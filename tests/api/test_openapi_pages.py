"""/docs (Swagger UI) and /redoc (ReDoc) are served from this process: an office network without
internet still shows them. The pages reference only this server's URLs, and those answer."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
# src= and href= attributes, and the url of the document handed to the viewer in an inline script.
_REFERENCES = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url:\s*'([^']+)'|spec-url=["']([^"']+)["']""")


def _references(html: str) -> list[str]:
    return [next(group for group in match if group) for match in _REFERENCES.findall(html)]


@pytest.mark.parametrize(("page", "expected"), [
    ("/docs", {"/docs/assets/swagger-ui/swagger-ui-bundle.js", "/docs/assets/swagger-ui/swagger-ui.css",
               "/openapi.json"}),
    ("/redoc", {"/docs/assets/redoc/redoc.standalone.js", "/openapi.json"}),
])
def test_the_documentation_pages_load_everything_from_this_server(client: TestClient, page: str,
                                                                  expected: set[str]) -> None:
    response = client.get(page)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    references = _references(response.text)
    assert expected <= set(references)
    assert all(reference.startswith("/") and not reference.startswith("//") for reference in references), references
    assert "http://" not in response.text and "https://" not in response.text  # no CDN, no Google Fonts
    # ReDoc's bundle would still fetch its logo from cdn.redoc.ly: the page's policy forbids other hosts.
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "img-src 'self' data:" in policy and "connect-src 'self'" in policy
    for reference in references:
        asset = client.get(reference)
        assert asset.status_code == 200, reference
        assert len(asset.content) > 500, reference  # the file itself, not an error page


def test_swagger_ui_does_not_send_the_document_to_the_online_validator(client: TestClient) -> None:
    assert '"validatorUrl": null' in client.get("/docs").text


def test_the_vendored_assets_carry_their_licences_and_ship_in_the_wheel() -> None:
    docs = ROOT / "app" / "api" / "static" / "docs"
    assert (docs / "swagger-ui" / "LICENSE").is_file() and (docs / "redoc" / "LICENSE").is_file()
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["app"]
    assert "api/static/**/*" in package_data


def test_the_asset_folder_serves_no_file_outside_it(client: TestClient) -> None:
    assert client.get("/docs/assets/../../main.py").status_code == 404
    assert client.get("/docs/assets/swagger-ui/missing.js").status_code == 404
