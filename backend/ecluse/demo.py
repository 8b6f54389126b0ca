"""The demo firm: a user per role, two companies with fiscal years, and imports waiting for a decision."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import date, timedelta

from ecluse.auth.models import User
from ecluse.auth.people import set_membership
from ecluse.auth.roles import Role
from ecluse.auth.secrets import hash_password
from ecluse.db.init import orm_open, run_migrations
from ecluse.events import LocalEventBus
from ecluse.imports.receive import receive_file
from ecluse.imports.statuses import ImportFormat, Origin
from ecluse.jobs.queue import InProcessQueue
from ecluse.ledger.company_changes import CompanyFields, create_company
from ecluse.ledger.fiscal_years import YearRequest, open_fiscal_year
from ecluse.money import format_amount
from ecluse.settings import Settings
from ecluse.storage import FileStore

PASSWORD = "demo"
USERS = [
    ("admin@demo.ecluse.fr", "Alice Admin", Role.ADMIN),
    ("collab@demo.ecluse.fr", "Claire Collaboratrice", Role.COLLABORATOR),
    ("client@demo.ecluse.fr", "Cédric Client", Role.CLIENT),
    ("viewer@demo.ecluse.fr", "Victor Viewer", Role.VIEWER),
]
HEADER = (
    "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\t"
    "PieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise"
)


def demo_fec(entries: int, year: int, seed: int, *, unbalanced: int = 0) -> bytes:
    """A small, realistic FEC file: sales and purchase invoices with VAT. `unbalanced` spoils some entries."""
    rng = random.Random(seed)
    lines = [HEADER]
    start = date(year, 1, 1)
    # Entries numbered in date order, as a real FEC is (a finding otherwise).
    days = sorted(rng.randrange(360) for _ in range(entries))
    for n in range(1, entries + 1):
        day = (start + timedelta(days=days[n - 1])).strftime("%Y%m%d")
        net = rng.randrange(1_000, 500_000)
        vat = net * 20 // 100
        spoil = 100 if n <= unbalanced else 0
        if n % 2:
            journal, jlib, num = "VT", "Ventes", f"VT{n:05d}"
            aux, aux_name = f"C{rng.randrange(1, 30):04d}", "Client"
            rows = [
                ("411000", "Clients", aux, aux_name, net + vat, 0),
                ("706000", "Prestations de services", "", "", 0, net + spoil),
                ("445710", "TVA collectée", "", "", 0, vat),
            ]
        else:
            journal, jlib, num = "AC", "Achats", f"AC{n:05d}"
            aux, aux_name = f"F{rng.randrange(1, 30):04d}", "Fournisseur"
            rows = [
                ("606300", "Fournitures", "", "", net + spoil, 0),
                ("445660", "TVA déductible", "", "", vat, 0),
                ("401000", "Fournisseurs", aux, aux_name, 0, net + vat),
            ]
        for account, label, aux_num, aux_lib, debit, credit in rows:
            lines.append(
                "\t".join([
                    journal, jlib, num, day, account, label, aux_num, aux_lib, f"F{n}", day, f"Facture {n}",
                    format_amount(debit), format_amount(credit), "", "", day, "", "",
                ])
            )  # fmt: skip
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def create_demo(settings: Settings) -> list[tuple[str, str]]:
    await run_migrations(settings)
    async with orm_open(settings):
        logins = [(email, role.value) for email, _, role in USERS]
        if await User.exists(email=USERS[0][0]):
            return logins
        today = date.today()
        companies = [
            await create_company(CompanyFields("Boulangerie Martin SARL", "123456782", "BMARTIN"), None),
            await create_company(CompanyFields("Atelier Durand SAS", "987654324", "ADURAND"), None),
        ]
        for company in companies:
            for year in (today.year - 1, today.year):
                await open_fiscal_year(YearRequest(company.id, date(year, 1, 1)), None)
        password = hash_password(PASSWORD)
        for email, name, role in USERS:
            # The admin is also the firm's administrator: creates companies and users, grants any role.
            firm_admin = role is Role.ADMIN
            # The demo's short password is set directly: the rule (auth/passwords.py) is for real accounts.
            user = await User.create(email=email, name=name, password_hash=password, is_firm_admin=firm_admin)
            for company in companies:
                await set_membership(company.id, user, role, None)
        bus = LocalEventBus()
        store = FileStore(settings.storage_dir)
        jobs = InProcessQueue({"bus": bus, "store": store, "settings": settings})
        first = companies[0]
        files = [
            (f"{first.siren}FEC{today.year - 1}1231.txt", demo_fec(40, today.year - 1, 1)),
            ("partner_ventes_mai.txt", demo_fec(12, today.year, 2)),
            ("export_compta_errors.txt", demo_fec(10, today.year, 3, unbalanced=2)),
        ]
        for name, data in files:
            await receive_file(
                company_id=first.id, principal=None, filename=name, chunks=_chunks(data), fmt=ImportFormat.FEC,
                origin=Origin.CLI, store=store, jobs=jobs, bus=bus, max_bytes=settings.max_upload_bytes,
            )  # fmt: skip
        await jobs.drain()
        return logins
