"""The command line: import a file, and the demo firm."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ecluse.demo import demo_fec
from tests.support import Api


def _ecluse(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ecluse", *args],
        env={**os.environ, "ECLUSE_LANG": "en", **env},  # English unless a test asks for French
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_cli_import_stages_the_file(api: Api, firm: dict, env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "123456782FEC20251231.txt"
    path.write_bytes(demo_fec(8, 2025, seed=21))
    result = _ecluse(env, "import", "--company", "123456782", "--format", "FEC", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "status PENDING_VALIDATION: 8 entries staged, 0 rejected" in result.stdout
    token = firm["tokens"]["admin"]
    nodes = api.gql(
        "query($c: ID!) { importBatches(companyId: $c) { nodes { fileName origin partner status entryCount } } }",
        {"c": firm["company"]},
        token=token,
    )["importBatches"]["nodes"]
    assert nodes == [
        {
            "fileName": path.name,
            "origin": "CLI",
            "partner": "CLI",
            "status": "PENDING_VALIDATION",
            "entryCount": 8,
        }
    ]


def test_cli_import_reports_errors_with_line_and_field(
    api: Api, firm: dict, env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(demo_fec(4, 2025, seed=2, unbalanced=1))
    result = _ecluse(env, "import", "--company", firm["company"], str(path))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "1 rejected" in result.stdout
    assert "line 2" in result.stdout and "UNBALANCED_ENTRY" in result.stdout


def test_cli_speaks_french_when_asked(api: Api, firm: dict, env: dict[str, str], tmp_path: Path) -> None:
    """ECLUSE_LANG=fr (or --lang fr, or a French locale): the command's words, counts and errors in French;
    the codes stay, for scripts."""
    path = tmp_path / "mauvais.txt"
    path.write_bytes(demo_fec(1204, 2025, seed=2, unbalanced=1))
    result = _ecluse({**env, "ECLUSE_LANG": "fr"}, "import", "--company", firm["company"], str(path))
    assert result.returncode == 2, result.stdout + result.stderr
    said = result.stdout.replace("\u202f", " ")
    assert "mauvais.txt reçu : import " in said
    assert "Terminé avec erreur : 1 203 écritures en attente, 1 rejetée, " in said, said
    assert "ligne 2 : Écriture déséquilibrée [UNBALANCED_ENTRY]" in said, said
    missing = _ecluse(env, "--lang", "fr", "import", "--company", "Nope", str(path))
    assert missing.returncode == 1
    assert "erreur : aucun dossier actif n'a l'id, le SIREN ou le code « Nope »" in missing.stderr


def test_cli_import_with_a_saved_layout(api: Api, firm: dict, env: dict[str, str], tmp_path: Path) -> None:
    token = firm["tokens"]["admin"]
    definition = {"columns": {"journal": 1, "date": 2, "account": 3, "debit": 4, "credit": 5}, "skipLines": 0}
    created = api.gql(
        """mutation($c: ID!, $d: JSON!) { createImportLayout(companyId: $c, name: "Caisse", definition: $d) {
            layout { id } errors { message } } }""",
        {"c": firm["company"], "d": definition},
        token=token,
    )["createImportLayout"]
    assert created["errors"] == []
    path = tmp_path / "caisse.csv"
    path.write_text("CA;02/03/2026;530000;12,50;\nCA;02/03/2026;707000;;12,50\n")
    missing = _ecluse(env, "import", "--company", "123456782", "--layout", "Nope", str(path))
    assert missing.returncode == 1 and "no layout 'Nope'" in missing.stderr
    result = _ecluse(env, "import", "--company", "123456782", "--layout", "Caisse", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "status PENDING_VALIDATION: 1 entry staged, 0 rejected" in result.stdout
    nodes = api.gql(
        "query($c: ID!) { importBatches(companyId: $c) { nodes { format layoutId totalDebit } } }",
        {"c": firm["company"]},
        token=token,
    )["importBatches"]["nodes"]
    assert nodes == [{"format": "CUSTOM", "layoutId": created["layout"]["id"], "totalDebit": "12.50"}]


def test_cli_import_unknown_company(env: dict[str, str], tmp_path: Path, client: object) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(demo_fec(1, 2025, seed=2))
    result = _ecluse(env, "import", "--company", "999999999", str(path))
    assert result.returncode == 1
    assert "no active company" in result.stderr


def test_demo_creates_a_firm_with_pending_imports(tmp_path: Path) -> None:
    env = {
        "ECLUSE_DATABASE_URL": f"sqlite://{tmp_path / 'demo.sqlite3'}",
        "ECLUSE_STORAGE_DIR": str(tmp_path / "files"),
        "ECLUSE_REDIS_URL": "",
    }
    first = _ecluse(env, "demo")
    assert first.returncode == 0, first.stderr
    for email in (
        "admin@demo.ecluse.fr",
        "collab@demo.ecluse.fr",
        "client@demo.ecluse.fr",
        "viewer@demo.ecluse.fr",
    ):
        assert email in first.stdout
    again = _ecluse(env, "demo")  # idempotent: nothing created twice
    assert again.returncode == 0 and again.stdout == first.stdout
    check = subprocess.run(
        [sys.executable, "-c", _COUNT], env={**os.environ, **env}, capture_output=True, text=True, timeout=60
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.split() == ["2", "3", "PENDING_VALIDATION,PENDING_VALIDATION,FINISHED_WITH_ERROR"]


_COUNT = """
import asyncio
from ecluse.db.init import orm_open
from ecluse.settings import get_settings
from ecluse.ledger.models import Company
from ecluse.imports.models import ImportBatch

async def main():
    async with orm_open(get_settings()):
        batches = await ImportBatch.all().order_by("id")
        print(await Company.all().count(), len(batches), ",".join(b.status for b in batches))

asyncio.run(main())
"""
