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
        env={**os.environ, **env},
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


def test_cli_import_unknown_company(env: dict[str, str], tmp_path: Path, client: object) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(demo_fec(1, 2025, seed=2))
    result = _ecluse(env, "import", "--company", "999999999", str(path))
    assert result.returncode == 1
    assert "no company" in result.stderr
