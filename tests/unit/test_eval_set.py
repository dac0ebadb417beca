"""Integrity of the offline matching quality set in evaluation/matching/.

The grading rule is restated here independently of build_set.py, so a change to
the build that silently changes labels fails these tests.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter
from itertools import product
from pathlib import Path
from typing import Any

import pytest

from app.domain.enums import EDUCATION_RANK, SHANDONG_CITIES, Education, Industry, JobType
from evaluation.matching import build_set
from evaluation.matching.specs import OCCUPATIONS

REPO = Path(__file__).resolve().parents[2]
SET_DIR = REPO / "evaluation" / "matching"
FILES = ("postings.jsonl", "profiles.jsonl", "qrels.tsv")


def _jsonl(name: str) -> list[dict[str, Any]]:
    with (SET_DIR / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="module")
def postings() -> list[dict[str, Any]]:
    return _jsonl("postings.jsonl")


@pytest.fixture(scope="module")
def profiles() -> list[dict[str, Any]]:
    return _jsonl("profiles.jsonl")


@pytest.fixture(scope="module")
def qrels() -> dict[tuple[str, str], int]:
    with (SET_DIR / "qrels.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    pairs = [(r["profile_id"], r["job_id"]) for r in rows]
    assert len(pairs) == len(set(pairs)), "a pair is graded twice"
    return {(r["profile_id"], r["job_id"]): int(r["grade"]) for r in rows}


def _expected_grade(profile: dict[str, Any], posting: dict[str, Any]) -> int:
    """README's rule, written out again on purpose."""
    edu_ok = (EDUCATION_RANK[Education(profile["education"])]
              >= EDUCATION_RANK[Education(posting["education_min"])])
    p6_ok = posting["job_type"] != "internship" or profile["graduation_year"] >= 2023
    if not (edu_ok and p6_ok):
        return 0
    occupation = posting["_judge"]["occupation"]
    if occupation in profile["_judge"]["target_occupations"]:
        return 2 if posting["job_type"] in profile["preferred_job_types"] else 1
    return 1 if occupation in profile["_judge"]["related_occupations"] else 0


def test_sizes(postings: list[dict[str, Any]], profiles: list[dict[str, Any]]) -> None:
    assert len(postings) >= 300
    assert len(profiles) >= 60
    assert 35 <= len(OCCUPATIONS) <= 50


def test_ids_unique_and_formatted(postings: list[dict[str, Any]],
                                  profiles: list[dict[str, Any]]) -> None:
    job_ids = [p["id"] for p in postings]
    grad_ids = [p["id"] for p in profiles]
    assert len(set(job_ids)) == len(job_ids)
    assert len(set(grad_ids)) == len(grad_ids)
    assert job_ids == [f"eval-job-{n:03d}" for n in range(1, len(job_ids) + 1)]
    assert grad_ids == [f"eval-grad-{n:02d}" for n in range(1, len(grad_ids) + 1)]


def test_every_pair_graded_with_valid_grade(postings: list[dict[str, Any]],
                                            profiles: list[dict[str, Any]],
                                            qrels: dict[tuple[str, str], int]) -> None:
    expected = set(product((p["id"] for p in profiles), (j["id"] for j in postings)))
    assert set(qrels) == expected
    assert set(qrels.values()) <= {0, 1, 2}


def test_grades_follow_written_rule(postings: list[dict[str, Any]],
                                    profiles: list[dict[str, Any]],
                                    qrels: dict[tuple[str, str], int]) -> None:
    wrong = [(p["id"], j["id"]) for p in profiles for j in postings
             if qrels[(p["id"], j["id"])] != _expected_grade(p, j)]
    assert not wrong, f"{len(wrong)} pairs disagree with the rule, e.g. {wrong[:5]}"


def test_every_profile_has_three_grade_two(profiles: list[dict[str, Any]],
                                           qrels: dict[tuple[str, str], int]) -> None:
    twos = Counter(pid for (pid, _), g in qrels.items() if g == 2)
    short = {p["id"]: twos[p["id"]] for p in profiles if twos[p["id"]] < 3}
    assert not short


def test_all_grades_occur(qrels: dict[tuple[str, str], int]) -> None:
    assert set(qrels.values()) == {0, 1, 2}


def test_all_industries_and_job_types_present(postings: list[dict[str, Any]]) -> None:
    assert {p["industry"] for p in postings} == {i.value for i in Industry}
    assert {p["job_type"] for p in postings} == {j.value for j in JobType}


def test_posting_fields_valid(postings: list[dict[str, Any]]) -> None:
    known = {o.code for o in OCCUPATIONS}
    for p in postings:
        Industry(p["industry"]), JobType(p["job_type"]), Education(p["education_min"])
        assert p["city"] in SHANDONG_CITIES, p["id"]
        assert 150 <= len(p["description"]) <= 600, p["id"]
        assert p["title"] and p["employer_name"], p["id"]
        assert 0 < p["salary_min"] <= p["salary_max"], p["id"]
        assert isinstance(p["majors"], list) and isinstance(p["skills"], list)
        assert p["_judge"]["occupation"] in known, p["id"]
    # Every occupation is represented, so every target can be met.
    assert {p["_judge"]["occupation"] for p in postings} == known


def test_profile_fields_valid(profiles: list[dict[str, Any]]) -> None:
    known = {o.code for o in OCCUPATIONS}
    for p in profiles:
        Education(p["education"])
        assert all(Industry(i) for i in p["preferred_industries"])
        assert p["preferred_job_types"] and all(JobType(j) for j in p["preferred_job_types"])
        assert set(p["preferred_cities"]) <= set(SHANDONG_CITIES), p["id"]
        assert p["current_city"] in SHANDONG_CITIES, p["id"]
        assert 2015 <= p["graduation_year"] <= 2026 and p["expected_salary"] > 0
        assert p["major"] and p["intro"]
        targets, related = p["_judge"]["target_occupations"], p["_judge"]["related_occupations"]
        assert targets and set(targets) <= known and set(related) <= known, p["id"]
        assert not set(targets) & set(related), p["id"]


def test_build_is_deterministic(tmp_path: Path) -> None:
    # A fresh interpreter with another hash seed guards against set/dict-order leaks.
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "evaluation.matching.build_set", "--out", str(tmp_path)],
                   cwd=REPO, env=env, check=True, capture_output=True)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (SET_DIR / name).read_bytes(), name


def test_in_process_build_matches_files(tmp_path: Path) -> None:
    digests = build_set.write_set(tmp_path)
    for name in FILES:
        assert digests[name] == hashlib.sha256((SET_DIR / name).read_bytes()).hexdigest()


def test_readme_records_qrels_digest_and_occupation_table() -> None:
    readme = (SET_DIR / "README.md").read_text(encoding="utf-8")
    digest = hashlib.sha256((SET_DIR / "qrels.tsv").read_bytes()).hexdigest()
    assert digest in readme, "README must carry the sha256 of the fixed qrels.tsv"
    assert build_set.occupation_table() in readme, "README occupation table is out of date"
