"""Issue 9 item 4 (M4): a platform cannot test whether a national_id is registered. A clash with a
record it cannot see is accepted like a fresh id and flagged for staff (both backends)."""
from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from tests.conftest import Keys
from tests.factories import graduate_body, national_id

REGISTERED = national_id(sequence="811")
FRESH = national_id(sequence="812")
VOLATILE = {"id", "external_id", "created_at", "updated_at"}


def _visible(response: Response) -> tuple[int, str | None, dict[str, Any]]:
    """Everything a platform receives, apart from what differs per record anyway."""
    body = {key: value for key, value in response.json().items() if key not in VOLATILE}
    return response.status_code, response.headers.get("X-Upsert-Outcome"), body


def test_a_registered_national_id_answers_like_a_fresh_one(client: TestClient, keys: Keys) -> None:
    staff, platform = keys.headers("staff"), keys.headers("other_platform")
    original = client.post("/v1/graduates", json=graduate_body("office-1", national_id=REGISTERED),
                           headers=staff).json()

    posted = [client.post("/v1/graduates", json=graduate_body(f"p-{value}", national_id=value), headers=platform)
              for value in (REGISTERED, FRESH)]
    assert _visible(posted[0]) == _visible(posted[1]) and posted[0].status_code == 201
    resent = [client.post("/v1/graduates", json=graduate_body(f"p-{value}", national_id=value), headers=platform)
              for value in (REGISTERED, FRESH)]
    assert _visible(resent[0]) == _visible(resent[1]) and resent[0].headers["X-Upsert-Outcome"] == "unchanged"
    # Birth date checked against the id the platform sent, held back or not.
    ids = [response.json()["id"] for response in posted]
    for graduate_id in ids:
        wrong = client.patch(f"/v1/graduates/{graduate_id}", json={"birth_date": "1999-01-01"}, headers=platform)
        assert wrong.status_code == 422 and wrong.json()["error"]["details"][0]["field"] == "birth_date"

    # PATCH: the same on the platform's own records without an id.
    patched = []
    for index, value in enumerate((REGISTERED, national_id(sequence="813"))):
        own = client.post("/v1/graduates", json=graduate_body(f"q-{index}", national_id=None), headers=platform)
        patched.append(client.patch(f"/v1/graduates/{own.json()['id']}", json={"national_id": value},
                                    headers=platform))
    assert _visible(patched[0]) == _visible(patched[1]) and patched[0].status_code == 200

    # Staff see the suspected duplicates (masked), the registry keeps one holder of the id.
    flags = client.get("/v1/graduates/duplicates", headers=staff).json()["items"]
    assert {(flag["graduate_id"], flag["duplicate_of_id"]) for flag in flags} == \
        {(ids[0], original["id"]), (patched[0].json()["id"], original["id"])}
    assert all(flag["national_id"] != REGISTERED and flag["national_id"].endswith(REGISTERED[-4:])
               and flag["field"] == "national_id" for flag in flags)
    kept = client.get(f"/v1/graduates/{ids[0]}?unmasked=true", headers=staff).json()
    assert kept["national_id"] is None and kept["name"] == graduate_body()["name"]
    holder = client.get(f"/v1/graduates/{original['id']}?unmasked=true", headers=staff).json()
    assert holder["national_id"] == REGISTERED

    resolved = client.post(f"/v1/graduates/duplicates/{flags[0]['id']}/resolve", json={"resolution": "merged"},
                           headers=staff)
    assert resolved.status_code == 200 and resolved.json()["resolution"] == "merged"
    assert len(client.get("/v1/graduates/duplicates", headers=staff).json()["items"]) == 1
    assert len(client.get("/v1/graduates/duplicates?include_resolved=true", headers=staff).json()["items"]) == 2
    assert client.post(f"/v1/graduates/duplicates/{flags[0]['id']}/resolve", json={"resolution": "merged"},
                       headers=staff).status_code == 409
    for role in ("platform", "organiser"):
        assert client.get("/v1/graduates/duplicates", headers=keys.headers(role)).status_code == 403


def test_whoever_can_see_the_holder_is_told_plainly(client: TestClient, keys: Keys) -> None:
    """Staff see the whole registry and a platform its own records: for them a clash is no secret,
    so they get the clear 422 and nothing is stored."""
    staff, platform = keys.headers("staff"), keys.headers("platform")
    assert client.post("/v1/graduates", json=graduate_body("mine-1", national_id=FRESH),
                       headers=platform).status_code == 201
    mine = client.post("/v1/graduates", json=graduate_body("mine-2", national_id=FRESH), headers=platform)
    assert mine.status_code == 422 and mine.json()["error"]["details"][0]["field"] == "national_id"
    staff_clash = client.post("/v1/graduates", json=graduate_body("office-2", national_id=FRESH), headers=staff)
    assert staff_clash.status_code == 422
    assert client.get("/v1/graduates/duplicates", headers=staff).json()["items"] == []
