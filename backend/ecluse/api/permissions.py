"""Authentication and permission failures are GraphQL errors with `extensions.code`; the matrix itself
lives in auth/roles.py."""

from __future__ import annotations

from graphql import GraphQLError

from ecluse.api.context import Info
from ecluse.auth.principal import Principal
from ecluse.auth.roles import Action, refusal


def unauthenticated() -> GraphQLError:
    return GraphQLError("Log in, or send an API key.", extensions={"code": "UNAUTHENTICATED"})


def forbidden(message: str = "You are not allowed to do this.") -> GraphQLError:
    return GraphQLError(message, extensions={"code": "FORBIDDEN"})


def principal(info: Info) -> Principal:
    who = info.context.principal
    if who is None:
        raise unauthenticated()
    return who


def require(info: Info, action: Action, company_id: int) -> Principal:
    """The caller, if it may do `action` in the company; a FORBIDDEN error otherwise.

    A company the caller has no role in answers FORBIDDEN too, without saying whether it exists."""
    who = principal(info)
    if not who.can(action, company_id):
        raise forbidden(refusal(action))
    return who
