"""`jobmatch calendar load`: a new year's holidays from a file, no code change."""
from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import _jobmatch


def test_load_and_show_a_year_the_package_does_not_cover(tmp_path: Path) -> None:
    database = tmp_path / "calendar.db"
    year_file = tmp_path / "2027.csv"
    year_file.write_text("date,type,name\n2027-01-01,holiday,元旦\n2027-01-09,班,调休上班\n", encoding="utf-8-sig")
    loaded = _jobmatch(["calendar", "load", str(year_file)], database)
    assert loaded.returncode == 0, loaded.stderr
    assert "loaded 2027: 1 holidays, 1 make-up workdays" in loaded.stdout
    shown = _jobmatch(["calendar", "show", "2027"], database)
    assert shown.stdout.splitlines() == ["2027: loaded", "2027-01-01\tholiday", "2027-01-09\tworkday"]
    official = tmp_path / "2026.json"
    official.write_text('[{"date": "2026-10-01", "type": "holiday", "name": "国庆"}]', encoding="utf-8")
    refused = _jobmatch(["calendar", "load", str(official)], database)
    assert refused.returncode == 2 and "covered by the official calendar" in refused.stderr
