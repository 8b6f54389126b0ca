"""Journals, accounts and third parties met while staging: looked up, or created and remembered as
created by the batch (a rejected batch keeps them: they may already be in use)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import TypeVar

from ecluse.formats.records import Entry
from ecluse.ledger.models import Account, Journal, ThirdParty

M = TypeVar("M", Journal, Account, ThirdParty)


def third_party_kind(account_number: str) -> str:
    # French chart of accounts: 401 suppliers, 411 customers.
    if account_number.startswith("401") or account_number.startswith("403"):
        return "supplier"
    if account_number.startswith("411") or account_number.startswith("413"):
        return "customer"
    return "other"


class MasterData:
    def __init__(self, company_id: int, batch_id: int) -> None:
        self.company_id = company_id
        self.batch_id = batch_id
        self.journals: dict[str, int] = {}
        self.accounts: dict[str, int] = {}
        self.third_parties: dict[str, int] = {}

    async def load(self) -> None:
        cid = self.company_id
        self.journals = dict(await Journal.filter(company_id=cid).values_list("code", "id"))
        self.accounts = dict(await Account.filter(company_id=cid).values_list("number", "id"))
        self.third_parties = dict(await ThirdParty.filter(company_id=cid).values_list("code", "id"))

    async def ensure(self, entries: Iterable[Entry]) -> None:
        """Create whatever these entries name that the company does not have yet."""
        # Scanning tens of thousands of lines is CPU work: off the event loop.
        await self.create(*await asyncio.to_thread(self.missing, entries))

    def missing(
        self, entries: Iterable[Entry]
    ) -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, str]]]:
        """Journals, accounts and third parties named by the entries and unknown to the company."""
        journals: dict[str, str] = {}
        accounts: dict[str, str] = {}
        parties: dict[str, tuple[str, str]] = {}
        for entry in entries:
            if entry.journal_code not in self.journals:
                journals.setdefault(entry.journal_code, entry.journal_label)
            for line in entry.lines:
                if line.account_number not in self.accounts:
                    accounts.setdefault(line.account_number, line.account_label)
                if line.aux_number and line.aux_number not in self.third_parties:
                    parties.setdefault(
                        line.aux_number, (line.aux_label, third_party_kind(line.account_number))
                    )
        return journals, accounts, parties

    async def create(
        self, journals: dict[str, str], accounts: dict[str, str], parties: dict[str, tuple[str, str]]
    ) -> None:
        cid, bid = self.company_id, self.batch_id
        new_journals = [
            Journal(company_id=cid, code=c, label=lbl, created_by_batch_id=bid) for c, lbl in journals.items()
        ]
        new_accounts = [
            Account(company_id=cid, number=n, label=lbl, created_by_batch_id=bid)
            for n, lbl in accounts.items()
        ]
        new_parties = [
            ThirdParty(company_id=cid, code=c, name=name, kind=kind, created_by_batch_id=bid)
            for c, (name, kind) in parties.items()
        ]
        self.journals.update(await _insert(Journal, "code", new_journals, cid))
        self.accounts.update(await _insert(Account, "number", new_accounts, cid))
        self.third_parties.update(await _insert(ThirdParty, "code", new_parties, cid))


async def _insert(model: type[M], key: str, rows: list[M], company_id: int) -> dict[str, int]:
    """Insert (another batch may have created some meanwhile: conflicts ignored), then read their ids."""
    if not rows:
        return {}
    await model.bulk_create(rows, ignore_conflicts=True)
    keys = [getattr(row, key) for row in rows]
    found = await model.filter(company_id=company_id, **{f"{key}__in": keys}).values_list(key, "id")
    return {str(k): int(v) for k, v in found}
