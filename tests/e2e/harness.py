"""A live `ecluse serve` with the demo firm, and Debian's Chromium: shared by the e2e tests and the
measurement script (tests/e2e/measure_live.py). No pytest here."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.processes import Server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
BUILD = ROOT / "backend" / "ecluse" / "web" / "static" / "index.html"
#: Ignored by git (.gitignore): a run leaves the working tree clean; open them after a run to review.
SCREENSHOTS = Path(__file__).resolve().parent / ".artifacts" / "screenshots"
PASSWORD = "demo"
EMAILS = {
    "admin": "admin@demo.ecluse.fr",
    "collaborator": "collab@demo.ecluse.fr",
    "client": "client@demo.ecluse.fr",
    "viewer": "viewer@demo.ecluse.fr",
}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

BATCH = """
id status progress fileName partner origin entryCount lineCount totalDebit totalCredit errorCount
rejectedEntryCount updatedAt
"""
UPLOAD = f"""
mutation($companyId: ID!, $file: Upload!) {{
  uploadImport(companyId: $companyId, file: $file, format: FEC) {{ batch {{ {BATCH} }} errors {{ code message }} }}
}}
"""


def missing_prerequisite() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    if not BUILD.exists():
        return f"the web app is not built ({BUILD} is missing): run scripts/frontend"
    return None


class Live:
    """The running server, with a GraphQL client that logs in with a bearer token."""

    def __init__(self, server: Server, root: Path) -> None:
        self.server = server
        self.root = root
        self.url = f"http://127.0.0.1:{server.port}"
        self._tokens: dict[str, str] = {}

    def token(self, role: str = "admin") -> str:
        if role not in self._tokens:
            body = self.server.gql(
                "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }",
                {"e": EMAILS[role], "p": PASSWORD},
            )
            self._tokens[role] = body["login"]["token"]
        return self._tokens[role]

    def gql(self, query: str, variables: dict[str, Any] | None = None, role: str = "admin") -> dict[str, Any]:
        return self.server.gql(query, variables, token=self.token(role))

    def company_id(self, index: int = 0) -> str:
        companies = self.gql("{ companies { id name } }")["companies"]
        # The demo's first company (the one with imports) is the one created first: lowest id.
        return str(sorted(companies, key=lambda c: int(c["id"]))[index]["id"])

    def company_name(self, index: int = 0) -> str:
        companies = self.gql("{ companies { id name } }")["companies"]
        return str(sorted(companies, key=lambda c: int(c["id"]))[index]["name"])

    def upload(
        self, company_id: str, name: str, data: bytes, *, role: str = "admin", api_key: str | None = None
    ) -> dict[str, Any]:
        """Upload as a user (bearer) or as a partner application (X-Api-Key)."""
        import json

        headers = {"X-Api-Key": api_key} if api_key else {"Authorization": f"Bearer {self.token(role)}"}
        response = self.server.http.post(
            "/graphql",
            data={
                "operations": json.dumps(
                    {"query": UPLOAD, "variables": {"companyId": company_id, "file": None}}
                ),
                "map": json.dumps({"0": ["variables.file"]}),
            },
            files={"0": (name, data, "text/plain")},
            headers=headers,
        )
        body = response.json()
        assert "errors" not in body, body
        payload = body["data"]["uploadImport"]
        assert not payload["errors"], payload
        return dict(payload["batch"])

    def batch(self, batch_id: str) -> dict[str, Any]:
        return dict(
            self.gql(f"query($id: ID!) {{ importBatch(id: $id) {{ {BATCH} }} }}", {"id": batch_id})[
                "importBatch"
            ]
        )

    def wait_status(self, batch_id: str, statuses: set[str], timeout: float = 120) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            batch = self.batch(batch_id)
            if batch["status"] in statuses:
                return batch
            if time.monotonic() > deadline:
                raise AssertionError(f"batch {batch_id} stayed {batch['status']}")
            time.sleep(0.1)

    def reject(self, batch_id: str, role: str = "admin") -> dict[str, Any]:
        body = self.gql(
            "mutation($id: ID!) { rejectImport(id: $id) { batch { id status } errors { code message } } }",
            {"id": batch_id},
            role,
        )
        return dict(body["rejectImport"])

    def api_key(self, company_id: str) -> str:
        body = self.gql(
            'mutation($c: ID!) { createApiKey(companyId: $c, name: "Partenaire e2e") { key errors { code } } }',
            {"c": company_id},
        )
        return str(body["createApiKey"]["key"])


@contextlib.contextmanager
def live_server(root: Path | None = None) -> Iterator[Live]:
    """A fresh SQLite database with the demo firm, served by `ecluse serve` on a free port."""
    with contextlib.ExitStack() as stack:
        if root is None:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ecluse-e2e-")))
        env = {
            "ECLUSE_DATABASE_URL": f"sqlite://{root / 'db.sqlite3'}",
            "ECLUSE_STORAGE_DIR": str(root / "files"),
            "ECLUSE_SECRET_KEY": "e2e",
        }
        env["ECLUSE_REDIS_URL"] = ""  # empty: in-process jobs and events
        log = root / "server.log"
        subprocess.run(
            [sys.executable, "-m", "ecluse", "demo"],
            env={**os.environ, **env},
            check=True,
            capture_output=True,
            timeout=120,
        )
        server = Server(env, log)
        try:
            server.start()
            yield Live(server, root)
        finally:
            server.close()


def launch_browser(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


def screenshot(page: Any, name: str) -> Path:
    """For reviewers, after a run: tests/e2e/.artifacts/screenshots/<name>.png (not committed)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def fec_file(entries: int, seed: int, *, unbalanced: int = 0, year: int | None = None) -> bytes:
    """A FEC file from the demo's generator (3 lines per entry), dated in an open fiscal year."""
    from datetime import date

    from ecluse.demo import demo_fec

    return demo_fec(entries, year or date.today().year, seed, unbalanced=unbalanced)


def fec_totals(data: bytes) -> tuple[Decimal, Decimal]:
    debit = credit = Decimal(0)
    for line in data.decode("utf-8").splitlines()[1:]:
        cells = line.split("\t")
        debit += Decimal(cells[11].replace(",", "."))
        credit += Decimal(cells[12].replace(",", "."))
    return debit, credit


def fr_amount(value: Decimal) -> str:
    """1138.5 → "1 138,50" with a narrow no-break space, as the web app shows it in French."""
    text = f"{value:,.2f}"
    return text.replace(",", "\u202f").replace(".", ",")
