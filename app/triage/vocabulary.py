"""Vocabulary and rules of staff triage (P2, P3, P9, P11): what a service is, what counts.

Stable string codes, as in app.domain.enums, so the ledger, the API and the CSV export agree.
"""
from __future__ import annotations

from enum import StrEnum
from typing import Literal

SERVICES_REQUIRED_PER_YEAR = 3  # P3: at least three targeted services by 31 December
EMPLOYMENT_RATE_GOAL = 0.9  # P11


class ServiceKind(StrEnum):
    CONTACT = "contact"
    JOB_RECOMMENDATION = "job_recommendation"
    CAREER_GUIDANCE = "career_guidance"
    TRAINING_REFERRAL = "training_referral"
    INTERNSHIP_REFERRAL = "internship_referral"
    FAIR_INVITATION = "fair_invitation"
    POLICY_CONSULTATION = "policy_consultation"
    SUBSIDY_APPLICATION = "subsidy_application"


SERVICE_KIND_NAMES: dict[ServiceKind, str] = {
    ServiceKind.CONTACT: "联系",
    ServiceKind.JOB_RECOMMENDATION: "岗位推荐",
    ServiceKind.CAREER_GUIDANCE: "职业指导",
    ServiceKind.TRAINING_REFERRAL: "培训推荐",
    ServiceKind.INTERNSHIP_REFERRAL: "见习推荐",
    ServiceKind.FAIR_INVITATION: "招聘会邀请",
    ServiceKind.POLICY_CONSULTATION: "政策咨询",
    ServiceKind.SUBSIDY_APPLICATION: "补贴申领",
}


class ServiceChannel(StrEnum):
    PHONE = "phone"
    VISIT = "visit"  # 上门走访
    MESSAGE = "message"  # SMS, WeChat
    IN_OFFICE = "in_office"  # at the service window
    ONLINE = "online"


class ServiceOutcome(StrEnum):
    REACHED = "reached"  # a contact that reached the graduate
    NOT_REACHED = "not_reached"  # no answer, wrong number: logged, counts for nothing
    ACCEPTED = "accepted"
    DECLINED = "declined"
    PENDING = "pending"  # sent, no answer yet
    COMPLETED = "completed"


ALLOWED_OUTCOMES: dict[ServiceKind, frozenset[ServiceOutcome]] = {
    kind: frozenset(ServiceOutcome) - {ServiceOutcome.REACHED} for kind in ServiceKind
} | {ServiceKind.CONTACT: frozenset({ServiceOutcome.REACHED, ServiceOutcome.NOT_REACHED})}

# P2 asks that staff 取得联系 — actually reach the graduate. A sent message nobody answered
# (pending) or an unanswered call does not; any answer, even a refusal, does.
REACHED_OUTCOMES: frozenset[ServiceOutcome] = frozenset({
    ServiceOutcome.REACHED, ServiceOutcome.ACCEPTED, ServiceOutcome.DECLINED, ServiceOutcome.COMPLETED})

# P3 counts 针对性就业服务: a call that only reaches the graduate is contact, not a service; what
# was offered in the call is recorded as its own service. Attempts that never reached anyone
# do not count.
TARGETED_KINDS: frozenset[ServiceKind] = frozenset(ServiceKind) - {ServiceKind.CONTACT}
UNCOUNTED_OUTCOMES: frozenset[ServiceOutcome] = frozenset({ServiceOutcome.NOT_REACHED})

# Kinds whose record may name the postings offered (job ids).
KINDS_WITH_JOBS: frozenset[ServiceKind] = frozenset({ServiceKind.JOB_RECOMMENDATION,
                                                     ServiceKind.INTERNSHIP_REFERRAL})


class FoundVia(StrEnum):
    """How an employed graduate found the job."""

    OUR_RECOMMENDATION = "our_recommendation"  # a posting staff recommended
    JOB_FAIR = "job_fair"
    PUBLIC_POST = "public_post"  # 公益性岗位 and other public posts (P8)
    ONLINE_PLATFORM = "online_platform"
    SCHOOL = "school"
    OWN_SEARCH = "own_search"
    OTHER = "other"


class OutcomeStatus(StrEnum):
    """An employment outcome is the new employment_status of the graduate."""

    EMPLOYED = "employed"
    FURTHER_STUDY = "further_study"
    NOT_SEEKING = "not_seeking"
    UNEMPLOYED = "unemployed"  # left a job or study and is looking again


# P2 state of a graduate: contacted on time or late, awaiting contact (pending) or overdue;
# not_required when they did not register through the mini-program.
ContactState = Literal["pending", "overdue", "on_time", "late", "not_required"]


class QueueReason(StrEnum):
    """Why a graduate is where it is in the queue; the order of the members is the queue's order."""

    CONTACT_OVERDUE = "contact_overdue"
    CONTACT_DUE = "contact_due"
    HARDSHIP_UNSUPPORTED = "hardship_unsupported"
    SERVICE_DEFICIT = "service_deficit"
    FOLLOW_UP = "follow_up"


QUEUE_TIER: dict[QueueReason, int] = {reason: tier for tier, reason in enumerate(QueueReason)}
