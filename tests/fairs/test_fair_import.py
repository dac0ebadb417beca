"""Registering graduates from an organiser's spreadsheet: service (both backends) and command."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import FairRegistration
from app.fairs.registration_sheet import FairImportError, register_from_file
from tests.cli.test_cli import _jobmatch
from tests.fairs.conftest import FairWorld


def _write(path: Path, rows: list[list[str]], encoding: str = "gbk") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_register_from_a_gbk_spreadsheet(world: FairWorld, session: Session, tmp_path: Path) -> None:
    path = _write(tmp_path / "报名表.csv", [["毕业生编号", "场次", "面试数"], ["fair-grad-0", "1、3", "2"],
                                          [], ["fair-grad-1", "09:30", ""], ["fair-grad-2", "全部", "4"]])
    summary = register_from_file(session, fair_id=world.fair_id, path=path)
    assert summary.registered == 3
    items = world.client.get(f"/v1/fairs/{world.fair_id}/registrations", headers=world.organiser()).json()["items"]
    slots = world.slot_ids
    assert [(i["external_id"], i["slot_ids"], i["wanted_interviews"]) for i in items] == [
        ("fair-grad-0", [slots[0], slots[2]], 2), ("fair-grad-1", [slots[1]], 3), ("fair-grad-2", slots, 4)]


@pytest.mark.parametrize(("rows", "message"), [
    ([["毕业生编号", "场次"], ["fair-grad-3", "1"], ["nobody", "1"]], "row 3"),
    ([["毕业生编号", "场次"], ["fair-grad-3", "7"]], "row 2"),
    ([["姓名"], ["王磊"]], "毕业生编号"),
    ([["毕业生编号", "面试数"], ["fair-grad-3", "9"]], "row 2"),
])
def test_a_bad_row_registers_nobody(world: FairWorld, session: Session, tmp_path: Path, rows: list[list[str]],
                                    message: str) -> None:
    path = _write(tmp_path / "bad.csv", rows)
    with pytest.raises(FairImportError, match=message):
        register_from_file(session, fair_id=world.fair_id, path=path)
    assert session.scalar(select(func.count()).select_from(FairRegistration)) == 0


def test_fairs_register_command(tmp_path: Path) -> None:
    database = tmp_path / "fair.db"
    graduates = _write(tmp_path / "registry.csv", [["编号", "姓名", "专业", "学历", "毕业年份"],
                                                    ["A1", "王磊", "软件工程", "本科", "2025"]])
    assert _jobmatch(["import", "graduates", str(graduates)], database).returncode == 0
    from datetime import date, time

    from app.db.models import Fair, FairSlot
    from app.db.session import make_engine

    engine = make_engine(f"sqlite:///{database}")
    with Session(engine) as session:
        fair = Fair(name="校园双选会", kind="campus", city="济南", fair_date=date(2026, 12, 1))
        session.add(fair)
        session.flush()
        session.add(FairSlot(fair_id=fair.id, number=1, starts_at=time(9), ends_at=time(9, 30)))
        session.commit()
        fair_id = fair.id
    engine.dispose()
    sheet = _write(tmp_path / "fair.csv", [["毕业生编号", "场次"], ["A1", "1"]], encoding="utf-8-sig")
    result = _jobmatch(["fairs", "register", str(fair_id), str(sheet)], database)
    assert result.returncode == 0, result.stderr
    assert "登记 1 名毕业生" in result.stdout
    again = _jobmatch(["fairs", "register", str(fair_id), str(sheet)], database)
    assert again.returncode == 1 and "第2行：该毕业生已报名本场招聘会" in again.stderr
