"""A live event's selection set run once per document, variables and permission scope, not once per subscriber.

A thousand consoles subscribed to the same company receive one event object (events.py) and, through
ParserCache, hold the same few documents: the first subscriber of each (document, variables, role in the
company, partner key) runs the selection set; the others reuse its result. Only an event whose payload
offers a `shared` memo (SharedResults: the ImportBatch an importBatchChanged event yields) is shared;
everything else executes as usual.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext


@dataclass(slots=True)
class SharedResults:
    """The results of one event's selection sets in this process, for the company the event is about."""

    company_id: int
    results: dict[Any, Any] = field(default_factory=dict)


class SharedEventExecution(StrawberryGraphQLCoreExecutionContext):
    def execute_operation(self, serially: bool | None = None) -> Any:
        shared = getattr(self.root_value, "shared", None)
        if not isinstance(shared, SharedResults):
            return super().execute_operation(serially)
        memo = shared.results
        key = self._share_key(shared.company_id)
        if key is None:
            return super().execute_operation(serially)
        found = memo.get(key)
        if found is None:
            result = super().execute_operation(serially)
            if not self.is_awaitable(result):
                memo[key] = result
                return result
            found = memo[key] = asyncio.ensure_future(result)
        if isinstance(found, asyncio.Future):
            return asyncio.shield(found)  # one subscriber leaving never cancels the others' result
        return found

    def _share_key(self, company: int) -> tuple[Any, ...] | None:
        """(document, operation, variables, role in the batch's company, partner key), or None when the
        document has no source text to tell it by."""
        loc = self.operation.loc
        who = getattr(self.context_value, "principal", None)
        if loc is None or who is None:
            return None
        return (
            loc.source.body,
            loc.start,
            _variables_key(self.variable_values.coerced),
            who.role_in(company),
            who.api_key_id,
        )


def _variables_key(variables: Mapping[str, Any]) -> Any:
    """The variables as a dictionary key: their items when every value is hashable (a subscription's ids,
    the common case: no encoding per subscriber and event), else their JSON text."""
    try:
        return frozenset(variables.items())
    except TypeError:  # a list or an input object among them
        return json.dumps(variables, sort_keys=True, default=str)
