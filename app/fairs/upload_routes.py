"""POST /v1/fairs/{fair_id}/registrations/import: the organiser's registration sheet (CSV in UTF-8 or
GBK, or XLSX) as a multipart upload — the same reader and all-or-none rule as `jobmatch fairs register`,
for organisers who use the console rather than a shell on the server."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, UploadFile, status

from app.api.deps import OrganiserOrAdmin, SessionDep
from app.api.errors import ERROR_RESPONSES
from app.core.errors import FieldProblem, InvalidInput
from app.schemas.common import ReadModel, RecordId
from app.fairs.registration_sheet import FairImportError, register_from_file
from app.fairs.service import get_fair

router = APIRouter(prefix="/v1/fairs", tags=["fairs"])
SHEET_SUFFIXES = {".csv", ".xlsx", ".xlsm"}


class RegistrationImportRead(ReadModel):
    fair_id: int
    filename: str
    registered: int


@router.post("/{fair_id}/registrations/import", response_model=RegistrationImportRead,
             status_code=status.HTTP_201_CREATED, summary="Register graduates from a spreadsheet",
             responses={422: {**ERROR_RESPONSES[422], "description": "nothing registered; `details` names each "
                              "rejected row as Excel numbers it (`field`: \"row 7\")"}})
def import_registrations(fair_id: RecordId, session: SessionDep, caller: OrganiserOrAdmin,
                         file: Annotated[UploadFile, File(description="报名表: 毕业生编号, 场次, 面试数 (CSV or XLSX)")]
                         ) -> RegistrationImportRead:
    """Register graduates from a spreadsheet: every row or none; a rejected file lists its bad rows."""
    get_fair(session, fair_id=fair_id)  # 404 before reading the upload
    filename = Path(file.filename or "upload.csv").name
    suffix = Path(filename).suffix.lower()
    if suffix not in SHEET_SUFFIXES:
        raise InvalidInput("not a spreadsheet", problems=[FieldProblem("file", "send a .csv or .xlsx file")])
    # The reader takes a path (openpyxl needs a seekable file): spool the upload to a private temp file.
    with tempfile.TemporaryDirectory(prefix="fair-import-") as folder:
        path = Path(folder) / f"sheet{suffix}"
        path.write_bytes(file.file.read())
        try:
            summary = register_from_file(session, fair_id=fair_id, path=path)
        except FairImportError as error:
            problems = [FieldProblem(where, reason) for where, reason in error.rejected] or [
                FieldProblem("file", str(error))]
            raise InvalidInput(f"nothing registered: {str(error).split(' (')[0]}", problems=problems) from None
    return RegistrationImportRead(fair_id=fair_id, filename=filename, registered=summary.registered)
