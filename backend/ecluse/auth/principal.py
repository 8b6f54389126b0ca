"""Who is calling: a user (with a role per company) or a partner application's API key."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ecluse.auth.models import ApiKey, Membership, Session, User
from ecluse.auth.roles import Action, Role, allows
from ecluse.auth.secrets import new_api_key, new_token, token_hash, verify_password
from ecluse.settings import get_settings


@dataclass(frozen=True, slots=True)
class Principal:
    user_id: int | None
    api_key_id: int | None
    name: str
    roles: Mapping[int, Role] = field(default_factory=dict)

    @property
    def company_ids(self) -> list[int]:
        return sorted(self.roles)

    def role_in(self, company_id: int) -> Role | None:
        return self.roles.get(company_id)

    def can(self, action: Action, company_id: int) -> bool:
        return allows(self.role_in(company_id), action)

    @property
    def is_partner(self) -> bool:
        return self.api_key_id is not None


def _pepper() -> str:
    return get_settings().secret_key


async def principal_for_user(user: User) -> Principal:
    memberships = await Membership.filter(user_id=user.id).values_list("company_id", "role")
    roles = {int(cid): Role(role) for cid, role in memberships}
    return Principal(user_id=user.id, api_key_id=None, name=user.name or user.email, roles=roles)


async def login(email: str, password: str, session_days: int) -> tuple[str, User] | None:
    user = await User.get_or_none(email=email.strip().lower(), is_active=True)
    # argon2 is deliberately slow (tens of ms of CPU): off the event loop.
    if user is None or not await asyncio.to_thread(verify_password, user.password_hash, password):
        return None
    token = new_token()
    await Session.create(
        token_hash=token_hash(token, _pepper()),
        user=user,
        expires_at=datetime.now(UTC) + timedelta(days=session_days),
    )
    return token, user


async def logout(token: str) -> None:
    digest = token_hash(token, _pepper())
    _cache.pop(digest, None)
    await Session.filter(token_hash=digest).delete()


#: Who a credential is, remembered a few seconds: every request (and WebSocket) authenticates, and three
#: queries each time were a fifth of a small request's cost. A logout or revocation on this process is
#: immediate; on another replica it takes effect within CACHE_SECONDS.
CACHE_SECONDS = 5.0
_cache: dict[str, tuple[float, Principal]] = {}


def _cached(digest: str) -> Principal | None:
    hit = _cache.get(digest)
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    _cache.pop(digest, None)
    return None


def _remember(digest: str, who: Principal) -> Principal:
    if len(_cache) > 10_000:
        _cache.clear()
    _cache[digest] = (time.monotonic() + CACHE_SECONDS, who)
    return who


def forget_credentials() -> None:
    """Drop every remembered credential (roles changed, keys revoked)."""
    _cache.clear()


async def principal_for_token(token: str) -> Principal | None:
    digest = token_hash(token, _pepper())
    if (who := _cached(digest)) is not None:
        return who
    session = await Session.get_or_none(token_hash=digest).prefetch_related("user")
    if session is None or session.expires_at < datetime.now(UTC) or not session.user.is_active:
        return None
    return _remember(digest, await principal_for_user(session.user))


async def principal_for_api_key(key: str) -> Principal | None:
    digest = token_hash(key)
    if (who := _cached(digest)) is not None:
        return who
    api_key = await ApiKey.get_or_none(key_hash=digest, revoked_at=None)
    if api_key is None:
        return None
    await ApiKey.filter(id=api_key.id).update(
        last_used_at=datetime.now(UTC)
    )  # at most once per CACHE_SECONDS
    who = Principal(
        user_id=None, api_key_id=api_key.id, name=api_key.name, roles={api_key.company_id: Role.PARTNER}
    )
    return _remember(digest, who)


async def create_api_key(company_id: int, name: str, created_by_id: int | None) -> tuple[ApiKey, str]:
    """Returns the key record and the key itself, which is never shown again."""
    key = new_api_key()
    record = await ApiKey.create(
        company_id=company_id,
        name=name,
        prefix=key[:10],
        key_hash=token_hash(key),
        created_by_id=created_by_id,
    )
    return record, key


async def revoke_api_key(api_key: ApiKey) -> None:
    if api_key.revoked_at is None:
        api_key.revoked_at = datetime.now(UTC)
        await api_key.save(update_fields=["revoked_at"])
    forget_credentials()
