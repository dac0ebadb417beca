"""HTTP side of the batch endpoints shared by jobs and graduates."""
from __future__ import annotations

from app.core.errors import FieldProblem, InvalidInput
from app.schemas.batch import BatchItemError, BatchItemResult, BatchResponse
from app.schemas.common import ErrorDetail
from app.services.batch import BatchResult


def check_batch_size(count: int, limit: int) -> None:
    if count == 0:
        raise InvalidInput("the batch is empty", problems=[FieldProblem("items", "must contain at least one record")])
    if count > limit:
        raise InvalidInput(f"the batch has {count} records; the limit is {limit}",
                           problems=[FieldProblem("items", f"at most {limit} records per batch")])


def batch_response(result: BatchResult) -> BatchResponse:
    return BatchResponse(
        created=result.count("created"),
        updated=result.count("updated"),
        unchanged=result.count("unchanged"),
        failed=len(result.errors),
        results=[BatchItemResult(index=r.index, id=r.id, external_id=r.external_id, outcome=r.outcome,
                                 findings=r.findings)
                 for r in result.results],
        errors=[BatchItemError(index=e.index, external_id=e.external_id,
                               errors=[ErrorDetail(field=p.field, reason=p.reason) for p in e.problems])
                for e in result.errors],
    )
