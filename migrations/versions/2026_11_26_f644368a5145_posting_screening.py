"""posting screening

Revision ID: f644368a5145
Revises: 734aa1894106
Create Date: 2026-11-26 10:30:49.437434
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = 'f644368a5145'
down_revision: str | None = '734aa1894106'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('screening_status', sa.String(length=20), server_default='clean', nullable=False))
        batch_op.add_column(sa.Column('screening_findings', sa.JSON(), server_default='[]', nullable=False))
        batch_op.add_column(sa.Column('screening_rule_version', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('screened_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('held_back', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_index(batch_op.f('ix_jobs_held_back'), ['held_back'], unique=False)
        batch_op.create_index(batch_op.f('ix_jobs_screening_status'), ['screening_status'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jobs_screening_status'))
        batch_op.drop_index(batch_op.f('ix_jobs_held_back'))
        batch_op.drop_column('held_back')
        batch_op.drop_column('screened_at')
        batch_op.drop_column('screening_rule_version')
        batch_op.drop_column('screening_findings')
        batch_op.drop_column('screening_status')

    
