"""The real-postings matching set as plain records: postings from ../shared, profiles and labels from the repo.

Why here: ``scripts/eval_matching.py`` judges rankers on two sets; this module turns the real one
into the same shapes as the synthetic one (objects with the ORM attribute names, so the service's
own text and document functions accept them) without ever copying a posting into the repository.

What the shared postings lack is filled the way the service fills it for a posting saved without it:
the industry by ``app.services.industry.suggest_industry`` (P5), the job type from the title by the
set's written rule (``grade.job_type_of``: 实习 → internship, 兼职/日结 → flexible), no majors. The
``_judge`` annotations of the profiles are dropped here: no ranker sees them.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
SET_DIR = REPO_ROOT / "evaluation" / "matching-real"


def _grade_module() -> ModuleType:
    """evaluation/matching-real/grade.py, loaded by path (the folder name has a hyphen)."""
    name = "matching_real_grade"
    if name in sys.modules:
        return sys.modules[name]
    if str(SET_DIR) not in sys.path:
        sys.path.insert(0, str(SET_DIR))
    spec = importlib.util.spec_from_file_location(name, SET_DIR / "grade.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class RealRecords:
    postings: list[SimpleNamespace]  # .id is the number in "real-NNNNN"
    profiles: list[SimpleNamespace]  # .id is the number in "real-grad-NN"
    grades: dict[int, dict[int, int]]  # profile → posting → grade; absent = 0
    profile_split: dict[int, str]
    source: Path


def _number(external_id: str) -> int:
    return int(external_id.rsplit("-", 1)[1])


def load_real_records() -> RealRecords | None:
    """None (with the reason printed by the caller) when ../shared/data is absent."""
    from app.services.industry import suggest_industry

    grade = _grade_module()
    path = grade.postings_path()
    if path is None:
        return None
    postings: list[SimpleNamespace] = []
    for raw in json.loads(path.read_text(encoding="utf-8")):
        description = raw.get("description") or ""
        skills = list(raw.get("skills") or [])
        industry = suggest_industry(title=raw["title"], description=description, skills=skills).industry
        postings.append(SimpleNamespace(
            id=_number(raw["id"]), external_id=raw["id"], title=raw["title"],
            employer_name=raw.get("employer_name") or "", description=description, industry=str(industry),
            city=raw.get("city") or "", education_min=raw["education_min"], job_type=grade.job_type_of(raw["title"]),
            majors=[], skills=skills, salary_min=raw.get("salary_min"), salary_max=raw.get("salary_max"),
            priority_friendly=False, status="open", expires_at=None, held_back=False,
        ))
    profiles = [_profile_record(row) for row in grade.load_profiles()]
    grades: dict[int, dict[int, int]] = {p.id: {} for p in profiles}
    with (SET_DIR / "qrels.tsv").open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            profile_id, posting_id, value = line.rstrip("\n").split("\t")
            grades[_number(profile_id)][_number(posting_id)] = int(value)
    splits: dict[int, str] = {}
    with (SET_DIR / "splits.tsv").open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            profile_id, split = line.rstrip("\n").split("\t")
            splits[_number(profile_id)] = split
    return RealRecords(postings, profiles, grades, splits, path)


def _profile_record(row: dict[str, Any]) -> SimpleNamespace:
    row = {k: v for k, v in row.items() if not k.startswith("_judge")}
    return SimpleNamespace(
        id=_number(row["id"]), external_id=row["id"], school=None, major=row["major"], education=row["education"],
        graduation_year=row["graduation_year"], birth_date=None, skills=list(row["skills"]), intro=row["intro"],
        current_city=row.get("current_city"), preferred_cities=list(row["preferred_cities"]),
        preferred_industries=list(row["preferred_industries"]),
        preferred_job_types=list(row["preferred_job_types"]), expected_salary=row.get("expected_salary"),
        has_hardship=False, employment_status="unemployed",
        work_experience_years=float(row.get("work_experience_years") or 0),
    )
