"""Import order (reference: "Ordre d'import"): a period's purchase and sales journals should be in the
books before its bank journal, or the open items the bank lines settle look unpaid. Écluse warns — a
finding on the batch — and never blocks: the user may know better."""

from __future__ import annotations

import re
from datetime import date

from ecluse.formats.records import ParseError
from ecluse.ledger.models import Entry, Journal

_GUESSES = (
    ("bank", re.compile(r"^(BQ|BNQ|BK|BAN|BANK|BANQ|512)", re.IGNORECASE)),
    ("purchases", re.compile(r"^(AC|ACH|HA|PUR|ACHAT)", re.IGNORECASE)),
    ("sales", re.compile(r"^(VT|VE|VEN|VTE|SAL|VENTE)", re.IGNORECASE)),
)


def journal_kind(code: str, kind: str) -> str:
    """The journal's declared kind, else one guessed from usual French codes (BQ, AC/HA, VT/VE)."""
    if kind:
        return kind
    return next((name for name, pattern in _GUESSES if pattern.match(code)), "other")


def _month_end(day: date) -> date:
    following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


async def order_findings(company_id: int, batch_id: int) -> list[ParseError]:
    kinds: dict[str, list[int]] = {"bank": [], "purchases": [], "sales": []}
    codes: dict[int, str] = {}
    for jid, code, kind in await Journal.filter(company_id=company_id).values_list("id", "code", "kind"):
        codes[jid] = code
        kinds.setdefault(journal_kind(code, kind), []).append(jid)
    if not kinds["bank"]:
        return []
    rows = (
        await Entry.filter(batch_id=batch_id, journal_id__in=kinds["bank"])
        .distinct()
        .values_list("journal_id", "date")
    )
    months: dict[tuple[int, int], set[str]] = {}
    for jid, day in rows:
        months.setdefault((day.year, day.month), set()).add(codes[jid])
    if not months:
        return []
    # One query for the months concerned: which of them already hold purchases, which sales.
    first, last = min(months), max(months)
    covered: dict[str, set[tuple[int, int]]] = {"purchases": set(), "sales": set()}
    kind_of = {jid: kind for kind in covered for jid in kinds[kind]}
    if kind_of:
        seen = await (
            Entry.filter(
                company_id=company_id,
                journal_id__in=list(kind_of),
                date__gte=date(*first, 1),
                date__lte=_month_end(date(*last, 1)),
            )
            .distinct()
            .values_list("journal_id", "date")
        )
        for jid, day in seen:
            covered[kind_of[jid]].add((day.year, day.month))
    out: list[ParseError] = []
    for (year, month), bank_codes in sorted(months.items()):
        missing = [kind for kind in ("purchases", "sales") if (year, month) not in covered[kind]]
        if missing:
            out.append(
                ParseError.of(
                    0,
                    None,
                    "IMPORT_ORDER",
                    "finding",
                    journals=", ".join(sorted(bank_codes)),
                    month=f"{year:04d}-{month:02d}",
                    missing=", ".join(missing),
                )
            )
    return out
