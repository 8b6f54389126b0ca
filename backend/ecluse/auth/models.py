"""Users, their role in each company, browser/bearer sessions and partner API keys."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class User(Model):
    id = fields.IntField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)
    name = fields.CharField(max_length=200, default="")
    password_hash = fields.CharField(max_length=200)
    locale = fields.CharField(max_length=5, default="fr")
    is_active = fields.BooleanField(default=True)
    #: A firm administrator creates and archives companies and users and grants any role (a flag, not a role).
    is_firm_admin = fields.BooleanField(default=False, db_default=False)  # existing rows: False
    #: SHA-256 of the one-time token that sets a password (a new user's first, or a reset), and its expiry.
    reset_token_hash = fields.CharField(max_length=64, null=True, unique=True)
    reset_expires_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "users"


class Membership(Model):
    """A user's role in one company: viewer, client, collaborator or admin."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="memberships", on_delete=fields.CASCADE
    )
    user_id: int
    company_id = fields.IntField()
    role = fields.CharField(max_length=20)

    class Meta:
        table = "memberships"
        unique_together = (("user", "company_id"),)


class Session(Model):
    """A login. Only the token's SHA-256 is stored, so a leaked table gives no usable token."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE
    )
    user_id: int
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()

    class Meta:
        table = "sessions"


class ApiKey(Model):
    """A partner application's key for one company, stored hashed and shown once at creation."""

    id = fields.IntField(primary_key=True)
    company_id = fields.IntField(db_index=True)
    name = fields.CharField(max_length=200)
    prefix = fields.CharField(max_length=16)
    key_hash = fields.CharField(max_length=64, unique=True)
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_keys"


class LoginThrottle(Model):
    """Failed logins counted per key: an (account, client address) pair, or a client address alone.

    In the database so that every API replica shares it; a success clears the pair's row."""

    key = fields.CharField(max_length=128, primary_key=True)
    failures = fields.IntField(default=0)
    window_start = fields.DatetimeField()
    blocked_until = fields.DatetimeField(null=True)

    class Meta:
        table = "login_throttle"
