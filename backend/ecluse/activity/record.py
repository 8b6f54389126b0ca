"""Recording what happened: the audit trail, and notifications pushed to the people concerned."""

from __future__ import annotations

from contextvars import ContextVar

from ecluse.activity.models import AuditLog, Notification
from ecluse.auth.models import Membership
from ecluse.auth.principal import Principal
from ecluse.auth.roles import MATRIX, Action
from ecluse.events import EventBus, user_notifications

#: Where the work at hand came from, for the audit trail: set once per request by the API (the client's
#: address) and by the CLI ("cli"); tasks started from there inherit it.
origin: ContextVar[str] = ContextVar("audit_origin", default="")


async def audit(
    action: str,
    object_type: str,
    object_id: int | str,
    *,
    company_id: int | None,
    principal: Principal | None,
    detail: str = "",
) -> None:
    await AuditLog.create(
        company_id=company_id,
        user_id=principal.user_id if principal else None,
        api_key_id=principal.api_key_id if principal else None,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        detail=detail,
        origin=origin.get()[:64],
    )


async def notify_batch(
    bus: EventBus, *, company_id: int, batch_id: int, kind: str, message: str, submitter_id: int | None,
    params: dict[str, str | int] | None = None,
) -> None:  # fmt: skip
    """Tell the submitter and everyone who can decide on the company's imports."""
    deciders = {role.value for role in MATRIX[Action.DECIDE]}
    rows = await Membership.filter(company_id=company_id, role__in=deciders).values_list("user_id", flat=True)
    user_ids = {int(str(uid)) for uid in rows}
    if submitter_id is not None:
        user_ids.add(submitter_id)
    for user_id in sorted(user_ids):
        note = await Notification.create(
            user_id=user_id,
            company_id=company_id,
            kind=kind,
            message=message,
            batch_id=batch_id,
            params=params,
        )
        await bus.publish(user_notifications(user_id), {"notification_id": note.id})
