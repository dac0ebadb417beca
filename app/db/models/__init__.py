"""ORM tables. Import every module so Alembic and the app see the full metadata."""
from app.db.models.api_key import ApiKey
from app.db.models.audit import AuditEntry, RecordChange
from app.db.models.feedback import Feedback, MatchImpression
from app.db.models.graduate import Graduate
from app.db.models.job import Job

__all__ = ["ApiKey", "AuditEntry", "Feedback", "Graduate", "Job", "MatchImpression", "RecordChange"]
