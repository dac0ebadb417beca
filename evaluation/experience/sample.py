"""The deterministic sample of real postings whose experience requirement was labelled by hand.

Stratified by ``coarse_group`` (a rough title-keyword label in the shared data): each group gives
``ceil(share × SIZE)`` postings, at least ``MIN_PER_GROUP``, taken in order of sha256(id) so the
choice depends on nothing but the ids. The split is by the same hash: dev for even first byte,
test for odd. Postings are read from ../shared at run time and never copied into the repository.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
POSTINGS_PATH = REPO_ROOT.parent.parent / "shared" / "data" / "postings" / "real_postings_3499.json"
SIZE = 320
MIN_PER_GROUP = 8


def postings_path() -> Path:
    """../shared/data seen from a worktree (/work/wt/x) or from the main checkout (/work/main)."""
    for base in (REPO_ROOT.parent, REPO_ROOT.parent.parent):
        candidate = base / "shared" / "data" / "postings" / "real_postings_3499.json"
        if candidate.is_file():
            return candidate
    return POSTINGS_PATH


def load_postings() -> list[dict[str, Any]] | None:
    path = postings_path()
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _hash(posting_id: str) -> str:
    return hashlib.sha256(posting_id.encode()).hexdigest()


def split_of(posting_id: str) -> str:
    return "dev" if int(_hash(posting_id)[:2], 16) % 2 == 0 else "test"


def sample(postings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for posting in postings:
        groups[posting["coarse_group"]].append(posting)
    chosen: list[dict[str, Any]] = []
    for name in sorted(groups):
        members = sorted(groups[name], key=lambda p: _hash(p["id"]))
        take = max(MIN_PER_GROUP, math.ceil(len(members) / len(postings) * SIZE))
        chosen += members[:take]
    return sorted(chosen, key=lambda p: p["id"])
