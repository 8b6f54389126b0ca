"""What people are told (notifications) and what happened (the audit log)."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class Notification(Model):
    id = fields.IntField(primary_key=True)
    user_id = fields.IntField()
    company_id = fields.IntField()
    kind = fields.CharField(max_length=40)
    message = fields.TextField()
    #: What the message speaks of, as of the change (dossier, counts, the error's code): clients say it in the
    #: user's language. None on notifications written before migration 0010.
    params: Any = fields.JSONField(null=True)
    batch_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    read_at = fields.DatetimeField(null=True)

    class Meta:
        table = "notifications"
        indexes = (("user_id", "id"),)


class AuditLog(Model):
    id = fields.BigIntField(primary_key=True)
    company_id = fields.IntField(null=True)
    user_id = fields.IntField(null=True)
    api_key_id = fields.IntField(null=True)
    action = fields.CharField(max_length=60)
    object_type = fields.CharField(max_length=40)
    object_id = fields.CharField(max_length=40)
    detail = fields.TextField(default="")
    #: Where the change came from: the client's address for the API, "cli" for a command.
    origin = fields.CharField(max_length=64, default="", db_default="")
    at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "audit_log"
        indexes = (("company_id", "at"),)
