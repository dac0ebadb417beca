"""experience asked and held; a fair's minimum relevance

Revision ID: 07a8707245a9
Revises: 9c2d4e7a1b30
Create Date: 2026-11-30 13:10:00

jobs.experience_min_years stays NULL for existing postings: NULL means "not stated", and matching
then reads the years from the posting's text. Existing graduates get 0 years, what a new graduate
has. Existing fairs get the same minimum relevance as new ones (app.fairs.solver.floor).
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '07a8707245a9'
down_revision: str | None = '9c2d4e7a1b30'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Literal, not imported: a migration must keep meaning what it meant when it was written.
FAIR_MIN_RELEVANCE = '0.45'


def upgrade() -> None:
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('experience_min_years', sa.Integer(), nullable=True))
    with op.batch_alter_table('graduates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('work_experience_years', sa.Integer(), server_default='0', nullable=False))
    with op.batch_alter_table('fairs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('min_relevance', sa.Float(), server_default=FAIR_MIN_RELEVANCE,
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('fairs', schema=None) as batch_op:
        batch_op.drop_column('min_relevance')
    with op.batch_alter_table('graduates', schema=None) as batch_op:
        batch_op.drop_column('work_experience_years')
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_column('experience_min_years')
