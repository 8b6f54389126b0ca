"""Users, companies, fiscal years, notifications, jobs and API keys over GraphQL — thin translations."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.scalars import JSON

from ecluse.activity import notifications
from ecluse.api.context import SESSION_COOKIE, Info, client_address
from ecluse.api.loaders import loader
from ecluse.api.pagination import Connection, connection, cursor_id, decode_cursor, encode_cursor, page_size
from ecluse.api.permissions import forbidden, principal, require
from ecluse.api.scalars import Money
from ecluse.auth import principal as auth
from ecluse.auth import queries as accounts
from ecluse.auth.roles import Action
from ecluse.auth.sessions import end_sessions
from ecluse.auth.throttle import Policy, Throttled
from ecluse.errors import DomainError, ParamValue
from ecluse.errors import UserError as DomainUserError
from ecluse.events import job_channel, user_notifications
from ecluse.ids import parse_id
from ecluse.imports.access import visible_job
from ecluse.jobs import queries as jobs
from ecluse.ledger import companies as ledger
from ecluse.ledger import fiscal_years
from ecluse.ledger.closing import close_fiscal_year
from ecluse.ledger.company_changes import findings as company_findings
from ecluse.money import to_decimal

if TYPE_CHECKING:  # rows the GraphQL types are built from: resolvers read through the domain's queries
    from ecluse.activity.models import Notification as NotificationModel
    from ecluse.auth.models import ApiKey as ApiKeyModel
    from ecluse.auth.models import User as UserModel
    from ecluse.jobs.models import Job as JobModel
    from ecluse.ledger.models import Company as CompanyModel
    from ecluse.ledger.models import FiscalYear as FiscalYearModel


@strawberry.type
class UserError:
    code: str
    message: str = strawberry.field(
        description="English, for logs and developers: show `code` with `params`."
    )
    field: str | None = None
    params: JSON | None = strawberry.field(
        default=None,
        description="The values the message speaks of, by name: dates ISO, amounts as decimal strings.",
    )

    @classmethod
    def of(cls, error: DomainUserError) -> UserError:
        params: Any = error.params
        return cls(code=error.code, message=error.message, field=error.field, params=params)


@strawberry.enum
class Role(Enum):
    VIEWER = "viewer"
    PARTNER = "partner"
    CLIENT = "client"
    COLLABORATOR = "collaborator"
    ADMIN = "admin"


@strawberry.type
class Company:
    id: strawberry.ID
    name: str
    siren: str | None
    code: str | None = strawberry.field(
        description="The short code a company column may name (besides the SIREN)."
    )
    currency: str
    country: str = strawberry.field(description="ISO 3166 alpha-2.")
    address: str
    archived: bool
    role: Role | None = strawberry.field(description="The caller's role in it; null for none.")
    fec_siren_must_match: bool = strawberry.field(
        description="A FEC file whose name carries another SIREN is refused (SIREN_MISMATCH error, the batch "
        "FAILED) instead of imported with a SIREN_MISMATCH finding."
    )
    findings: list[UserError] = strawberry.field(
        description="What is wrong with the company as stored, to fix, never a block (INVALID_SIREN: a SIREN "
        "stored before SIRENs were checked)."
    )

    @classmethod
    def from_model(cls, company: CompanyModel, role: str | None) -> Company:
        return cls(
            id=strawberry.ID(str(company.id)),
            name=company.name,
            siren=company.siren,
            code=company.code,
            currency=company.currency,
            country=company.country,
            address=company.address,
            archived=company.archived_at is not None,
            role=Role(role) if role else None,
            fec_siren_must_match=company.fec_siren_must_match,
            findings=[UserError.of(f) for f in company_findings(company)],
        )


@strawberry.type
class FiscalYear:
    id: strawberry.ID
    name: str
    start_date: date
    end_date: date
    closed: bool
    locked: bool

    @classmethod
    def from_model(cls, year: FiscalYearModel) -> FiscalYear:
        return cls(
            id=strawberry.ID(str(year.id)),
            name=year.name,
            start_date=year.start_date,
            end_date=year.end_date,
            closed=year.closed,
            locked=year.locked,
        )


@strawberry.type
class FiscalYearPayload:
    fiscal_year: FiscalYear | None
    errors: list[UserError]


@strawberry.type(description="A closed year and the next year's opening entry.")
class ClosingPayload:
    fiscal_year: FiscalYear | None
    next_year: FiscalYear | None = None
    opening_entry_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The opening entry (journal AN) posted in the next year; null when every "
        "balance was nil.",
    )
    opening_line_count: int = 0
    result: Money | None = strawberry.field(
        default=None, description="Classes 7 − 6: positive a profit (to 120), negative a loss (to 129)."
    )
    opening_total: Money | None = strawberry.field(
        default=None, description="What the opening entry carries."
    )
    currency: str | None = None
    errors: list[UserError]


@strawberry.type
class Membership:
    company: Company


@strawberry.type
class User:
    id: strawberry.ID
    email: str
    name: str
    locale: str
    memberships: list[Membership]


@strawberry.type
class Me:
    """The caller: a user, or a partner application (API key)."""

    name: str
    user: User | None
    api_key_id: strawberry.ID | None
    companies: list[Company]
    firm_admin: bool = strawberry.field(
        description="A firm administrator creates and archives companies and users and grants any role."
    )


@strawberry.type
class Notification:
    id: strawberry.ID
    kind: str
    message: str
    company_id: strawberry.ID
    batch_id: strawberry.ID | None
    created_at: datetime
    read: bool
    params: JSON | None = strawberry.field(
        description="What the message speaks of, as of the change, by name: file, company (the dossier's "
        "name), entries and rejected (counts), and for PARSE_FAILED the first error's code and its parameters "
        "(error_<name>). Kinds: PARSE_DONE (ready for validation), PARSE_DONE_WITH_ERRORS (some entries "
        "refused), PARSE_FAILED, VALIDATED, REJECTED. Null on notifications older than this field."
    )

    @strawberry.field(description="The name of the file the notification is about.")
    async def file_name(self, info: Info) -> str | None:
        if self.batch_id is None:
            return None
        name: str | None = await loader(info.context, "FileNameByBatchLoader").load(int(self.batch_id))
        return name

    @classmethod
    def from_model(cls, note: NotificationModel) -> Notification:
        return cls(
            id=strawberry.ID(str(note.id)),
            kind=note.kind,
            message=note.message,
            company_id=strawberry.ID(str(note.company_id)),
            batch_id=strawberry.ID(str(note.batch_id)) if note.batch_id else None,
            created_at=note.created_at,
            read=note.read_at is not None,
            params=note.params,
        )


@strawberry.enum
class JobState(Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@strawberry.type
class Job:
    id: strawberry.ID
    kind: str
    state: JobState
    progress: int
    attempts: int
    error: str
    batch_id: strawberry.ID | None

    @classmethod
    def from_model(cls, job: JobModel) -> Job:
        return cls(
            id=strawberry.ID(job.id),
            kind=job.kind,
            state=JobState(job.state),
            progress=job.progress,
            attempts=job.attempts,
            error=job.error,
            batch_id=strawberry.ID(str(job.batch_id)) if job.batch_id else None,
        )


@strawberry.type
class ApiKey:
    id: strawberry.ID
    name: str
    prefix: str
    company_id: strawberry.ID
    created_at: datetime
    revoked: bool
    revoked_at: datetime | None
    last_used_at: datetime | None = strawberry.field(
        description="When a request last came with it (to the minute: noted at most every few seconds)."
    )

    @classmethod
    def from_model(cls, key: ApiKeyModel) -> ApiKey:
        return cls(
            id=strawberry.ID(str(key.id)),
            name=key.name,
            prefix=key.prefix,
            company_id=strawberry.ID(str(key.company_id)),
            created_at=key.created_at,
            revoked=key.revoked_at is not None,
            revoked_at=key.revoked_at,
            last_used_at=key.last_used_at,
        )


@strawberry.type
class LoginPayload:
    token: str | None
    user: User | None
    retry_after_seconds: int | None = strawberry.field(
        default=None, description="With TOO_MANY_ATTEMPTS: how long to wait before trying again."
    )
    errors: list[UserError]


@strawberry.type
class ApiKeyPayload:
    api_key: ApiKey | None
    key: str | None = strawberry.field(description="The key itself: shown once, never again.")
    errors: list[UserError]


@strawberry.type
class MarkReadPayload:
    count: int
    errors: list[UserError]


MAX_KEY_NAME = 100
#: Notifications marked read by one call (a page of the notification centre is far fewer).
MAX_MARK_READ = 500


def to_int_id(value: Any, field: str = "id") -> int:
    """A record id from the API; else BAD_USER_INPUT (never an overflow or a driver error further down)."""
    number = parse_id(value)
    if number is None:
        from graphql import GraphQLError

        raise GraphQLError(
            f"`{field}` is not a valid id.", extensions={"code": "BAD_USER_INPUT", "field": field}
        )
    return number


async def _set_locked(info: Info, id: strawberry.ID, locked: bool) -> FiscalYearPayload:
    found = await fiscal_years.year(to_int_id(id))
    if found is None or not principal(info).can(Action.VIEW, found.company_id):
        raise forbidden()  # another company's year answers like one that does not exist
    who = require(info, Action.YEARS, found.company_id)
    try:
        year = await fiscal_years.set_locked(found, locked, who)
    except DomainError as exc:
        return FiscalYearPayload(fiscal_year=None, errors=[UserError.of(exc.error)])
    return FiscalYearPayload(fiscal_year=FiscalYear.from_model(year), errors=[])


async def companies_of(info: Info) -> list[Company]:
    who = principal(info)
    rows = await ledger.companies(who.company_ids)
    return [Company.from_model(c, who.roles[c.id].value) for c in rows]


async def user_type(user: UserModel, info: Info) -> User:
    companies = await companies_of(info)
    return User(
        id=strawberry.ID(str(user.id)),
        email=user.email,
        name=user.name,
        locale=user.locale,
        memberships=[Membership(company=c) for c in companies],
    )


@strawberry.type
class CoreQuery:
    @strawberry.field
    async def me(self, info: Info) -> Me:
        who = principal(info)
        user = await accounts.user(who.user_id) if who.user_id else None
        return Me(
            name=who.name,
            user=await user_type(user, info) if user else None,
            api_key_id=strawberry.ID(str(who.api_key_id)) if who.api_key_id else None,
            companies=await companies_of(info),
            firm_admin=who.firm_admin,
        )

    @strawberry.field
    async def companies(self, info: Info) -> list[Company]:
        return await companies_of(info)

    @strawberry.field
    async def fiscal_years(self, info: Info, company_id: strawberry.ID) -> list[FiscalYear]:
        require(info, Action.VIEW, to_int_id(company_id, "companyId"))
        years = await ledger.fiscal_years_of(int(company_id))
        return [FiscalYear.from_model(y) for y in years]

    @strawberry.field
    async def notifications(
        self, info: Info, first: int | None = None, after: str | None = None, unread_only: bool = False
    ) -> Connection[Notification]:
        who = principal(info)
        if who.user_id is None:
            raise forbidden("Notifications belong to users.")
        limit = page_size(first)
        user_id, company_ids = who.user_id, who.company_ids
        cursor = decode_cursor(after)
        rows = await notifications.page(
            user_id,
            company_ids,
            unread_only=unread_only,
            before_id=cursor_id(cursor) if cursor else None,
            limit=limit + 1,
        )

        async def count() -> int:
            return await notifications.count(user_id, company_ids, unread_only=unread_only)

        return connection(rows, limit, lambda n: encode_cursor(n.id), Notification.from_model, count)

    @strawberry.field
    async def job(self, info: Info, id: strawberry.ID) -> Job | None:
        job = await visible_job(principal(info), str(id))
        return Job.from_model(job) if job is not None else None

    @strawberry.field
    async def api_keys(self, info: Info, company_id: strawberry.ID) -> list[ApiKey]:
        require(info, Action.PEOPLE, to_int_id(company_id, "companyId"))
        keys = await accounts.api_keys_of(int(company_id))
        return [ApiKey.from_model(k) for k in keys]


@strawberry.type
class CoreMutation:
    @strawberry.mutation
    async def login(self, info: Info, email: str, password: str) -> LoginPayload:
        settings = info.context.settings
        outcome = await auth.login(
            email,
            password,
            address=client_address(info.context.request, settings.trusted_proxies),
            policy=Policy.from_settings(settings),
            session_days=settings.session_days,
        )
        if isinstance(outcome, Throttled):
            wait = outcome.retry_after_s
            message = f"Too many failed attempts. Try again in {wait} second{'s' if wait > 1 else ''}."
            return LoginPayload(
                token=None,
                user=None,
                retry_after_seconds=wait,
                errors=[UserError.of(DomainUserError("TOO_MANY_ATTEMPTS", message, None, {"seconds": wait}))],
            )
        if outcome is None:
            return LoginPayload(
                token=None,
                user=None,
                errors=[UserError(code="INVALID_CREDENTIALS", message="Wrong email or password.")],
            )
        info.context.principal = await auth.principal_for_user(outcome.user)
        info.context.token = outcome.token
        response = info.context.response
        if response is not None and hasattr(response, "set_cookie"):
            response.set_cookie(
                SESSION_COOKIE,
                outcome.token,
                max_age=settings.session_days * 86400,
                httponly=True,
                samesite="lax",
                secure=settings.secure_cookies,
            )
        return LoginPayload(token=outcome.token, user=await user_type(outcome.user, info), errors=[])

    @strawberry.mutation(description="End the caller's session: its open subscriptions end with it.")
    async def logout(self, info: Info) -> bool:
        if info.context.token and info.context.principal is not None and info.context.principal.user_id:
            await end_sessions(info.context.bus, token=info.context.token)
        response = info.context.response
        if response is not None and hasattr(response, "delete_cookie"):
            response.delete_cookie(SESSION_COOKIE)
        return True

    @strawberry.mutation
    async def mark_notifications_read(self, info: Info, ids: list[strawberry.ID]) -> MarkReadPayload:
        who = principal(info)
        if who.user_id is None:
            raise forbidden("Notifications belong to users.")
        if len(ids) > MAX_MARK_READ:  # one statement, within every database's bound-variable limit
            message = f"Mark at most {MAX_MARK_READ} notifications read at once."
            params: dict[str, ParamValue] = {"maximum": MAX_MARK_READ, "found": len(ids)}
            problem = UserError.of(DomainUserError("TOO_MANY_IDS", message, "ids", params))
            return MarkReadPayload(count=0, errors=[problem])
        count = await notifications.mark_read(who.user_id, [to_int_id(i, "ids") for i in ids])
        return MarkReadPayload(count=count, errors=[])

    @strawberry.mutation(
        description="Open a fiscal year: 12 months from `startDate` unless `endDate` says otherwise (a first or "
        "last year runs 1 to 24 months); a year overlapping another is refused (FISCAL_YEAR_OVERLAP)."
    )
    async def open_fiscal_year(
        self, info: Info, company_id: strawberry.ID, start_date: date, end_date: date | None = None,
        name: str | None = None,
    ) -> FiscalYearPayload:  # fmt: skip
        cid = to_int_id(company_id, "companyId")
        who = require(info, Action.SETTINGS, cid)
        request = fiscal_years.YearRequest(cid, start_date, end_date, name)
        try:
            year = await fiscal_years.open_fiscal_year(request, who)
        except DomainError as exc:
            return FiscalYearPayload(fiscal_year=None, errors=[UserError.of(exc.error)])
        return FiscalYearPayload(fiscal_year=FiscalYear.from_model(year), errors=[])

    @strawberry.mutation(
        description="Lock a fiscal year: nothing is imported into it or posted in it until it is unlocked "
        "(a company admin's action, audited)."
    )
    async def lock_fiscal_year(self, info: Info, id: strawberry.ID) -> FiscalYearPayload:
        return await _set_locked(info, id, True)

    @strawberry.mutation(description="Unlock a locked fiscal year (a company admin's action, audited).")
    async def unlock_fiscal_year(self, info: Info, id: strawberry.ID) -> FiscalYearPayload:
        return await _set_locked(info, id, False)

    @strawberry.mutation(
        description="Close a fiscal year, for good (a company admin's action): refused while imports of the year "
        "wait (BATCHES_WAITING), before an earlier year is closed, or without the next year to open into. The "
        "balances of classes 1 to 5 and the result (to 120 or 129) are posted as the next year's opening entry."
    )
    async def close_fiscal_year(self, info: Info, id: strawberry.ID) -> ClosingPayload:
        found = await fiscal_years.year(to_int_id(id))
        if found is None or not principal(info).can(Action.VIEW, found.company_id):
            raise forbidden()
        who = require(info, Action.YEARS, found.company_id)
        try:
            done = await close_fiscal_year(found, who)
        except DomainError as exc:
            return ClosingPayload(fiscal_year=None, errors=[UserError.of(exc.error)])
        currency = await ledger.currency_of(found.company_id)
        return ClosingPayload(
            fiscal_year=FiscalYear.from_model(done.year),
            next_year=FiscalYear.from_model(done.next_year),
            opening_entry_id=strawberry.ID(str(done.entry_id)) if done.entry_id else None,
            opening_line_count=done.line_count,
            result=Money(to_decimal(done.result, currency)),
            opening_total=Money(to_decimal(done.total, currency)),
            currency=currency,
            errors=[],
        )

    @strawberry.mutation
    async def create_api_key(self, info: Info, company_id: strawberry.ID, name: str) -> ApiKeyPayload:
        cid = to_int_id(company_id, "companyId")
        who = require(info, Action.PEOPLE, cid)
        name = name.strip()
        problem = None
        if not name:
            problem = UserError(code="REQUIRED", message="Give the key a name.", field="name")
        elif len(name) > MAX_KEY_NAME or not name.isprintable():
            message = f"A key's name is at most {MAX_KEY_NAME} characters, without control characters."
            problem = UserError.of(
                DomainUserError("BAD_USER_INPUT", message, "name", {"maximum": MAX_KEY_NAME})
            )
        if problem is not None:
            return ApiKeyPayload(api_key=None, key=None, errors=[problem])
        record, key = await auth.create_api_key(cid, name, who.user_id)
        return ApiKeyPayload(api_key=ApiKey.from_model(record), key=key, errors=[])

    @strawberry.mutation
    async def revoke_api_key(self, info: Info, id: strawberry.ID) -> ApiKeyPayload:
        record = await accounts.api_key(to_int_id(id))
        if record is None or not principal(info).can(Action.PEOPLE, record.company_id):
            raise forbidden()  # another company's key answers like one that does not exist
        # Revoked, and its open subscriptions closed, on every API process.
        await end_sessions(info.context.bus, api_key_id=record.id)
        await accounts.refresh_revoked(record)
        return ApiKeyPayload(api_key=ApiKey.from_model(record), key=None, errors=[])


@strawberry.type
class CoreSubscription:
    @strawberry.subscription(description="The caller's new notifications, as they are stored.")
    async def notifications(self, info: Info) -> AsyncGenerator[Notification, None]:
        who = principal(info)
        if who.user_id is None:
            raise forbidden("Notifications belong to users.")
        async with info.context.bus.subscribe(user_notifications(who.user_id)) as events:
            async for event in events:
                note = await notifications.notification(event["notification_id"])
                if note is not None and note.company_id in who.roles:
                    info.context.loaders.clear()
                    yield Notification.from_model(note)

    @strawberry.subscription(
        description="State and progress of one job: its current state, then each change, until it ends."
    )
    async def job_progress(self, info: Info, job_id: strawberry.ID) -> AsyncGenerator[Job, None]:
        job = await visible_job(principal(info), str(job_id))
        if job is None:
            raise forbidden("No such job, or you may not see it.")
        async with info.context.bus.subscribe(job_channel(job.id)) as events:
            # Subscribed first, then the current state: nothing published in between is lost. The stream
            # ends with the job, so a client never waits on a job that is already over.
            current = await jobs.job(job.id)
            yield Job.from_model(current)
            if current.state in ("done", "failed"):
                return
            async for _event in events:
                current = await jobs.job(job.id)
                yield Job.from_model(current)
                if current.state in ("done", "failed"):
                    return
