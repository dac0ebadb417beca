"""job fairs

Revision ID: 182ae1a61721
Revises: f748dd1a8155
Create Date: 2026-11-26 10:58:50.899028
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '182ae1a61721'
down_revision: str | None = 'f748dd1a8155'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('fairs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('city', sa.String(length=50), nullable=False),
    sa.Column('county', sa.String(length=50), nullable=True),
    sa.Column('fair_date', sa.Date(), nullable=False),
    sa.Column('industry_focus', sa.String(length=30), nullable=True),
    sa.Column('default_interviews', sa.Integer(), nullable=False),
    sa.Column('interview_cap', sa.Integer(), nullable=False),
    sa.Column('priority_interviews', sa.Integer(), nullable=False),
    sa.Column('locked', sa.Boolean(), nullable=False),
    sa.Column('current_run_id', sa.Integer(), nullable=True),
    sa.Column('created_by_key_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_key_id'], ['api_keys.id'], name=op.f('fk_fairs_created_by_key_id_api_keys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fairs'))
    )
    with op.batch_alter_table('fairs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fairs_city'), ['city'], unique=False)
        batch_op.create_index(batch_op.f('ix_fairs_fair_date'), ['fair_date'], unique=False)

    op.create_table('fair_booths',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('employer_name', sa.String(length=200), nullable=False),
    sa.Column('label', sa.String(length=20), nullable=True),
    sa.Column('job_ids', sa.JSON(), nullable=False),
    sa.Column('slot_ids', sa.JSON(), nullable=True),
    sa.Column('per_slot_capacity', sa.Integer(), nullable=False),
    sa.Column('total_capacity', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_fair_booths_fair_id_fairs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_booths')),
    sa.UniqueConstraint('fair_id', 'employer_name', name='uq_fair_booths_fair_employer')
    )
    with op.batch_alter_table('fair_booths', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fair_booths_fair_id'), ['fair_id'], unique=False)

    op.create_table('fair_registrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('graduate_id', sa.Integer(), nullable=False),
    sa.Column('slot_ids', sa.JSON(), nullable=False),
    sa.Column('wanted_interviews', sa.Integer(), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_fair_registrations_fair_id_fairs')),
    sa.ForeignKeyConstraint(['graduate_id'], ['graduates.id'], name=op.f('fk_fair_registrations_graduate_id_graduates')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_registrations')),
    sa.UniqueConstraint('fair_id', 'graduate_id', name='uq_fair_registrations_fair_graduate')
    )
    with op.batch_alter_table('fair_registrations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fair_registrations_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fair_registrations_graduate_id'), ['graduate_id'], unique=False)

    op.create_table('fair_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('locked_at', sa.DateTime(), nullable=True),
    sa.Column('input_digest', sa.String(length=64), nullable=False),
    sa.Column('registered', sa.Integer(), nullable=False),
    sa.Column('interviews', sa.Integer(), nullable=False),
    sa.Column('coverage', sa.Integer(), nullable=False),
    sa.Column('priority_registered', sa.Integer(), nullable=False),
    sa.Column('priority_covered', sa.Integer(), nullable=False),
    sa.Column('priority_reached', sa.Integer(), nullable=False),
    sa.Column('priority_units', sa.Integer(), nullable=False),
    sa.Column('total_score', sa.Float(), nullable=False),
    sa.Column('bound_coverage', sa.Integer(), nullable=True),
    sa.Column('bound_priority_units', sa.Integer(), nullable=True),
    sa.Column('bound_total_score', sa.Float(), nullable=True),
    sa.Column('score_gap', sa.Float(), nullable=True),
    sa.Column('proven_optimal', sa.Boolean(), nullable=False),
    sa.Column('blocking_pairs', sa.Integer(), nullable=False),
    sa.Column('solve_seconds', sa.Float(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('created_by_key_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_key_id'], ['api_keys.id'], name=op.f('fk_fair_runs_created_by_key_id_api_keys')),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_fair_runs_fair_id_fairs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_runs'))
    )
    with op.batch_alter_table('fair_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fair_runs_fair_id'), ['fair_id'], unique=False)

    op.create_table('fair_slots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.Time(), nullable=False),
    sa.Column('ends_at', sa.Time(), nullable=False),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_fair_slots_fair_id_fairs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_slots')),
    sa.UniqueConstraint('fair_id', 'number', name='uq_fair_slots_fair_number')
    )
    with op.batch_alter_table('fair_slots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fair_slots_fair_id'), ['fair_id'], unique=False)

    op.create_table('fair_interviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('graduate_id', sa.Integer(), nullable=False),
    sa.Column('booth_id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=False),
    sa.Column('slot_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('pinned', sa.Boolean(), nullable=False),
    sa.Column('notified', sa.Boolean(), nullable=False),
    sa.Column('notified_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['booth_id'], ['fair_booths.id'], name=op.f('fk_fair_interviews_booth_id_fair_booths')),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_fair_interviews_fair_id_fairs')),
    sa.ForeignKeyConstraint(['graduate_id'], ['graduates.id'], name=op.f('fk_fair_interviews_graduate_id_graduates')),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_fair_interviews_job_id_jobs')),
    sa.ForeignKeyConstraint(['run_id'], ['fair_runs.id'], name=op.f('fk_fair_interviews_run_id_fair_runs')),
    sa.ForeignKeyConstraint(['slot_id'], ['fair_slots.id'], name=op.f('fk_fair_interviews_slot_id_fair_slots')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_interviews')),
    sa.UniqueConstraint('run_id', 'graduate_id', 'booth_id', name='uq_fair_interviews_run_graduate_booth'),
    sa.UniqueConstraint('run_id', 'graduate_id', 'slot_id', name='uq_fair_interviews_run_graduate_slot')
    )
    with op.batch_alter_table('fair_interviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fair_interviews_booth_id'), ['booth_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fair_interviews_fair_id'), ['fair_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fair_interviews_graduate_id'), ['graduate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_fair_interviews_run_id'), ['run_id'], unique=False)

    op.create_table('fair_pair_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fair_id', sa.Integer(), nullable=False),
    sa.Column('graduate_id', sa.Integer(), nullable=False),
    sa.Column('booth_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('slot_id', sa.Integer(), nullable=True),
    sa.Column('job_id', sa.Integer(), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('created_by_key_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['booth_id'], ['fair_booths.id'], name=op.f('fk_fair_pair_rules_booth_id_fair_booths')),
    sa.ForeignKeyConstraint(['created_by_key_id'], ['api_keys.id'], name=op.f('fk_fair_pair_rules_created_by_key_id_api_keys')),
    sa.ForeignKeyConstraint(['fair_id'], ['fairs.id'], name=op.f('fk_fair_pair_rules_fair_id_fairs')),
    sa.ForeignKeyConstraint(['graduate_id'], ['graduates.id'], name=op.f('fk_fair_pair_rules_graduate_id_graduates')),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_fair_pair_rules_job_id_jobs')),
    sa.ForeignKeyConstraint(['slot_id'], ['fair_slots.id'], name=op.f('fk_fair_pair_rules_slot_id_fair_slots')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_pair_rules')),
    sa.UniqueConstraint('fair_id', 'graduate_id', 'booth_id', name='uq_fair_pair_rules_pair')
    )
    with op.batch_alter_table('fair_pair_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fair_pair_rules_fair_id'), ['fair_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('fair_pair_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fair_pair_rules_fair_id'))

    op.drop_table('fair_pair_rules')
    with op.batch_alter_table('fair_interviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fair_interviews_run_id'))
        batch_op.drop_index(batch_op.f('ix_fair_interviews_graduate_id'))
        batch_op.drop_index(batch_op.f('ix_fair_interviews_fair_id'))
        batch_op.drop_index(batch_op.f('ix_fair_interviews_booth_id'))

    op.drop_table('fair_interviews')
    with op.batch_alter_table('fair_slots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fair_slots_fair_id'))

    op.drop_table('fair_slots')
    with op.batch_alter_table('fair_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fair_runs_fair_id'))

    op.drop_table('fair_runs')
    with op.batch_alter_table('fair_registrations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fair_registrations_graduate_id'))
        batch_op.drop_index(batch_op.f('ix_fair_registrations_fair_id'))

    op.drop_table('fair_registrations')
    with op.batch_alter_table('fair_booths', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fair_booths_fair_id'))

    op.drop_table('fair_booths')
    with op.batch_alter_table('fairs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fairs_fair_date'))
        batch_op.drop_index(batch_op.f('ix_fairs_city'))

    op.drop_table('fairs')
