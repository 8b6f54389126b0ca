"""The database record of a job: it survives worker crashes and tells clients how far it got."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Job(Model):
    id = fields.CharField(max_length=36, primary_key=True)
    kind = fields.CharField(max_length=40)
    company_id = fields.IntField(null=True)
    batch_id = fields.IntField(null=True, db_index=True)
    #: queued, running, done, failed
    state = fields.CharField(max_length=10, default="queued")
    progress = fields.IntField(default=0)
    attempts = fields.IntField(default=0)
    error = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "jobs"
