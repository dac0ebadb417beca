"""two-pass job embedding: the title pass and the body pass tracked apart (issue 11)

A posting becomes matchable once its title is embedded (``title_model`` = the encoder's model id);
its body is embedded later by a lower-priority pass (``embedding_model``, as before). Until then
the title vector stands in for the body vector. ``title_embedded_at`` gives the title pass its
rate (GET /v1/index/status).

Existing jobs whose title vector exists got it together with the body, from the body's model, so
``title_model`` is copied from ``embedding_model`` for them; the rest stay NULL (title pending).

Revision ID: 8a3d6f1b2c47
Revises: 5e1f0c2a9d47
Create Date: 2026-11-30 16:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '8a3d6f1b2c47'
down_revision: str | None = '5e1f0c2a9d47'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('jobs') as batch:
        batch.add_column(sa.Column('title_model', sa.String(length=120), nullable=True))
        batch.add_column(sa.Column('title_embedded_at', sa.DateTime(), nullable=True))
        batch.create_index('ix_jobs_title_model', ['title_model'])
    op.execute("UPDATE jobs SET title_model = embedding_model, title_embedded_at = embedded_at "
               "WHERE title_embedding IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table('jobs') as batch:
        batch.drop_index('ix_jobs_title_model')
        batch.drop_column('title_embedded_at')
        batch.drop_column('title_model')
