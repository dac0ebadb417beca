"""Screening of postings at every create and update (P10), and staff decisions on findings.

A posting with a blocking finding is stored but held back from matching until staff clear it;
review findings are stored and shown to staff while the posting stays matchable. A staff
decision holds until the screened text changes, when the posting is screened afresh.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import Conflict, FieldProblem
from app.db.base import utcnow
from app.db.models import Job, RecordChange
from app.domain.caller import Caller
from app.screening import is_blocked, load_ruleset, screen_posting
from app.services.audit import write_audit
from app.services.paging import keyset_page

SCREENED_FIELDS = frozenset({"title", "description", "salary_min", "salary_max", "job_type", "education_min"})
FLAGGED_STATUSES = ("blocked", "review", "confirmed", "cleared")
Decision = Literal["clear", "confirm"]


def screen_job(job: Job, *, changed: Mapping[str, Any] | None = None) -> None:
    """Screen a new posting, or an edited one whose screened text changed."""
    if changed is not None and not SCREENED_FIELDS & changed.keys():
        return
    findings = screen_posting(title=job.title, description=job.description, salary_min=job.salary_min,
                              salary_max=job.salary_max, job_type=job.job_type, education_min=job.education_min)
    job.screening_findings = [asdict(finding) for finding in findings]
    job.screening_rule_version = load_ruleset().version
    job.screened_at = utcnow()
    if is_blocked(findings):
        job.screening_status, job.held_back = "blocked", True
    elif any(finding.severity == "review" for finding in findings):
        job.screening_status, job.held_back = "review", False
    else:
        job.screening_status, job.held_back = "clean", False


def decide(session: Session, *, job: Job, decision: Decision, note: str, caller: Caller) -> Job:
    """Staff clear a posting (it becomes matchable) or confirm the findings (it stays held back)."""
    if job.screening_status == "clean":
        raise Conflict("this posting has no findings to decide on",
                       problems=[FieldProblem("decision", "the posting was screened clean")])
    job.screening_status = "cleared" if decision == "clear" else "confirmed"
    job.held_back = decision == "confirm"
    write_audit(session, caller=caller, action=f"screening_{decision}", resource="job", record_id=job.id,
                fields=["screening_status"], note=note)
    # Every process's matching index learns of the decision through the change feed.
    session.add(RecordChange(resource="job", record_id=job.id, action=f"screening_{decision}",
                             api_key_id=caller.key_id, changes={"screening_status": {"to": job.screening_status}}))
    session.flush()
    return job


def list_flagged(session: Session, *, status: str | None, after: int | None,
                 limit: int) -> tuple[list[Job], int | None]:
    query = select(Job).where(Job.screening_status == status) if status else \
        select(Job).where(Job.screening_status.in_(FLAGGED_STATUSES))
    return keyset_page(session, query, id_column=Job.id, after=after, limit=limit)
