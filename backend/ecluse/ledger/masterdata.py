"""Journals, accounts, third parties and analytic sections met while staging: looked up, or created and
remembered as created by the batch (a rejected batch keeps them: they may already be in use). Master data
a file declares (TRA parameter records, JSON lists) also fills in what the company's records leave blank
(an empty label, an unknown journal kind), never overwriting what someone set."""

from __future__ import annotations

from typing import TypeVar

from ecluse.ledger.models import Account, AnalyticSection, Journal, ThirdParty

M = TypeVar("M", Journal, Account, ThirdParty, AnalyticSection)


class MasterData:
    def __init__(self, company_id: int, batch_id: int) -> None:
        self.company_id = company_id
        self.batch_id = batch_id
        self.journals: dict[str, int] = {}
        self.accounts: dict[str, int] = {}
        self.third_parties: dict[str, int] = {}
        self.sections: dict[str, int] = {}

    async def load(self) -> None:
        cid = self.company_id
        self.journals = dict(await Journal.filter(company_id=cid).values_list("code", "id"))
        self.accounts = dict(await Account.filter(company_id=cid).values_list("number", "id"))
        self.third_parties = dict(await ThirdParty.filter(company_id=cid).values_list("code", "id"))
        self.sections = dict(await AnalyticSection.filter(company_id=cid).values_list("code", "id"))

    async def create(
        self,
        journals: dict[str, str],
        accounts: dict[str, str],
        parties: dict[str, tuple[str, str]],
        sections: dict[str, str] | None = None,
        journal_kinds: dict[str, str] | None = None,
    ) -> None:
        """Create those the company does not have yet, and learn their ids."""
        kinds = journal_kinds or {}
        journals = {k: v for k, v in journals.items() if k not in self.journals}
        accounts = {k: v for k, v in accounts.items() if k not in self.accounts}
        parties = {k: v for k, v in parties.items() if k not in self.third_parties}
        fresh_sections = {k: v for k, v in (sections or {}).items() if k not in self.sections}
        cid, bid = self.company_id, self.batch_id
        new_journals = [
            Journal(company_id=cid, code=c, label=lbl, kind=kinds.get(c, ""), created_by_batch_id=bid)
            for c, lbl in journals.items()
        ]
        new_accounts = [
            Account(company_id=cid, number=n, label=lbl, created_by_batch_id=bid)
            for n, lbl in accounts.items()
        ]
        new_parties = [
            ThirdParty(company_id=cid, code=c, name=name, kind=kind, created_by_batch_id=bid)
            for c, (name, kind) in parties.items()
        ]
        new_sections = [
            AnalyticSection(company_id=cid, code=c, label=lbl, created_by_batch_id=bid)
            for c, lbl in fresh_sections.items()
        ]
        self.journals.update(await _insert(Journal, "code", new_journals, cid))
        self.accounts.update(await _insert(Account, "number", new_accounts, cid))
        self.third_parties.update(await _insert(ThirdParty, "code", new_parties, cid))
        self.sections.update(await _insert(AnalyticSection, "code", new_sections, cid))

    async def declare(self, records: list[tuple[str, str, str, str]]) -> None:
        """(kind, code, label, nature) declared by the file: created when missing, else blanks filled."""
        journals = {c: lbl for k, c, lbl, _ in records if k == "journal"}
        kinds = {c: n for k, c, _, n in records if k == "journal" and n}
        accounts = {c: lbl for k, c, lbl, _ in records if k == "account"}
        parties = {c: (lbl, n or "other") for k, c, lbl, n in records if k == "third_party"}
        sections = {c: lbl for k, c, lbl, _ in records if k == "section"}
        known = (
            {c for c in journals if c in self.journals},
            {c for c in accounts if c in self.accounts},
            {c for c in parties if c in self.third_parties},
            {c for c in sections if c in self.sections},
        )
        await self.create(journals, accounts, parties, sections, kinds)
        cid = self.company_id
        # One query finds the blanks; only those are written (usually none).
        if known[0]:
            for code, label, kind in await Journal.filter(company_id=cid, code__in=known[0]).values_list(
                "code", "label", "kind"
            ):
                if (not label and journals[code]) or (not kind and code in kinds):
                    await Journal.filter(company_id=cid, code=code).update(
                        label=label or journals[code], kind=kind or kinds.get(code, "")
                    )
        if known[1]:
            for code in await Account.filter(company_id=cid, number__in=known[1], label="").values_list(
                "number", flat=True
            ):
                if accounts[str(code)]:
                    await Account.filter(company_id=cid, number=code).update(label=accounts[str(code)])
        if known[2]:
            for code, name, kind in await ThirdParty.filter(company_id=cid, code__in=known[2]).values_list(
                "code", "name", "kind"
            ):
                new_name, new_kind = parties[code]
                if (not name and new_name) or (kind == "other" and new_kind != "other"):
                    await ThirdParty.filter(company_id=cid, code=code).update(
                        name=name or new_name, kind=new_kind if kind == "other" else kind
                    )
        if known[3]:
            for code in await AnalyticSection.filter(company_id=cid, code__in=known[3], label="").values_list(
                "code", flat=True
            ):
                if sections[str(code)]:
                    await AnalyticSection.filter(company_id=cid, code=code).update(label=sections[str(code)])


async def _insert(model: type[M], key: str, rows: list[M], company_id: int) -> dict[str, int]:
    """Insert (another batch may have created some meanwhile: conflicts ignored), then read their ids."""
    if not rows:
        return {}
    await model.bulk_create(rows, ignore_conflicts=True)
    keys = [getattr(row, key) for row in rows]
    found = await model.filter(company_id=company_id, **{f"{key}__in": keys}).values_list(key, "id")
    return {str(k): int(v) for k, v in found}
