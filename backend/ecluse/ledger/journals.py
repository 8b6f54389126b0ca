"""A company's journals and their kinds: set here by a person, by a layout (`journalKinds`) or by the file
(TRA natures, JSON `kind`) when an import creates them. The import-order check (imports/order.py) reads the
kind, and guesses from usual French codes only for a journal whose kind nobody gave."""

from __future__ import annotations

from dataclasses import dataclass

from ecluse.activity.record import audit
from ecluse.auth.principal import Principal
from ecluse.db.bulk import default_sql
from ecluse.errors import DomainError
from ecluse.ledger.models import Journal

#: Journal.kind: "" is "not given" (then guessed from the code where a check needs it).
KINDS = ("sales", "purchases", "bank", "cash", "general", "other")
MAX_CODE, MAX_LABEL = 20, 200


@dataclass(frozen=True, slots=True)
class JournalRow:
    id: int
    code: str
    label: str
    kind: str
    created_by_batch_id: int | None
    #: Whether an entry (staged or posted) is in it.
    used: bool


_JOURNALS = """
SELECT j.id, j.code, j.label, j.kind, j.created_by_batch_id,
       EXISTS (SELECT 1 FROM entries e WHERE e.journal_id = j.id) AS used
FROM journals j WHERE j.company_id = $1 ORDER BY j.code
"""


async def journals_of(company_id: int) -> list[JournalRow]:
    """Every journal of the company by code (a company has tens, not thousands)."""
    conn, sql = default_sql(_JOURNALS)
    rows = await conn.execute_query_dict(sql, [company_id])
    return [
        JournalRow(
            int(r["id"]),
            str(r["code"]),
            str(r["label"]),
            str(r["kind"]),
            None if r["created_by_batch_id"] is None else int(r["created_by_batch_id"]),
            bool(r["used"]),
        )
        for r in rows
    ]


async def set_journal(
    company_id: int, code: str, label: str | None, kind: str | None, who: Principal | None
) -> Journal:
    """Create the journal `code`, or change its label and kind (None: kept); audited."""
    code = code.strip()
    if not code or len(code) > MAX_CODE or not code.isprintable() or "\t" in code:
        raise DomainError("BAD_JOURNAL_CODE", f"A journal code has 1 to {MAX_CODE} characters.", "code",
                          maximum=MAX_CODE)  # fmt: skip
    if kind is not None and kind not in (*KINDS, ""):
        raise DomainError(
            "BAD_JOURNAL_KIND", f"A journal's kind is one of {', '.join(KINDS)}.", "kind", kind=kind
        )
    if label is not None:
        label = label.strip()
        if len(label) > MAX_LABEL:
            raise DomainError("TOO_LONG", f"A journal's label has at most {MAX_LABEL} characters.", "label",
                              maximum=MAX_LABEL, found=len(label))  # fmt: skip
        if not label.isprintable():
            raise DomainError("BAD_CHARACTERS", "`label` holds control characters.", "label")
    journal, created = await Journal.get_or_create(
        company_id=company_id, code=code, defaults={"label": label or "", "kind": kind or ""}
    )
    if created:
        await audit("journal.created", "Journal", journal.id, company_id=company_id, principal=who,
                    detail=f"{code}: {journal.label!r}, {journal.kind or 'no kind'}")  # fmt: skip
        return journal
    changes = {
        k: v for k, v in (("label", label), ("kind", kind)) if v is not None and getattr(journal, k) != v
    }
    if changes:
        before = {k: getattr(journal, k) for k in changes}
        journal.update_from_dict(changes)
        await journal.save(update_fields=list(changes))
        detail = f"{code}: " + "; ".join(f"{k}: {before[k]!r} → {v!r}" for k, v in changes.items())
        await audit(
            "journal.updated", "Journal", journal.id, company_id=company_id, principal=who, detail=detail
        )
    return journal
