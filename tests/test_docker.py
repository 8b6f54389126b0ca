"""The Docker image, checked by reading it (this machine has no Docker engine): its web stage builds the web
app where Vite writes it, the build stage takes that folder into the package, and the package data includes
every file of it, so that `/` of the image serves the console and not a placeholder."""

from __future__ import annotations

import re
import tomllib
from pathlib import PurePosixPath

from tests.test_codes import ROOT

DOCKERFILE = (ROOT / "docker" / "Dockerfile").read_text(encoding="utf-8")


def _stages() -> dict[str, str]:
    """Each stage's instructions by its name (the last one, unnamed, as "runtime"), comments left out."""
    lines = [ln for ln in DOCKERFILE.splitlines() if not ln.lstrip().startswith("#")]
    stages: dict[str, str] = {}
    name = None
    for line in lines:
        found = re.match(r"FROM\s+\S+(?:\s+AS\s+(\S+))?", line, re.IGNORECASE)
        if found:
            name = found.group(1) or "runtime"
            stages[name] = ""
        elif name is not None:
            stages[name] += line + "\n"
    return stages


def test_the_web_stage_builds_where_vite_writes_and_the_package_takes_it() -> None:
    stages = _stages()
    assert {"web", "build", "runtime"} <= set(stages)
    web = stages["web"]
    workdir = PurePosixPath(re.findall(r"^WORKDIR\s+(\S+)", web, re.MULTILINE)[-1])
    assert re.search(r"^RUN npm ci\b", web, re.MULTILINE) and re.search(r"npm run build", web)
    vite = (ROOT / "frontend" / "vite.config.ts").read_text(encoding="utf-8")
    out_dir = re.search(r'outDir:\s*"([^"]+)"', vite)
    assert out_dir is not None
    # Where the web stage's build lands: vite's outDir, from the stage's working directory.
    built = PurePosixPath(*_normal(workdir / out_dir.group(1)))
    copied = re.search(r"^COPY --from=web\s+(\S+)\s+(\S+)", stages["build"], re.MULTILINE)
    assert copied is not None, "the build stage must take the web app from the web stage"
    assert PurePosixPath(copied.group(1).rstrip("/")) == built
    build_dir = PurePosixPath(re.findall(r"^WORKDIR\s+(\S+)", stages["build"], re.MULTILINE)[-1])
    target = PurePosixPath(*_normal(build_dir / copied.group(2).rstrip("/")))
    assert target == build_dir / "backend" / "ecluse" / "web" / "static"
    # …before the package is installed, with the whole folder (index.html and assets/) as package data.
    assert stages["build"].index("COPY --from=web") < stages["build"].index("pip install .")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "web/static/**/*" in pyproject["tool"]["setuptools"]["package-data"]["ecluse"]
    assert "COPY --from=build /opt/venv /opt/venv" in stages["runtime"]


def _normal(path: PurePosixPath) -> list[str]:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return parts
