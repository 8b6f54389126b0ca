"""Who may see a batch: anyone with a role in its company, but a partner application only its own.

The one place this rule is written: the API's queries, mutations and subscriptions, the downloads and the
job query all ask here.
"""

from __future__ import annotations

import re

from tortoise.queryset import QuerySet

from ecluse.auth.principal import Principal
from ecluse.auth.roles import Action, refusal
from ecluse.errors import Forbidden
from ecluse.imports.models import ImportBatch
from ecluse.imports.queries import batch_with_file
from ecluse.imports.state import BatchState
from ecluse.jobs.models import Job

#: Job ids are UUIDs (str(uuid4())): anything else names no job, and never reaches a query.
_JOB_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
NOT_VISIBLE = "No such import, or you may not see it."


def can_see(who: Principal, batch: ImportBatch | BatchState) -> bool:
    if not who.can(Action.VIEW, batch.company_id):
        return False
    return not who.is_partner or batch.submitted_by_key_id == who.api_key_id


def visible(query: QuerySet[ImportBatch], who: Principal) -> QuerySet[ImportBatch]:
    """The batches of `query` the caller may see (the caller's role in the company is checked apart)."""
    return query.filter(submitted_by_key_id=who.api_key_id) if who.is_partner else query


async def visible_batch(who: Principal, batch_id: int | None) -> ImportBatch | None:
    """The batch, if the caller may see it; None for no such batch and for one it may not see alike."""
    # With its received file: every reader of a batch shows its file.
    batch = await batch_with_file(batch_id) if batch_id is not None else None
    return batch if batch is not None and can_see(who, batch) else None


async def batch_for(who: Principal, batch_id: int, action: Action) -> ImportBatch:
    """The batch, if the caller may see it and do `action` on it; Forbidden otherwise."""
    batch = await visible_batch(who, batch_id)
    if batch is None:
        raise Forbidden(NOT_VISIBLE)
    if not who.can(action, batch.company_id):
        raise Forbidden(refusal(action))
    return batch


async def visible_job(who: Principal, job_id: str) -> Job | None:
    """The job, if the caller may see it: a job of its company, and of a batch it may see. Anything else —
    no such job, another company's, another sender's — is None, so that none can be told apart."""
    job = await Job.get_or_none(id=job_id) if _JOB_ID.fullmatch(job_id) else None
    if job is None or job.company_id is None or not who.can(Action.VIEW, job.company_id):
        return None
    if job.batch_id is not None and await visible_batch(who, job.batch_id) is None:
        return None
    return job
