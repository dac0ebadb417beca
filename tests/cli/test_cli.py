"""The `jobmatch` command as an operator runs it: a brand-new database, keys, import."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _jobmatch(args: list[str], database: Path) -> subprocess.CompletedProcess[str]:
    # The hashing encoder keeps these command tests fast; the encoders have their own tests.
    env = {**os.environ, "JOBMATCH_DATABASE_URL": f"sqlite:///{database}", "JOBMATCH_LOG_LEVEL": "WARNING",
           "JOBMATCH_ENCODER": "hashing"}
    return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "fresh.db"


def test_keys_create_list_revoke_on_a_brand_new_database(database: Path) -> None:
    created = _jobmatch(["keys", "create", "--role", "staff", "--name", "临沂市就业办"], database)
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip().splitlines()[-1]
    assert key.startswith("jm_") and len(key) > 40 and " " not in key
    listed = _jobmatch(["keys", "list"], database)
    assert "staff\t临沂市就业办" in listed.stdout and key not in listed.stdout
    key_id = listed.stdout.split("\t", 1)[0]
    assert _jobmatch(["keys", "revoke", key_id], database).returncode == 0
    assert "revoked" in _jobmatch(["keys", "list"], database).stdout
    assert _jobmatch(["keys", "revoke", "999"], database).returncode == 1


def test_bad_role_is_refused_with_a_clear_message(database: Path) -> None:
    result = _jobmatch(["keys", "create", "--role", "boss", "--name", "x"], database)
    assert result.returncode != 0 and "boss" in result.stderr


def test_import_graduates_command(database: Path, tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    with path.open("w", encoding="gbk", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["编号", "姓名", "专业", "学历", "毕业年份"])
        writer.writerow(["A1", "王磊", "软件工程", "本科", "2025"])
        writer.writerow(["A2", "李娜", "护理", "博士后", "2025"])
    result = _jobmatch(["import", "graduates", str(path)], database)
    assert result.returncode == 0, result.stderr
    assert "共 2 行：新增 1" in result.stdout and "退回 1" in result.stdout
    assert (tmp_path / "registry.rejected.csv").exists()
    rerun = _jobmatch(["import", "graduates", str(path)], database)
    assert "新增 0，更新 0，无变化 1" in rerun.stdout


def test_import_of_a_missing_file_says_so(database: Path) -> None:
    result = _jobmatch(["import", "jobs", "/nonexistent/jobs.csv"], database)
    assert result.returncode == 2 and "找不到文件" in result.stderr


def test_reindex_embeds_pending_records_and_resumes(database: Path, tmp_path: Path) -> None:
    path = tmp_path / "jobs.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["岗位编号", "岗位名称", "单位名称", "工作城市"])
        for index in range(5):
            writer.writerow([f"J{index}", "护士", "临沂市人民医院", "临沂"])
    assert _jobmatch(["import", "jobs", str(path)], database).returncode == 0
    env_encoder = ["--batch-size", "2"]
    first = _jobmatch(["reindex", *env_encoder], database)
    assert first.returncode == 0, first.stderr
    assert "embedded 5 records" in first.stdout
    again = _jobmatch(["reindex"], database)
    assert "embedded 0 records" in again.stdout
    forced = _jobmatch(["reindex", "--all"], database)
    assert "embedded 5 records" in forced.stdout


def test_import_owner_option(database: Path, tmp_path: Path) -> None:
    """Imports belong to the office unless --owner names a key (by id or name); an unknown owner
    imports nothing."""
    import sqlite3

    path = tmp_path / "jobs.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["岗位编号", "岗位名称", "单位名称", "工作城市"], ["J1", "护士", "临沂市人民医院", "临沂"]])
    assert _jobmatch(["keys", "create", "--role", "platform", "--name", "智联"], database).returncode == 0
    unknown = _jobmatch(["import", "jobs", str(path), "--owner", "nobody"], database)
    assert unknown.returncode == 2 and "未导入任何记录" in unknown.stderr and "nobody" in unknown.stderr
    assert _jobmatch(["import", "jobs", str(path), "--owner", "智联"], database).returncode == 0
    path.write_text("岗位编号,岗位名称,单位名称,工作城市\nJ2,护士,临沂市人民医院,临沂\n", encoding="utf-8")
    assert _jobmatch(["import", "jobs", str(path)], database).returncode == 0
    listed = _jobmatch(["keys", "list"], database).stdout
    assert "office" in listed and "cannot log in" in listed
    with sqlite3.connect(database) as connection:
        owners = dict(connection.execute(
            "SELECT jobs.external_id, api_keys.name FROM jobs JOIN api_keys ON api_keys.id = jobs.owner_key_id"))
    assert owners == {"J1": "智联", "J2": "office"}
