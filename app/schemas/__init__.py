"""API schemas (pydantic), kept apart from the ORM tables."""
