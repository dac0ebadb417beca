"""P11 figures on small sets whose answers were computed by hand (today: Thu 2026-11-26)."""
from __future__ import annotations

import csv
import io
from typing import Any

from tests.triage.conftest import Desk


def _employ(desk: Desk, graduate_id: int, industry: str | None = None, status: str = "employed") -> None:
    body: dict[str, Any] = {"status": status, "staff_name": "王芳"}
    if status == "employed":
        body |= {"employer_name": "某单位", "started_on": "2026-11-02", "found_via": "job_fair"}
        if industry:
            body["industry"] = industry
    response = desk.send("POST", f"/v1/triage/graduates/{graduate_id}/outcomes", body)
    assert response.status_code == 201, response.text


def _employment_set(desk: Desk) -> None:
    """临沂 cohort 2025: 3 employed (2 医养健康, 1 新一代信息技术), 1 further study, 1 unemployed (disabled).
    济南 cohort 2025: 2 employed in the registry without an outcome (industry unknown; one is
    minimum_living + disabled). 临沂 cohort 2024: 1 not seeking, 1 unemployed. A withdrawn employed
    graduate counts nowhere."""
    ly = {"current_city": "临沂", "graduation_year": 2025}
    for index, industry in enumerate(["medical_health", "medical_health", "new_gen_it"]):
        _employ(desk, desk.graduate(f"ly-e{index}", county="兰山区" if index < 2 else "沂南县", **ly), industry)
    _employ(desk, desk.graduate("ly-s", county="兰山区", **ly), status="further_study")
    desk.graduate("ly-u", county="沂南县", hardship=["disabled"], **ly)
    jn = {"current_city": "济南", "county": "历下区", "graduation_year": 2025, "employment_status": "employed"}
    desk.graduate("jn-1", **jn)
    desk.graduate("jn-2", hardship=["minimum_living", "disabled"], **jn)
    old = {"current_city": "临沂", "county": "兰山区", "graduation_year": 2024}
    desk.graduate("old-n", employment_status="not_seeking", **old)
    desk.graduate("old-u", **old)
    gone = desk.graduate("gone", employment_status="employed", **ly)
    desk.send("DELETE", f"/v1/graduates/{gone}")


def _rows(body: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {row["group_name"]: (row["registered"], row["employed"] + row["further_study"], row["employment_rate"],
                                row["needed_for_goal"]) for row in body["rows"]}


def test_employment_rate_by_cohort_city_county_hardship_and_industry(desk: Desk) -> None:
    _employment_set(desk)
    url = "/v1/triage/figures/employment"
    cohort = desk.get(url, by="cohort").json()
    # 2025: 7 registered, 6 placed → 85.71%, 1 more for 90% (ceil 6.3 = 7). 2024: 0 of 2, 2 more.
    assert _rows(cohort) == {"2024届": (2, 0, 0.0, 2), "2025届": (7, 6, 0.8571, 1)}
    total = cohort["total"]
    assert (total["registered"], total["employment_rate"], total["needed_for_goal"], total["meets_goal"]) == \
        (9, 0.6667, 3, False)  # 6 of 9; ceil(8.1) = 9 → 3 more
    assert _rows(desk.get(url, by="city").json()) == {"临沂": (7, 4, 0.5714, 3), "济南": (2, 2, 1.0, 0)}
    county = desk.get(url, by="county", city="临沂").json()
    assert _rows(county) == {"兰山区": (5, 3, 0.6, 2), "沂南县": (2, 1, 0.5, 1)}
    assert _rows(desk.get(url, by="county", graduation_year=2025, city="临沂").json()) == {
        "兰山区": (3, 3, 1.0, 0), "沂南县": (2, 1, 0.5, 1)}
    hardship = _rows(desk.get(url, by="hardship").json())
    assert hardship == {"建档立卡贫困家庭": (0, 0, None, 0), "低保家庭": (1, 1, 1.0, 0), "残疾": (2, 1, 0.5, 1),
                        "零就业家庭": (0, 0, None, 0), "无困难": (7, 5, 0.7143, 2)}
    industry = desk.get(url, by="industry").json()
    assert {row["group_name"]: row["employed"] for row in industry["rows"]} == {
        "医养健康": 2, "新一代信息技术": 1, "未填写": 2}
    assert all(row["employment_rate"] is None for row in industry["rows"])
    assert desk.get(url, by="religion").status_code == 422


def test_contact_compliance(desk: Desk) -> None:
    mini = {"registration_channel": "mini_program"}
    # Registered Tue 10 Nov → due Tue 17 Nov.
    on_time = desk.graduate("p", registered_at="2026-11-10T09:00:00+08:00", **mini)
    desk.ok_service(on_time, "contact", "reached", "2026-11-12T10:00:00+08:00")
    last_minute = desk.graduate("p2", registered_at="2026-11-10T09:00:00+08:00", **mini)
    desk.ok_service(last_minute, "contact", "reached", "2026-11-17T23:00:00+08:00")  # 15:00 UTC, still the 17th
    late = desk.graduate("q", registered_at="2026-11-10T09:00:00+08:00", **mini)
    desk.ok_service(late, "contact", "reached", "2026-11-18T08:00:00+08:00")
    # Registered Mon 16 Nov → due Mon 23 Nov; only an unanswered call: overdue.
    overdue = desk.graduate("r", registered_at="2026-11-16T09:00:00+08:00", **mini)
    desk.ok_service(overdue, "contact", "not_reached", "2026-11-17T10:00:00+08:00")
    # Registered Wed 25 Nov → due Wed 2 Dec: one pending, one reached today.
    desk.graduate("s", registered_at="2026-11-25T09:00:00+08:00", **mini)
    today = desk.graduate("t", registered_at="2026-11-25T09:00:00+08:00", **mini)
    desk.ok_service(today, "career_guidance", "completed", "2026-11-26T09:00:00+08:00")  # any answered service
    # Not counted: walk-in registrations, and mini-program registrations of 2025.
    desk.graduate("w", registration_channel="walk_in")
    desk.graduate("x", registered_at="2025-11-10T09:00:00+08:00", **mini)
    body = desk.get("/v1/triage/figures/contact-compliance", by="total").json()
    assert body["total"] == {"group": "total", "group_name": "合计", "registered": 6, "on_time": 3, "late": 1,
                             "overdue": 1, "pending": 1, "compliance_rate": 0.6}
    assert (body["year"], body["as_of"], body["calendar"]) == (2026, "2026-11-26", "official")
    last_year = desk.get("/v1/triage/figures/contact-compliance", year=2025).json()
    assert last_year["total"]["overdue"] == 1 and last_year["total"]["compliance_rate"] == 0.0


def test_services_per_graduate(desk: Desk) -> None:
    walk = {"registration_channel": "walk_in", "current_city": "临沂"}
    three = desk.graduate("three", **walk)
    for day in ("2026-03-02", "2026-06-01", "2026-09-01"):
        desk.ok_service(three, "policy_consultation", "completed", f"{day}T10:00:00+08:00")
    one = desk.graduate("one", **walk)
    desk.ok_service(one, "career_guidance", "completed", "2026-10-10T10:00:00+08:00")
    desk.ok_service(one, "contact", "reached", "2026-10-09T10:00:00+08:00")  # not a P3 service
    desk.graduate("employed", employment_status="employed", **walk)  # outside P3
    desk.graduate("none", **walk)
    body = desk.get("/v1/triage/figures/services", by="city").json()
    # 4 services over 4 registered; in scope: three, one, none; met: three; deficit 0 + 2 + 3.
    assert body["rows"] == [{"group": "临沂", "group_name": "临沂", "registered": 4, "services": 4,
                             "services_per_graduate": 1.0, "in_scope": 3, "met": 1, "deficit": 5}]
    assert body["total"]["services"] == 4 and body["required"] == 3
    assert desk.get("/v1/triage/figures/services", by="industry").status_code == 422


def test_csv_export_opens_in_excel(desk: Desk) -> None:
    _employment_set(desk)
    response = desk.get("/v1/triage/figures/export", by="city")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="triage-figures-city-20261126.csv"' in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:9] == ["城市", "登记人数", "已就业", "升学", "暂不就业", "未就业", "就业率", "目标90%",
                           "距目标还需就业(人)"]
    by_city = {row[0]: row for row in rows[1:]}
    assert by_city["临沂"][1:9] == ["7", "3", "1", "1", "2", "57.1%", "未达标", "3"]
    assert by_city["济南"][6:9] == ["100.0%", "达标", "0"]
    assert b"\r\n" in response.content
    industry = desk.get("/v1/triage/figures/export", by="industry").content.decode("utf-8-sig")
    assert industry.splitlines()[0] == "就业行业,已就业人数,占已就业比例"
    desk.graduate("formula", county="=1+1")  # Excel would run a cell starting with =
    counties = desk.get("/v1/triage/figures/export", by="county").content.decode("utf-8-sig")
    assert "\r\n'=1+1," in counties
    for role in ("platform", "organiser"):
        assert desk.client.get("/v1/triage/figures/export", headers=desk.keys.headers(role)).status_code == 403
