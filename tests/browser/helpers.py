"""Small helpers shared by the browser tests."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def queue_ids(page: Any) -> list[int]:
    return [int(row.get_attribute("data-graduate-id")) for row in page.locator("#queue-table tbody tr[data-graduate-id]").all()]


def wait_queue(page: Any) -> None:
    page.locator("#queue-table").wait_for()


def tab_to(page: Any, selector: str, limit: int = 80) -> list[str]:
    """Press Tab until the focused element matches the CSS `selector`; returns a description of
    every element focused on the way (the keyboard path a user takes)."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        matched, described = page.evaluate("""(selector) => { const el = document.activeElement;
            return [el.matches(selector), `${el.tagName.toLowerCase()}:${el.name || el.id || el.textContent.trim().slice(0, 20)}`]; }""",
                                           selector)
        seen.append(described)
        if matched:
            return seen
    raise AssertionError(f"Tab never reached {selector}; focus went through {seen}")


def docs_screenshot(locator: Any, name: str) -> None:
    """JOBMATCH_DOCS_SCREENSHOTS=1 refreshes the screenshots of docs/img (README, docs/console.md)."""
    if os.environ.get("JOBMATCH_DOCS_SCREENSHOTS") == "1":
        locator.screenshot(path=str(ROOT / "docs" / "img" / name))
