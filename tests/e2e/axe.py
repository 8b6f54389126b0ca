"""axe-core (the web app's devDependency) run in a page: the serious and critical accessibility violations
of what it shows, and a message that says which rule failed where."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.e2e.harness import ROOT

AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def require_axe() -> None:
    """Skip when axe-core is not installed (npm ci in frontend/ installs it); under CI=true, fail."""
    if AXE.exists():
        return
    reason = f"{AXE} is missing: run scripts/frontend (npm ci installs axe-core)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def violations(page: Any) -> list[dict[str, Any]]:
    """The serious and critical violations on the page as it is now, from axe-core's default rules."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated rather than added as a <script>: the app's Content-Security-Policy allows no inline
        # script, and the evaluation of a test tool is not subject to it.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = page.evaluate(
        "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
    )
    return [v for v in found if v.get("impact") in BLOCKING]


def describe(found: list[dict[str, Any]]) -> str:
    """Each violation: rule, impact, what it asks for, then each failing node's selector and axe's summary."""
    lines: list[str] = []
    for violation in found:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " ".join(
                " >> ".join(part) if isinstance(part, list) else part for part in node["target"]
            )
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


def assert_accessible(page: Any, screen: str) -> None:
    found = violations(page)
    assert not found, f"{screen}: {len(found)} serious or critical axe-core violations\n{describe(found)}"
