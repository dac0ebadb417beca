"""embeddings and feedback

Revision ID: 734aa1894106
Revises: 14e9a3392d1e
Create Date: 2026-11-26 09:58:37.643468
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '734aa1894106'
down_revision: str | None = '14e9a3392d1e'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    
    op.create_table('feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('api_key_id', sa.Integer(), nullable=True),
    sa.Column('match_id', sa.String(length=32), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=False),
    sa.Column('graduate_id', sa.Integer(), nullable=True),
    sa.Column('event', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['api_key_id'], ['api_keys.id'], name=op.f('fk_feedback_api_key_id_api_keys')),
    sa.ForeignKeyConstraint(['graduate_id'], ['graduates.id'], name=op.f('fk_feedback_graduate_id_graduates')),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_feedback_job_id_jobs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback'))
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_match_id'), ['match_id'], unique=False)

    op.create_table('match_impressions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('match_id', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('api_key_id', sa.Integer(), nullable=True),
    sa.Column('graduate_id', sa.Integer(), nullable=True),
    sa.Column('job_id', sa.Integer(), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('components', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['api_key_id'], ['api_keys.id'], name=op.f('fk_match_impressions_api_key_id_api_keys')),
    sa.ForeignKeyConstraint(['graduate_id'], ['graduates.id'], name=op.f('fk_match_impressions_graduate_id_graduates')),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_match_impressions_job_id_jobs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_impressions'))
    )
    with op.batch_alter_table('match_impressions', schema=None) as batch_op:
        batch_op.create_index('ix_match_impressions_match_job', ['match_id', 'job_id'], unique=False)

    with op.batch_alter_table('graduates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('embedding', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('embedding_model', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('embedded_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_graduates_embedding_model'), ['embedding_model'], unique=False)

    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('embedding', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('embedding_model', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('embedded_at', sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f('ix_jobs_embedding_model'), ['embedding_model'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jobs_embedding_model'))
        batch_op.drop_column('embedded_at')
        batch_op.drop_column('embedding_model')
        batch_op.drop_column('embedding')

    with op.batch_alter_table('graduates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_graduates_embedding_model'))
        batch_op.drop_column('embedded_at')
        batch_op.drop_column('embedding_model')
        batch_op.drop_column('embedding')

    with op.batch_alter_table('match_impressions', schema=None) as batch_op:
        batch_op.drop_index('ix_match_impressions_match_job')

    op.drop_table('match_impressions')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_match_id'))

    op.drop_table('feedback')
    
