"""The FEC download: `GET /files/companies/{company_id}/fec?fiscalYear=ID&keepNumbers=0|1`.

Authenticated as the other downloads (web/files.py): bearer token, API key or session cookie. Any member
who may view the company gets the file, streamed as it is read from the books; anyone else gets 404, without
being told whether the company or the fiscal year exists. A problem the user can fix (no SIREN, bad
parameters) is a 400 with a JSON body `{"error", "code", "params"}` (`params` when the error has values).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from ecluse.api.context import caller
from ecluse.errors import DomainError
from ecluse.filenames import content_disposition
from ecluse.ids import parse_id
from ecluse.ledger.fec_export import can_export, fec_chunks, not_found, prepare_fec_export

#: HTTP status of each export error; the others are 400.
STATUS = {"NOT_FOUND": 404, "UNBALANCED_LEDGER": 409}
_FLAGS = {"": False, "0": False, "false": False, "1": True, "true": True}


def fec_url(company_id: int, fiscal_year_id: int, keep_numbers: bool = False) -> str:
    return f"/files/companies/{company_id}/fec?fiscalYear={fiscal_year_id}&keepNumbers={int(keep_numbers)}"


def _refuse(error: DomainError) -> JSONResponse:
    e = error.error
    body: dict[str, object] = {"error": e.message, "code": e.code}
    if e.params:
        body["params"] = e.params
    return JSONResponse(body, status_code=STATUS.get(e.code, 400))


async def fec(request: Request) -> Response:
    who = await caller(request)
    if who is None:
        return JSONResponse({"error": "log in, or send an API key", "code": "UNAUTHENTICATED"}, 401)
    company_id = parse_id(request.path_params["company_id"])
    if company_id is None or not can_export(who, company_id):
        return _refuse(not_found())
    text = request.query_params.get("fiscalYear", "")
    if not (text.isascii() and text.isdecimal()):
        message = "fiscalYear must be the id of one of the company's fiscal years"
        return JSONResponse({"error": message, "code": "BAD_PARAMETER"}, 400)
    year = parse_id(text)
    if year is None:  # a number, but no fiscal year's
        return _refuse(not_found())
    keep = _FLAGS.get(request.query_params.get("keepNumbers", "").lower())
    if keep is None:
        return JSONResponse({"error": "keepNumbers must be 0 or 1", "code": "BAD_PARAMETER"}, 400)
    try:
        plan = await prepare_fec_export(company_id, year, keep)
    except DomainError as exc:
        return _refuse(exc)
    return StreamingResponse(
        fec_chunks(plan),
        media_type="text/plain; charset=utf-8",
        headers={"content-disposition": content_disposition(plan.file_name)},
    )


def export_routes() -> list[Route]:
    return [Route("/files/companies/{company_id}/fec", fec)]
