"""Record the request and response examples that /docs and /redoc show for every operation.

Why: hand-written examples drift from what the service answers. These are real bodies, recorded
from one run of the app on a scratch SQLite database (invented people and postings, a hashing
encoder so no model is loaded), with lists shortened to two items. app.api.openapi puts them in the
document; tests/api/test_openapi_contract.py checks each still validates against its schema, so a
schema change that breaks an example fails there: run this again.

    .venv/bin/python scripts/openapi_examples.py     # rewrites app/api/openapi_examples.json
"""
from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["JOBMATCH_BACKGROUND_WORKER"] = "false"  # the hashing encoder below answers; no model is loaded
os.environ.setdefault("JOBMATCH_LOG_LEVEL", "WARNING")

from app.api.openapi import EXAMPLES_FILE  # noqa: E402
from app.config import get_settings  # noqa: E402
from app.db.migrate import upgrade_to_head  # noqa: E402
from app.db.session import make_engine, set_engine  # noqa: E402
from app.domain.enums import Role  # noqa: E402
from app.fairs import pairing_executor  # noqa: E402
from app.main import app  # noqa: E402
from app.matching.encoder import HashingEncoder  # noqa: E402
from app.matching.engine import MatchEngine  # noqa: E402
from app.services.keys import create_key  # noqa: E402
from app.services.runtime import get_match_engine, ranking_settings  # noqa: E402

LIST_ITEMS = 2  # lists in responses are cut to this many items: an example, not a dump
REQUEST_ID = "4f1c2b9a0d3e4f5a8b7c6d5e4f3a2b1c"

JOB = {
    "external_id": "lyrmyy-2026-001", "title": "护士", "employer_name": "临沂市人民医院", "industry": "医养健康",
    "city": "临沂", "education_min": "associate", "majors": ["护理"], "skills": ["护士执业资格", "静脉输液"],
    "salary_min": 4000, "salary_max": 6000, "job_type": "full_time", "headcount": 5,
    "expires_at": "2027-03-31T23:59:59+08:00",
    "description": "负责病房护理工作，执行医嘱，观察病情变化。要求护理专业，持护士执业资格证。",
}
GRADUATE = {
    "external_id": "ly-2025-0001", "name": "张晓梅", "national_id": "370102200103151230", "phone": "13805311234",
    "birth_date": "2001-03-15", "gender": "female", "school": "山东第一医科大学", "major": "护理学",
    "education": "bachelor", "graduation_year": 2025, "current_city": "临沂", "preferred_cities": ["临沂", "济南"],
    "preferred_industries": ["medical_health"], "preferred_job_types": ["full_time"], "expected_salary": 5000,
    "skills": ["护士执业资格", "静脉输液"], "intro": "护理学本科毕业，已取得护士执业资格证，希望在临沂的医院工作。",
    "hardship": ["minimum_living"], "registration_channel": "mini_program",
}


def _job(external_id: str, **changes: Any) -> dict[str, Any]:
    return {**JOB, "external_id": external_id, **changes}


def _graduate(external_id: str, **changes: Any) -> dict[str, Any]:
    return {**GRADUATE, "external_id": external_id, **changes}


class Recorder:
    """Calls the app and keeps the first request body and the first 2xx JSON body per operation."""

    def __init__(self, client: TestClient, keys: dict[str, str]) -> None:
        self.client = client
        self.keys = keys
        self.examples: dict[str, dict[str, Any]] = {}

    def call(self, role: str, method: str, template: str, *, path: dict[str, Any] | None = None,
             json_body: Any = None, params: dict[str, Any] | None = None, files: Any = None) -> Any:
        url = template.format(**(path or {}))
        response = self.client.request(method, url, json=json_body, params=params, files=files,
                                       headers={"X-API-Key": self.keys[role], "X-Request-ID": REQUEST_ID})
        if response.status_code >= 300:
            raise SystemExit(f"{method} {url} as {role}: {response.status_code} {response.text}")
        entry = self.examples.setdefault(f"{method} {template}", {})
        if json_body is not None:
            entry.setdefault("request", json_body)
        if response.headers.get("content-type", "").startswith("application/json"):
            entry.setdefault("response", {"status": str(response.status_code), "body": _shorten(response.json())})
        return response.json() if response.content and "json" in response.headers.get("content-type", "") else None


def _shorten(value: Any) -> Any:
    if isinstance(value, list):
        return [_shorten(item) for item in value[:LIST_ITEMS]]
    if isinstance(value, dict):
        return {key: _shorten(item) for key, item in value.items()}
    return value


def run(rec: Recorder) -> None:  # noqa: PLR0915 - one scenario, read top to bottom
    job = rec.call("staff", "POST", "/v1/jobs", json_body=JOB)
    other = rec.call("platform", "POST", "/v1/jobs", json_body=_job(
        "qdbank-2026-017", title="银行柜员", employer_name="青岛银行", industry="modern_finance", city="青岛",
        majors=["金融学"], skills=["点钞", "柜面业务"], description="负责柜面现金与非现金业务办理，客户咨询。"))
    rec.call("platform", "POST", "/v1/jobs/batch", json_body={"items": [
        _job("ly-2026-102", title="康复治疗师", skills=["康复治疗"], description="负责患者康复训练与评估。"),
        _job("ly-2026-103", salary_min=8000, salary_max=6000)]})
    rec.call("platform", "GET", "/v1/jobs", params={"industry": "医养健康", "city": "临沂", "limit": 2})
    rec.call("platform", "GET", "/v1/jobs/{job_id}", path={"job_id": job["id"]})
    rec.call("staff", "PATCH", "/v1/jobs/{job_id}", path={"job_id": job["id"]},
             json_body={"headcount": 8, "skills": ["护士执业资格", "静脉输液", "急救"]})
    held = rec.call("platform", "POST", "/v1/jobs", json_body=_job(
        "ly-2026-104", description="负责病房护理工作。限男性，已婚已育优先。要求护理专业，持护士执业资格证。"))

    graduate = rec.call("staff", "POST", "/v1/graduates", json_body=GRADUATE)
    rec.call("platform", "POST", "/v1/graduates/batch", json_body={"items": [
        _graduate("jn-2024-0311", name="李明", national_id="370102200207081230", birth_date="2002-07-08",
                  hardship=[], phone=None, major="计算机科学与技术", skills=["Java", "MySQL"], intro="", current_city="济南"),
        _graduate("jn-2024-0312", graduation_year=1980)]})
    # The same national id from another source: flagged for staff as a suspected duplicate.
    rec.call("platform", "POST", "/v1/graduates", json_body=_graduate("plat-77", hardship=[]))
    rec.call("staff", "GET", "/v1/graduates", params={"limit": 2})
    rec.call("staff", "GET", "/v1/graduates/{graduate_id}", path={"graduate_id": graduate["id"]})
    rec.call("staff", "PATCH", "/v1/graduates/{graduate_id}", path={"graduate_id": graduate["id"]},
             json_body={"preferred_cities": ["临沂"], "expected_salary": 4500})
    duplicates = rec.call("staff", "GET", "/v1/graduates/duplicates")
    rec.call("staff", "POST", "/v1/graduates/duplicates/{duplicate_id}/resolve",
             path={"duplicate_id": duplicates["items"][0]["id"]}, json_body={"resolution": "merged"})

    matched = rec.call("platform", "POST", "/v1/match", json_body={
        "profile": {"major": "护理学", "education": "bachelor", "graduation_year": 2025, "skills": ["护士执业资格"],
                    "preferred_cities": ["临沂"]},
        "top_k": 5, "filters": {"industries": ["医养健康"], "cities": ["临沂"]}})
    rec.call("staff", "POST", "/v1/match/batch", json_body={"graduate_ids": [graduate["id"]], "top_k": 3})
    rec.call("organiser", "GET", "/v1/jobs/{job_id}/candidates", path={"job_id": job["id"]}, params={"top_k": 3})
    rec.call("platform", "GET", "/v1/index/status")
    rec.call("platform", "POST", "/v1/feedback",
             json_body={"match_id": matched["match_id"], "job_id": job["id"], "event": "apply"})

    rec.call("staff", "GET", "/v1/screening/flagged", params={"status": "blocked"})
    rec.call("staff", "POST", "/v1/jobs/{job_id}/screening", path={"job_id": held["id"]},
             json_body={"decision": "confirm", "note": "限定性别，已联系用人单位修改"})

    gid = {"graduate_id": graduate["id"]}
    rec.call("staff", "GET", "/v1/triage/queue", params={"city": "临沂", "limit": 2})
    rec.call("staff", "GET", "/v1/triage/calendar/deadline", params={"registered_on": "2026-09-30"})
    rec.call("staff", "PUT", "/v1/triage/graduates/{graduate_id}/assignment", path=gid,
             json_body={"staff_name": "王芳", "note": "兰山区就业服务站"})
    rec.call("staff", "POST", "/v1/triage/graduates/{graduate_id}/services", path=gid, json_body={
        "kind": "contact", "channel": "phone", "outcome": "reached", "staff_name": "王芳",
        "note": "已电话联系，了解求职意向"})
    rec.call("staff", "PUT", "/v1/triage/graduates/{graduate_id}/plan", path=gid, json_body={
        "goals": ["三个月内在临沂市区医院就业"], "staff_name": "王芳", "review_on": "2027-01-15",
        "steps": [{"action": "推荐临沂市人民医院护士岗位", "due_on": "2026-12-20"},
                  {"action": "参加医养健康专场招聘会", "due_on": "2026-12-05"}],
        "recommended_job_ids": [job["id"]]})
    rec.call("staff", "POST", "/v1/triage/graduates/{graduate_id}/plan/send", path=gid,
             json_body={"channel": "phone", "staff_name": "王芳"})
    rec.call("staff", "GET", "/v1/triage/graduates/{graduate_id}/plan", path=gid)
    rec.call("staff", "GET", "/v1/triage/graduates/{graduate_id}/services", path=gid, params={"limit": 2})
    rec.call("staff", "GET", "/v1/triage/graduates/{graduate_id}", path=gid)
    for by in ("employment", "contact-compliance", "services"):
        rec.call("staff", "GET", f"/v1/triage/figures/{by}", params={"by": "city"})
    rec.call("staff", "GET", "/v1/audit", params={"resource": "graduate", "record_id": graduate["id"], "limit": 2})
    rec.call("admin", "GET", "/v1/me")

    fair = rec.call("organiser", "POST", "/v1/fairs", json_body={
        "name": "2026年临沂市医养健康专场招聘会", "kind": "special", "city": "临沂", "county": "兰山区",
        "date": "2026-12-05", "industry_focus": "医养健康",
        "slots": [{"start": "09:00", "end": "09:30"}, {"start": "09:30", "end": "10:00"}]})
    fid = {"fair_id": fair["id"]}
    rec.call("organiser", "GET", "/v1/fairs", params={"city": "临沂"})
    rec.call("organiser", "PATCH", "/v1/fairs/{fair_id}", path=fid, json_body={"min_relevance": 0.4})
    booth = rec.call("organiser", "POST", "/v1/fairs/{fair_id}/booths", path=fid, json_body={
        "job_ids": [job["id"]], "per_slot_capacity": 1, "total_capacity": 2, "label": "A01"})
    rec.call("organiser", "GET", "/v1/fairs/{fair_id}/booths", path=fid)
    rec.call("organiser", "POST", "/v1/fairs/{fair_id}/registrations", path=fid, json_body={
        "items": [{"graduate_id": graduate["id"], "slot_ids": [fair["slots"][0]["id"]], "wanted_interviews": 2}]})
    sheet = "毕业生编号,场次,面试数\r\njn-2024-0311,1;2,2\r\n".encode("utf-8")
    rec.call("organiser", "POST", "/v1/fairs/{fair_id}/registrations/import", path=fid,
             files={"file": ("报名表.csv", sheet, "text/csv")})
    rec.call("organiser", "GET", "/v1/fairs/{fair_id}/registrations", path=fid)
    rec.call("organiser", "POST", "/v1/fairs/{fair_id}/pair-rules", path=fid, json_body={
        "kind": "forbid", "graduate_id": graduate["id"], "booth_id": booth["id"]})
    rec.call("organiser", "GET", "/v1/fairs/{fair_id}/pair-rules", path=fid)
    rules = rec.client.get(f"/v1/fairs/{fair['id']}/pair-rules", headers={"X-API-Key": rec.keys["organiser"]})
    rec.call("organiser", "DELETE", "/v1/fairs/{fair_id}/pair-rules/{rule_id}",
             path={**fid, "rule_id": rules.json()["items"][0]["id"]})
    schedule = rec.call("organiser", "POST", "/v1/fairs/{fair_id}/pairing", path=fid, json_body={"mode": "optimal"})
    started = rec.call("organiser", "POST", "/v1/fairs/{fair_id}/pairing-runs", path=fid, json_body={"mode": "optimal"})
    run_path = {**fid, "run_id": started["id"]}
    for _ in range(600):  # the app's background executor runs it; the example is the finished run
        state = rec.client.get(f"/v1/fairs/{fair['id']}/pairing-runs/{started['id']}",
                               headers={"X-API-Key": rec.keys["organiser"]}).json()["state"]
        if state in ("done", "failed"):
            break
        time.sleep(0.1)
    finished = rec.call("organiser", "GET", "/v1/fairs/{fair_id}/pairing-runs/{run_id}", path=run_path)
    schedule = finished["schedule"] or schedule  # the run's schedule is now the one in force
    interviews = [row["id"] for row in schedule["schedule"]][:1]
    if interviews:
        rec.call("organiser", "POST", "/v1/fairs/{fair_id}/schedule/notified", path=fid,
                 json_body={"interview_ids": interviews})
    rec.call("organiser", "POST", "/v1/fairs/{fair_id}/schedule/lock", path=fid)
    rec.call("organiser", "POST", "/v1/fairs/{fair_id}/schedule/unlock", path=fid)
    rec.call("staff", "GET", "/v1/fairs/{fair_id}/schedule", path=fid)
    rec.call("organiser", "GET", "/v1/fairs/{fair_id}", path=fid)
    rec.call("organiser", "GET", "/v1/fairs/{fair_id}/exports/employers", path=fid)
    rec.call("organiser", "GET", "/v1/fairs/{fair_id}/exports/graduates", path=fid)

    rec.call("staff", "POST", "/v1/triage/graduates/{graduate_id}/outcomes", path=gid, json_body={
        "status": "employed", "started_on": "2026-11-16", "employer_name": "临沂市人民医院", "job_id": job["id"],
        "found_via": "job_fair",
        "staff_name": "王芳"})
    rec.call("staff", "GET", "/v1/triage/graduates/{graduate_id}/outcomes", path=gid)
    rec.call("staff", "DELETE", "/v1/triage/graduates/{graduate_id}/assignment", path=gid)
    rec.call("platform", "DELETE", "/v1/jobs/{job_id}", path={"job_id": other["id"]})
    rec.call("staff", "DELETE", "/v1/graduates/{graduate_id}", path=gid)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="openapi-examples-") as folder:
        engine = make_engine(f"sqlite:///{folder}/examples.db")
        upgrade_to_head(engine)
        set_engine(engine)
        with Session(engine) as session:
            keys = {role.value: create_key(session, role=role, name=f"示例 {role.value}")[1] for role in Role}
            session.commit()
        matcher = MatchEngine(encoder=HashingEncoder(), settings=ranking_settings(get_settings()))
        app.dependency_overrides[get_match_engine] = lambda: matcher
        # The background pairing executor takes the process's engine directly, not through a dependency.
        pairing_executor.get_match_engine = lambda: matcher  # type: ignore[assignment]
        try:
            with TestClient(app) as client:
                recorder = Recorder(client, keys)
                run(recorder)
        finally:
            app.dependency_overrides.clear()
            engine.dispose()
    text = json.dumps(dict(sorted(recorder.examples.items())), ensure_ascii=False, indent=1)
    # Keys never appear in an example; fractions of a second are noise to a reader.
    text = re.sub(r"jm_[A-Za-z0-9_-]{20,}", "jm_…", text)
    text = re.sub(r"(T\d{2}:\d{2}:\d{2})\.\d+", r"\1", text)
    EXAMPLES_FILE.write_text(text + "\n", encoding="utf-8")
    print(f"{len(recorder.examples)} operations recorded in {EXAMPLES_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
