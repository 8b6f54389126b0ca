"""Who may see a batch: anyone with a role in its company, but a partner application only its own."""

from __future__ import annotations

from ecluse.auth.principal import Principal
from ecluse.auth.roles import Action
from ecluse.imports.models import ImportBatch


def can_see(who: Principal, batch: ImportBatch) -> bool:
    if not who.can(Action.VIEW, batch.company_id):
        return False
    return not who.is_partner or batch.submitted_by_key_id == who.api_key_id
