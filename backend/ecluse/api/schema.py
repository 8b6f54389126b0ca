"""The GraphQL schema: each domain's queries, mutations and subscriptions merged into one."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from ecluse.api.admin import AdminMutation, AdminQuery
from ecluse.api.books import BooksQuery
from ecluse.api.core import CoreMutation, CoreQuery, CoreSubscription
from ecluse.api.exports import ExportQuery
from ecluse.api.imports import ImportMutation, ImportQuery, ImportSubscription
from ecluse.api.layouts import LayoutMutation, LayoutQuery
from ecluse.api.ledger import LedgerMutation, LedgerQuery
from ecluse.api.limits import LimitedValidationCache, RequestLimits
from ecluse.api.masking import ErrorMasking
from ecluse.api.people import PeopleMutation, PeopleQuery
from ecluse.api.scalars import MONEY_SCALAR, Money
from ecluse.api.shared_events import SharedEventExecution

Query = merge_types(
    "Query",
    (CoreQuery, AdminQuery, PeopleQuery, ImportQuery, LedgerQuery, BooksQuery, ExportQuery, LayoutQuery),
)
Mutation = merge_types(
    "Mutation", (CoreMutation, AdminMutation, PeopleMutation, ImportMutation, LayoutMutation, LedgerMutation)
)
Subscription = merge_types("Subscription", (CoreSubscription, ImportSubscription))


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Refusals the client caused are answers, not incidents; an unexpected exception is logged once, with
        # the reference its client sees, when ErrorMasking replaces it (api/masking.py).
        return None


schema = Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    config=StrawberryConfig(scalar_map={Money: MONEY_SCALAR}),
    execution_context_class=SharedEventExecution,
    # Limits first (size, nesting and tokens before the parse, the rest before validation: api/limits.py);
    # clients send the same few documents again and again, so each is parsed (through ParserCache, inside
    # RequestLimits) and validated once; errors leave without internal text or unbounded values.
    extensions=[
        lambda: RequestLimits(parser_cache_size=512),
        lambda: LimitedValidationCache(maxsize=512),
        ErrorMasking,
    ],
)


def sdl() -> str:
    return schema.as_str() + "\n"
