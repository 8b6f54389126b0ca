"""The books: companies, fiscal years, journals, accounts, third parties, entries and their lines.

Amounts are integer minor units (cents for EUR) with the company's currency: never float, and SQLite
has no decimal type that sums correctly.
"""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class Company(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    siren = fields.CharField(max_length=9, null=True)
    #: How files name the company in a company column (custom layouts, JSON), besides its SIREN.
    code = fields.CharField(max_length=40, null=True)
    currency = fields.CharField(max_length=3, default="EUR")
    #: ISO 3166 alpha-2.
    country = fields.CharField(max_length=2, default="FR", db_default="FR")  # existing rows: FR
    #: Postal address, as written on the company's letters (lines separated by newlines).
    address = fields.CharField(max_length=500, default="", db_default="")
    #: Set when a firm administrator archives the company: hidden from everyone, its data kept.
    archived_at = fields.DatetimeField(null=True)
    #: Account number ranges per kind (G general, D customer, C supplier), for layouts that find the kind
    #: of a one-column account number from its range: a list of {kind, from, to}, never overlapping.
    account_ranges: Any = fields.JSONField(default=list)
    #: A FEC file whose name carries another SIREN is refused (FAILED) instead of imported with a finding.
    fec_siren_must_match = fields.BooleanField(default=False, db_default=False)  # existing rows: False
    #: Running totals of the posted ledger (minor units), moved in the posting transaction: a batch that
    #: would take them past money.LEDGER_TOTAL_MAX is refused, so no sum, report or export can overflow.
    ledger_debit = fields.BigIntField(default=0)
    ledger_credit = fields.BigIntField(default=0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "companies"


class FiscalYear(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="fiscal_years", on_delete=fields.CASCADE
    )
    company_id: int
    name = fields.CharField(max_length=100)
    start_date = fields.DateField()
    end_date = fields.DateField()
    closed = fields.BooleanField(default=False)
    #: Nothing is imported into or posted in a locked year until an admin unlocks it (a closing is final).
    locked = fields.BooleanField(default=False, db_default=False)

    class Meta:
        table = "fiscal_years"
        unique_together = (("company", "start_date"),)


class Journal(Model):
    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="journals", on_delete=fields.CASCADE
    )
    company_id: int
    code = fields.CharField(max_length=20)
    label = fields.CharField(max_length=200, default="")
    #: bank, purchases, sales, general, other, or "" when unknown (then guessed from the code).
    kind = fields.CharField(max_length=12, default="")
    #: The company's default journal of its kind (at most one per kind: a partial unique index, migration
    #: 0009): a layout without a journal column may name a kind instead of a code.
    is_default = fields.BooleanField(default=False, db_default=False)
    #: The import batch that created it (kept when the batch is rejected).
    created_by_batch_id = fields.IntField(null=True)

    class Meta:
        table = "journals"
        unique_together = (("company", "code"),)


class Account(Model):
    """A general account (CompteNum). Auxiliary accounts are third parties."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="accounts", on_delete=fields.CASCADE
    )
    company_id: int
    number = fields.CharField(max_length=40)
    label = fields.CharField(max_length=200, default="")
    created_by_batch_id = fields.IntField(null=True)

    class Meta:
        table = "accounts"
        unique_together = (("company", "number"),)


class ThirdParty(Model):
    """An auxiliary account (CompAuxNum): a customer, a supplier or another third party."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="third_parties", on_delete=fields.CASCADE
    )
    company_id: int
    code = fields.CharField(max_length=40)
    name = fields.CharField(max_length=200, default="")
    #: customer, supplier or other — guessed from the collective account (411 / 401) when imported.
    kind = fields.CharField(max_length=10, default="other")
    created_by_batch_id = fields.IntField(null=True)

    class Meta:
        table = "third_parties"
        unique_together = (("company", "code"),)


class AnalyticSection(Model):
    """An analytic section or project, named by code on entry lines."""

    id = fields.IntField(primary_key=True)
    company: fields.ForeignKeyRelation[Company] = fields.ForeignKeyField(
        "models.Company", related_name="analytic_sections", on_delete=fields.CASCADE
    )
    company_id: int
    code = fields.CharField(max_length=40)
    label = fields.CharField(max_length=200, default="")
    created_by_batch_id = fields.IntField(null=True)

    class Meta:
        table = "analytic_sections"
        unique_together = (("company", "code"),)


class Entry(Model):
    """A journal entry. `draft` while its batch awaits a decision, `posted` once validated (immutable)."""

    id = fields.BigIntField(primary_key=True)
    company_id = fields.IntField(db_index=True)
    batch_id = fields.IntField(null=True, db_index=True)
    journal_id = fields.IntField()
    number = fields.CharField(max_length=40)
    date = fields.DateField()
    state = fields.CharField(max_length=10, default="draft")
    source_line = fields.IntField(default=0)
    posted_at = fields.DatetimeField(null=True)
    #: The entry this one reverses (reverseImport): its lines are the original's, sides swapped.
    reversal_of_id = fields.BigIntField(null=True)

    class Meta:
        table = "entries"
        # (reversal_of_id): an entry's reversal, asked for every entry a books page shows. An index in Meta:
        # a field's db_index is not created when a migration adds the field.
        indexes = (("company_id", "state", "date"), ("reversal_of_id",))


class EntryLine(Model):
    """One line of an entry. Staged in bulk through the driver (db/bulk.py), read through the ORM."""

    id = fields.BigIntField(primary_key=True)
    entry_id = fields.BigIntField(db_index=True)
    company_id = fields.IntField()
    batch_id = fields.IntField(null=True)
    source_line = fields.IntField()
    account_id = fields.IntField()
    #: Its entry's date, copied when the line is written (entries never change date): an account's ledger
    #: pages in date order through one index. On SQLite a staged line is undated until its entry is posted.
    entry_date = fields.DateField(null=True)
    third_party_id = fields.IntField(null=True)
    piece_ref = fields.CharField(max_length=100, default="")
    piece_date = fields.DateField(null=True)
    label = fields.CharField(max_length=300, default="")
    debit = fields.BigIntField(default=0)
    credit = fields.BigIntField(default=0)
    lettering = fields.CharField(max_length=20, default="")
    lettering_date = fields.DateField(null=True)
    validation_date = fields.DateField(null=True)
    currency_amount = fields.BigIntField(null=True)
    currency = fields.CharField(max_length=3, default="")
    analytic = fields.CharField(max_length=40, default="")
    due_date = fields.DateField(null=True)
    invoice_ref = fields.CharField(max_length=100, default="")

    class Meta:
        table = "entry_lines"
        # (batch_id, id): keyset pages of a batch, its deletion on reject. Beside it, created by migration
        # 0011 as SQL (Tortoise declares no partial index): `entry_lines_dated_by_account` (company_id,
        # account_id, entry_date, entry_id, id) WHERE entry_date IS NOT NULL, an account's ledger in its
        # order. Lines staged on SQLite are undated until posted (ledger/posting.py): not maintaining it
        # while staging took a third off SQLite's inserts (bench/README.md). Its queries say
        # `entry_date IS NOT NULL`, or the planner may not use it.
        indexes = (("batch_id", "id"),)
