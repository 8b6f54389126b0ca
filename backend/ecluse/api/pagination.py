"""Keyset-paginated connections: the cursor is (sort value, id), never an OFFSET (a 1M-line batch pages
as fast at its end as at its start)."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Generic, TypeVar

import strawberry
from graphql import GraphQLError

T = TypeVar("T")

MAX_PAGE = 500


def encode_cursor(*values: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, default=str).encode()).decode()


#: Cursors are what encode_cursor made: short lists of scalars.
MAX_CURSOR = 512
_ID_MAX = 2**63 - 1


def invalid_cursor() -> GraphQLError:
    return GraphQLError("Invalid cursor.", extensions={"code": "BAD_USER_INPUT"})


def decode_cursor(cursor: str | None) -> list[Any] | None:
    if not cursor:
        return None
    if len(cursor) > MAX_CURSOR:
        raise invalid_cursor()
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, TypeError) as exc:
        raise invalid_cursor() from exc
    if (
        not isinstance(values, list)
        or not values
        or not all(v is None or (isinstance(v, str | int) and not isinstance(v, bool)) for v in values)
    ):
        raise invalid_cursor()
    return values


def cursor_id(values: list[Any], index: int = 0) -> int:
    """The record id a cursor carries at `index`: an integer within the database's range."""
    if len(values) <= index:
        raise invalid_cursor()
    value = values[index]
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= _ID_MAX:
        raise invalid_cursor()
    return value


def page_size(first: int | None, default: int = 50) -> int:
    if first is None:
        return default
    if first < 0:
        raise GraphQLError("`first` must be positive.", extensions={"code": "BAD_USER_INPUT"})
    return min(first, MAX_PAGE)


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    _count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]

    @strawberry.field
    async def total_count(self) -> int:
        return await self._count()


def connection(
    rows: Sequence[Any],
    limit: int,
    cursor_of: Callable[[Any], str],
    node_of: Callable[[Any], T],
    count: Callable[[], Awaitable[int]],
) -> Connection[T]:
    """Build a connection from `limit + 1` fetched rows (the extra one says whether there is more)."""
    more = len(rows) > limit
    rows = rows[:limit]
    edges = [Edge(cursor=cursor_of(row), node=node_of(row)) for row in rows]
    return Connection(
        edges=edges,
        page_info=PageInfo(has_next_page=more, end_cursor=edges[-1].cursor if edges else None),
        _count=count,
    )
