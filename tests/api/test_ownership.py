"""Issue 9 items 1, 5 and 6: every record has an owner; only the owner, staff or admin change it;
nothing a platform sends erases what staff recorded; held-back postings and match ids stay their
owner's (both backends)."""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import InvalidInput
from app.db.models import ApiKey, Feedback, Graduate, Job
from app.importing.reader import Resource
from app.services.importing import import_file
from app.services.keys import authenticate, create_key, office_key
from app.domain.enums import Role
from tests.conftest import Keys
from tests.factories import graduate_body, job_body, national_id

DISCRIMINATORY = "负责病房护理工作。限男性，已婚已育优先。要求护理专业，持护士执业资格证。"
IMPORTED_ID = national_id(sequence="321")


def _import(tmp_path: Path, session_factory: Callable[[], Session], owner: str | None = None) -> None:
    jobs = tmp_path / "jobs.csv"
    with jobs.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["岗位编号", "岗位名称", "单位名称", "工作城市"],
                                      ["imp-job-1", "护士", "临沂市人民医院", "临沂"]])
    graduates = tmp_path / "graduates.csv"
    with graduates.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["编号", "姓名", "身份证号", "手机号", "专业", "学历", "毕业年份", "困难类别"],
                                      ["imp-g-1", "王小明", IMPORTED_ID, "13800001111", "计算机", "本科", "2024",
                                       "" if owner else "低保"]])
    for path, resource in ((jobs, Resource.JOBS), (graduates, Resource.GRADUATES)):
        summary = import_file(path=path, resource=resource, session_factory=session_factory, owner=owner)
        assert summary.created == 1, summary.problems


def _by_external_id(session: Session, model: type[Job] | type[Graduate], external_id: str) -> Job | Graduate:
    session.expire_all()
    return session.scalars(select(model).where(model.external_id == external_id)).one()


def test_imported_records_belong_to_the_office_and_no_platform_can_take_them_over(
        client: TestClient, keys: Keys, tmp_path: Path, session_factory: Callable[[], Session],
        session: Session) -> None:
    """H1 repro: before, PATCH and DELETE of an imported posting answered 200 and a platform upsert
    of an imported graduate replaced the name and set national_id and phone to NULL."""
    _import(tmp_path, session_factory)
    office = office_key(session)
    job = _by_external_id(session, Job, "imp-job-1")
    graduate = _by_external_id(session, Graduate, "imp-g-1")
    assert job.owner_key_id == office.id and graduate.owner_key_id == office.id
    assert office.is_system and office.role == "staff"

    platform = keys.headers("other_platform")
    assert client.patch(f"/v1/jobs/{job.id}", json={"title": "被其他平台改写"}, headers=platform).status_code == 409
    assert client.delete(f"/v1/jobs/{job.id}", headers=platform).status_code == 409
    assert client.post("/v1/jobs", json=job_body("imp-job-1", title="冒名"), headers=platform).status_code == 409
    takeover = client.post("/v1/graduates", json=graduate_body("imp-g-1", name="冒名", national_id=None, phone=None),
                           headers=platform)
    assert takeover.status_code == 409 and takeover.json()["error"]["details"][0]["field"] == "external_id"

    job, graduate = _by_external_id(session, Job, "imp-job-1"), _by_external_id(session, Graduate, "imp-g-1")
    assert (job.title, job.status) == ("护士", "open")
    assert (graduate.name, graduate.national_id, graduate.phone, graduate.hardship) == \
        ("王小明", IMPORTED_ID, "13800001111", ["minimum_living"])
    # Staff and admin still change office records.
    assert client.patch(f"/v1/jobs/{job.id}", json={"headcount": 3}, headers=keys.headers("staff")).status_code == 200
    assert client.patch(f"/v1/jobs/{job.id}", json={"headcount": 4}, headers=keys.headers("admin")).status_code == 200


def test_import_owner_option_gives_the_records_to_the_named_key(
        client: TestClient, keys: Keys, tmp_path: Path, session_factory: Callable[[], Session],
        session: Session) -> None:
    owner = authenticate(session, plaintext=keys.platform)
    assert owner is not None
    _import(tmp_path, session_factory, owner=owner.name)
    job = _by_external_id(session, Job, "imp-job-1")
    assert job.owner_key_id == owner.id and _by_external_id(session, Graduate, "imp-g-1").owner_key_id == owner.id
    assert client.patch(f"/v1/jobs/{job.id}", json={"headcount": 2},
                        headers=keys.headers("platform")).status_code == 200
    assert client.patch(f"/v1/jobs/{job.id}", json={"headcount": 3},
                        headers=keys.headers("other_platform")).status_code == 409
    with pytest.raises(InvalidInput, match="no active key"):
        import_file(path=tmp_path / "jobs.csv", resource=Resource.JOBS, session_factory=session_factory,
                    owner="no such key")


def test_a_record_without_owner_is_refused_to_every_platform(client: TestClient, keys: Keys,
                                                              session: Session) -> None:
    """Ownerless rows cannot be made any more, but the check must not skip one that is found."""
    stored = client.post("/v1/jobs", json=job_body("orphan"), headers=keys.headers("staff")).json()
    session.get(Job, stored["id"]).owner_key_id = None  # type: ignore[union-attr]
    session.commit()
    platform = keys.headers("platform")
    assert client.patch(f"/v1/jobs/{stored['id']}", json={"headcount": 9}, headers=platform).status_code == 409
    assert client.delete(f"/v1/jobs/{stored['id']}", headers=platform).status_code == 409
    assert client.post("/v1/jobs", json=job_body("orphan", headcount=9), headers=platform).status_code == 409
    assert client.patch(f"/v1/jobs/{stored['id']}", json={"headcount": 9},
                        headers=keys.headers("staff")).status_code == 200


def test_the_office_key_cannot_log_in(session: Session) -> None:
    key, plaintext = create_key(session, role=Role.STAFF, name="would-be system")
    assert authenticate(session, plaintext=plaintext) is not None
    key.is_system = True
    session.flush()
    assert authenticate(session, plaintext=plaintext) is None
    assert session.scalar(select(func.count()).select_from(ApiKey).where(ApiKey.is_system.is_(True),
                                                                         ApiKey.name == "office")) == 1


def test_a_platform_never_erases_what_staff_recorded(client: TestClient, keys: Keys, session: Session) -> None:
    platform, staff = keys.headers("platform"), keys.headers("staff")
    body = graduate_body("own-1", national_id=None, phone=None, birth_date=None, intro="初稿")
    graduate_id = client.post("/v1/graduates", json=body, headers=platform).json()["id"]
    staff_values = {"national_id": national_id(sequence="654"), "phone": "13900000000",
                    "hardship": ["disabled"], "name": "张晓梅（核实）"}
    assert client.patch(f"/v1/graduates/{graduate_id}", json=staff_values, headers=staff).status_code == 200

    # The platform re-sends its own copy (no id, no phone, old name) with a new intro.
    resent = client.post("/v1/graduates", json={**body, "intro": "更新"}, headers=platform)
    assert resent.status_code == 200, resent.text
    stored = client.get(f"/v1/graduates/{graduate_id}?unmasked=true", headers=staff).json()
    assert {field: stored[field] for field in staff_values} == staff_values
    assert stored["intro"] == "更新"  # what staff did not touch is still the platform's to change
    # A PATCH naming a staff-held field is told so, and changes nothing.
    refused = client.patch(f"/v1/graduates/{graduate_id}", json={"phone": None, "intro": "再改"}, headers=platform)
    assert refused.status_code == 409 and refused.json()["error"]["details"][0]["field"] == "phone"
    assert client.get(f"/v1/graduates/{graduate_id}", headers=platform).json()["intro"] == "更新"

    # A graduate staff withdrew, or a posting staff closed, stays so when its platform re-sends it.
    assert client.delete(f"/v1/graduates/{graduate_id}", headers=staff).status_code == 200
    assert client.post("/v1/graduates", json=body, headers=platform).json()["record_status"] == "withdrawn"
    job_id = client.post("/v1/jobs", json=job_body("own-job"), headers=platform).json()["id"]
    assert client.delete(f"/v1/jobs/{job_id}", headers=staff).status_code == 200
    assert client.post("/v1/jobs", json=job_body("own-job"), headers=platform).json()["status"] == "closed"


def _error_without_id(response, record_id: int) -> dict:  # type: ignore[no-untyped-def]
    body = response.json()
    body["error"]["message"] = body["error"]["message"].replace(str(record_id), "<id>")
    body.pop("request_id", None)  # differs per request, whatever the answer
    return body


def test_a_held_back_posting_is_readable_only_by_its_owner_and_staff(client: TestClient, keys: Keys) -> None:
    """L4: GET /v1/jobs/{id} returned a held-back posting, offending text included, to everyone."""
    held = client.post("/v1/jobs", json=job_body("bad", description=DISCRIMINATORY), headers=keys.headers("platform"))
    assert held.json()["held_back"] is True
    held_id = held.json()["id"]
    missing_id = held_id + 1000
    missing = client.get(f"/v1/jobs/{missing_id}", headers=keys.headers("other_platform"))
    for role in ("other_platform", "organiser"):
        response = client.get(f"/v1/jobs/{held_id}", headers=keys.headers(role))
        assert response.status_code == missing.status_code == 404
        assert _error_without_id(response, held_id) == _error_without_id(missing, missing_id)
        assert "已婚" not in response.text
        assert client.get(f"/v1/jobs/{held_id}/candidates", headers=keys.headers(role)).status_code == 404
    assert client.patch(f"/v1/jobs/{held_id}", json={"headcount": 2},
                        headers=keys.headers("other_platform")).status_code == 404
    for role in ("platform", "staff", "admin"):
        assert client.get(f"/v1/jobs/{held_id}", headers=keys.headers(role)).status_code == 200


def test_feedback_on_another_keys_match_is_404_and_writes_nothing(client: TestClient, keys: Keys,
                                                                  session: Session) -> None:
    """L5: another key's match_id was accepted (201) into the ranker's training data."""
    client.post("/v1/jobs", json=job_body("fb-job"), headers=keys.headers("staff"))
    profile = {"major": "护理学", "education": "bachelor", "graduation_year": 2025, "skills": ["护士执业资格"]}
    matched = client.post("/v1/match", json={"profile": profile}, headers=keys.headers("platform")).json()
    event = {"match_id": matched["match_id"], "job_id": matched["results"][0]["job_id"], "event": "click"}
    before = session.scalar(select(func.count()).select_from(Feedback))
    stolen = client.post("/v1/feedback", json=event, headers=keys.headers("other_platform"))
    unknown = client.post("/v1/feedback", json={**event, "match_id": "0" * 32}, headers=keys.headers("other_platform"))
    assert stolen.status_code == unknown.status_code == 404
    assert stolen.json()["error"]["message"] == unknown.json()["error"]["message"]
    assert session.scalar(select(func.count()).select_from(Feedback)) == before
    assert client.post("/v1/feedback", json=event, headers=keys.headers("platform")).status_code == 201
