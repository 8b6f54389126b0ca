"""People over the API and the CLI: users created with their roles and a one-time password token, roles
granted by the right people only, deactivation ending sessions at once, passwords that are not guessable."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.api.test_cli import _ecluse
from tests.support import PASSWORD, Api

ACCOUNT = "id email name locale active firmAdmin roles { companyId companyName role }"
CREATE = f"""mutation($i: UserInput!, $r: [RoleInput!]) {{
  createUser(input: $i, roles: $r) {{ user {{ {ACCOUNT} }} passwordToken errors {{ code field params }} }} }}"""
SET_PASSWORD = """mutation($t: String!, $p: String!) { setPassword(token: $t, password: $p) {
  ok errors { code field params } } }"""
CHANGE = """mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) {
  ok errors { code field params } } }"""
SET_ROLE = f"""mutation($c: ID!, $u: ID, $e: String, $r: Role!) {{
  setMembership(companyId: $c, userId: $u, email: $e, role: $r) {{ user {{ {ACCOUNT} }} errors {{ code field params }} }} }}"""
REMOVE = f"""mutation($c: ID!, $u: ID!) {{
  removeMembership(companyId: $c, userId: $u) {{ user {{ {ACCOUNT} }} errors {{ code field params }} }} }}"""
DEACTIVATE = f"mutation($id: ID!) {{ deactivateUser(id: $id) {{ user {{ {ACCOUNT} }} errors {{ code field params }} }} }}"
REACTIVATE = "mutation($id: ID!) { reactivateUser(id: $id) { user { active } errors { code } } }"
RESET = "mutation($id: ID!) { resetPassword(id: $id) { passwordToken errors { code } } }"
UPDATE = f"""mutation($id: ID!, $i: UserInput!) {{
  updateUser(id: $id, input: $i) {{ user {{ {ACCOUNT} }} errors {{ code field params }} }} }}"""
USERS = f"query($c: ID) {{ users(companyId: $c) {{ {ACCOUNT} }} }}"
LOGIN = """mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }"""
STRONG = "Quatre chevaux sur la digue!"


def _code(body: dict[str, Any]) -> str | None:
    errors = body.get("errors")
    return errors[0]["extensions"]["code"] if errors else None


def _login(api: Api, email: str, password: str) -> str | None:
    token = api.gql(LOGIN, {"e": email, "p": password})["login"]["token"]
    return str(token) if token else None


def _new_user(
    api: Api, firm: dict[str, Any], email: str, role: str = "COLLABORATOR", **more: Any
) -> dict[str, Any]:
    made = api.gql(
        CREATE, {"i": {"email": email, "name": "Nina Nouvelle", **more}, "r": [{"companyId": firm["company"], "role": role}]},
        token=firm["tokens"]["firm"],
    )["createUser"]  # fmt: skip
    assert made["errors"] == [], made
    return dict(made)


def test_a_new_user_sets_a_password_with_the_token_and_sees_only_their_company(
    api: Api, firm: dict[str, Any]
) -> None:
    made = _new_user(api, firm, " Nina@Firm.TEST ")
    user = made["user"]
    assert (user["email"], user["locale"], user["active"], user["firmAdmin"]) == (
        "nina@firm.test",
        "fr",
        True,
        False,
    )
    assert user["roles"] == [
        {"companyId": firm["company"], "companyName": "Boulangerie Martin", "role": "COLLABORATOR"}
    ]
    token = made["passwordToken"]
    # No password works before the token sets one.
    assert _login(api, "nina@firm.test", "") is None
    for weak, reason in (
        ("court", "length"),
        ("azertyuiop123", "guessable"),
        ("nina@firm.test!", "guessable"),
    ):
        refused = api.gql(SET_PASSWORD, {"t": token, "p": weak})["setPassword"]
        assert refused["ok"] is False and refused["errors"][0]["params"]["reason"] == reason, (weak, refused)
    assert refused["errors"][0]["code"] == "WEAK_PASSWORD"
    assert api.gql(SET_PASSWORD, {"t": token, "p": STRONG})["setPassword"] == {"ok": True, "errors": []}
    # The token is spent.
    again = api.gql(SET_PASSWORD, {"t": token, "p": STRONG + "x"})["setPassword"]
    assert again["errors"] == [{"code": "BAD_TOKEN", "field": "token", "params": None}]
    mine = _login(api, "nina@firm.test", STRONG)
    assert mine is not None
    companies = api.gql("{ companies { id role } }", token=mine)["companies"]
    assert companies == [{"id": firm["company"], "role": "COLLABORATOR"}]
    other = api.raw("query($c: ID!) { importBatches(companyId: $c) { totalCount } }", {"c": firm["other_company"]},
                    token=mine)  # fmt: skip
    assert _code(other) == "FORBIDDEN"


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"email": "not-an-email", "name": "X"}, "BAD_EMAIL", "email"),
        ({"email": "a b@firm.test", "name": "X"}, "BAD_EMAIL", "email"),
        ({"email": "admin@firm.test", "name": "X"}, "EMAIL_TAKEN", "email"),
        ({"email": "new@firm.test", "name": "X", "locale": "de"}, "UNKNOWN_LOCALE", "locale"),
        ({"email": "new@firm.test", "name": "X" * 201}, "TOO_LONG", "name"),
    ],
)  # fmt: skip
def test_a_wrong_user_field_is_refused(
    api: Api, firm: dict[str, Any], fields: dict[str, str], code: str, field: str
) -> None:
    made = api.gql(CREATE, {"i": fields}, token=firm["tokens"]["firm"])["createUser"]
    assert made["user"] is None and [(e["code"], e["field"]) for e in made["errors"]] == [(code, field)]


def test_a_role_in_an_unknown_company_is_refused(api: Api, firm: dict[str, Any]) -> None:
    made = api.gql(CREATE, {"i": {"email": "x@firm.test"}, "r": [{"companyId": "999", "role": "ADMIN"}]},
                   token=firm["tokens"]["firm"])["createUser"]  # fmt: skip
    assert made["errors"] == [{"code": "UNKNOWN_COMPANY", "field": "roles", "params": {"company": "999"}}]


@pytest.mark.parametrize("role", ["viewer", "client", "collaborator", "admin", "other"])
def test_only_a_firm_admin_creates_deactivates_resets_and_lists_everyone(
    api: Api, firm: dict[str, Any], role: str
) -> None:
    token = firm["tokens"][role]
    victim = _new_user(api, firm, "victim@firm.test")["user"]["id"]
    assert _code(api.raw(CREATE, {"i": {"email": "x@firm.test"}}, token=token)) == "FORBIDDEN"
    for mutation in (DEACTIVATE, REACTIVATE, RESET):
        assert _code(api.raw(mutation, {"id": victim}, token=token)) == "FORBIDDEN", mutation
    assert _code(api.raw(UPDATE, {"id": victim, "i": {"name": "X"}}, token=token)) == "FORBIDDEN"
    assert _code(api.raw(USERS, {}, token=token)) == "FORBIDDEN"


@pytest.mark.parametrize("role", ["viewer", "client", "collaborator", "other"])
def test_only_the_company_admin_grants_roles_in_it(api: Api, firm: dict[str, Any], role: str) -> None:
    token = firm["tokens"][role]
    body = api.raw(SET_ROLE, {"c": firm["company"], "e": "viewer@firm.test", "r": "ADMIN"}, token=token)
    assert _code(body) == "FORBIDDEN"
    body = api.raw(REMOVE, {"c": firm["company"], "u": "1"}, token=token)
    assert _code(body) == "FORBIDDEN"
    assert _code(api.raw(USERS, {"c": firm["company"]}, token=token)) == "FORBIDDEN"


def test_a_partner_key_manages_no_people(api: Api, firm: dict[str, Any]) -> None:
    key = api.gql('mutation($c: ID!) { createApiKey(companyId: $c, name: "P") { key } }',
                  {"c": firm["company"]}, token=firm["tokens"]["admin"])["createApiKey"]["key"]  # fmt: skip
    assert _code(api.raw(USERS, {"c": firm["company"]}, api_key=key)) == "FORBIDDEN"
    assert _code(api.raw(SET_ROLE, {"c": firm["company"], "e": "viewer@firm.test", "r": "ADMIN"}, api_key=key)) == (
        "FORBIDDEN"
    )  # fmt: skip
    assert _code(api.raw(CHANGE, {"c": "x", "n": STRONG}, api_key=key)) == "FORBIDDEN"


def test_a_company_admin_grants_roles_up_to_admin_but_never_leaves_the_company_without_one(
    api: Api, firm: dict[str, Any]
) -> None:
    admin = firm["tokens"]["admin"]
    company = firm["company"]
    # Someone of another company joins this one, by email.
    joined = api.gql(SET_ROLE, {"c": company, "e": "OTHER-admin@firm.test", "r": "VIEWER"}, token=admin)[
        "setMembership"
    ]
    assert joined["errors"] == []
    # Seen by this company's admin with their role here alone.
    assert joined["user"]["roles"] == [
        {"companyId": company, "companyName": "Boulangerie Martin", "role": "VIEWER"}
    ]
    other = joined["user"]["id"]
    # They see it at once (by name: Atelier Durand, then Boulangerie Martin).
    assert api.gql("{ companies { id } }", token=firm["tokens"]["other"])["companies"] == [
        {"id": firm["other_company"]}, {"id": company},
    ]  # fmt: skip
    promoted = api.gql(SET_ROLE, {"c": company, "u": other, "r": "ADMIN"}, token=admin)["setMembership"]
    assert promoted["user"]["roles"][0]["role"] == "ADMIN"
    unknown = api.gql(SET_ROLE, {"c": company, "e": "nobody@firm.test", "r": "VIEWER"}, token=admin)[
        "setMembership"
    ]
    assert unknown["errors"] == [{"code": "USER_NOT_FOUND", "field": "email", "params": None}]
    # Two admins: one may step down; the last one may not.
    me = next(
        u["id"]
        for u in api.gql(USERS, {"c": company}, token=admin)["users"]
        if u["email"] == "admin@firm.test"
    )
    assert api.gql(REMOVE, {"c": company, "u": other}, token=admin)["removeMembership"]["errors"] == []
    last = api.gql(SET_ROLE, {"c": company, "u": me, "r": "VIEWER"}, token=admin)["setMembership"]
    assert last["errors"] == [{"code": "LAST_ADMIN", "field": "role", "params": None}]
    assert (
        api.gql(REMOVE, {"c": company, "u": me}, token=admin)["removeMembership"]["errors"][0]["code"]
        == "LAST_ADMIN"
    )
    # The removed user lost the company at once.
    assert [c["id"] for c in api.gql("{ companies { id } }", token=firm["tokens"]["other"])["companies"]] == [
        firm["other_company"]
    ]
    # The firm administrator may leave a company without admin (a firm decision).
    demoted = api.gql(SET_ROLE, {"c": company, "u": me, "r": "COLLABORATOR"}, token=firm["tokens"]["firm"])
    assert demoted["setMembership"]["errors"] == []
    rows = api.client.portal.call(_audit, "membership.set")
    assert ("other-admin@firm.test: viewer", "testclient") in rows
    assert ("other-admin@firm.test: viewer → admin", "testclient") in rows


async def _audit(action: str) -> list[tuple[str, str]]:
    from ecluse.activity.models import AuditLog

    return [(r.detail, r.origin) for r in await AuditLog.filter(action=action).order_by("id")]


def test_a_deactivated_user_is_logged_out_at_once_and_cannot_log_in(api: Api, firm: dict[str, Any]) -> None:
    victim_token = firm["tokens"]["viewer"]
    users = api.gql(USERS, {}, token=firm["tokens"]["firm"])["users"]
    victim = next(u for u in users if u["email"] == "viewer@firm.test")
    done = api.gql(DEACTIVATE, {"id": victim["id"]}, token=firm["tokens"]["firm"])["deactivateUser"]
    assert done["errors"] == [] and done["user"]["active"] is False
    assert _code(api.raw("{ me { name } }", token=victim_token)) == "UNAUTHENTICATED"
    assert _login(api, "viewer@firm.test", PASSWORD) is None
    # A firm administrator never deactivates themselves, nor the last one.
    me = next(u for u in users if u["email"] == "firm-admin@firm.test")
    mine = api.gql(DEACTIVATE, {"id": me["id"]}, token=firm["tokens"]["firm"])["deactivateUser"]
    assert mine["errors"][0]["code"] == "NOT_YOURSELF"
    dropped = api.gql(UPDATE, {"id": me["id"], "i": {"firmAdmin": False}}, token=firm["tokens"]["firm"])
    assert dropped["updateUser"]["errors"][0]["code"] == "LAST_FIRM_ADMIN"
    back = api.gql(REACTIVATE, {"id": victim["id"]}, token=firm["tokens"]["firm"])["reactivateUser"]
    assert back == {"user": {"active": True}, "errors": []}
    assert _login(api, "viewer@firm.test", PASSWORD) is not None


def test_changing_ones_password_needs_the_current_one_and_ends_the_other_sessions(
    api: Api, firm: dict[str, Any]
) -> None:
    here, elsewhere = firm["tokens"]["client"], _login(api, "client@firm.test", PASSWORD)
    wrong = api.gql(CHANGE, {"c": "nope", "n": STRONG}, token=here)["changePassword"]
    assert wrong["errors"] == [{"code": "WRONG_PASSWORD", "field": "currentPassword", "params": None}]
    weak = api.gql(CHANGE, {"c": PASSWORD, "n": "password1234"}, token=here)["changePassword"]
    assert weak["errors"][0]["code"] == "WEAK_PASSWORD" and weak["errors"][0]["field"] == "newPassword"
    assert api.gql(CHANGE, {"c": PASSWORD, "n": STRONG}, token=here)["changePassword"] == {
        "ok": True,
        "errors": [],
    }
    assert api.gql("{ me { name } }", token=here)["me"]["name"] == "Client"
    assert _code(api.raw("{ me { name } }", token=elsewhere)) == "UNAUTHENTICATED"
    assert _login(api, "client@firm.test", PASSWORD) is None and _login(api, "client@firm.test", STRONG)


def test_a_reset_token_sets_a_new_password_and_ends_every_session(api: Api, firm: dict[str, Any]) -> None:
    users = api.gql(USERS, {}, token=firm["tokens"]["firm"])["users"]
    target = next(u for u in users if u["email"] == "collaborator@firm.test")
    token = api.gql(RESET, {"id": target["id"]}, token=firm["tokens"]["firm"])["resetPassword"][
        "passwordToken"
    ]
    # The old password works until the token is used.
    assert _login(api, "collaborator@firm.test", PASSWORD) is not None
    assert api.gql(SET_PASSWORD, {"t": token, "p": STRONG})["setPassword"]["ok"] is True
    assert _code(api.raw("{ me { name } }", token=firm["tokens"]["collaborator"])) == "UNAUTHENTICATED"
    assert _login(api, "collaborator@firm.test", STRONG) is not None


def test_a_user_changes_their_own_name_and_language_not_their_email(api: Api, firm: dict[str, Any]) -> None:
    token = firm["tokens"]["viewer"]
    me = api.gql("{ me { user { id } } }", token=token)["me"]["user"]["id"]
    changed = api.gql(UPDATE, {"id": me, "i": {"name": "Victor V.", "locale": "en"}}, token=token)[
        "updateUser"
    ]
    assert (changed["user"]["name"], changed["user"]["locale"]) == ("Victor V.", "en")
    assert _code(api.raw(UPDATE, {"id": me, "i": {"email": "v@x.test"}}, token=token)) == "FORBIDDEN"
    assert _code(api.raw(UPDATE, {"id": me, "i": {"firmAdmin": True}}, token=token)) == "FORBIDDEN"


def test_the_cli_creates_users_grants_roles_resets_and_deactivates(
    api: Api, firm: dict[str, Any], env: dict[str, str]
) -> None:
    made = _ecluse(
        env, "user", "create", "--email", "cli@firm.test", "--name", "Par CLI", "--role", "123456782=admin"
    )
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip().splitlines()[-1].split()[-1]
    assert api.gql(SET_PASSWORD, {"t": token, "p": STRONG})["setPassword"]["ok"] is True
    mine = _login(api, "cli@firm.test", STRONG)
    assert api.gql("{ companies { id role } }", token=mine)["companies"] == [
        {"id": firm["company"], "role": "ADMIN"}
    ]
    added = _ecluse(
        env, "member", "add", "--company", "987654324", "--email", "cli@firm.test", "--role", "viewer"
    )
    assert added.returncode == 0, added.stderr
    listed = _ecluse(env, "user", "list")
    line = next(x for x in listed.stdout.splitlines() if x.startswith("cli@firm.test"))
    assert "Boulangerie Martin=admin" in line and "Atelier Durand=viewer" in line and "active" in line
    removed = _ecluse(env, "member", "remove", "--company", "987654324", "--email", "cli@firm.test")
    assert removed.returncode == 0, removed.stderr
    reset = _ecluse(env, "user", "reset-password", "--email", "cli@firm.test")
    assert reset.returncode == 0 and len(reset.stdout.strip().split()[-1]) > 30
    off = _ecluse(env, "user", "deactivate", "--email", "cli@firm.test")
    assert off.returncode == 0, off.stderr
    assert _login(api, "cli@firm.test", STRONG) is None
    bad = _ecluse(env, "user", "create", "--email", "cli2@firm.test", "--role", "123456782=owner")
    assert bad.returncode != 0 and "owner" in bad.stderr


def test_deactivating_closes_the_users_open_subscriptions(api: Api, firm: dict[str, Any]) -> None:
    from tests.hostile.test_auth import SUB_BATCHES, assert_ended, subscribed

    victim = firm["tokens"]["viewer"]
    users = api.gql(USERS, {}, token=firm["tokens"]["firm"])["users"]
    target = next(u for u in users if u["email"] == "viewer@firm.test")
    with subscribed(
        api, {"authorization": f"Bearer {victim}"}, SUB_BATCHES, {"c": firm["company"]}
    ) as socket:
        assert (
            api.gql(DEACTIVATE, {"id": target["id"]}, token=firm["tokens"]["firm"])["deactivateUser"][
                "errors"
            ]
            == []
        )
        assert_ended(socket)


def test_a_removed_role_closes_the_users_sockets_so_they_reconnect_without_it(
    api: Api, firm: dict[str, Any]
) -> None:
    from tests.hostile.test_auth import SUB_BATCHES, receive, subscribed

    token = firm["tokens"]["collaborator"]
    me = next(u for u in api.gql(USERS, {"c": firm["company"]}, token=firm["tokens"]["admin"])["users"]
              if u["email"] == "collaborator@firm.test")  # fmt: skip
    with subscribed(api, {"authorization": f"Bearer {token}"}, SUB_BATCHES, {"c": firm["company"]}) as socket:
        removed = api.gql(REMOVE, {"c": firm["company"], "u": me["id"]}, token=firm["tokens"]["admin"])
        assert removed["removeMembership"]["errors"] == []
        message = receive(socket)
        while message.get("type") == "complete":
            message = receive(socket)
        assert message["type"] == "websocket.close"
    # The session itself goes on: only the company is gone.
    assert api.gql("{ me { companies { id } } }", token=token)["me"]["companies"] == []


def test_the_cli_creates_lists_and_revokes_api_keys(
    api: Api, firm: dict[str, Any], env: dict[str, str]
) -> None:
    made = _ecluse(env, "apikey", "create", "--company", "123456782", "--name", "Caisse")
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip().splitlines()[-1]
    assert key.startswith("eck_")
    assert api.gql("{ me { name } }", api_key=key)["me"]["name"] == "Caisse"
    listed = _ecluse(env, "apikey", "list", "--company", "123456782").stdout.splitlines()
    row = next(line.split("\t") for line in listed[1:] if "\tCaisse\t" in line)
    assert key.startswith(row[2]) and row[5] == ""  # its prefix, not revoked
    other = _ecluse(env, "apikey", "revoke", "--company", "987654324", "--id", row[0])
    assert other.returncode == 1 and "no key" in other.stderr  # a key is revoked in its own company only
    revoked = _ecluse(env, "apikey", "revoke", "--company", "123456782", "--id", row[0])
    assert revoked.returncode == 0, revoked.stderr
    # Over Redis the API process hears of it at once; without Redis (the embedded deployment) the CLI's event
    # stays in its own process, and the API's remembered credential lapses within CACHE_SECONDS.
    from ecluse.auth.principal import CACHE_SECONDS

    deadline = time.monotonic() + CACHE_SECONDS + 2
    while "errors" not in (body := api.raw("{ me { name } }", api_key=key)):
        assert time.monotonic() < deadline, "the revoked key still works"
        time.sleep(0.2)
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
