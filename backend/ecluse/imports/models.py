"""Import batches, the files they came from, and what their parse found."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tortoise import fields
from tortoise.manager import Manager
from tortoise.models import Model
from tortoise.queryset import QuerySet, UpdateQuery


class ReceivedFile(Model):
    """A file as received, stored before anything else happens: nothing received is ever lost."""

    id = fields.IntField(primary_key=True)
    company_id = fields.IntField(db_index=True)
    name = fields.CharField(max_length=255)
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64, db_index=True)
    encoding = fields.CharField(max_length=20, null=True)
    storage_path = fields.CharField(max_length=500)
    content_type = fields.CharField(max_length=100, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "received_files"


class _TouchingQuerySet(QuerySet[Any]):
    """Every status and progress change is a conditional `UPDATE`: it must move `updated_at` too
    (Tortoise's auto_now only fires on `save()`)."""

    def update(self, **kwargs: Any) -> UpdateQuery:
        kwargs.setdefault("updated_at", datetime.now(UTC))
        return super().update(**kwargs)


class _TouchingManager(Manager):
    def get_queryset(self) -> QuerySet[Any]:
        return _TouchingQuerySet(self._model)


class ImportBatch(Model):
    id = fields.IntField(primary_key=True)
    company_id = fields.IntField()
    file: fields.ForeignKeyRelation[ReceivedFile] = fields.ForeignKeyField(
        "models.ReceivedFile", related_name="batches", on_delete=fields.RESTRICT
    )
    file_id: int
    format = fields.CharField(max_length=12)
    origin = fields.CharField(max_length=12)
    status = fields.CharField(max_length=20, default="RECEIVED")
    #: Who sent it: a user, or a partner application's API key.
    submitted_by_user_id = fields.IntField(null=True)
    submitted_by_key_id = fields.IntField(null=True)
    partner_name = fields.CharField(max_length=200, default="")
    idempotency_key = fields.CharField(max_length=200, null=True)
    #: Whose idempotency key it is ("user:<id>", "key:<id>", "cli"): keys belong to their sender, so one
    #: sender can neither read nor block another's submission by reusing its key.
    idempotency_scope = fields.CharField(max_length=40, null=True)
    #: The custom layout it was read with, and a copy of its definition at that time (layouts change).
    layout_id = fields.IntField(null=True)
    layout_definition: Any = fields.JSONField(null=True)
    #: The first batch whose rejected lines this file re-sends (the root of a chain of re-sends).
    resent_of_id = fields.IntField(null=True)
    #: A file with a company column feeds several companies: one batch each, linked to the first.
    parent_batch_id = fields.IntField(null=True)
    #: An earlier batch of the same company with the same content.
    duplicate_of_id = fields.IntField(null=True)
    progress = fields.IntField(default=0)
    # Entry lines read: staged_line_count + refused_line_count.
    line_count = fields.IntField(default=0)
    #: Entry lines staged (then posted), for this batch's company only.
    staged_line_count = fields.IntField(default=0)
    #: Lines of the refused entries (the rejected-lines download holds them).
    refused_line_count = fields.IntField(default=0)
    entry_count = fields.IntField(default=0)
    rejected_entry_count = fields.IntField(default=0)
    error_count = fields.IntField(default=0)
    finding_count = fields.IntField(default=0)
    total_debit = fields.BigIntField(default=0)
    total_credit = fields.BigIntField(default=0)
    first_date = fields.DateField(null=True)
    last_date = fields.DateField(null=True)
    fiscal_year_id = fields.IntField(null=True)
    siren = fields.CharField(max_length=20, null=True)
    closing_date = fields.DateField(null=True)
    error_summary = fields.TextField(default="")
    #: The codes that refused entries, most frequent first (5 at most), each with its count: [[code, n], …].
    error_codes: Any = fields.JSONField(default=list)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    decided_at = fields.DatetimeField(null=True)
    decided_by_id = fields.IntField(null=True)
    #: A posted import undone by reversal (reverseImport): when, by whom, and the date its opposite entries
    #: carry. Its entries and their reversals both stay in the books.
    reversed_at = fields.DatetimeField(null=True)
    reversed_by_id = fields.IntField(null=True)
    reversal_date = fields.DateField(null=True)

    class Meta:
        table = "import_batches"
        indexes = (("company_id", "status"), ("company_id", "created_at"))
        unique_together = (("company_id", "idempotency_scope", "idempotency_key"),)
        manager = _TouchingManager()


class ImportIssue(Model):
    """An error or finding of a batch: line, column, stable code, readable message."""

    id = fields.BigIntField(primary_key=True)
    batch_id = fields.IntField()
    line = fields.IntField()
    column = fields.CharField(max_length=50, null=True)
    code = fields.CharField(max_length=40)
    message = fields.TextField()
    severity = fields.CharField(max_length=10, default="error")
    #: The values the message speaks of, by name (formats/messages.py), for rendering in the user's language.
    params: Any = fields.JSONField(null=True)
    #: An error that refused an entry: the first and last lines of that entry (all refused with it).
    entry_first_line = fields.IntField(null=True)
    entry_last_line = fields.IntField(null=True)

    class Meta:
        table = "import_issues"
        indexes = (("batch_id", "severity", "line"),)


class RejectedLine(Model):
    """The original text of a line refused with its entry, for the rejected-lines download."""

    id = fields.BigIntField(primary_key=True)
    batch_id = fields.IntField()
    line = fields.IntField()
    text = fields.TextField()

    class Meta:
        table = "import_rejected_lines"
        indexes = (("batch_id", "line"),)


class ImportLayout(Model):
    """A company's saved description of a custom file (CSV or fixed-width): formats/layout.py's Layout."""

    id = fields.IntField(primary_key=True)
    company_id = fields.IntField(db_index=True)
    name = fields.CharField(max_length=100)
    definition: Any = fields.JSONField()
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    updated_by_id = fields.IntField(null=True)

    class Meta:
        table = "import_layouts"
        unique_together = (("company_id", "name"),)
