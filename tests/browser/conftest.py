"""Browser tests of the console: a real uvicorn server on a scratch SQLite database (hashing
encoder), seeded through its API, driven by Playwright in Debian's headless Chromium.

Outside CI the tests skip when chromium or playwright is missing; under CI=true they must run.
Every test saves a screenshot to tests/browser/artifacts/ (git-ignored), failed or not."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.seed import World, seed
from tests.conftest import IN_CI
from tests.servers import free_port, wait_ready

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
# Debian's chromium (Playwright cannot download its own browsers here); JOBMATCH_TEST_CHROMIUM overrides.
CHROMIUM = os.environ.get("JOBMATCH_TEST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ROLES = ("staff", "organiser", "platform", "admin")
MAKE_KEYS = """
import sys
from app.db.migrate import upgrade_to_head
from app.db.session import get_engine, session_scope
from app.domain.enums import Role
from app.services.keys import create_key
upgrade_to_head(get_engine())
with session_scope() as session:
    for role in sys.argv[1:]:
        print(f"{role}={create_key(session, role=Role(role), name=role + '测试')[1]}")
"""


def _missing() -> str | None:
    if not Path(CHROMIUM).is_file():
        return f"chromium not found at {CHROMIUM} (apt-get install chromium chromium-driver)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright==1.63.0; the dev extra has it)"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).resolve().parent
    browser_items = [item for item in items if Path(str(item.fspath)).resolve().is_relative_to(here)]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    missing = _missing()
    if missing and browser_items:
        if IN_CI:
            raise pytest.UsageError(f"browser tests must run under CI, but {missing}")
        for item in browser_items:
            item.add_marker(pytest.mark.skip(reason=f"console browser tests skipped: {missing}"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.stash[_FAILED] = report.failed


_FAILED = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("console")
    env = {**os.environ, "JOBMATCH_DATABASE_URL": f"sqlite:///{folder / 'console.db'}", "JOBMATCH_ENCODER": "hashing",
           "JOBMATCH_BACKGROUND_WORKER": "false", "JOBMATCH_PAIRING_EXECUTOR": "true",
           "JOBMATCH_LOG_LEVEL": "WARNING", "JOBMATCH_ENVIRONMENT": "development"}
    # One interpreter migrates and issues the four keys (the CLI would start one per key).
    created = subprocess.run([sys.executable, "-c", MAKE_KEYS, *ROLES], cwd=ROOT, env=env, capture_output=True,
                             text=True, check=True, timeout=120)
    keys = dict(line.split("=", 1) for line in created.stdout.split())
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    for stale in ARTIFACTS.glob("*.png"):  # this run's screenshots only: a FAILED- file is from this run
        stale.unlink()
    log = (ARTIFACTS / "server.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_ready(url)
        yield seed(url, keys)
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, world: World, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser context per test (its own sessionStorage), screenshot at the end."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}, accept_downloads=True,
                                  bypass_csp=bool(request.node.get_closest_marker("axe")))
    context.set_default_timeout(15_000)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    ARTIFACTS.mkdir(exist_ok=True)
    failed = request.node.stash.get(_FAILED, False)
    shot = ARTIFACTS / f"{'FAILED-' if failed else ''}{request.node.name}.png"
    try:
        tab.screenshot(path=str(shot), full_page=True)
        print(f"screenshot: {shot}")
    finally:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def sign_in(page: Any, world: World, role: str) -> None:
    page.goto(f"{world.url}/console")
    page.get_by_label("API 密钥").fill(world.keys[role])
    page.get_by_role("button", name="登录").click()
    page.locator("#who").filter(has_text=f"{role}测试").wait_for()
