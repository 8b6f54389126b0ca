"""A user's notifications: pages newest first, their count, marking them read."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from tortoise.queryset import QuerySet

from ecluse.activity.models import Notification


def _of(user_id: int, company_ids: Iterable[int], unread_only: bool) -> QuerySet[Notification]:
    query = Notification.filter(user_id=user_id, company_id__in=list(company_ids))
    return query.filter(read_at=None) if unread_only else query


async def page(
    user_id: int, company_ids: Iterable[int], *, unread_only: bool, before_id: int | None, limit: int
) -> list[Notification]:
    """Up to `limit` notifications of the user in these companies, newest first, older than `before_id`."""
    query = _of(user_id, company_ids, unread_only)
    if before_id is not None:
        query = query.filter(id__lt=before_id)
    return await query.order_by("-id").limit(limit)


async def count(user_id: int, company_ids: Iterable[int], *, unread_only: bool) -> int:
    return await _of(user_id, company_ids, unread_only).count()


async def mark_read(user_id: int, ids: list[int]) -> int:
    """Mark the user's unread notifications among `ids` read, in one statement; how many were."""
    return await Notification.filter(user_id=user_id, id__in=ids, read_at=None).update(
        read_at=datetime.now(UTC)
    )


async def notification(notification_id: int) -> Notification | None:
    return await Notification.get_or_none(id=notification_id)
