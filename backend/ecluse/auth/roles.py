"""The permission matrix, as data (ARCHITECTURE.md § Permissions). One test loops over it."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    VIEWER = "viewer"
    PARTNER = "partner"  # a partner application's API key, never a user's role
    CLIENT = "client"  # the SME's members in co-production
    COLLABORATOR = "collaborator"  # the firm's accountants
    ADMIN = "admin"


class Action(StrEnum):
    VIEW = "view"  # list, view entries, download files (a partner: its own batches only)
    SUBMIT = "submit"
    DECIDE = "decide"  # validate / reject an import
    MATCH = "match"  # match / validate bank statements
    SETTINGS = "settings"
    YEARS = "years"  # lock / unlock fiscal years
    COMPANY = "company"  # edit the company's name, SIREN, code, currency, country, address
    PEOPLE = "people"  # grant roles in the company (up to admin), manage its partner API keys


MATRIX: dict[Action, frozenset[Role]] = {
    Action.VIEW: frozenset(Role),
    Action.SUBMIT: frozenset({Role.PARTNER, Role.CLIENT, Role.COLLABORATOR, Role.ADMIN}),
    Action.DECIDE: frozenset({Role.CLIENT, Role.COLLABORATOR, Role.ADMIN}),
    Action.MATCH: frozenset({Role.CLIENT, Role.COLLABORATOR, Role.ADMIN}),
    Action.SETTINGS: frozenset({Role.COLLABORATOR, Role.ADMIN}),
    Action.YEARS: frozenset({Role.ADMIN}),
    Action.COMPANY: frozenset({Role.ADMIN}),
    Action.PEOPLE: frozenset({Role.ADMIN}),
}

#: What each action is, in the sentence that refuses it.
VERBS = {
    Action.VIEW: "see imports",
    Action.SUBMIT: "submit imports",
    Action.DECIDE: "validate or reject imports",
    Action.MATCH: "match bank statements",
    Action.SETTINGS: "change settings",
    Action.YEARS: "lock or unlock fiscal years",
    Action.COMPANY: "change the company's details",
    Action.PEOPLE: "manage roles and API keys",
}

USER_ROLES = (Role.VIEWER, Role.CLIENT, Role.COLLABORATOR, Role.ADMIN)


def allows(role: Role | None, action: Action) -> bool:
    return role is not None and role in MATRIX[action]


def refusal(action: Action) -> str:
    """Why a role that does not allow `action` is refused, in a company."""
    return f"Your role does not allow you to {VERBS[action]} in this company."
