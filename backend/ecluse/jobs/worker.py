"""`ecluse worker`: an arq worker running the registry's jobs, publishing events through Redis."""

from __future__ import annotations

import logging
from typing import Any

from arq import func
from arq.connections import RedisSettings
from arq.worker import Worker
from tortoise import Tortoise

from ecluse.db.config import tortoise_config
from ecluse.events import PublishOnlyBus
from ecluse.jobs.registry import JOBS
from ecluse.settings import Settings
from ecluse.storage import FileStore

log = logging.getLogger(__name__)


def make_worker(settings: Settings, *, burst: bool = False) -> Worker:
    if not settings.redis_url:
        raise RuntimeError("ECLUSE_REDIS_URL is not set: the worker takes its jobs from Redis")

    async def on_startup(ctx: dict[str, Any]) -> None:
        # Keep the object Tortoise.init returns and close *that* one (STACK.md: else the worker hangs).
        ctx["orm"] = await Tortoise.init(config=tortoise_config(settings), _enable_global_fallback=True)
        ctx["bus"] = PublishOnlyBus(ctx["redis"], settings.channel_prefix)
        ctx["store"] = FileStore(settings.storage_dir)
        ctx["settings"] = settings

    async def on_shutdown(ctx: dict[str, Any]) -> None:
        orm = ctx.get("orm")
        if orm is not None:
            await orm.close_connections()

    functions = [func(job, name=name, max_tries=5) for name, job in JOBS.items()]  # type: ignore[arg-type]
    return Worker(
        functions=functions,
        redis_settings=RedisSettings.from_dsn(settings.redis_url),
        queue_name=settings.queue_name,
        on_startup=on_startup,
        on_shutdown=on_shutdown,
        job_timeout=settings.job_timeout_s,
        burst=burst,
        handle_signals=True,
        keep_result=60,
    )
