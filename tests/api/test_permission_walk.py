"""Every administration and books operation of the dossiers issue, called by every kind of caller: each role
of the company, the admin of another company, the firm's administrator (no company role) and a partner's API
key. A caller the matrix (docs/api.md, Permissions) does not allow gets FORBIDDEN; one it allows never does
(its answer may still be a payload error about the dummy values). The callers that are allowed go last, so
that what they change (a role, an archived company) cannot turn a later refusal into a pass."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support import Api

CALLERS = ("viewer", "client", "collaborator", "admin", "other", "firm", "partner")
SETTINGS = {"collaborator", "admin"}
READERS = {"viewer", "client", "collaborator", "admin"}

Vars = Callable[[dict[str, Any]], dict[str, Any]]


def _company(ids: dict[str, Any]) -> dict[str, Any]:
    return {"c": ids["company"]}


# (name, document, variables from the firm's ids, callers allowed)
OPERATIONS: list[tuple[str, str, Vars, set[str]]] = [
    ("setJournal", 'mutation($c: ID!) { setJournal(companyId: $c, code: "ZZ", kind: "other", isDefault: true) '
     "{ errors { code } } }", _company, SETTINGS),
    ("openFiscalYear", 'mutation($c: ID!) { openFiscalYear(companyId: $c, startDate: "2031-01-01") '
     "{ errors { code } } }", _company, SETTINGS),
    ("setFecSirenMustMatch", "mutation($c: ID!) { setFecSirenMustMatch(companyId: $c, mustMatch: true) { id } }",
     _company, SETTINGS),
    ("lockFiscalYear", "mutation($y: ID!) { lockFiscalYear(id: $y) { errors { code } } }",
     lambda ids: {"y": ids["year"]}, {"admin"}),
    ("unlockFiscalYear", "mutation($y: ID!) { unlockFiscalYear(id: $y) { errors { code } } }",
     lambda ids: {"y": ids["year"]}, {"admin"}),
    ("closeFiscalYear", "mutation($y: ID!) { closeFiscalYear(id: $y) { errors { code } } }",
     lambda ids: {"y": ids["year"]}, {"admin"}),
    ("updateCompany", 'mutation($c: ID!) { updateCompany(id: $c, input: {address: "1 rue X"}) '
     "{ errors { code } } }", _company, {"admin", "firm"}),
    ("archiveCompany", "mutation($c: ID!) { archiveCompany(id: $c) { errors { code } } }", _company, {"firm"}),
    ("restoreCompany", "mutation($c: ID!) { restoreCompany(id: $c) { errors { code } } }", _company, {"firm"}),
    ("createCompany", 'mutation { createCompany(input: {name: "Nouvelle"}) { errors { code } } }',
     lambda ids: {}, {"firm"}),
    ("firmCompanies", "query { firmCompanies { id } }", lambda ids: {}, {"firm"}),
    ("createUser", 'mutation { createUser(input: {email: "new@firm.test", name: "N"}) { errors { code } } }',
     lambda ids: {}, {"firm"}),
    ("updateUser", 'mutation($u: ID!) { updateUser(id: $u, input: {name: "V"}) { errors { code } } }',
     lambda ids: {"u": ids["viewer"]}, {"viewer", "firm"}),
    ("deactivateUser", "mutation($u: ID!) { deactivateUser(id: $u) { errors { code } } }",
     lambda ids: {"u": ids["client"]}, {"firm"}),
    ("reactivateUser", "mutation($u: ID!) { reactivateUser(id: $u) { errors { code } } }",
     lambda ids: {"u": ids["client"]}, {"firm"}),
    ("resetPassword", "mutation($u: ID!) { resetPassword(id: $u) { errors { code } } }",
     lambda ids: {"u": ids["client"]}, {"firm"}),
    ("users (everyone)", "query { users { id } }", lambda ids: {}, {"firm"}),
    ("users (a company's)", "query($c: ID!) { users(companyId: $c) { id } }", _company, {"admin", "firm"}),
    ("setMembership", 'mutation($c: ID!) { setMembership(companyId: $c, email: "viewer@firm.test", '
     "role: CLIENT) { errors { code } } }", _company, {"admin", "firm"}),
    ("removeMembership", "mutation($c: ID!, $u: ID!) { removeMembership(companyId: $c, userId: $u) "
     "{ errors { code } } }", lambda ids: {"c": ids["company"], "u": ids["viewer"]}, {"admin", "firm"}),
    ("createApiKey", 'mutation($c: ID!) { createApiKey(companyId: $c, name: "K") { key } }', _company,
     {"admin"}),
    ("apiKeys", "query($c: ID!) { apiKeys(companyId: $c) { id } }", _company, {"admin"}),
    ("revokeApiKey", "mutation($k: ID!) { revokeApiKey(id: $k) { errors { code } } }",
     lambda ids: {"k": ids["key"]}, {"admin"}),
    ("journals", "query($c: ID!) { journals(companyId: $c) { code } }", _company, READERS),
    ("postedEntries", "query($c: ID!) { postedEntries(companyId: $c, first: 5) { totalCount } }", _company,
     READERS),
    ("accountLedger", 'query($c: ID!) { accountLedger(companyId: $c, account: "411000") { account } }',
     _company, READERS),
    ("accounts", "query($c: ID!) { accounts(companyId: $c, first: 5) { totalCount } }", _company, READERS),
    ("thirdParties", "query($c: ID!) { thirdParties(companyId: $c, first: 5) { totalCount } }", _company,
     READERS),
    ("analyticSections", "query($c: ID!) { analyticSections(companyId: $c, first: 5) { totalCount } }",
     _company, READERS),
    ("trialBalance", "query($c: ID!) { trialBalance(companyId: $c) { currency } }", _company, READERS),
]  # fmt: skip


def _ids(api: Api, firm: dict[str, Any]) -> dict[str, Any]:
    """The firm's ids the operations name, and a partner key of the company."""
    admin = firm["tokens"]["admin"]
    people = api.gql(
        "query($c: ID!) { users(companyId: $c) { id email } }", {"c": firm["company"]}, token=admin
    )["users"]
    by_email = {u["email"]: u["id"] for u in people}
    years = api.gql("query($c: ID!) { fiscalYears(companyId: $c) { id name } }", {"c": firm["company"]},
                    token=admin)["fiscalYears"]  # fmt: skip
    key = api.gql('mutation($c: ID!) { createApiKey(companyId: $c, name: "P") { key apiKey { id } } }',
                  {"c": firm["company"]}, token=admin)["createApiKey"]  # fmt: skip
    return {
        "company": firm["company"],
        "viewer": by_email["viewer@firm.test"],
        "client": by_email["client@firm.test"],
        "year": next(y["id"] for y in years if y["name"] == "Exercice 2024"),
        "key": key["apiKey"]["id"],
        "partner_key": key["key"],
    }


@pytest.mark.parametrize(
    ("name", "document", "variables", "allowed"), OPERATIONS, ids=[o[0] for o in OPERATIONS]
)
def test_each_caller_gets_what_the_matrix_gives(
    api: Api, firm: dict[str, Any], name: str, document: str, variables: Vars, allowed: set[str]
) -> None:
    ids = _ids(api, firm)
    for caller in sorted(CALLERS, key=lambda c: c in allowed):
        auth = {"api_key": ids["partner_key"]} if caller == "partner" else {"token": firm["tokens"][caller]}
        body = api.raw(document, variables(ids), **auth)
        codes = [e.get("extensions", {}).get("code") for e in body.get("errors") or []]
        if caller in allowed:
            assert "FORBIDDEN" not in codes and "UNAUTHENTICATED" not in codes, (name, caller, body)
        else:
            assert codes and codes[0] in {"FORBIDDEN", "UNAUTHENTICATED"}, (name, caller, body)
