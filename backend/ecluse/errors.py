"""Errors a user can fix or must be told about: a stable code and a readable message (never a crash)."""

from __future__ import annotations

from dataclasses import dataclass

#: A parameter's value, as it travels to clients (JSON): dates ISO, amounts as decimal strings.
ParamValue = str | int


@dataclass(frozen=True, slots=True)
class UserError:
    code: str
    message: str  # English, for logs and partner developers; people read the code and params rendered
    field: str | None = None
    #: The values the message speaks of, by name: a client renders the code with them in the user's language.
    params: dict[str, ParamValue] | None = None


class DomainError(Exception):
    def __init__(self, code: str, message: str, field: str | None = None, **params: ParamValue) -> None:
        super().__init__(message)
        self.error = UserError(code, message, field, params or None)


class Forbidden(Exception):
    """The caller may not see or do this: the API answers FORBIDDEN, never a payload error. The message
    says no more than the caller may know (an invisible record reads as one that does not exist)."""
