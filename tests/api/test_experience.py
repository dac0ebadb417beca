"""Experience asked (jobs) and held (graduates): API round trips, validation, import columns and the
/v1/match ``max_experience_years`` filter (issue 10, item 3)."""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Graduate, Job
from app.importing.columns import CellError, experience_years
from app.importing.reader import Resource
from app.services.importing import import_file
from tests.conftest import Keys
from tests.factories import graduate_body, job_body, national_id

NURSE_PROFILE = {"major": "护理学", "education": "bachelor", "graduation_year": 2025, "skills": ["护士执业资格"]}


def _problem_fields(response: Any) -> set[str]:
    return {detail["field"] for detail in response.json()["error"]["details"]}


def test_job_experience_round_trip(client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    stated = client.post("/v1/jobs", json=job_body("exp-3", experience_min_years=3), headers=staff)
    assert stated.status_code == 201, stated.text
    assert stated.json()["experience_min_years"] == 3
    unstated = client.post("/v1/jobs", json=job_body("exp-none"), headers=staff).json()
    assert unstated["experience_min_years"] is None  # not stated: matching reads it from the text
    job_id = stated.json()["id"]
    assert client.get(f"/v1/jobs/{job_id}", headers=staff).json()["experience_min_years"] == 3
    assert client.patch(f"/v1/jobs/{job_id}", json={"experience_min_years": 0},
                        headers=staff).json()["experience_min_years"] == 0
    cleared = client.patch(f"/v1/jobs/{job_id}", json={"experience_min_years": None}, headers=staff)
    assert cleared.status_code == 200 and cleared.json()["experience_min_years"] is None


@pytest.mark.parametrize("value", [-1, 51, 2.5, "三年"])
def test_job_experience_out_of_range_is_422_and_stores_nothing(client: TestClient, keys: Keys, session: Session,
                                                                value: Any) -> None:
    response = client.post("/v1/jobs", json=job_body("bad-exp", experience_min_years=value),
                           headers=keys.headers("staff"))
    assert response.status_code == 422
    assert any("experience_min_years" in field for field in _problem_fields(response))
    assert session.scalar(select(Job).where(Job.external_id == "bad-exp")) is None


def test_graduate_experience_round_trip_and_validation(client: TestClient, keys: Keys, session: Session) -> None:
    staff = keys.headers("staff")
    new = client.post("/v1/graduates", json=graduate_body("g-new"), headers=staff).json()
    assert new["work_experience_years"] == 0  # a new graduate has none
    earlier = client.post("/v1/graduates", json=graduate_body(
        "g-earlier", national_id=national_id(sequence="222"), work_experience_years=4), headers=staff)
    assert earlier.status_code == 201, earlier.text
    graduate_id = earlier.json()["id"]
    assert client.get(f"/v1/graduates/{graduate_id}", headers=staff).json()["work_experience_years"] == 4
    assert client.patch(f"/v1/graduates/{graduate_id}", json={"work_experience_years": 5},
                        headers=staff).json()["work_experience_years"] == 5
    for bad in (None, -1, 51):
        response = client.patch(f"/v1/graduates/{graduate_id}", json={"work_experience_years": bad}, headers=staff)
        assert response.status_code == 422, (bad, response.text)
        assert any("work_experience_years" in field for field in _problem_fields(response))
    assert client.get(f"/v1/graduates/{graduate_id}", headers=staff).json()["work_experience_years"] == 5
    created_bad = client.post("/v1/graduates", json=graduate_body(
        "g-bad", national_id=national_id(sequence="223"), work_experience_years=60), headers=staff)
    assert created_bad.status_code == 422
    assert session.scalar(select(Graduate).where(Graduate.external_id == "g-bad")) is None


def test_max_experience_years_filter(client: TestClient, keys: Keys) -> None:
    staff = keys.headers("staff")
    for external_id, years in (("open", 0), ("one", 1), ("three", 3), ("five", 5), ("unknown", None)):
        extra = {} if years is None else {"experience_min_years": years}
        assert client.post("/v1/jobs", json=job_body(external_id, **extra), headers=staff).status_code == 201

    def shown(**filters: Any) -> set[str]:
        response = client.post("/v1/match", json={"profile": NURSE_PROFILE, "filters": filters},
                               headers=keys.headers("platform"))
        assert response.status_code == 200, response.text
        return {row["external_id"] for row in response.json()["results"]}

    assert shown() == {"open", "one", "three", "five", "unknown"}
    # A posting whose requirement is unknown is kept: it may well be open to new graduates.
    assert shown(max_experience_years=0) == {"open", "unknown"}
    assert shown(max_experience_years=3) == {"open", "one", "three", "unknown"}
    # The same filter through a stored graduate and the batch route.
    graduate = client.post("/v1/graduates", json=graduate_body("filter-grad", preferred_job_types=[]),
                           headers=staff).json()
    batch = client.post("/v1/match/batch", json={"graduate_ids": [graduate["id"]],
                                                 "filters": {"max_experience_years": 1}}, headers=staff).json()
    assert {row["external_id"] for row in batch["items"][0]["results"]} == {"open", "one", "unknown"}
    # A change of the requirement reaches matching (the change feed carries it).
    five = next(j for j in client.get("/v1/jobs", headers=staff).json()["items"] if j["external_id"] == "five")
    client.patch(f"/v1/jobs/{five['id']}", json={"experience_min_years": 0}, headers=staff)
    assert "five" in shown(max_experience_years=0)


@pytest.mark.parametrize("value", [-1, 51, 1.5, "三年"])
def test_max_experience_years_is_validated(client: TestClient, keys: Keys, value: Any) -> None:
    response = client.post("/v1/match", json={"profile": NURSE_PROFILE, "filters": {"max_experience_years": value}},
                           headers=keys.headers("platform"))
    assert response.status_code == 422
    assert any("max_experience_years" in field for field in _problem_fields(response))


def test_unsaved_profile_carries_experience(client: TestClient, keys: Keys) -> None:
    response = client.post("/v1/match", json={"profile": {**NURSE_PROFILE, "work_experience_years": 2}},
                           headers=keys.headers("platform"))
    assert response.status_code == 200, response.text
    bad = client.post("/v1/match", json={"profile": {**NURSE_PROFILE, "work_experience_years": 99}},
                      headers=keys.headers("platform"))
    assert bad.status_code == 422


@pytest.mark.parametrize(("cell", "years"), [
    ("3年以上", 3), ("3年及以上", 3), ("1-3年", 1), ("1~3年", 1), ("５年", 5), ("2", 2), (4.0, 4),
    ("不限", 0), ("经验不限", 0), ("无", 0), ("应届生", 0), ("接受应届毕业生", 0), ("3年以上工作经验", 3),
])
def test_experience_cells(cell: Any, years: int) -> None:
    assert experience_years(cell) == years


@pytest.mark.parametrize("cell", ["三年", "0.5年", "若干", 2.5])
def test_unreadable_experience_cells(cell: Any) -> None:
    with pytest.raises(CellError):
        experience_years(cell)


def _write(path: Path, headers: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def test_import_columns(tmp_path: Path, session_factory: Callable[[], Session], session: Session) -> None:
    graduates = _write(tmp_path / "graduates.csv", ["编号", "姓名", "专业", "学历", "毕业年份", "工作经验年限"], [
        ["E1", "王磊", "会计学", "本科", "2021", "3年"],
        ["E2", "李娜", "护理学", "本科", "2025", ""],
        ["E3", "赵强", "农学", "硕士", "2020", "很多年"],
        ["E4", "孙丽", "护理", "大专", "2019", "60"],
    ])
    summary = import_file(path=graduates, resource=Resource.GRADUATES, session_factory=session_factory)
    assert summary.created == 2 and summary.rejected_rows == {4, 5}
    stored = {g.external_id: g.work_experience_years for g in session.scalars(select(Graduate))}
    assert stored == {"E1": 3, "E2": 0}
    jobs = _write(tmp_path / "jobs.csv", ["岗位编号", "岗位名称", "单位名称", "工作城市", "经验要求"], [
        ["J1", "会计", "临沂会计师事务所", "临沂", "3年以上"],
        ["J2", "出纳", "临沂会计师事务所", "临沂", "经验不限"],
        ["J3", "护士", "临沂市人民医院", "临沂", ""],
    ])
    summary = import_file(path=jobs, resource=Resource.JOBS, session_factory=session_factory)
    assert summary.created == 3, summary
    stored = {j.external_id: j.experience_min_years for j in session.scalars(select(Job))}
    assert stored == {"J1": 3, "J2": 0, "J3": None}
