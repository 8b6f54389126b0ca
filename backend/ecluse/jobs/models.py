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
    #: The process running it, and until when its lease holds: renewed by a heartbeat while the job runs,
    #: so a job whose worker died is taken up again once the lease expires (not after the job timeout).
    worker_id = fields.CharField(max_length=64, null=True)
    lease_until = fields.DatetimeField(null=True)

    class Meta:
        table = "jobs"
        indexes = (("state", "lease_until"),)


class Worker(Model):
    """A process that runs jobs (an `ecluse worker`, or an API process running them in-process), with the
    last time it said it was alive: /health counts the live ones."""

    id = fields.CharField(max_length=64, primary_key=True)
    kind = fields.CharField(max_length=20)
    host = fields.CharField(max_length=200, default="")
    pid = fields.IntField(default=0)
    started_at = fields.DatetimeField(auto_now_add=True)
    seen_at = fields.DatetimeField()

    class Meta:
        table = "workers"
