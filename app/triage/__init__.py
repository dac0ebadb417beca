"""Staff triage of priority graduates (P2, P3, P9, P11): routes, schemas and services of the
feature side by side. The working-day calendar and the triage vocabulary are pure (no database,
no HTTP); ORM tables live in app.db.models."""
