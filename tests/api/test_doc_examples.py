"""Every GraphQL example of docs/api.md is valid against the schema: a renamed field or argument
fails here, not in a partner's first try."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import build_schema, parse, validate

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = build_schema((ROOT / "schema.graphql").read_text())


def _operations() -> list[tuple[str, str]]:
    found = []
    for doc in ("docs/api.md",):
        for block in re.findall(r"```graphql\n(.*?)```", (ROOT / doc).read_text(), re.S):
            # Comments explain; `{…}` stands for a layout definition the text describes.
            text = re.sub(r"#.*", "", block).replace("{…}", "{}")
            for definition in parse(text).definitions:
                found.append((doc, text[definition.loc.start : definition.loc.end]))  # type: ignore[union-attr]
    return found


def test_the_docs_have_examples() -> None:
    assert len(_operations()) >= 40


@pytest.mark.parametrize(
    ("doc", "operation"), _operations(), ids=lambda v: v[:60] if isinstance(v, str) else v
)
def test_each_example_is_valid(doc: str, operation: str) -> None:
    errors = validate(SCHEMA, parse(operation))
    # Examples written with variables show the operation, not its declaration line.
    assert [e.message for e in errors if "Variable" not in e.message] == [], (doc, operation)
