"""job title embedding (issue 10: the title embedded apart from the body)

Existing jobs get NULL and count as pending for the embedding worker, which then embeds both the
body and the title (one re-embedding of every job; until then the body vector stands in).

Revision ID: b36c107a8817
Revises: 07a8707245a9
Create Date: 2026-11-30 13:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = 'b36c107a8817'
down_revision: str | None = '07a8707245a9'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('jobs') as batch:
        batch.add_column(sa.Column('title_embedding', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('jobs') as batch:
        batch.drop_column('title_embedding')
