"""The ownership migration gives every record stored without an owner (CLI imports before it) to
the office key, on both databases, and creates the deployment's pseudonym secret."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from app.db.migrate import alembic_config
from app.db.session import make_engine
from tests.conftest import POSTGRES_ADMIN_URL, POSTGRES_TEST_DB, _drop_postgres_database

BEFORE = "182ae1a61721"  # the revision before ownership
NOW = "2026-11-01 08:00:00"


@pytest.fixture
def scratch(engine: Engine, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of the same kind as the suite's, to migrate step by step."""
    if engine.dialect.name == "sqlite":
        scratch_engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
        yield scratch_engine
        scratch_engine.dispose()
        return
    name = f"{POSTGRES_TEST_DB}_ownership"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    scratch_engine = make_engine(make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False))
    yield scratch_engine
    scratch_engine.dispose()
    _drop_postgres_database(name)


def _migrate(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), revision)


def test_records_imported_without_owner_are_given_to_the_office(scratch: Engine) -> None:
    _migrate(scratch, BEFORE)
    with scratch.begin() as connection:
        connection.execute(text(
            "INSERT INTO api_keys (name, role, key_hash, prefix, created_at) "
            "VALUES ('platform a', 'platform', :hash, 'jm_x', :now)"), {"hash": "a" * 64, "now": NOW})
        platform_id = connection.execute(text("SELECT id FROM api_keys")).scalar_one()
        for external_id, owner in (("imported", None), ("theirs", platform_id)):
            connection.execute(text(
                "INSERT INTO jobs (external_id, owner_key_id, title, description, employer_name, industry, "
                "industry_suggested, city, education_min, majors, skills, job_type, headcount, priority_friendly, "
                "status, created_at, updated_at, screening_status, screening_findings, held_back) VALUES "
                "(:external_id, :owner, '护士', '', '医院', 'medical_health', false, '临沂', 'associate', '[]', '[]', "
                "'full_time', 1, false, 'open', :now, :now, 'clean', '[]', false)"),
                {"external_id": external_id, "owner": owner, "now": NOW})
            connection.execute(text(
                "INSERT INTO graduates (external_id, owner_key_id, name, major, education, graduation_year, "
                "preferred_cities, preferred_industries, preferred_job_types, skills, intro, hardship, has_hardship, "
                "employment_status, wants_job, registered_at, registration_channel, record_status, created_at, "
                "updated_at) VALUES (:external_id, :owner, '王小明', '计算机', 'bachelor', 2024, '[]', '[]', '[]', "
                "'[]', '', '[]', false, 'unemployed', true, :now, 'import', 'active', :now, :now)"),
                {"external_id": external_id, "owner": owner, "now": NOW})

    _migrate(scratch, "head")
    with scratch.connect() as connection:
        office = connection.execute(text(
            "SELECT id, role FROM api_keys WHERE is_system = true AND name = 'office'")).one()
        assert office.role == "staff"
        for table in ("jobs", "graduates"):
            owners = dict(connection.execute(text(f"SELECT external_id, owner_key_id FROM {table}")).all())
            assert owners == {"imported": office.id, "theirs": platform_id}, table
        secret = connection.execute(text("SELECT value FROM server_secrets WHERE name = 'pseudonym'")).scalar_one()
        assert len(secret) == 64
