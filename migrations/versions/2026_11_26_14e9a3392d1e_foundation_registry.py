"""foundation registry

Revision ID: 14e9a3392d1e
Revises: (none)
Create Date: 2026-11-26 09:51:52.736280
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '14e9a3392d1e'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    
    op.create_table('api_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('prefix', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_keys')),
    sa.UniqueConstraint('key_hash', name=op.f('uq_api_keys_key_hash'))
    )
    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('api_key_id', sa.Integer(), nullable=True),
    sa.Column('api_key_name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('resource', sa.String(length=30), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=True),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('request_id', sa.String(length=64), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['api_key_id'], ['api_keys.id'], name=op.f('fk_audit_entries_api_key_id_api_keys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_at'), ['at'], unique=False)

    op.create_table('graduates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=100), nullable=False),
    sa.Column('owner_key_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('national_id', sa.String(length=18), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('gender', sa.String(length=10), nullable=True),
    sa.Column('ethnicity', sa.String(length=30), nullable=True),
    sa.Column('marital_status', sa.String(length=20), nullable=True),
    sa.Column('school', sa.String(length=200), nullable=True),
    sa.Column('major', sa.String(length=100), nullable=False),
    sa.Column('education', sa.String(length=20), nullable=False),
    sa.Column('graduation_year', sa.Integer(), nullable=False),
    sa.Column('hukou_province', sa.String(length=30), nullable=True),
    sa.Column('current_city', sa.String(length=50), nullable=True),
    sa.Column('preferred_cities', sa.JSON(), nullable=False),
    sa.Column('preferred_industries', sa.JSON(), nullable=False),
    sa.Column('preferred_job_types', sa.JSON(), nullable=False),
    sa.Column('expected_salary', sa.Integer(), nullable=True),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('intro', sa.Text(), nullable=False),
    sa.Column('hardship', sa.JSON(), nullable=False),
    sa.Column('has_hardship', sa.Boolean(), nullable=False),
    sa.Column('employment_status', sa.String(length=20), nullable=False),
    sa.Column('wants_job', sa.Boolean(), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.Column('registration_channel', sa.String(length=20), nullable=False),
    sa.Column('record_status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['owner_key_id'], ['api_keys.id'], name=op.f('fk_graduates_owner_key_id_api_keys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_graduates')),
    sa.UniqueConstraint('external_id', name=op.f('uq_graduates_external_id')),
    sa.UniqueConstraint('national_id', name=op.f('uq_graduates_national_id'))
    )
    with op.batch_alter_table('graduates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_graduates_current_city'), ['current_city'], unique=False)
        batch_op.create_index(batch_op.f('ix_graduates_education'), ['education'], unique=False)
        batch_op.create_index(batch_op.f('ix_graduates_employment_status'), ['employment_status'], unique=False)
        batch_op.create_index(batch_op.f('ix_graduates_graduation_year'), ['graduation_year'], unique=False)
        batch_op.create_index(batch_op.f('ix_graduates_has_hardship'), ['has_hardship'], unique=False)
        batch_op.create_index(batch_op.f('ix_graduates_record_status'), ['record_status'], unique=False)

    op.create_table('jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=100), nullable=False),
    sa.Column('owner_key_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('employer_name', sa.String(length=200), nullable=False),
    sa.Column('industry', sa.String(length=30), nullable=False),
    sa.Column('industry_suggested', sa.Boolean(), nullable=False),
    sa.Column('industry_confidence', sa.Float(), nullable=True),
    sa.Column('city', sa.String(length=50), nullable=False),
    sa.Column('education_min', sa.String(length=20), nullable=False),
    sa.Column('majors', sa.JSON(), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('salary_min', sa.Integer(), nullable=True),
    sa.Column('salary_max', sa.Integer(), nullable=True),
    sa.Column('job_type', sa.String(length=30), nullable=False),
    sa.Column('headcount', sa.Integer(), nullable=False),
    sa.Column('priority_friendly', sa.Boolean(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['owner_key_id'], ['api_keys.id'], name=op.f('fk_jobs_owner_key_id_api_keys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs')),
    sa.UniqueConstraint('external_id', name=op.f('uq_jobs_external_id'))
    )
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jobs_city'), ['city'], unique=False)
        batch_op.create_index(batch_op.f('ix_jobs_industry'), ['industry'], unique=False)
        batch_op.create_index(batch_op.f('ix_jobs_job_type'), ['job_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_jobs_status'), ['status'], unique=False)

    op.create_table('record_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('resource', sa.String(length=30), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('api_key_id', sa.Integer(), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['api_key_id'], ['api_keys.id'], name=op.f('fk_record_changes_api_key_id_api_keys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record_changes'))
    )
    with op.batch_alter_table('record_changes', schema=None) as batch_op:
        batch_op.create_index('ix_record_changes_resource_record', ['resource', 'record_id'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('record_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_record_changes_resource_record')

    op.drop_table('record_changes')
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jobs_status'))
        batch_op.drop_index(batch_op.f('ix_jobs_job_type'))
        batch_op.drop_index(batch_op.f('ix_jobs_industry'))
        batch_op.drop_index(batch_op.f('ix_jobs_city'))

    op.drop_table('jobs')
    with op.batch_alter_table('graduates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_graduates_record_status'))
        batch_op.drop_index(batch_op.f('ix_graduates_has_hardship'))
        batch_op.drop_index(batch_op.f('ix_graduates_graduation_year'))
        batch_op.drop_index(batch_op.f('ix_graduates_employment_status'))
        batch_op.drop_index(batch_op.f('ix_graduates_education'))
        batch_op.drop_index(batch_op.f('ix_graduates_current_city'))

    op.drop_table('graduates')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_at'))

    op.drop_table('audit_entries')
    op.drop_table('api_keys')
    
