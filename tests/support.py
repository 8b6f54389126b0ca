"""Helpers for tests that go through the public interfaces (GraphQL over HTTP and WebSocket)."""

from __future__ import annotations

import json
import time
from datetime import date
from typing import Any

from starlette.testclient import TestClient

PASSWORD = "s3cret-pass"
ROLES = ("viewer", "client", "collaborator", "admin")

BATCH_FIELDS = """
id status progress partner fileName format origin entryCount lineCount stagedLineCount refusedLineCount
rejectedEntryCount errorCount
findingCount totalDebit totalCredit currency errorSummary errorCodes { code count } firstMovement lastMovement siren
closingDate
duplicateOfId jobId referencePeriod { name } file { name size sha256 encoding downloadUrl }
"""

UPLOAD = f"""
mutation($companyId: ID!, $file: Upload!, $format: ImportFormat!, $key: String) {{
  uploadImport(companyId: $companyId, file: $file, format: $format, idempotencyKey: $key) {{
    batch {{ {BATCH_FIELDS} }} jobId errors {{ code message field params }}
  }}
}}
"""


async def seed_firm() -> dict[str, Any]:
    from ecluse.auth.models import Membership, User
    from ecluse.auth.secrets import hash_password
    from ecluse.ledger.models import Company, FiscalYear

    first = await Company.create(name="Boulangerie Martin", siren="123456782", currency="EUR")
    second = await Company.create(name="Atelier Durand", siren="987654324", currency="EUR")
    for company in (first, second):
        for year in (2024, 2025, 2026):
            await FiscalYear.create(
                company=company,
                name=f"Exercice {year}",
                start_date=date(year, 1, 1),
                end_date=date(year, 12, 31),
            )
    hashed = hash_password(PASSWORD)
    emails = {}
    for role in ROLES:
        user = await User.create(email=f"{role}@firm.test", name=role.title(), password_hash=hashed)
        await Membership.create(user=user, company_id=first.id, role=role)
        emails[role] = user.email
    other = await User.create(email="other-admin@firm.test", name="Other", password_hash=hashed)
    await Membership.create(user=other, company_id=second.id, role="admin")
    emails["other"] = other.email
    # The firm's administrator: no role in any company, the flag alone.
    firm = await User.create(
        email="firm-admin@firm.test", name="Firm", password_hash=hashed, is_firm_admin=True
    )
    emails["firm"] = firm.email
    return {"company": str(first.id), "other_company": str(second.id), "emails": emails}


class Api:
    def __init__(self, client: TestClient) -> None:
        self.client = client

    @staticmethod
    def headers(token: str | None = None, api_key: str | None = None) -> dict[str, str]:
        if api_key:
            return {"X-Api-Key": api_key}
        return {"Authorization": f"Bearer {token}"} if token else {}

    def post(self, **kwargs: Any) -> Any:
        """POST /graphql as a non-browser client: credentials in headers, no cookie jar."""
        self.client.cookies.clear()
        return self.client.post("/graphql", **kwargs)

    def raw(
        self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None,
        api_key: str | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        response = self.post(
            json={"query": query, "variables": variables or {}},
            headers=self.headers(token, api_key),
        )
        assert response.status_code == 200, response.text
        return dict(response.json())

    def gql(self, query: str, variables: dict[str, Any] | None = None, **auth: Any) -> dict[str, Any]:
        body = self.raw(query, variables, **auth)
        assert "errors" not in body, body["errors"]
        return dict(body["data"])

    def login(self, email: str, password: str = PASSWORD) -> str:
        data = self.gql(
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }",
            {"e": email, "p": password},
        )
        assert data["login"]["errors"] == [], data
        return str(data["login"]["token"])

    def upload_raw(
        self, company_id: str, name: str, content: bytes, *, token: str | None = None, api_key: str | None = None,
        fmt: str = "FEC", key: str | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        operations = {
            "query": UPLOAD,
            "variables": {"companyId": company_id, "file": None, "format": fmt, "key": key},
        }
        response = self.post(
            data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
            files={"0": (name, content, "text/plain")},
            headers=self.headers(token, api_key),
        )
        assert response.status_code == 200, response.text
        return dict(response.json())

    def upload(self, company_id: str, name: str, content: bytes, **kw: Any) -> dict[str, Any]:
        body = self.upload_raw(company_id, name, content, **kw)
        assert "errors" not in body, body
        payload = body["data"]["uploadImport"]
        return dict(payload)

    def batch(self, batch_id: str, **auth: Any) -> dict[str, Any]:
        data = self.gql(
            f"query($id: ID!) {{ importBatch(id: $id) {{ {BATCH_FIELDS} }} }}", {"id": batch_id}, **auth
        )
        return dict(data["importBatch"])

    def wait_batch(
        self, batch_id: str, statuses: set[str], timeout: float = 60, **auth: Any
    ) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            batch = self.batch(batch_id, **auth)
            if batch["status"] in statuses:
                return batch
            assert time.monotonic() < deadline, f"batch {batch_id} stuck in {batch['status']}"
            time.sleep(0.05)
