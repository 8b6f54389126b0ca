"""People: users created with their roles, edited, deactivated; passwords set through one-time tokens and
changed with the current one; roles granted and removed per company. Every change is audited.

Who may do what (ARCHITECTURE.md § Permissions): a firm administrator creates and deactivates users and
grants any role in any company; a company's admin grants roles in that company, up to admin; nobody else
grants anything. A company never loses its last admin, and the firm never loses its last administrator,
except through a firm administrator's own hand on someone else.

No email server is needed: a new user's first password, like a reset, is set through a one-time token that
the API shows once to the administrator (or the CLI prints), to be passed on. Only its SHA-256 is kept.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from ecluse.activity.record import audit
from ecluse.auth.models import Membership, Session, User
from ecluse.auth.passwords import check_new_password
from ecluse.auth.principal import MAX_EMAIL, Principal, session_digest
from ecluse.auth.roles import USER_ROLES, Action, Role
from ecluse.auth.secrets import check_password, hash_password, new_token, token_hash
from ecluse.errors import DomainError, Forbidden
from ecluse.ledger.models import Company

LOCALES = ("fr", "en")
MAX_NAME = 200
#: How long a password token (a new user's first password, or a reset) may be used.
TOKEN_HOURS = 72
#: Roles one request may set at creation (a firm has tens of companies, not thousands).
MAX_ROLES = 500
NOT_FIRM = "Only a firm administrator may do this."


@dataclass(frozen=True, slots=True)
class UserFields:
    """A creation's fields, or an edit's changes (None: kept as it is)."""

    email: str | None = None
    name: str | None = None
    locale: str | None = None
    firm_admin: bool | None = None


def may_grant(who: Principal, company_id: int) -> bool:
    """Whether `who` may give or take roles in the company (up to admin)."""
    return who.firm_admin or who.can(Action.PEOPLE, company_id)


def _email(value: str) -> str:
    email = value.strip().lower()
    local, at, domain = email.partition("@")
    if not (local and at and "." in domain.strip(".")) or len(email) > MAX_EMAIL or not email.isprintable():
        raise DomainError("BAD_EMAIL", f"{value!r} is not an email address.", "email", email=value)
    if any(c.isspace() for c in email):
        raise DomainError("BAD_EMAIL", f"{value!r} is not an email address.", "email", email=value)
    return email


def _name(value: str) -> str:
    name = value.strip()
    if len(name) > MAX_NAME:
        raise DomainError("TOO_LONG", f"A name has at most {MAX_NAME} characters.", "name",
                          maximum=MAX_NAME, found=len(name))  # fmt: skip
    if not name.isprintable():
        raise DomainError("BAD_CHARACTERS", "`name` holds control characters.", "name")
    return name


def _locale(value: str) -> str:
    if value not in LOCALES:
        raise DomainError(
            "UNKNOWN_LOCALE", f"The languages are {', '.join(LOCALES)}.", "locale", locale=value
        )
    return value


async def _email_free(email: str, other_than: int | None) -> None:
    taken = User.filter(email=email)
    if other_than is not None:
        taken = taken.exclude(id=other_than)
    if await taken.exists():
        raise DomainError("EMAIL_TAKEN", f"A user already has the email {email}.", "email", email=email)


async def _check_companies(roles: dict[int, Role]) -> None:
    if len(roles) > MAX_ROLES:
        raise DomainError("TOO_MANY_ROLES", f"At most {MAX_ROLES} roles at once.", "roles", maximum=MAX_ROLES)
    known = await Company.filter(id__in=list(roles), archived_at=None).values_list("id", flat=True)
    missing = sorted(set(roles) - {int(str(k)) for k in known})
    if missing:
        raise DomainError(
            "UNKNOWN_COMPANY", f"No active company {missing[0]}.", "roles", company=str(missing[0])
        )


async def create_user(fields: UserFields, roles: dict[int, Role], who: Principal | None) -> tuple[User, str]:
    """A new user with `roles` (company id → role), and the one-time token that sets their first password.
    A firm administrator's action (`who` None: the CLI)."""
    if who is not None and not who.firm_admin:
        raise Forbidden(NOT_FIRM)
    email = _email(fields.email or "")
    name = _name(fields.name or "")
    locale = _locale(fields.locale or "fr")
    if any(role not in USER_ROLES for role in roles.values()):
        raise DomainError("BAD_ROLE", "A person's role is viewer, client, collaborator or admin.", "roles")
    await _check_companies(roles)
    token = new_token()
    # No password works until the token sets one: argon2 of a random secret nobody has.
    unusable = await asyncio.to_thread(hash_password, new_token())
    async with in_transaction("default") as conn:
        await _email_free(email, None)
        user = await User.create(
            email=email, name=name, locale=locale, is_firm_admin=bool(fields.firm_admin),
            password_hash=unusable,
            reset_token_hash=token_hash(token), reset_expires_at=_expiry(), using_db=conn,
        )  # fmt: skip
        for company_id, role in sorted(roles.items()):
            await Membership.create(user=user, company_id=company_id, role=role.value, using_db=conn)
    granted = ", ".join(f"{role.value} in {cid}" for cid, role in sorted(roles.items())) or "no role"
    firm = ", firm administrator" if user.is_firm_admin else ""
    await audit("user.created", "User", user.id, company_id=None, principal=who,
                detail=f"{user.email}{firm}: {granted}")  # fmt: skip
    for company_id, role in sorted(roles.items()):
        await audit("membership.set", "User", user.id, company_id=company_id, principal=who,
                    detail=f"{user.email}: {role.value}")  # fmt: skip
    return user, token


def _expiry() -> datetime:
    return datetime.now(UTC) + timedelta(hours=TOKEN_HOURS)


async def _firm_admins_left(without: int) -> int:
    return await User.filter(is_firm_admin=True, is_active=True).exclude(id=without).count()


async def update_user(user: User, fields: UserFields, who: Principal | None) -> User:
    """A user's email, name, language or firm-administrator flag changed (audited, old → new). A firm
    administrator changes anyone's; a user changes their own name and language."""
    own = who is not None and who.user_id == user.id
    if (
        who is not None
        and not who.firm_admin
        and not (own and fields.email is None and fields.firm_admin is None)
    ):
        raise Forbidden(NOT_FIRM)
    changes: dict[str, object] = {}
    if fields.email is not None:
        changes["email"] = _email(fields.email)
    if fields.name is not None:
        changes["name"] = _name(fields.name)
    if fields.locale is not None:
        changes["locale"] = _locale(fields.locale)
    if fields.firm_admin is not None:
        if not fields.firm_admin and user.is_firm_admin and not await _firm_admins_left(user.id):
            raise DomainError("LAST_FIRM_ADMIN", "The firm keeps at least one administrator.", "firmAdmin")
        changes["is_firm_admin"] = fields.firm_admin
    changed = {k: v for k, v in changes.items() if getattr(user, k) != v}
    if not changed:
        return user
    if "email" in changed:
        await _email_free(str(changed["email"]), user.id)
    before = {k: getattr(user, k) for k in changed}
    user.update_from_dict(changed)
    await user.save(update_fields=list(changed))
    detail = "; ".join(f"{k}: {before[k]!r} → {v!r}" for k, v in changed.items())
    await audit("user.updated", "User", user.id, company_id=None, principal=who, detail=detail)
    return user


async def set_active(user: User, active: bool, who: Principal | None) -> User:
    """Deactivate a user (they can no longer log in; the caller ends their sessions) or reactivate one. A
    firm administrator's action, never on themselves."""
    if who is not None and not who.firm_admin:
        raise Forbidden(NOT_FIRM)
    if user.is_active == active:
        return user
    if not active:
        if who is not None and who.user_id == user.id:
            raise DomainError("NOT_YOURSELF", "You cannot deactivate yourself.", "id")
        if user.is_firm_admin and not await _firm_admins_left(user.id):
            raise DomainError("LAST_FIRM_ADMIN", "The firm keeps at least one administrator.", "id")
    user.is_active = active
    await user.save(update_fields=["is_active"])
    await audit("user.activated" if active else "user.deactivated", "User", user.id, company_id=None,
                principal=who, detail=user.email)  # fmt: skip
    return user


async def reset_password(user: User, who: Principal | None) -> str:
    """A one-time token that sets a new password for `user` (valid TOKEN_HOURS; a newer one replaces it).
    A firm administrator's action; the current password keeps working until the token is used."""
    if who is not None and not who.firm_admin:
        raise Forbidden(NOT_FIRM)
    token = new_token()
    user.reset_token_hash, user.reset_expires_at = token_hash(token), _expiry()
    await user.save(update_fields=["reset_token_hash", "reset_expires_at"])
    await audit("user.password_reset", "User", user.id, company_id=None, principal=who, detail=user.email)
    return token


async def set_password_with_token(token: str, password: str) -> User:
    """Use a one-time token: the new password set (checked), the token spent, every session of the user
    ended (the caller also ends them on every process). DomainError BAD_TOKEN for an unknown, used or expired
    token, WEAK_PASSWORD for a password the rule refuses (the token then stays good)."""
    user = await User.get_or_none(reset_token_hash=token_hash(token), is_active=True) if token else None
    if user is None or user.reset_expires_at is None or user.reset_expires_at < datetime.now(UTC):
        raise DomainError("BAD_TOKEN", "This link is unknown, used or expired: ask for a new one.", "token")
    check_new_password(password, personal=(user.email, user.name))
    hashed = await asyncio.to_thread(hash_password, password)
    spent = await User.filter(id=user.id, reset_token_hash=user.reset_token_hash).update(
        password_hash=hashed, reset_token_hash=None, reset_expires_at=None
    )
    if not spent:  # the same token used twice at once: one wins
        raise DomainError("BAD_TOKEN", "This link is unknown, used or expired: ask for a new one.", "token")
    await Session.filter(user_id=user.id).delete()
    await audit("user.password_set", "User", user.id, company_id=None, principal=None, detail=user.email)
    return user


async def change_password(user: User, current: str, new: str) -> None:
    """The user's own password changed, given the current one (WRONG_PASSWORD otherwise); their other
    sessions end (the caller ends them everywhere and keeps the one that asked)."""
    if not await asyncio.to_thread(check_password, user.password_hash, current):
        raise DomainError("WRONG_PASSWORD", "The current password is wrong.", "currentPassword")
    check_new_password(new, personal=(user.email, user.name), field="newPassword")
    user.password_hash = await asyncio.to_thread(hash_password, new)
    await user.save(update_fields=["password_hash"])
    await audit("user.password_changed", "User", user.id, company_id=None,
                principal=Principal(user.id, None, user.email), detail=user.email)  # fmt: skip


async def _admins_left(company_id: int, without: int) -> int:
    return (
        await Membership.filter(company_id=company_id, role=Role.ADMIN.value).exclude(user_id=without).count()
    )


async def set_membership(company_id: int, user: User, role: Role, who: Principal | None) -> None:
    """Give `user` `role` in the company (or change it). A company admin or a firm administrator; the
    company's last admin keeps that role unless a firm administrator changes it."""
    if who is not None and not may_grant(who, company_id):
        raise Forbidden("Only the company's admin or a firm administrator grants roles in it.")
    if role not in USER_ROLES:
        raise DomainError("BAD_ROLE", "A person's role is viewer, client, collaborator or admin.", "role")
    await _check_companies({company_id: role})
    current = await Membership.get_or_none(user_id=user.id, company_id=company_id)
    if current is not None and current.role == role.value:
        return
    if current is not None and current.role == Role.ADMIN.value:
        await _keep_an_admin(company_id, user, who)
    before = f"{current.role} → " if current is not None else ""
    if current is None:
        await Membership.create(user=user, company_id=company_id, role=role.value)
    else:
        current.role = role.value
        await current.save(update_fields=["role"])
    await audit("membership.set", "User", user.id, company_id=company_id, principal=who,
                detail=f"{user.email}: {before}{role.value}")  # fmt: skip


async def _keep_an_admin(company_id: int, user: User, who: Principal | None) -> None:
    if (who is None or not who.firm_admin) and not await _admins_left(company_id, user.id):
        raise DomainError(
            "LAST_ADMIN", "The company keeps at least one admin: give the role to someone else first.", "role"
        )


async def remove_membership(company_id: int, user: User, who: Principal | None) -> bool:
    """Take `user`'s role in the company away (False when there was none)."""
    if who is not None and not may_grant(who, company_id):
        raise Forbidden("Only the company's admin or a firm administrator grants roles in it.")
    current = await Membership.get_or_none(user_id=user.id, company_id=company_id)
    if current is None:
        return False
    if current.role == Role.ADMIN.value:
        await _keep_an_admin(company_id, user, who)
    await current.delete()
    await audit("membership.removed", "User", user.id, company_id=company_id, principal=who,
                detail=f"{user.email}: was {current.role}")  # fmt: skip
    return True


async def users_of(company_id: int | None) -> list[tuple[User, list[tuple[int, str]]]]:
    """Users by email with their roles (company id, role): the members of one company (their role there
    alone), or everyone with every role (company_id None)."""
    memberships = Membership.all() if company_id is None else Membership.filter(company_id=company_id)
    roles: dict[int, list[tuple[int, str]]] = {}
    for user_id, cid, role in await memberships.values_list("user_id", "company_id", "role"):
        roles.setdefault(int(str(user_id)), []).append((int(str(cid)), str(role)))
    users = User.all() if company_id is None else User.filter(id__in=list(roles))
    return [(u, sorted(roles.get(u.id, []))) for u in await users.order_by("email")]


async def roles_of(user_id: int, company_id: int | None = None) -> list[tuple[int, str]]:
    """One user's roles (company id, role), in every company or in `company_id` alone."""
    rows = Membership.filter(user_id=user_id)
    if company_id is not None:
        rows = rows.filter(company_id=company_id)
    return sorted((int(str(c)), str(r)) for c, r in await rows.values_list("company_id", "role"))


async def user_by(user_id: int | None = None, email: str | None = None) -> User | None:
    if user_id is not None:
        return await User.get_or_none(id=user_id)
    return await User.get_or_none(email=email.strip().lower()) if email else None


async def end_other_sessions(user_id: int, keep_token: str | None) -> None:
    """Delete the user's sessions but the one of `keep_token` (a password change logs out everywhere else)."""
    others = Session.filter(user_id=user_id)
    if keep_token:
        others = others.exclude(token_hash=session_digest(keep_token))
    await others.delete()
