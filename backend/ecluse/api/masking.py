"""What an error may tell a client: no internal error text, and no unbounded echo of what was sent.

An exception a resolver did not mean to raise comes back as `INTERNAL_SERVER_ERROR` with a reference that
is logged with its traceback; errors raised on purpose (GraphQLError with a code, a DomainError) and
graphql-core's syntax and validation errors keep their message, cut where it quotes a long value."""

from __future__ import annotations

import logging
import re
import traceback
import uuid

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import MaskErrors
from strawberry.types import ExecutionResult

from ecluse.errors import DomainError

log = logging.getLogger("ecluse.api.errors")

INTERNAL = "INTERNAL_SERVER_ERROR"
#: A quoted value or a run without spaces longer than this is cut in a message.
MAX_VALUE = 100
MAX_MESSAGE = 500
MAX_LOG_LINE = 2_000
_LONG = re.compile(rf'"[^"]{{{MAX_VALUE},}}"?|\'[^\']{{{MAX_VALUE},}}\'?|\S{{{MAX_VALUE + 1},}}')


def bounded(message: str) -> str:
    """The message with every long value cut to MAX_VALUE characters, and at most MAX_MESSAGE long."""
    if len(message) > 4 * MAX_MESSAGE:
        message = message[: 4 * MAX_MESSAGE]
    message = _LONG.sub(lambda m: m.group()[:MAX_VALUE] + "…", message)
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


def _traceback(exc: BaseException) -> str:
    """The traceback, each line cut at MAX_LOG_LINE: an exception may quote a 100 MB value (the log is bounded
    too)."""
    lines = "".join(traceback.format_exception(exc)).splitlines()
    return "\n".join(line if len(line) <= MAX_LOG_LINE else line[:MAX_LOG_LINE] + "…" for line in lines)


def is_internal(error: GraphQLError) -> bool:
    """An exception nobody meant to raise, while executing. Before execution (no path) an exception is a
    scalar refusing the value it was sent (a Decimal that is no number, a date out of range): the client's."""
    original = error.original_error
    return (
        original is not None
        and error.path is not None
        and not isinstance(original, (GraphQLError, DomainError))
    )


def _copy(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )


def clean(error: GraphQLError) -> GraphQLError:
    """The error as a client may see it (idempotent: a cleaned error comes back unchanged)."""
    extensions = dict(error.extensions or {})
    original = error.original_error
    if is_internal(error):
        assert original is not None
        reference = uuid.uuid4().hex[:16]
        where = ".".join(str(p) for p in error.path or ()) or "-"
        log.error("internal error %s at %s\n%s", reference, where, _traceback(original))
        return _copy(
            error,
            f"Internal server error (reference {reference}).",
            {"code": INTERNAL, "reference": reference},
        )
    if isinstance(original, DomainError):
        extensions.setdefault("code", original.error.code)
        if original.error.field:
            extensions.setdefault("field", original.error.field)
        if original.error.params:
            extensions.setdefault("params", original.error.params)
    if "code" not in extensions:
        syntax = isinstance(error, GraphQLSyntaxError) or isinstance(original, GraphQLSyntaxError)
        extensions["code"] = "GRAPHQL_PARSE_FAILED" if syntax else "GRAPHQL_VALIDATION_FAILED"
    message = bounded(error.message)
    if message == error.message and extensions == (error.extensions or {}):
        return error
    return _copy(error, message, extensions)


class ErrorMasking(MaskErrors):
    """strawberry's MaskErrors with `clean` as its rule: over HTTP and WebSocket, streamed results too."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda _: True)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        return clean(error)

    def _process_result(self, result: object) -> None:
        # strawberry checks `isinstance(result, <a Protocol>)`, which walks the protocol's members on every
        # call: 5% of a live event's fan-out to a thousand subscribers. An attribute read says the same.
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = self._process_errors(errors)  # type: ignore[attr-defined]


def clean_result(result: ExecutionResult) -> ExecutionResult:
    """The view's last pass: an error raised outside the operation's extensions is cleaned too."""
    if result.errors:
        result.errors = [clean(e) for e in result.errors]
    return result
