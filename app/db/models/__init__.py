"""ORM tables. Import every module so Alembic and the app see the full metadata."""
from app.db.models.api_key import ApiKey
from app.db.models.audit import AuditEntry, RecordChange
from app.db.models.fair import Fair, FairBooth, FairPairRule, FairRegistration, FairSlot
from app.db.models.fair_pairing_run import FairPairingRun
from app.db.models.fair_schedule import FairInterview, FairRun
from app.db.models.feedback import Feedback, MatchImpression
from app.db.models.graduate import Graduate
from app.db.models.job import Job
from app.db.models.privacy import GraduateDuplicate, ServerSecret
from app.db.models.triage import (
    CalendarDay,
    EmploymentOutcome,
    GraduateTriage,
    ServiceRecord,
    StaffAssignment,
    SupportPlanVersion,
)

__all__ = ["ApiKey", "AuditEntry", "Fair", "FairBooth", "FairInterview", "FairPairingRun", "FairPairRule", "FairRegistration", "FairRun",
           "FairSlot", "Feedback", "Graduate", "GraduateDuplicate", "Job", "MatchImpression", "RecordChange",
           "ServerSecret"]
__all__ += ["CalendarDay", "EmploymentOutcome", "GraduateTriage", "ServiceRecord", "StaffAssignment",
            "SupportPlanVersion"]
