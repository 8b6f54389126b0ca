"""Login throttling: growing delays per (account, client address) and a cap per client address.

The state lives in the `login_throttle` table, so every API replica shares it; its keys are HMACs of the
email and the address, so the table names no one. Each attempt is counted *before* its password is checked
(a burst of concurrent guesses cannot all slip into the same gap), and a success takes its count back: the
pair's row is deleted and the address's count goes down by one. An attacker guessing from another address
only ever delays their own pair, so nobody can lock a victim out of their account; only the cap of the
victim's own address (a shared office NAT, say) refuses a correct password, and only for its window.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from ipaddress import IPv6Address, ip_address, ip_network

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q

from ecluse.auth.models import LoginThrottle
from ecluse.settings import Settings

#: Optimistic updates that lost a race are tried again this many times before the attempt is refused.
_RETRIES = 4
#: Expired rows are deleted at most this often per process.
_PRUNE_EVERY_S = 60.0
_last_prune = 0.0


@dataclass(frozen=True, slots=True)
class Policy:
    free_failures: int
    delay_base_s: float
    delay_max_s: float
    pair_window_s: int
    address_max_failures: int
    address_window_s: int

    @classmethod
    def from_settings(cls, settings: Settings) -> Policy:
        return cls(
            free_failures=settings.login_free_failures,
            delay_base_s=settings.login_delay_base_s,
            delay_max_s=settings.login_delay_max_s,
            pair_window_s=settings.login_pair_window_s,
            address_max_failures=settings.login_address_max_failures,
            address_window_s=settings.login_address_window_s,
        )

    def delay_after(self, failures: int) -> float:
        """Seconds an (account, address) pair waits after its `failures`-th failure: 0, …, 0, 1, 2, 4 …"""
        if failures < self.free_failures:
            return 0.0
        return float(min(self.delay_base_s * 2 ** min(failures - self.free_failures, 40), self.delay_max_s))


@dataclass(frozen=True, slots=True)
class Attempt:
    """A login attempt that was let through, counted as failed until `succeeded` takes it back."""

    pair_key: str
    address_key: str


@dataclass(frozen=True, slots=True)
class Throttled:
    retry_after_s: int


def address_part(address: str) -> str:
    """What an address counts as: itself, or its /64 for IPv6 (one subscriber holds a whole /64)."""
    try:
        ip = ip_address(address)
    except ValueError:
        return address[:100]
    if isinstance(ip, IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ip_network(f"{ip}/64", strict=False))
    return str(ip)


def _key(kind: str, text: str, pepper: str) -> str:
    return kind + ":" + hmac.new(pepper.encode(), f"{kind}\0{text}".encode(), hashlib.sha256).hexdigest()


def keys_for(email: str, address: str, pepper: str) -> Attempt:
    where = address_part(address)
    return Attempt(pair_key=_key("p", f"{email}\0{where}", pepper), address_key=_key("a", where, pepper))


def _wait(until: datetime, now: datetime) -> int:
    return max(1, math.ceil((until - now).total_seconds()))


Block = Callable[[int, datetime, datetime], datetime | None]


async def _count(key: str, now: datetime, window_s: int, block: Block) -> int:
    """Count one more attempt on `key`: 0, or the seconds to wait when the key is blocked.

    `block(failures, window_start, now)` says until when the key is blocked after this attempt."""
    window = timedelta(seconds=window_s)
    for _ in range(_RETRIES):
        row = await LoginThrottle.get_or_none(key=key)
        if row is None:
            try:
                await LoginThrottle.create(
                    key=key, failures=1, window_start=now, blocked_until=block(1, now, now)
                )
            except IntegrityError:
                continue  # created meanwhile by a concurrent attempt: count on it
            return 0
        if row.blocked_until is not None and row.blocked_until > now:
            return _wait(row.blocked_until, now)
        start, failures = row.window_start, row.failures + 1
        if now - start >= window:
            start, failures = now, 1
        counted = await LoginThrottle.filter(key=key, failures=row.failures).update(
            failures=failures, window_start=start, blocked_until=block(failures, start, now)
        )
        if counted:
            return 0
    return 1  # that many concurrent guesses on one key is itself a reason to wait


async def _take_back(address_key: str) -> None:
    # Below the cap again by construction: the block (if this attempt set it) goes with it.
    await LoginThrottle.filter(key=address_key, failures__gt=0).update(
        failures=F("failures") - 1, blocked_until=None
    )


async def _prune(now: datetime, policy: Policy) -> None:
    global _last_prune
    if time.monotonic() - _last_prune < _PRUNE_EVERY_S:
        return
    _last_prune = time.monotonic()
    oldest = now - timedelta(seconds=max(policy.pair_window_s, policy.address_window_s))
    await LoginThrottle.filter(
        Q(blocked_until=None) | Q(blocked_until__lt=now), window_start__lt=oldest
    ).delete()


async def begin(
    email: str, address: str, policy: Policy, pepper: str, now: datetime | None = None
) -> Attempt | Throttled:
    """Let a login attempt through (counted as a failure until it succeeds), or say how long to wait."""
    now = now or datetime.now(UTC)
    await _prune(now, policy)
    attempt = keys_for(email, address, pepper)

    def address_block(failures: int, start: datetime, _now: datetime) -> datetime | None:
        if failures >= policy.address_max_failures:
            return start + timedelta(seconds=policy.address_window_s)
        return None

    def pair_block(failures: int, _start: datetime, at: datetime) -> datetime | None:
        delay = policy.delay_after(failures)
        return at + timedelta(seconds=delay) if delay else None

    wait = await _count(attempt.address_key, now, policy.address_window_s, address_block)
    if wait:
        return Throttled(wait)
    wait = await _count(attempt.pair_key, now, policy.pair_window_s, pair_block)
    if wait:
        await _take_back(attempt.address_key)  # refused before any password was checked: not a failure
        return Throttled(wait)
    return attempt


async def succeeded(attempt: Attempt) -> None:
    """The right password: the pair starts afresh, and the address's count forgets this attempt."""
    await LoginThrottle.filter(key=attempt.pair_key).delete()
    await _take_back(attempt.address_key)
