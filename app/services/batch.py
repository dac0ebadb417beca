"""Batch upsert: partial success by default, all-or-nothing with atomic=True."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import DomainError, FieldProblem, InvalidInput
from app.core.validation import problems_from_errors
from app.services.records import Outcome

SchemaT = TypeVar("SchemaT", bound=BaseModel)


@dataclass
class ItemResult:
    index: int
    id: int
    external_id: str
    outcome: Outcome
    findings: list[dict[str, Any]] = field(default_factory=list)  # screening (jobs only)


@dataclass
class ItemError:
    index: int
    external_id: str | None
    problems: list[FieldProblem]


@dataclass
class BatchResult:
    results: list[ItemResult] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for result in self.results if result.outcome == outcome)


@dataclass
class BatchRunner(Generic[SchemaT]):
    schema: type[SchemaT]
    upsert: Callable[[Session, SchemaT], tuple[Any, Outcome]]

    def run(self, session: Session, items: Sequence[Any], *, atomic: bool) -> BatchResult:
        result = BatchResult()
        valid: list[tuple[int, SchemaT]] = []
        for index, item in enumerate(items):
            try:
                valid.append((index, self.schema.model_validate(item)))
            except ValidationError as error:
                result.errors.append(ItemError(index, _external_id_of(item), problems_from_errors(error.errors())))
        if atomic and result.errors:
            raise _atomic_failure(result.errors)
        for index, data in valid:
            # A savepoint per record: one bad record rolls back alone, the rest stay
            # (or, when atomic, the caller's transaction is rolled back as a whole below).
            savepoint = session.begin_nested()
            try:
                self._store(session, index, data, result)
                savepoint.commit()
            except (DomainError, IntegrityError) as error:
                savepoint.rollback()
                result.errors.append(ItemError(index, getattr(data, "external_id", None), _problems_of(error)))
        if atomic and result.errors:
            raise _atomic_failure(result.errors)
        result.errors.sort(key=lambda item: item.index)
        return result

    def _store(self, session: Session, index: int, data: SchemaT, result: BatchResult) -> None:
        record, outcome = self.upsert(session, data)
        result.results.append(ItemResult(index, record.id, record.external_id, outcome,
                                         list(getattr(record, "screening_findings", None) or [])))


def _external_id_of(item: Any) -> str | None:
    if isinstance(item, dict) and isinstance(item.get("external_id"), str):
        return item["external_id"][:100]
    return None


def _problems_of(error: Exception) -> list[FieldProblem]:
    if isinstance(error, DomainError):
        return error.problems or [FieldProblem("", error.message)]
    return [FieldProblem("", "the record conflicts with a stored record")]


def _atomic_failure(errors: list[ItemError]) -> InvalidInput:
    problems = [
        FieldProblem(f"items[{error.index}].{problem.field}".rstrip("."), problem.reason)
        for error in errors
        for problem in error.problems
    ]
    return InvalidInput(f"{len(errors)} record(s) invalid; atomic batch stored nothing", problems=problems)
