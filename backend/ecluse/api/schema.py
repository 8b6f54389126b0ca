"""The GraphQL schema: each domain's queries, mutations and subscriptions merged into one."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from ecluse.api.core import CoreMutation, CoreQuery, CoreSubscription
from ecluse.api.exports import ExportQuery
from ecluse.api.imports import ImportMutation, ImportQuery, ImportSubscription
from ecluse.api.layouts import LayoutMutation, LayoutQuery
from ecluse.api.ledger import LedgerQuery
from ecluse.api.scalars import MONEY_SCALAR, Money

Query = merge_types("Query", (CoreQuery, ImportQuery, LedgerQuery, ExportQuery, LayoutQuery))
Mutation = merge_types("Mutation", (CoreMutation, ImportMutation, LayoutMutation))
Subscription = merge_types("Subscription", (CoreSubscription, ImportSubscription))

EXPECTED = frozenset({"UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT"})


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Refusals the client caused are answers, not incidents: log only the unexpected ones.
        unexpected = [e for e in errors if (e.extensions or {}).get("code") not in EXPECTED]
        if unexpected:
            super().process_errors(unexpected, execution_context)


schema = Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    config=StrawberryConfig(scalar_map={Money: MONEY_SCALAR}),
    # Clients send the same few documents again and again: parse and validate each once.
    extensions=[lambda: ParserCache(maxsize=512), lambda: ValidationCache(maxsize=512)],
)


def sdl() -> str:
    return schema.as_str() + "\n"
