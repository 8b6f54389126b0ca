"""People over GraphQL: users, their roles per company, passwords. Thin translations of auth/people.py.

A firm administrator sees and manages everyone; a company's admin sees that company's members (with their
role there alone) and grants roles in it; a user changes their own name, language and password.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from ecluse.api.context import Info
from ecluse.api.core import Role, UserError, to_int_id
from ecluse.api.permissions import forbidden, principal
from ecluse.auth import people
from ecluse.auth.principal import Principal
from ecluse.auth.roles import Role as DomainRole
from ecluse.auth.sessions import end_sessions, roles_changed
from ecluse.errors import DomainError, Forbidden
from ecluse.errors import UserError as DomainUserError
from ecluse.ledger import companies

if TYPE_CHECKING:
    from ecluse.auth.models import User as UserModel


@strawberry.type
class CompanyRole:
    company_id: strawberry.ID
    company_name: str
    role: Role


@strawberry.type(description="A person who logs in, with their roles (as the caller may see them).")
class UserAccount:
    id: strawberry.ID
    email: str
    name: str
    locale: str
    active: bool
    firm_admin: bool
    roles: list[CompanyRole]


@strawberry.input
class UserInput:
    email: str | None = None
    name: str | None = None
    locale: str | None = strawberry.field(default=None, description="fr or en.")
    firm_admin: bool | None = strawberry.field(
        default=None, description="Creates and archives companies and users, grants any role."
    )

    def fields(self) -> people.UserFields:
        return people.UserFields(self.email, self.name, self.locale, self.firm_admin)


@strawberry.input
class RoleInput:
    company_id: strawberry.ID
    role: Role


@strawberry.type
class UserPayload:
    user: UserAccount | None
    password_token: str | None = strawberry.field(
        default=None,
        description="createUser, resetPassword: the one-time token that sets the password (valid 72 hours), "
        "shown once: pass it on (the web app's /password?token=… page uses it).",
    )
    errors: list[UserError]


@strawberry.type
class PasswordPayload:
    ok: bool
    errors: list[UserError]


async def _accounts(who: Principal, company_id: int | None) -> list[UserAccount]:
    rows = await people.users_of(company_id)
    names = {c.id: c.name for c in await companies.all_companies(include_archived=True)}
    return [_account(user, roles, names) for user, roles in rows]


def _account(user: UserModel, roles: list[tuple[int, str]], names: dict[int, str]) -> UserAccount:
    return UserAccount(
        id=strawberry.ID(str(user.id)),
        email=user.email,
        name=user.name,
        locale=user.locale,
        active=user.is_active,
        firm_admin=user.is_firm_admin,
        roles=[
            CompanyRole(company_id=strawberry.ID(str(cid)), company_name=names.get(cid, ""), role=Role(role))
            for cid, role in roles
        ],
    )


async def _shown(who: Principal, user: UserModel, company_id: int | None = None) -> UserAccount:
    """`user` as the caller sees them: every role for a firm administrator or themselves, else the role in
    `company_id` alone."""
    roles = await people.roles_of(user.id, None if who.firm_admin or who.user_id == user.id else company_id)
    names = {c.id: c.name for c in await companies.all_companies(include_archived=True)}
    return _account(user, roles, names)


async def _user(id: strawberry.ID) -> UserModel:
    found = await people.user_by(user_id=to_int_id(id))
    if found is None:
        raise forbidden("No such user, or you may not see them.")
    return found


def _failed(exc: DomainError) -> UserPayload:
    return UserPayload(user=None, errors=[UserError.of(exc.error)])


@strawberry.type
class PeopleQuery:
    @strawberry.field(
        description="The firm's users (a firm administrator), or with `companyId` that company's members and "
        "their role there (its admin too)."
    )
    async def users(self, info: Info, company_id: strawberry.ID | None = None) -> list[UserAccount]:
        who = principal(info)
        cid = to_int_id(company_id, "companyId") if company_id is not None else None
        if not who.firm_admin and (cid is None or not people.may_grant(who, cid)):
            raise forbidden("Only a firm administrator, or a company's admin for its members, lists users.")
        return await _accounts(who, cid)


@strawberry.type
class PeopleMutation:
    @strawberry.mutation(
        description="Create a user with their roles (a firm administrator's action). `passwordToken` sets their "
        "first password: pass it on."
    )
    async def create_user(
        self, info: Info, input: UserInput, roles: list[RoleInput] | None = None
    ) -> UserPayload:
        who = principal(info)
        if not who.firm_admin:
            raise forbidden(people.NOT_FIRM)
        if roles is not None and len(roles) > people.MAX_ROLES:
            error = DomainUserError("TOO_MANY_ROLES", f"At most {people.MAX_ROLES} roles at once.", "roles",
                                    {"maximum": people.MAX_ROLES})  # fmt: skip
            return UserPayload(user=None, errors=[UserError.of(error)])
        wanted = {to_int_id(r.company_id, "companyId"): DomainRole(r.role.value) for r in roles or []}
        try:
            user, token = await people.create_user(input.fields(), wanted, who)
        except DomainError as exc:
            return _failed(exc)
        return UserPayload(user=await _shown(who, user), password_token=token, errors=[])

    @strawberry.mutation(
        description="Change a user's email, name, language or firm-administrator flag (a firm administrator); "
        "a user changes their own name and language."
    )
    async def update_user(self, info: Info, id: strawberry.ID, input: UserInput) -> UserPayload:
        who = principal(info)
        user = await _user(id) if who.firm_admin or str(who.user_id) == str(id) else None
        if user is None:
            raise forbidden(people.NOT_FIRM)
        try:
            user = await people.update_user(user, input.fields(), who)
        except Forbidden as exc:
            raise forbidden(str(exc)) from None
        except DomainError as exc:
            return _failed(exc)
        return UserPayload(user=await _shown(who, user), errors=[])

    @strawberry.mutation(
        description="Deactivate a user (a firm administrator): they can no longer log in, and their sessions "
        "and open subscriptions end at once, on every API process."
    )
    async def deactivate_user(self, info: Info, id: strawberry.ID) -> UserPayload:
        return await _set_active(info, id, False)

    @strawberry.mutation(description="Let a deactivated user log in again (a firm administrator).")
    async def reactivate_user(self, info: Info, id: strawberry.ID) -> UserPayload:
        return await _set_active(info, id, True)

    @strawberry.mutation(
        description="A one-time token that sets a new password for the user (a firm administrator): shown "
        "once, to pass on; their current password works until it is used."
    )
    async def reset_password(self, info: Info, id: strawberry.ID) -> UserPayload:
        who = principal(info)
        if not who.firm_admin:
            raise forbidden(people.NOT_FIRM)
        user = await _user(id)
        token = await people.reset_password(user, who)
        return UserPayload(user=await _shown(who, user), password_token=token, errors=[])

    @strawberry.mutation(
        description="Set a password with a one-time token (no login needed): at least 12 characters, not "
        "guessable (WEAK_PASSWORD with a reason); BAD_TOKEN for an unknown, used or expired token. Every "
        "session of the user ends."
    )
    async def set_password(self, info: Info, token: str, password: str) -> PasswordPayload:
        if len(token) > 100:
            return PasswordPayload(ok=False, errors=[UserError(code="BAD_TOKEN", message="Unknown token.",
                                                               field="token")])  # fmt: skip
        try:
            user = await people.set_password_with_token(token, password)
        except DomainError as exc:
            return PasswordPayload(ok=False, errors=[UserError.of(exc.error)])
        await end_sessions(info.context.bus, user_id=user.id)
        return PasswordPayload(ok=True, errors=[])

    @strawberry.mutation(
        description="Change one's own password, given the current one (WRONG_PASSWORD otherwise); the same "
        "rule as setPassword. One's other sessions end; this one goes on."
    )
    async def change_password(self, info: Info, current_password: str, new_password: str) -> PasswordPayload:
        who = principal(info)
        if who.user_id is None:
            raise forbidden("An API key has no password.")
        user = await people.user_by(user_id=who.user_id)
        assert user is not None
        try:
            await people.change_password(user, current_password, new_password)
        except DomainError as exc:
            return PasswordPayload(ok=False, errors=[UserError.of(exc.error)])
        await people.end_other_sessions(user.id, info.context.token)
        await roles_changed(info.context.bus, user.id)
        return PasswordPayload(ok=True, errors=[])

    @strawberry.mutation(
        description="Give a user a role in a company, or change it (its admin, or a firm administrator). The "
        "user is named by `userId` or `email`. The company's last admin keeps the role (LAST_ADMIN)."
    )
    async def set_membership(
        self, info: Info, company_id: strawberry.ID, role: Role, user_id: strawberry.ID | None = None,
        email: str | None = None,
    ) -> UserPayload:  # fmt: skip
        who, cid = _granter(info, company_id)
        user = await people.user_by(user_id=to_int_id(user_id, "userId") if user_id else None, email=email)
        if user is None:
            error = DomainUserError(
                "USER_NOT_FOUND", "No user has this id or email.", "email" if email else "userId"
            )
            return UserPayload(user=None, errors=[UserError.of(error)])
        try:
            await people.set_membership(cid, user, DomainRole(role.value), who)
        except DomainError as exc:
            return _failed(exc)
        await roles_changed(info.context.bus, user.id)
        return UserPayload(user=await _shown(who, user, cid), errors=[])

    @strawberry.mutation(
        description="Take a user's role in a company away (its admin, or a firm administrator)."
    )
    async def remove_membership(
        self, info: Info, company_id: strawberry.ID, user_id: strawberry.ID
    ) -> UserPayload:
        who, cid = _granter(info, company_id)
        user = await _user(user_id)
        try:
            await people.remove_membership(cid, user, who)
        except DomainError as exc:
            return _failed(exc)
        await roles_changed(info.context.bus, user.id)
        return UserPayload(user=await _shown(who, user, cid), errors=[])


def _granter(info: Info, company_id: strawberry.ID) -> tuple[Principal, int]:
    who = principal(info)
    cid = to_int_id(company_id, "companyId")
    if not people.may_grant(who, cid):
        raise forbidden("Only the company's admin or a firm administrator grants roles in it.")
    return who, cid


async def _set_active(info: Info, id: strawberry.ID, active: bool) -> UserPayload:
    who = principal(info)
    if not who.firm_admin:
        raise forbidden(people.NOT_FIRM)
    user = await _user(id)
    try:
        user = await people.set_active(user, active, who)
    except DomainError as exc:
        return _failed(exc)
    if not active:
        await end_sessions(info.context.bus, user_id=user.id)
    return UserPayload(user=await _shown(who, user), errors=[])
