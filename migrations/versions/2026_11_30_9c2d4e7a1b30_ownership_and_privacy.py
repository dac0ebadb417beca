"""ownership and privacy: an owner for every record, a server secret, suspected duplicates

Revision ID: 9c2d4e7a1b30
Revises: 182ae1a61721
Create Date: 2026-11-30 12:50:00

* api_keys.is_system marks keys that exist only to own records (the "office" key that imports
  belong to); such a key never authenticates.
* Records stored without an owner (CLI imports before this revision) are given to the office key,
  so the ownership check never meets an ownerless record. owner_key_id stays nullable at the
  database level: making it NOT NULL rebuilds graduates and jobs on SQLite, which fails with
  foreign keys on as soon as a fair registration or impression references a row; the services set
  the owner on every create instead.
* server_secrets holds secrets a deployment's processes must share (the candidate pseudonym key,
  generated here once per database unless JOBMATCH_PSEUDONYM_SECRET is set).
* graduate_duplicates: a platform that sends a national_id another source registered is accepted
  (answering differently would tell it the id is registered); staff merge from this list.
"""
import hashlib
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = '9c2d4e7a1b30'
down_revision: str | None = '182ae1a61721'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OFFICE_KEY_NAME = "office"


def upgrade() -> None:
    # A plain ADD COLUMN, not batch mode: a batch rebuild of api_keys on SQLite drops the table, which
    # foreign keys from jobs, graduates and the audit refuse once any row references a key.
    op.add_column('api_keys', sa.Column('is_system', sa.Boolean(), server_default=sa.false(), nullable=False))

    op.create_table('server_secrets',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('value', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_server_secrets'))
    )
    op.create_table('graduate_duplicates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('graduate_id', sa.Integer(), nullable=False),
    sa.Column('duplicate_of_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=30), nullable=False),
    sa.Column('submitted_value', sa.String(length=100), nullable=True),
    sa.Column('reported_by_key_id', sa.Integer(), nullable=True),
    sa.Column('detected_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_by_key_id', sa.Integer(), nullable=True),
    sa.Column('resolution', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['graduate_id'], ['graduates.id'],
                            name=op.f('fk_graduate_duplicates_graduate_id_graduates')),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['graduates.id'],
                            name=op.f('fk_graduate_duplicates_duplicate_of_id_graduates')),
    sa.ForeignKeyConstraint(['reported_by_key_id'], ['api_keys.id'],
                            name=op.f('fk_graduate_duplicates_reported_by_key_id_api_keys')),
    sa.ForeignKeyConstraint(['resolved_by_key_id'], ['api_keys.id'],
                            name=op.f('fk_graduate_duplicates_resolved_by_key_id_api_keys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_graduate_duplicates'))
    )
    with op.batch_alter_table('graduate_duplicates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_graduate_duplicates_graduate_id'), ['graduate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_graduate_duplicates_resolved_at'), ['resolved_at'], unique=False)

    now = datetime.now(UTC).replace(tzinfo=None)
    bind = op.get_bind()
    # The hash of 32 random bytes nobody keeps: no plaintext maps to it, and is_system refuses it anyway.
    bind.execute(sa.text(
        "INSERT INTO api_keys (name, role, key_hash, prefix, created_at, is_system) "
        "VALUES (:name, 'staff', :hash, '(system)', :now, :system)"),
        {"name": OFFICE_KEY_NAME, "hash": hashlib.sha256(secrets.token_bytes(32)).hexdigest(), "now": now,
         "system": True})
    office_id = bind.execute(sa.text("SELECT id FROM api_keys WHERE is_system = :system AND name = :name"),
                             {"system": True, "name": OFFICE_KEY_NAME}).scalar_one()
    for table in ("jobs", "graduates"):
        bind.execute(sa.text(f"UPDATE {table} SET owner_key_id = :office WHERE owner_key_id IS NULL"),
                     {"office": office_id})
    bind.execute(sa.text("INSERT INTO server_secrets (name, value, created_at) VALUES ('pseudonym', :value, :now)"),
                 {"value": secrets.token_hex(32), "now": now})


def downgrade() -> None:
    with op.batch_alter_table('graduate_duplicates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_graduate_duplicates_resolved_at'))
        batch_op.drop_index(batch_op.f('ix_graduate_duplicates_graduate_id'))
    op.drop_table('graduate_duplicates')
    op.drop_table('server_secrets')
    bind = op.get_bind()
    # Records keep their owner id only while the key row exists; the office key's records go back to NULL.
    for table in ("jobs", "graduates"):
        bind.execute(sa.text(f"UPDATE {table} SET owner_key_id = NULL WHERE owner_key_id IN "
                             "(SELECT id FROM api_keys WHERE is_system = :system)"), {"system": True})
    for table in ("record_changes", "audit_entries"):
        bind.execute(sa.text(f"UPDATE {table} SET api_key_id = NULL WHERE api_key_id IN "
                             "(SELECT id FROM api_keys WHERE is_system = :system)"), {"system": True})
    bind.execute(sa.text("DELETE FROM api_keys WHERE is_system = :system"), {"system": True})
    with op.batch_alter_table('api_keys', schema=None) as batch_op:
        batch_op.drop_column('is_system')
