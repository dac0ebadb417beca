"""fair pairing runs (issue 11 part 6: large fairs paired in the background)

Revision ID: 5e1f0c2a9d47
Revises: b36c107a8817
Create Date: 2026-11-30 15:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '5e1f0c2a9d47'
down_revision: str | None = 'b36c107a8817'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = sa.text("state IN ('queued', 'scoring', 'solving')")


def upgrade() -> None:
    op.create_table('fair_pairing_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('phase', sa.String(length=20), nullable=True),
    sa.Column('pairs_scored', sa.Integer(), nullable=False),
    sa.Column('pairs_total', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('claimed_by', sa.String(length=80), nullable=True),
    sa.Column('heartbeat_at', sa.DateTime(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('fair_run_id', sa.Integer(), nullable=True),
    sa.Column('created_by_key_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_key_id'], ['api_keys.id'],
                            name=op.f('fk_fair_pairing_runs_created_by_key_id_api_keys')),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_fair_pairing_runs_fair_id_fairs')),
    sa.ForeignKeyConstraint(['fair_run_id'], ['fair_runs.id'], name=op.f('fk_fair_pairing_runs_fair_run_id_fair_runs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_pairing_runs'))
    )
    with op.batch_alter_table('fair_pairing_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fair_pairing_runs_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index('uq_fair_pairing_runs_active_fair', ['fair_id'], unique=True,
                              sqlite_where=ACTIVE, postgresql_where=ACTIVE)


def downgrade() -> None:
    with op.batch_alter_table('fair_pairing_runs', schema=None) as batch_op:
        batch_op.drop_index('uq_fair_pairing_runs_active_fair')
        batch_op.drop_index(batch_op.f('ix_fair_pairing_runs_fair_id'))
    op.drop_table('fair_pairing_runs')
