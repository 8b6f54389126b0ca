"""The GraphQL schema: each domain's queries, mutations and subscriptions merged into one."""

from __future__ import annotations

import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from ecluse.api.core import CoreMutation, CoreQuery, CoreSubscription
from ecluse.api.imports import ImportMutation, ImportQuery, ImportSubscription
from ecluse.api.ledger import LedgerQuery
from ecluse.api.scalars import MONEY_SCALAR, Money

Query = merge_types("Query", (CoreQuery, ImportQuery, LedgerQuery))
Mutation = merge_types("Mutation", (CoreMutation, ImportMutation))
Subscription = merge_types("Subscription", (CoreSubscription, ImportSubscription))

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    config=StrawberryConfig(scalar_map={Money: MONEY_SCALAR}),
)


def sdl() -> str:
    return schema.as_str() + "\n"
