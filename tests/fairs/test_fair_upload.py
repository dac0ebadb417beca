"""POST /v1/fairs/{fair_id}/registrations/import: the registration sheet as a multipart upload, read by
the CLI's reader; all rows or none, the rejected rows named as Excel numbers them."""
from __future__ import annotations

import io

import openpyxl
import pytest

from tests.fairs.conftest import FairWorld

ROUTE = "/v1/fairs/{fair_id}/registrations/import"


def _csv(rows: list[str], encoding: str = "gb18030") -> bytes:
    return ("\n".join(["毕业生编号,场次,面试数", *rows]) + "\n").encode(encoding)


def _upload(world: FairWorld, content: bytes, filename: str = "报名表.csv", role: str = "organiser") -> object:
    return world.client.post(ROUTE.format(fair_id=world.fair_id), headers=world.keys.headers(role),
                             files={"file": (filename, content, "application/octet-stream")})


def test_a_gbk_sheet_registers_every_row(world: FairWorld) -> None:
    response = _upload(world, _csv(["fair-grad-0,1、3,2", "fair-grad-1,09:30,", "fair-grad-2,全部,4"]))
    assert response.status_code == 201, response.text
    assert response.json() == {"fair_id": world.fair_id, "filename": "报名表.csv", "registered": 3}
    items = world.client.get(f"/v1/fairs/{world.fair_id}/registrations", headers=world.organiser()).json()["items"]
    slots = world.slot_ids
    assert [(i["external_id"], i["slot_ids"], i["wanted_interviews"]) for i in items] == [
        ("fair-grad-0", [slots[0], slots[2]], 2), ("fair-grad-1", [slots[1]], 3), ("fair-grad-2", slots, 4)]


def test_an_xlsx_sheet_is_read_too(world: FairWorld) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (["毕业生编号", "场次"], ["fair-grad-3", "2"]):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = _upload(world, buffer.getvalue(), filename="报名表.xlsx")
    assert response.status_code == 201, response.text
    assert response.json()["registered"] == 1


@pytest.mark.parametrize(("rows", "rejected"), [
    (["fair-grad-0,1,", "nobody,1,"], ["row 3"]),  # an unknown graduate
    (["fair-grad-0,7,"], ["row 2"]),  # no slot 7
    (["fair-grad-0,1,9"], ["row 2"]),  # more interviews than the fair's cap
])
def test_a_bad_row_registers_nobody_and_is_named(world: FairWorld, rows: list[str], rejected: list[str]) -> None:
    response = _upload(world, _csv(rows))
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"]["message"].startswith("nothing registered")
    assert [d["field"] for d in body["error"]["details"]] == rejected
    assert "nobody" not in response.text  # the submitted values are not echoed
    assert world.client.get(f"/v1/fairs/{world.fair_id}/registrations", headers=world.organiser()).json()["items"] == []


def test_a_file_that_is_not_a_sheet_or_has_no_id_column(world: FairWorld) -> None:
    response = _upload(world, b"MZ\x00\x01", filename="setup.exe")
    assert response.status_code == 422
    assert response.json()["error"]["details"] == [{"field": "file", "reason": "send a .csv or .xlsx file"}]
    response = _upload(world, "姓名\n王磊\n".encode())
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "file"


@pytest.mark.parametrize(("role", "status"), [("staff", 403), ("platform", 403), ("admin", 201)])
def test_only_organisers_and_admins_upload(world: FairWorld, role: str, status: int) -> None:
    assert _upload(world, _csv(["fair-grad-0,,"]), role=role).status_code == status


def test_an_unknown_fair_is_a_404(world: FairWorld) -> None:
    response = world.client.post(ROUTE.format(fair_id=9999), headers=world.organiser(),
                                 files={"file": ("a.csv", _csv(["fair-grad-0,,"]), "text/csv")})
    assert response.status_code == 404
