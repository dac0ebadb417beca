"""staff triage

Revision ID: f748dd1a8155
Revises: f644368a5145
Create Date: 2026-11-26 10:51:15.288923
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = 'f748dd1a8155'
down_revision: str | None = 'f644368a5145'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('calendar_days',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('is_workday', sa.Boolean(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('loaded_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_calendar_days'))
    )
    op.create_table('employment_outcomes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('graduate_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('previous_status', sa.String(length=20), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=True),
    sa.Column('employer_name', sa.String(length=200), nullable=True),
    sa.Column('industry', sa.String(length=30), nullable=True),
    sa.Column('job_id', sa.Integer(), nullable=True),
    sa.Column('found_via', sa.String(length=30), nullable=True),
    sa.Column('school', sa.String(length=200), nullable=True),
    sa.Column('staff_name', sa.String(length=50), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('api_key_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['api_key_id'], ['api_keys.id'], name=op.f('fk_employment_outcomes_api_key_id_api_keys')),
    sa.ForeignKeyConstraint(['graduate_id'], ['graduates.id'], name=op.f('fk_employment_outcomes_graduate_id_graduates')),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_employment_outcomes_job_id_jobs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employment_outcomes'))
    )
    with op.batch_alter_table('employment_outcomes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employment_outcomes_graduate_id'), ['graduate_id'], unique=False)

    op.create_table('staff_assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('graduate_id', sa.Integer(), nullable=False),
    sa.Column('staff_name', sa.String(length=50), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('assigned_at', sa.DateTime(), nullable=False),
    sa.Column('ended_at', sa.DateTime(), nullable=True),
    sa.Column('api_key_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['api_key_id'], ['api_keys.id'], name=op.f('fk_staff_assignments_api_key_id_api_keys')),
    sa.ForeignKeyConstraint(['graduate_id'], ['graduates.id'], name=op.f('fk_staff_assignments_graduate_id_graduates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_assignments'))
    )
    with op.batch_alter_table('staff_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_assignments_staff_name'), ['staff_name'], unique=False)
        batch_op.create_index('uq_staff_assignments_open_graduate', ['graduate_id'], unique=True, sqlite_where=sa.text('ended_at IS NULL'), postgresql_where=sa.text('ended_at IS NULL'))

    op.create_table('support_plan_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('graduate_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('goals', sa.JSON(), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.Column('recommended_job_ids', sa.JSON(), nullable=False),
    sa.Column('staff_name', sa.String(length=50), nullable=False),
    sa.Column('review_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('api_key_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['api_key_id'], ['api_keys.id'], name=op.f('fk_support_plan_versions_api_key_id_api_keys')),
    sa.ForeignKeyConstraint(['graduate_id'], ['graduates.id'], name=op.f('fk_support_plan_versions_graduate_id_graduates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_plan_versions')),
    sa.UniqueConstraint('graduate_id', 'version', name='uq_support_plan_versions_graduate_version')
    )
    with op.batch_alter_table('support_plan_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_plan_versions_graduate_id'), ['graduate_id'], unique=False)

    op.create_table('service_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('graduate_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('provided_at', sa.DateTime(), nullable=False),
    sa.Column('staff_name', sa.String(length=50), nullable=False),
    sa.Column('job_ids', sa.JSON(), nullable=False),
    sa.Column('plan_version_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('api_key_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['api_key_id'], ['api_keys.id'], name=op.f('fk_service_records_api_key_id_api_keys')),
    sa.ForeignKeyConstraint(['graduate_id'], ['graduates.id'], name=op.f('fk_service_records_graduate_id_graduates')),
    sa.ForeignKeyConstraint(['plan_version_id'], ['support_plan_versions.id'], name=op.f('fk_service_records_plan_version_id_support_plan_versions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_records'))
    )
    with op.batch_alter_table('service_records', schema=None) as batch_op:
        batch_op.create_index('ix_service_records_graduate_provided', ['graduate_id', 'provided_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_records_provided_at'), ['provided_at'], unique=False)

    op.create_table('graduate_triage',
    sa.Column('graduate_id', sa.Integer(), nullable=False),
    sa.Column('first_contact_at', sa.DateTime(), nullable=True),
    sa.Column('tally_year', sa.Integer(), nullable=False),
    sa.Column('services_in_year', sa.Integer(), nullable=False),
    sa.Column('last_service_at', sa.DateTime(), nullable=True),
    sa.Column('staff_name', sa.String(length=50), nullable=True),
    sa.Column('plan_version', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['graduate_id'], ['graduates.id'], name=op.f('fk_graduate_triage_graduate_id_graduates')),
    sa.PrimaryKeyConstraint('graduate_id', name=op.f('pk_graduate_triage'))
    )
    with op.batch_alter_table('graduate_triage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_graduate_triage_staff_name'), ['staff_name'], unique=False)

    with op.batch_alter_table('graduates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('county', sa.String(length=50), nullable=True))
        batch_op.create_index('ix_graduates_triage', ['employment_status', 'record_status'], unique=False,
                              postgresql_include=['id', 'registration_channel', 'registered_at', 'has_hardship',
                                                  'wants_job', 'graduation_year', 'current_city', 'county'])
        batch_op.create_index(batch_op.f('ix_graduates_county'), ['county'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('graduates', schema=None) as batch_op:
        batch_op.drop_index('ix_graduates_triage', postgresql_include=['id', 'registration_channel', 'registered_at',
                            'has_hardship', 'wants_job', 'graduation_year', 'current_city', 'county'])
        batch_op.drop_index(batch_op.f('ix_graduates_county'))
        batch_op.drop_column('county')

    with op.batch_alter_table('graduate_triage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_graduate_triage_staff_name'))

    op.drop_table('graduate_triage')
    with op.batch_alter_table('service_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_records_provided_at'))
        batch_op.drop_index('ix_service_records_graduate_provided')

    op.drop_table('service_records')
    with op.batch_alter_table('support_plan_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_support_plan_versions_graduate_id'))

    op.drop_table('support_plan_versions')
    with op.batch_alter_table('staff_assignments', schema=None) as batch_op:
        batch_op.drop_index('uq_staff_assignments_open_graduate', sqlite_where=sa.text('ended_at IS NULL'), postgresql_where=sa.text('ended_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_staff_assignments_staff_name'))

    op.drop_table('staff_assignments')
    with op.batch_alter_table('employment_outcomes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employment_outcomes_graduate_id'))

    op.drop_table('employment_outcomes')
    op.drop_table('calendar_days')
