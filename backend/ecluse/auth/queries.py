"""Users and API keys, read by id or by company."""

from __future__ import annotations

from ecluse.auth.models import ApiKey, User


async def user(user_id: int) -> User:
    return await User.get(id=user_id)


async def api_keys_of(company_id: int) -> list[ApiKey]:
    """A company's API keys, revoked ones included, oldest first."""
    return await ApiKey.filter(company_id=company_id).order_by("id")


async def api_key(key_id: int) -> ApiKey | None:
    return await ApiKey.get_or_none(id=key_id)


async def refresh_revoked(key: ApiKey) -> None:
    """Read `revoked_at` again (after a revocation made elsewhere)."""
    await key.refresh_from_db(fields=["revoked_at"])
