"""Job slots of one process, in lanes: a slow file never holds every slot.

Parses and decisions (validations) have their own lanes, so a validation never waits behind a long parse.
In the parse lane one company holds at most all slots but one (`per_key`): another company's file always
finds a slot, even while the first company's slow files run. The in-process runner waits for a slot; an
arq worker asks without waiting and sends the job back to the queue (for another worker, or later).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import AsyncIterator, Hashable
from dataclasses import dataclass, field

from ecluse.settings import Settings

#: Job kinds that read whole files; every other kind is a short decision.
PARSE_KINDS = frozenset({"parse_import"})


@dataclass
class _Waiter:
    key: Hashable
    future: asyncio.Future[None] = field(default_factory=lambda: asyncio.get_running_loop().create_future())


class Lane:
    """`slots` jobs at once; one key (a company) holds at most `per_key` of them."""

    def __init__(self, slots: int, per_key: int | None = None) -> None:
        self.slots = max(1, slots)
        self.per_key = self.slots if per_key is None else max(1, min(per_key, self.slots))
        self.held: Counter[Hashable] = Counter()
        self._waiters: list[_Waiter] = []

    @property
    def busy(self) -> int:
        return sum(self.held.values())

    def _fits(self, key: Hashable) -> bool:
        return self.busy < self.slots and self.held[key] < self.per_key

    def try_acquire(self, key: Hashable) -> bool:
        """Take a slot now if one is free for `key` and nobody who could take it waits before."""
        if any(self._fits(w.key) for w in self._waiters) or not self._fits(key):
            return False
        self.held[key] += 1
        return True

    async def acquire(self, key: Hashable) -> None:
        """Wait for a slot: first come, first served among the waiters that may take one."""
        if self.try_acquire(key):
            return
        waiter = _Waiter(key)
        self._waiters.append(waiter)
        try:
            await waiter.future
        except asyncio.CancelledError:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
            elif waiter.future.done() and not waiter.future.cancelled():
                self.release(key)  # granted just as it was cancelled: give the slot on
            raise

    def release(self, key: Hashable) -> None:
        self.held[key] -= 1
        if self.held[key] <= 0:
            del self.held[key]
        for waiter in list(self._waiters):
            if self._fits(waiter.key):
                self._waiters.remove(waiter)
                self.held[waiter.key] += 1
                waiter.future.set_result(None)

    @contextlib.asynccontextmanager
    async def slot(self, key: Hashable) -> AsyncIterator[None]:
        await self.acquire(key)
        try:
            yield
        finally:
            self.release(key)


class Lanes:
    """The lanes of one process: `parse` (fair between companies) and `decide`."""

    def __init__(self, parse_slots: int = 2, decision_slots: int = 2) -> None:
        # With one parse slot there is nothing to share: the company simply waits its turn.
        self.parse = Lane(parse_slots, per_key=max(1, parse_slots - 1))
        self.decide = Lane(decision_slots)

    @classmethod
    def from_settings(cls, settings: Settings | None) -> Lanes:
        settings = settings or Settings()
        return cls(settings.job_parse_slots, settings.job_decision_slots)

    @property
    def capacity(self) -> int:
        return self.parse.slots + self.decide.slots

    def of(self, kind: str) -> Lane:
        return self.parse if kind in PARSE_KINDS else self.decide
