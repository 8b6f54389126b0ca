"""Journals, accounts and third parties met while staging: looked up, or created and remembered as
created by the batch (a rejected batch keeps them: they may already be in use)."""

from __future__ import annotations

from typing import TypeVar

from ecluse.ledger.models import Account, Journal, ThirdParty

M = TypeVar("M", Journal, Account, ThirdParty)


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

    async def create(
        self, journals: dict[str, str], accounts: dict[str, str], parties: dict[str, tuple[str, str]]
    ) -> None:
        """Create those the company does not have yet, and learn their ids."""
        journals = {k: v for k, v in journals.items() if k not in self.journals}
        accounts = {k: v for k, v in accounts.items() if k not in self.accounts}
        parties = {k: v for k, v in parties.items() if k not in self.third_parties}
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
