"""Journals, accounts and third parties met while staging: looked up, or created and remembered as
created by the batch (a rejected batch keeps them: they may already be in use)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from ecluse.formats.records import Entry
from ecluse.ledger.models import Account, Journal, ThirdParty


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
        if journals:
            await Journal.bulk_create(
                [
                    Journal(company_id=cid, code=c, label=lbl, created_by_batch_id=bid)
                    for c, lbl in journals.items()
                ],
                ignore_conflicts=True,
            )
            rows = await Journal.filter(company_id=cid, code__in=list(journals)).values_list("code", "id")
            self.journals.update(dict(rows))
        if accounts:
            await Account.bulk_create(
                [
                    Account(company_id=cid, number=n, label=lbl, created_by_batch_id=bid)
                    for n, lbl in accounts.items()
                ],
                ignore_conflicts=True,
            )
            rows = await Account.filter(company_id=cid, number__in=list(accounts)).values_list("number", "id")
            self.accounts.update(dict(rows))
        if parties:
            await ThirdParty.bulk_create(
                [
                    ThirdParty(company_id=cid, code=c, name=name, kind=kind, created_by_batch_id=bid)
                    for c, (name, kind) in parties.items()
                ],
                ignore_conflicts=True,
            )
            rows = await ThirdParty.filter(company_id=cid, code__in=list(parties)).values_list("code", "id")
            self.third_parties.update(dict(rows))
