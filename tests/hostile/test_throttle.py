"""The login throttle on a clock: growing delays, windows, expiry, and a burst of concurrent guesses.

tests/hostile/test_auth.py attacks over HTTP; here the domain function runs with a simulated `now`, so
that hours pass without waiting (no timing asserts)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from starlette.testclient import TestClient

from ecluse.auth import throttle
from ecluse.auth.models import LoginThrottle
from ecluse.auth.throttle import Attempt, Policy, Throttled

POLICY = Policy(
    free_failures=3,
    delay_base_s=1.0,
    delay_max_s=8.0,
    pair_window_s=3600,
    address_max_failures=1000,
    address_window_s=600,
)
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
PEPPER = "test"


def test_delay_grows_from_the_free_failures_and_is_capped() -> None:
    assert [POLICY.delay_after(n) for n in range(1, 10)] == [0, 0, 1, 2, 4, 8, 8, 8, 8]
    assert POLICY.delay_after(10**6) == 8  # no overflow however long the siege


def test_each_failure_waits_longer_then_the_window_forgets(client: TestClient) -> None:
    async def siege() -> tuple[list[int], bool]:
        now, waits = T0, []
        for _ in range(8):  # every attempt fails; a refused one comes back when told to
            result = await throttle.begin("victim@firm.test", "192.0.2.9", POLICY, PEPPER, now=now)
            if isinstance(result, Throttled):
                waits.append(result.retry_after_s)
                now += timedelta(seconds=result.retry_after_s)
                assert isinstance(
                    await throttle.begin("victim@firm.test", "192.0.2.9", POLICY, PEPPER, now=now), Attempt
                )
        # An hour after the first failure the pair starts afresh: free failures again.
        later = T0 + timedelta(seconds=POLICY.pair_window_s + 1)
        fresh = [
            await throttle.begin("victim@firm.test", "192.0.2.9", POLICY, PEPPER, now=later) for _ in range(3)
        ]
        return waits, all(isinstance(r, Attempt) for r in fresh)

    waits, fresh = client.portal.call(siege)
    assert waits == [1, 2, 4, 8, 8]
    assert fresh


def test_ipv6_addresses_of_one_subscriber_count_as_one(client: TestClient) -> None:
    async def rotate() -> list[bool]:
        results = []
        for i in range(5):  # a /64 holds 2^64 addresses: rotating through them changes nothing
            address = f"2001:db8:1:2::{i + 1:x}"
            results.append(
                isinstance(await throttle.begin("v@firm.test", address, POLICY, PEPPER, now=T0), Throttled)
            )
        return results

    assert client.portal.call(rotate) == [False, False, False, True, True]


def test_old_rows_are_deleted(client: TestClient) -> None:
    async def fill_and_prune() -> tuple[int, int]:
        for i in range(20):
            await throttle.begin(f"sprayed{i}@firm.test", "198.51.100.1", POLICY, PEPPER, now=T0)
        before = await LoginThrottle.all().count()
        throttle._last_prune = 0.0  # the next attempt prunes (at most once a minute otherwise)
        await throttle.begin("late@firm.test", "198.51.100.2", POLICY, PEPPER, now=T0 + timedelta(days=2))
        return before, await LoginThrottle.all().count()

    before, after = client.portal.call(fill_and_prune)
    assert before == 21  # 20 pairs and their address
    assert after == 2  # only the late attempt's pair and address are left


def test_a_burst_of_concurrent_guesses_gets_no_more_than_the_free_failures(client: TestClient) -> None:
    async def burst() -> tuple[int, int]:
        results = await asyncio.gather(
            *(throttle.begin("victim@firm.test", "203.0.113.50", POLICY, PEPPER, now=T0) for _ in range(30))
        )
        allowed = sum(isinstance(r, Attempt) for r in results)
        row = await LoginThrottle.get(
            key=throttle.keys_for("victim@firm.test", "203.0.113.50", PEPPER).address_key
        )
        return allowed, row.failures

    allowed, counted = client.portal.call(burst)
    assert 1 <= allowed <= POLICY.free_failures
    assert counted == allowed  # refused attempts were taken back from the address's count
