"""Who may see a batch: anyone with a role in its company, but a partner application only its own."""

from __future__ import annotations

import re

from ecluse.auth.principal import Principal
from ecluse.auth.roles import Action
from ecluse.imports.models import ImportBatch
from ecluse.jobs.models import Job

#: Job ids are UUIDs (str(uuid4())): anything else names no job, and never reaches a query.
_JOB_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def can_see(who: Principal, batch: ImportBatch) -> bool:
    if not who.can(Action.VIEW, batch.company_id):
        return False
    return not who.is_partner or batch.submitted_by_key_id == who.api_key_id


async def visible_job(who: Principal, job_id: str) -> Job | None:
    """The job, if the caller may see it: a job of its company, and of a batch it may see. Anything else —
    no such job, another company's, another sender's — is None, so that none can be told apart."""
    job = await Job.get_or_none(id=job_id) if _JOB_ID.fullmatch(job_id) else None
    if job is None or job.company_id is None or not who.can(Action.VIEW, job.company_id):
        return None
    if job.batch_id is not None:
        batch = await ImportBatch.get_or_none(id=job.batch_id)
        if batch is None or not can_see(who, batch):
            return None
    return job
