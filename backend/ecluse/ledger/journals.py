"""A company's journals and their kinds: set here by a person, by a layout (`journalKinds`) or by the file
(TRA natures, JSON `kind`) when an import creates them. The import-order check (imports/order.py) reads the
kind, and guesses from usual French codes only for a journal whose kind nobody gave.

A journal may be the company's default of its kind (one per kind, held by a partial unique index): a layout
without a journal column names a kind (`journalKind`) instead of a code, and the import takes the default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

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
    #: The company's default journal of its kind.
    is_default: bool = False


_JOURNALS = """
SELECT j.id, j.code, j.label, j.kind, j.is_default, j.created_by_batch_id,
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
            bool(r["is_default"]),
        )
        for r in rows
    ]


async def set_journal(
    company_id: int, code: str, label: str | None, kind: str | None, who: Principal | None,
    default: bool | None = None,
) -> Journal:  # fmt: skip
    """Create the journal `code`, or change its label, kind and whether it is the default of its kind (None:
    kept); audited. A default journal whose kind changes stops being a default (it was the old kind's)."""
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
    final_kind = kind or ""
    try:
        async with in_transaction("default") as conn:
            journal, created = await Journal.get_or_create(
                company_id=company_id, code=code, defaults={"label": label or "", "kind": kind or ""},
                using_db=conn,
            )  # fmt: skip
            before = {"label": journal.label, "kind": journal.kind, "is_default": journal.is_default}
            changes: dict[str, Any] = {} if created else {
                k: v for k, v in (("label", label), ("kind", kind)) if v is not None and before[k] != v
            }  # fmt: skip
            final_kind = changes.get("kind", journal.kind)
            wanted = default if default is not None else journal.is_default and "kind" not in changes
            if wanted and not final_kind:
                raise DomainError(
                    "DEFAULT_NEEDS_KIND", f"Journal {code} needs a kind to be the default of its kind.",
                    "default", journal=code,
                )  # fmt: skip
            if wanted != journal.is_default:
                changes["is_default"] = wanted
            if wanted:  # the kind's previous default steps down in the same transaction
                await (
                    Journal.filter(company_id=company_id, kind=final_kind, is_default=True)
                    .exclude(id=journal.id)
                    .using_db(conn)
                    .update(is_default=False)
                )
            if changes:
                journal.update_from_dict(changes)
                await journal.save(update_fields=list(changes), using_db=conn)
    except IntegrityError:  # another request made another journal this kind's default at the same moment
        raise DomainError(
            "DEFAULT_JOURNAL_TAKEN",
            f"Another journal was made the default {final_kind} journal at the same time: try again.",
            "default", kind=final_kind,
        ) from None  # fmt: skip
    if created:
        await audit("journal.created", "Journal", journal.id, company_id=company_id, principal=who,
                    detail=f"{code}: {journal.label!r}, {journal.kind or 'no kind'}"
                    + (", default of its kind" if journal.is_default else ""))  # fmt: skip
    elif changes:
        detail = f"{code}: " + "; ".join(f"{k}: {before[k]!r} → {v!r}" for k, v in changes.items())
        await audit(
            "journal.updated", "Journal", journal.id, company_id=company_id, principal=who, detail=detail
        )
    return journal


async def default_journal(company_id: int, kind: str) -> str | None:
    """The code of the company's default journal of `kind`, if it has one."""
    found = await Journal.filter(company_id=company_id, kind=kind, is_default=True).first()
    return found.code if found is not None else None


async def with_default_journal(company_id: int, definition: dict[str, Any]) -> dict[str, Any]:
    """A layout definition whose journal is the company's default of a kind (`journalKind`, no journal column,
    no code) with that code filled in: what an import keeps, so that a later change of default never changes
    a past import. DomainError NO_DEFAULT_JOURNAL when the company has no default of that kind."""
    kind = definition.get("journalKind")
    if not kind or definition.get("journal") or "journal" in (definition.get("columns") or {}):
        return definition
    code = await default_journal(company_id, kind)
    if code is None:
        raise DomainError(
            "NO_DEFAULT_JOURNAL",
            f"The layout takes the company's default {kind} journal, and the company has none: make one of "
            "its journals the default of that kind.",
            "layoutId", kind=kind,
        )  # fmt: skip
    return {**definition, "journal": code}
