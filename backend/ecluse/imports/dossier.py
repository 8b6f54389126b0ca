"""The wrong-dossier guard: a FEC file's name says whose books it holds (SIREN) and which fiscal year it
closes (`SirenFECAAAAMMJJ`, A47 A-1 IX). A file meant for another company, or for a year the company does not
have open, is told before anyone validates it: a finding on the batch, or, for a SIREN when the company asks
for it (`Company.fec_siren_must_match`), a refusal of the whole file."""

from __future__ import annotations

from ecluse.formats.records import FileInfo, ParseError
from ecluse.ledger.models import Company, FiscalYear


async def dossier_findings(company: Company, info: FileInfo) -> tuple[list[ParseError], ParseError | None]:
    """(findings, the error that refuses the file or None) of a file's name against the company it was sent
    to. Only a FEC's name carries a SIREN and a closing date; a company without a SIREN is not compared."""
    if info.format != "FEC":
        return [], None
    findings: list[ParseError] = []
    if info.siren and company.siren and info.siren != company.siren:
        if company.fec_siren_must_match:
            return [], ParseError.of(0, None, "SIREN_MISMATCH", siren=info.siren, company_siren=company.siren)
        findings.append(
            ParseError.of(0, None, "SIREN_MISMATCH", "finding", siren=info.siren, company_siren=company.siren)
        )
    if info.closing_date is not None:
        ends = sorted(year.end_date for year in await FiscalYear.filter(company_id=company.id, closed=False))
        if info.closing_date not in ends:
            shown = ", ".join(day.isoformat() for day in ends[-5:])
            findings.append(
                ParseError.of(0, None, "CLOSING_DATE", "finding", closing=info.closing_date, year_ends=shown)
            )
    return findings, None
