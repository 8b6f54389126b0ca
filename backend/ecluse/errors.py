"""Errors a user can fix or must be told about: a stable code and a readable message (never a crash)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class UserError:
    code: str
    message: str
    field: str | None = None


class DomainError(Exception):
    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.error = UserError(code, message, field)


class Forbidden(Exception):
    """The caller may not see or do this: the API answers FORBIDDEN, never a payload error. The message
    says no more than the caller may know (an invisible record reads as one that does not exist)."""
