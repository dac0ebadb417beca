"""Job fairs (P4, P9): routes, schemas and services of the fair feature side by side; the pure
pre-pairing solver (no database, no HTTP) in app.fairs.solver. ORM tables live in app.db.models."""
