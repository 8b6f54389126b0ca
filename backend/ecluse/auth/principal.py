"""Who is calling: a user (with a role per company) or a partner application's API key."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ecluse.auth import throttle
from ecluse.auth.models import ApiKey, Membership, Session, User
from ecluse.auth.roles import Action, Role, allows
from ecluse.auth.secrets import check_password, new_api_key, new_token, token_hash
from ecluse.ledger.models import Company
from ecluse.settings import get_settings


@dataclass(frozen=True, slots=True)
class Principal:
    user_id: int | None
    api_key_id: int | None
    name: str
    roles: Mapping[int, Role] = field(default_factory=dict)
    #: A firm administrator creates and archives companies and users and grants any role.
    firm_admin: bool = False

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
    """The user's roles in the companies that are not archived (an archived company is hidden from all)."""
    memberships = await Membership.filter(user_id=user.id).values_list("company_id", "role")
    archived = await _archived([int(cid) for cid, _ in memberships])
    roles = {int(cid): Role(role) for cid, role in memberships if int(cid) not in archived}
    return Principal(
        user_id=user.id,
        api_key_id=None,
        name=user.name or user.email,
        roles=roles,
        firm_admin=user.is_firm_admin,
    )


async def _archived(company_ids: list[int]) -> set[int]:
    if not company_ids:
        return set()
    found = await Company.filter(id__in=company_ids).exclude(archived_at=None).values_list("id", flat=True)
    return {int(str(cid)) for cid in found}


@dataclass(frozen=True, slots=True)
class LoggedIn:
    token: str
    user: User


#: The longest email an account can have (RFC 5321's path limit; User.email's column).
MAX_EMAIL = 254


async def login(
    email: str, password: str, *, address: str, policy: throttle.Policy, session_days: int
) -> LoggedIn | throttle.Throttled | None:
    """A new session, `Throttled` (nothing checked: try again later), or None for a wrong email or password.

    The throttle is consulted before any password work, and an unknown email costs the same argon2
    verification as a known one, so neither the answer nor its timing says whether the account exists."""
    email = email.strip().lower()
    attempt = await throttle.begin(email, address, policy, _pepper())
    if isinstance(attempt, throttle.Throttled):
        return attempt
    if len(email) > MAX_EMAIL:
        # No account can have it, so answering at once tells nothing about accounts, and a flood of
        # giant emails costs no argon2 work.
        return None
    user = await User.get_or_none(email=email, is_active=True)
    # argon2 is deliberately slow (tens of ms of CPU): off the event loop.
    stored = user.password_hash if user is not None else None
    if not await asyncio.to_thread(check_password, stored, password) or user is None:
        return None
    await throttle.succeeded(attempt)
    token = new_token()
    await Session.create(
        token_hash=token_hash(token, _pepper()),
        user=user,
        expires_at=datetime.now(UTC) + timedelta(days=session_days),
    )
    return LoggedIn(token, user)


#: Who a credential is, remembered a few seconds: every request (and WebSocket) authenticates, and three
#: queries each time were a fifth of a small request's cost. Ending a session (auth/sessions.py) drops its
#: entries on every replica through the event bus; CACHE_SECONDS bounds how long one missed event matters.
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


def forget(
    digest: str | None = None,
    user_id: int | None = None,
    api_key_id: int | None = None,
    *,
    everyone: bool = False,
) -> None:
    """Drop the remembered credentials of one token or key (by digest), of a user, of an API key, or of
    everyone (a company archived or restored changes who sees it)."""
    if everyone:
        _cache.clear()
        return
    if digest is not None:
        _cache.pop(digest, None)
    if user_id is None and api_key_id is None:
        return
    for key, (_, who) in list(_cache.items()):
        if (user_id is not None and who.user_id == user_id) or (
            api_key_id is not None and who.api_key_id == api_key_id
        ):
            _cache.pop(key, None)


def session_digest(token: str) -> str:
    return token_hash(token, _pepper())


def api_key_digest(key: str) -> str:
    return token_hash(key)


async def principal_for_token(token: str) -> Principal | None:
    digest = session_digest(token)
    if (who := _cached(digest)) is not None:
        return who
    session = await Session.get_or_none(token_hash=digest).prefetch_related("user")
    if session is None or session.expires_at < datetime.now(UTC) or not session.user.is_active:
        return None
    return _remember(digest, await principal_for_user(session.user))


async def principal_for_api_key(key: str) -> Principal | None:
    digest = api_key_digest(key)
    if (who := _cached(digest)) is not None:
        return who
    api_key = await ApiKey.get_or_none(key_hash=digest, revoked_at=None)
    if api_key is None or await _archived([api_key.company_id]):
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
