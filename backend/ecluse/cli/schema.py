"""`ecluse export-schema`: the GraphQL schema as SDL."""

from __future__ import annotations

import sys

from ecluse.cli import main


@main.command("export-schema")
def export_schema() -> None:
    """Print the GraphQL schema (SDL); schema.graphql at the top of the repository is this output."""
    from ecluse.api.schema import sdl

    sys.stdout.write(sdl())
