"""/docs and /redoc render in a browser that cannot reach the internet: every request to another
host is refused, as on an office network without internet access."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from tests.browser.conftest import ARTIFACTS
from tests.browser.seed import World


def _offline(page: Any, world: World) -> list[str]:
    """Refuse every request to another host; return the list of what was refused."""
    refused: list[str] = []
    own = urlsplit(world.url).netloc

    def route(request_route: Any) -> None:
        if urlsplit(request_route.request.url).netloc == own or request_route.request.url.startswith("data:"):
            request_route.continue_()
        else:
            refused.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    return refused


def test_swagger_ui_renders_every_tag_offline(page: Any, world: World) -> None:
    refused = _offline(page, world)
    page.goto(f"{world.url}/docs")
    page.locator(".opblock-tag", has_text="triage").first.wait_for()
    assert page.locator(".opblock").count() >= 55  # every operation, collapsed under its tag
    assert page.get_by_text("Create or update a posting").count() >= 1  # the written summaries
    assert refused == []


def test_redoc_renders_offline(page: Any, world: World) -> None:
    refused = _offline(page, world)
    page.goto(f"{world.url}/redoc")
    page.locator("h2", has_text="Create or update a posting").wait_for()  # the operation, not the menu entry
    page.locator("p", has_text="Who may call:").first.wait_for()
    assert refused == []
    # The fixture's full-page screenshot of ReDoc's very long page outlasts its timeout on a busy
    # machine: keep one screen of it here and leave the page.
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "redoc-first-screen.png"))
    page.goto("about:blank")
