"""FEC import benchmark: upload → PENDING_VALIDATION, validateImport, and the naive ORM path, side by side.

    python bench/bench_import.py --lines 1000000 --db sqlite|postgres|both [--keep] [--naive-lines N]
                                 [--no-naive] [--profile] [--timeout 900]
    python bench/bench_import.py --lines 1000000 --db both --breakdown [--experiment serial|switch]

For each database, in fresh processes (nothing is shared between measurements):

1. an N-line FEC file from bench/gen_fec.py, cached in bench/data/ by size (regenerated when gen_fec.py changes);
2. a fresh database (a SQLite file in a temporary folder; `ecluse_bench_<random>` on PostgreSQL, dropped after),
   migrated, with a company, an open fiscal year covering the generated dates and an admin user;
3. upload → PENDING_VALIDATION through the real path: `receive_file` (the file streamed in 1 MiB chunks into the
   store, hashed) then the `parse_import` job — run in-process (InProcessQueue, as `ecluse serve` does) on SQLite,
   by a real `ecluse worker` subprocess through Redis on PostgreSQL. Peak RSS is that of the process doing the
   parse: the measuring subprocess itself on SQLite (ru_maxrss), the worker on PostgreSQL (psutil, every 50 ms);
4. validateImport of the same batch: `request_validation` + the `validate_import` job (post_batch);
5. the naive path for comparison, in another fresh database of the same kind: csv.reader + Decimal and date()
   per row + balance check + Tortoise `bulk_create` of Entry and EntryLine objects (batch_size=1000), one
   transaction per 20,000 entries as staging does. `--naive-lines` runs it on a slice and extrapolates.

Prints a Markdown table and writes the figures as JSON in bench/data/. `--profile` attaches py-spy (GIL
holder only, 100 Hz) to the process doing the work (the measuring subprocess on SQLite, the worker on
PostgreSQL) and prints where the Python time goes; profiled runs are marked so.

`--breakdown` instead stages and validates in one subprocess (in-process jobs on both databases) with timers
around each staging step (`stage._take` = parsing, `stage._rows`, `stage.insert_rows`, `allocate_ids`…) and
around every SQL statement of the Tortoise clients: wall seconds per step, which may overlap (the parse of
the next chunk runs in a thread while the current one is inserted). `--experiment serial` serialises parsing,
row building and inserting (a what-if, not the shipped path); `--experiment switch` shortens the GIL switch
interval to 0.2 ms.

Environment: ECLUSE_BENCH_PG (admin URL, default postgres://postgres@127.0.0.1:5432/test),
ECLUSE_BENCH_REDIS (default redis://127.0.0.1:6379).

The functions `fec_file`, `deployment`, `setup`, `stage` are reused by bench_graphql.py.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
DATA = BENCH / "data"
PG_ADMIN = os.environ.get("ECLUSE_BENCH_PG", "postgres://postgres@127.0.0.1:5432/test")
REDIS = os.environ.get("ECLUSE_BENCH_REDIS", "redis://127.0.0.1:6379")
YEAR = 2025  # gen_fec's default year; the fiscal year created covers it
FEC_NAME = f"123456782FEC{YEAR}1231.txt"  # the name the batch receives (SirenFECAAAAMMJJ: no finding)
EMAIL, PASSWORD = "bench@bench.ecluse.fr", "bench-pass"
NAIVE_CHUNK = 20_000  # entries per transaction, as staging does
RESULT = "BENCH-RESULT "


# ---------------------------------------------------------------------------------------------------------
# The input file


def fec_file(lines: int, log: Any = print) -> Path:
    """bench/data/import_fec_<lines>.txt, generated once per gen_fec.py version (atomic: tmp then rename)."""
    sys.path.insert(0, str(BENCH))
    import gen_fec

    version = hashlib.sha256(Path(gen_fec.__file__).read_bytes()).hexdigest()[:16]
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"import_fec_{lines}.txt"
    marker = path.with_suffix(".json")
    if path.exists() and marker.exists():
        meta = json.loads(marker.read_text())
        if meta.get("gen_fec") == version and meta.get("size") == path.stat().st_size:
            return path
    log(f"generating {path.name} ({lines:,} lines) with gen_fec…")
    started = time.perf_counter()
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    try:
        debit, credit = gen_fec.generate_fec(tmp, lines, year=YEAR, seed=1)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    meta = {"lines": lines, "gen_fec": version, "size": path.stat().st_size, "debit": debit, "credit": credit}
    marker.write_text(json.dumps(meta))
    log(f"  {path.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - started:.1f} s")
    return path


# ---------------------------------------------------------------------------------------------------------
# Fresh databases


@dataclass
class Deployment:
    kind: str  # "sqlite" | "postgres"
    root: Path
    env: dict[str, str]
    run: str
    pg_db: str | None = None
    info: dict[str, Any] = field(default_factory=dict)  # company_id, user_id… (filled by setup)

    @property
    def label(self) -> str:
        return {"sqlite": "SQLite", "postgres": "PostgreSQL"}[self.kind]


async def _pg_admin(sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(PG_ADMIN, timeout=10)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def _redis_cleanup(pattern: str) -> None:
    import redis

    with contextlib.suppress(redis.RedisError):
        client = redis.Redis.from_url(REDIS, socket_connect_timeout=2)
        keys = list(client.scan_iter(match=pattern, count=1000))
        if keys:
            client.delete(*keys)
        client.close()


@contextlib.contextmanager
def deployment(
    kind: str, *, keep: bool = False, redis: bool = True, log: Any = print
) -> Iterator[Deployment]:
    """A fresh, empty database (not migrated yet) with its own file store, queue name and channel prefix."""
    run = uuid.uuid4().hex[:10]
    root = Path(tempfile.mkdtemp(prefix=f"ecluse_bench_{kind}_"))
    env = {
        "ECLUSE_STORAGE_DIR": str(root / "files"),
        "ECLUSE_SECRET_KEY": "bench",
        "ECLUSE_JOB_TIMEOUT_S": "3000",
        "ECLUSE_MAX_UPLOAD_BYTES": str(8 << 30),
    }
    dep = Deployment(kind, root, env, run)
    try:
        if kind == "sqlite":
            env["ECLUSE_DATABASE_URL"] = f"sqlite://{root / 'ecluse.sqlite3'}"
        elif kind == "postgres":
            dep.pg_db = f"ecluse_bench_{run}"
            asyncio.run(_pg_admin(f'CREATE DATABASE "{dep.pg_db}"'))
            env["ECLUSE_DATABASE_URL"] = f"{PG_ADMIN.rsplit('/', 1)[0]}/{dep.pg_db}"
            if redis:
                env["ECLUSE_REDIS_URL"] = REDIS
                env["ECLUSE_QUEUE_NAME"] = f"ecluse:bench:{run}:queue"
                env["ECLUSE_CHANNEL_PREFIX"] = f"ecluse:bench:{run}:events"
        else:
            raise ValueError(f"unknown database kind {kind!r}")
        yield dep
    finally:
        if keep:
            log(f"kept: {root}" + (f" and database {dep.pg_db}" if dep.pg_db else ""))
        else:
            if dep.pg_db:
                try:
                    asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{dep.pg_db}" WITH (FORCE)'))
                except Exception as exc:  # report, never hide: a leftover database must be visible
                    log(f"warning: could not drop database {dep.pg_db}: {exc}")
            shutil.rmtree(root, ignore_errors=True)
        if "ECLUSE_REDIS_URL" in env:
            _redis_cleanup(f"ecluse:bench:{run}:*")


# ---------------------------------------------------------------------------------------------------------
# Subprocesses: measuring children, the worker, py-spy — each stopped by its PID


def stop_process(proc: subprocess.Popen[Any], sig: int = signal.SIGTERM, wait: float = 20) -> None:
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(sig)
    try:
        proc.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        proc.wait(timeout=10)


class Profiler:
    """py-spy attached to a PID (raw collapsed stacks of the thread holding the GIL: Python CPU time, not
    the time the database spends with the GIL released); stops when the process exits or on stop()."""

    def __init__(self, pid: int, out: Path, rate: int = 100) -> None:
        self.out = out
        exe = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
        self.proc = subprocess.Popen(
            [exe, "record", "--pid", str(pid), "--format", "raw", "--rate", str(rate), "--gil", "-o", str(out)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        time.sleep(0.5)  # let it attach

    def stop(self) -> Path:
        stop_process(self.proc, signal.SIGINT, wait=60)
        return self.out


def run_child(
    dep: Deployment, action: str, timeout: float, *, profile_to: Path | None = None, **params: Any
) -> dict[str, Any]:
    """Run one measurement in a fresh process of this script; returns the JSON it prints."""
    spec = json.dumps({"action": action, "info": dep.info, **params})
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", spec]
    proc = subprocess.Popen(
        cmd, env={**os.environ, **dep.env}, stdout=subprocess.PIPE, stderr=None, start_new_session=True, text=True
    )  # fmt: skip
    profiler = None
    if profile_to is not None:
        time.sleep(1.0)  # let the interpreter start before py-spy attaches (the measurement starts later)
        profiler = Profiler(proc.pid, profile_to)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"{action} on {dep.label} did not finish within {timeout:.0f} s") from exc
    finally:
        stop_process(proc, signal.SIGKILL, wait=5)
        if profiler is not None:
            profiler.stop()
    for line in reversed(out.splitlines()):
        if line.startswith(RESULT):
            result: dict[str, Any] = json.loads(line[len(RESULT) :])
            if "error" in result:
                raise RuntimeError(f"{action} on {dep.label}: {result['error']}")
            return result
    raise RuntimeError(f"{action} on {dep.label} exited with {proc.returncode} and no result")


class RssSampler:
    """Peak RSS of a process tree, sampled every `interval` seconds in a thread; `mark()` starts a new window."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        import psutil

        self._proc = psutil.Process(pid)
        self._interval = interval
        self._peak = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._thread.start()

    def current(self) -> int:
        import psutil

        total = 0
        with contextlib.suppress(psutil.Error):
            total = self._proc.memory_info().rss
            for child in self._proc.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    total += child.memory_info().rss
        return total

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            rss = self.current()
            with self._lock:
                self._peak = max(self._peak, rss)

    def mark(self) -> int:
        """Start a new window; returns the RSS now (the baseline of the window)."""
        rss = self.current()
        with self._lock:
            self._peak = rss
        return rss

    def peak(self) -> int:
        with self._lock:
            return max(self._peak, self.current())

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)


def start_worker(dep: Deployment, log_path: Path, timeout: float = 60) -> subprocess.Popen[bytes]:
    """A real `ecluse worker`, waited for until it polls its queue (arq's health-check key appears)."""
    import redis

    queue = dep.env["ECLUSE_QUEUE_NAME"]
    with log_path.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ecluse", "worker"], env={**os.environ, **dep.env}, stdout=out,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    client = redis.Redis.from_url(REDIS, socket_connect_timeout=2)
    try:
        deadline = time.monotonic() + timeout
        while not client.exists(f"{queue}:health-check"):
            if proc.poll() is not None:
                raise RuntimeError(f"the worker exited with {proc.returncode}; see {log_path}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the worker was not ready within {timeout:.0f} s; see {log_path}")
            time.sleep(0.05)
    except BaseException:
        stop_process(proc)
        raise
    finally:
        client.close()
    return proc


# ---------------------------------------------------------------------------------------------------------
# Steps reused by bench_graphql.py


def setup(dep: Deployment, timeout: float = 120) -> dict[str, Any]:
    """Migrate; create a company, an open fiscal year covering YEAR, an admin user."""
    dep.info = run_child(dep, "setup", timeout)
    return dep.info


def stage(
    dep: Deployment, path: Path, *, timeout: float = 900, profile_to: Path | None = None,
    log_dir: Path | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Upload → PENDING_VALIDATION through the deployment's real path (worker process on PostgreSQL)."""
    if "ECLUSE_REDIS_URL" not in dep.env:
        result = run_child(dep, "stage", timeout + 30, profile_to=profile_to, file=str(path), within=timeout)
        result["parser"] = "bench process (in-process job)"
        return result
    with worker(dep, log_dir or DATA / "logs") as (proc, sampler):
        return _in_worker(dep, proc, sampler, "stage", timeout, profile_to, file=str(path))


def validate(
    dep: Deployment, batch_id: int, *, timeout: float = 900, profile_to: Path | None = None,
    log_dir: Path | None = None, running: tuple[Any, Any] | None = None,
) -> dict[str, Any]:  # fmt: skip
    if "ECLUSE_REDIS_URL" not in dep.env:
        result = run_child(
            dep, "validate", timeout + 30, profile_to=profile_to, batch_id=batch_id, within=timeout
        )
        result["parser"] = "bench process (in-process job)"
        return result
    if running is not None:
        return _in_worker(dep, *running, "validate", timeout, profile_to, batch_id=batch_id)
    with worker(dep, log_dir or DATA / "logs") as (proc, sampler):
        return _in_worker(dep, proc, sampler, "validate", timeout, profile_to, batch_id=batch_id)


@contextlib.contextmanager
def worker(dep: Deployment, log_dir: Path) -> Iterator[tuple[subprocess.Popen[bytes], RssSampler]]:
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"worker-{dep.run}.log"
    proc = start_worker(dep, log_path)
    sampler = None
    try:
        sampler = RssSampler(proc.pid)
        yield proc, sampler
    finally:
        if sampler is not None:
            sampler.close()
        stop_process(proc)


def _in_worker(
    dep: Deployment, proc: subprocess.Popen[bytes], sampler: RssSampler, action: str, timeout: float,
    profile_to: Path | None, **params: Any,
) -> dict[str, Any]:  # fmt: skip
    profiler = Profiler(proc.pid, profile_to) if profile_to is not None else None
    try:
        baseline = sampler.mark()
        result = run_child(dep, action, timeout + 30, within=timeout, **params)
        result["peak_rss"] = sampler.peak()
        result["baseline_rss"] = baseline
        result["parser"] = "ecluse worker process"
    finally:
        if profiler is not None:
            profiler.stop()
    if proc.poll() is not None:
        raise RuntimeError(f"the worker exited with {proc.returncode} during {action}")
    return result


# ---------------------------------------------------------------------------------------------------------
# Children: each measurement in a fresh process


def _rss_self() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def _rss_now() -> int:
    with contextlib.suppress(OSError, ValueError, IndexError):
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return 0


async def _runtime(settings: Any) -> tuple[Any, Any, Any]:
    """(bus, store, jobs) as `ecluse serve` builds them for these settings."""
    from ecluse.events import make_event_bus
    from ecluse.imports.jobs import register_jobs
    from ecluse.jobs.queue import ArqQueue, InProcessQueue, make_arq_pool
    from ecluse.storage import FileStore

    register_jobs()
    bus = await make_event_bus(settings.redis_url, settings.channel_prefix)
    store = FileStore(settings.storage_dir)
    jobs: Any
    if settings.redis_url:
        jobs = ArqQueue(await make_arq_pool(settings.redis_url), settings.queue_name)
    else:
        jobs = InProcessQueue({"bus": bus, "store": store, "settings": settings})
    return bus, store, jobs


async def _wait_status(batch_id: int, wanted: set[str], within: float, jobs: Any) -> str:
    from ecluse.imports.models import ImportBatch
    from ecluse.jobs.queue import InProcessQueue

    if isinstance(jobs, InProcessQueue):
        await asyncio.wait_for(jobs.drain(), within)
    deadline = time.monotonic() + within
    while True:
        status = (await ImportBatch.filter(id=batch_id).values_list("status", flat=True))[0]
        if status in wanted:
            return str(status)
        if time.monotonic() > deadline:
            raise TimeoutError(f"batch {batch_id} still {status} after {within:.0f} s")
        await asyncio.sleep(0.02)


async def _job_times(batch_id: int, kind: str) -> dict[str, float | None]:
    from ecluse.jobs.models import Job

    deadline = time.monotonic() + 10  # the job records its end just after the batch's status changes
    while True:
        job = await Job.filter(batch_id=batch_id, kind=kind).order_by("-created_at").first()
        if job is None or job.finished_at is not None or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.02)
    if job is None or job.started_at is None:
        return {"queued_s": None, "job_s": None}
    finished = job.finished_at
    return {
        "queued_s": (job.started_at - job.created_at).total_seconds(),
        "job_s": (finished - job.started_at).total_seconds() if finished else None,
    }


async def child_setup(settings: Any, spec: dict[str, Any]) -> dict[str, Any]:
    from datetime import date

    from ecluse.auth.models import Membership, User
    from ecluse.auth.secrets import hash_password
    from ecluse.ledger.models import Company, FiscalYear

    company = await Company.create(name="Banc d'essai SARL", siren="123456782", currency="EUR")
    year = await FiscalYear.create(
        company=company, name=f"Exercice {YEAR}", start_date=date(YEAR, 1, 1), end_date=date(YEAR, 12, 31)
    )
    user = await User.create(email=EMAIL, name="Bench Admin", password_hash=hash_password(PASSWORD))
    await Membership.create(user=user, company_id=company.id, role="admin")
    return {"company_id": company.id, "user_id": user.id, "fiscal_year_id": year.id}


async def child_stage(settings: Any, spec: dict[str, Any]) -> dict[str, Any]:
    return await _stage(settings, spec)


async def _stage(settings: Any, spec: dict[str, Any], on_done: Any = None) -> dict[str, Any]:
    from ecluse.imports.models import ImportBatch
    from ecluse.imports.receive import receive_file
    from ecluse.imports.statuses import BatchStatus, ImportFormat, Origin
    from ecluse.storage import iter_file

    bus, store, jobs = await _runtime(settings)
    layout_id = None
    if spec.get("layout"):  # a custom file: its layout is saved first, as a user would
        from ecluse.imports.models import ImportLayout

        row = await ImportLayout.create(
            company_id=spec["info"]["company_id"],
            name=f"bench {uuid.uuid4().hex[:8]}",
            definition=spec["layout"],
        )
        layout_id = row.id
    path = Path(spec["file"])
    size = path.stat().st_size  # noqa: ASYNC240 (outside the measurement)
    baseline = _rss_now()
    started = time.perf_counter()
    with path.open("rb") as stream:  # noqa: ASYNC230 (as `ecluse import` reads it: 1 MiB chunks)
        received = await receive_file(
            company_id=spec["info"]["company_id"], principal=None, filename=spec.get("name", FEC_NAME),
            chunks=iter_file(stream), fmt=ImportFormat(spec.get("format", "FEC")), origin=Origin.CLI, store=store,
            jobs=jobs, bus=bus, max_bytes=settings.max_upload_bytes, layout_id=layout_id,
        )  # fmt: skip
    received_s = time.perf_counter() - started
    batch_id = received.batch.id
    done = {BatchStatus.PENDING_VALIDATION, BatchStatus.FINISHED_WITH_ERROR, BatchStatus.FAILED}
    status = await _wait_status(batch_id, {s.value for s in done}, spec["within"], jobs)
    seconds = time.perf_counter() - started
    measured = on_done() if on_done is not None else None
    batch = await ImportBatch.get(id=batch_id)
    times = await _job_times(batch_id, "parse_import")
    await jobs.close()
    await bus.close()
    return {
        "batch_id": batch_id, "status": status, "seconds": seconds, "receive_s": received_s, **times,
        "lines": batch.line_count, "entries": batch.entry_count, "rejected": batch.rejected_entry_count,
        "errors": batch.error_count, "findings": batch.finding_count, "error_summary": batch.error_summary,
        "peak_rss": _rss_self(), "baseline_rss": baseline, "size": size, "timings": measured,
    }  # fmt: skip


async def child_validate(settings: Any, spec: dict[str, Any]) -> dict[str, Any]:
    return await _validate(settings, spec)


async def _validate(settings: Any, spec: dict[str, Any], on_done: Any = None) -> dict[str, Any]:
    """What the validateImport mutation does (minus its audit record): request_validation, then the job."""
    from ecluse.auth.principal import Principal
    from ecluse.auth.roles import Role
    from ecluse.imports.decide import request_validation
    from ecluse.imports.models import ImportBatch
    from ecluse.imports.statuses import BatchStatus
    from ecluse.jobs.progress import create_job
    from ecluse.ledger.models import Entry

    bus, _, jobs = await _runtime(settings)
    info = spec["info"]
    batch_id = spec["batch_id"]
    who = Principal(
        user_id=info["user_id"], api_key_id=None, name="Bench", roles={info["company_id"]: Role.ADMIN}
    )
    batch = await ImportBatch.get(id=batch_id)
    baseline = _rss_now()
    started = time.perf_counter()
    batch = await request_validation(batch, who, bus)
    job_id = str(uuid.uuid4())
    await create_job(job_id, "validate_import", company_id=batch.company_id, batch_id=batch.id)
    await jobs.enqueue("validate_import", job_id, batch_id=batch.id)
    wanted = {BatchStatus.SUCCEEDED.value, BatchStatus.PENDING_VALIDATION.value, "FINISHED_WITH_ERROR"}
    status = await _wait_status(batch_id, wanted, spec["within"], jobs)
    seconds = time.perf_counter() - started
    measured = on_done() if on_done is not None else None
    times = await _job_times(batch_id, "validate_import")
    posted = await Entry.filter(batch_id=batch_id, state="posted").count()
    await jobs.close()
    await bus.close()
    result = {"status": status, "seconds": seconds, "posted_entries": posted, **times, "timings": measured}
    result.update(peak_rss=_rss_self(), baseline_rss=baseline)
    if status != BatchStatus.SUCCEEDED:
        result["error"] = f"validation ended {status}: {(await ImportBatch.get(id=batch_id)).error_summary}"
    return result


async def child_naive(settings: Any, spec: dict[str, Any]) -> dict[str, Any]:
    """The ORM-bound path PERFORMANCE.md compares against: csv + Decimal + date() per row + bulk_create."""
    import csv
    from datetime import date
    from decimal import Decimal

    from tortoise.transactions import in_transaction

    from ecluse.imports.feed import third_party_kind
    from ecluse.ledger.models import Account, Entry, EntryLine, Journal, ThirdParty

    cid = spec["info"]["company_id"]
    limit = spec.get("limit") or 0
    hundred = Decimal(100)
    journals: dict[str, int] = {}
    accounts: dict[str, int] = {}
    parties: dict[str, int] = {}

    async def ref(cache: dict[str, int], model: Any, key: str, code: str, **defaults: Any) -> int:
        found = cache.get(code)
        if found is None:
            obj, _ = await model.get_or_create(company_id=cid, **{key: code}, defaults=defaults)
            cache[code] = found = obj.id
        return found

    def day(text: str) -> date | None:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8])) if text else None

    entries: list[Any] = []
    lines: list[Any] = []
    next_id = ((await Entry.all().order_by("-id").first()) or Entry(id=0)).id + 1
    done_lines = done_entries = 0
    baseline = _rss_now()
    started = time.perf_counter()

    async def flush() -> None:
        async with in_transaction("default"):
            await Entry.bulk_create(entries, batch_size=1000)
            await EntryLine.bulk_create(lines, batch_size=1000)
        entries.clear()
        lines.clear()

    async def add(rows: list[tuple[int, list[str]]]) -> None:
        nonlocal next_id, done_entries
        first = rows[0][1]
        total_debit = sum((r[1][11] for r in rows), Decimal(0))
        total_credit = sum((r[1][12] for r in rows), Decimal(0))
        if total_debit != total_credit:
            raise ValueError(f"entry {first[2]} is not balanced")
        entry_id, next_id = next_id, next_id + 1
        journal_id = await ref(journals, Journal, "code", first[0], label=first[1])
        entries.append(
            Entry(id=entry_id, company_id=cid, batch_id=None, journal_id=journal_id, number=first[2],
                  date=first[3], state="draft", source_line=rows[0][0])
        )  # fmt: skip
        for n, f in rows:
            account_id = await ref(accounts, Account, "number", f[4], label=f[5])
            party_id = (
                await ref(parties, ThirdParty, "code", f[6], name=f[7], kind=third_party_kind(f[4]))
                if f[6] else None
            )  # fmt: skip
            lines.append(
                EntryLine(entry_id=entry_id, company_id=cid, batch_id=None, source_line=n, account_id=account_id,
                          entry_date=first[3], third_party_id=party_id, piece_ref=f[8], piece_date=f[9], label=f[10],
                          debit=int(f[11] * hundred), credit=int(f[12] * hundred), lettering=f[13],
                          lettering_date=f[14], validation_date=f[15],
                          currency_amount=int(f[16] * hundred) if f[16] is not None else None,
                          currency=f[17])
            )  # fmt: skip
        done_entries += 1
        if len(entries) >= NAIVE_CHUNK:
            await flush()

    with open(spec["file"], encoding="utf-8", newline="") as stream:  # noqa: ASYNC230 (the naive path)
        reader = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)  # header (generated in the legal column order)
        key: tuple[str, str] | None = None
        pending: list[tuple[int, list[str]]] = []
        for n, row in enumerate(reader, start=2):
            row += [""] * (18 - len(row))
            row[3], row[9], row[14], row[15] = day(row[3]), day(row[9]), day(row[14]), day(row[15])
            row[11] = Decimal(row[11].replace(",", ".") or "0")
            row[12] = Decimal(row[12].replace(",", ".") or "0")
            row[16] = Decimal(row[16].replace(",", ".")) if row[16] else None
            if (row[0], row[2]) != key:
                if pending:
                    await add(pending)
                    done_lines += len(pending)
                    if limit and done_lines >= limit:
                        pending = []
                        break
                key, pending = (row[0], row[2]), []
            pending.append((n, row))
        if pending:
            await add(pending)
            done_lines += len(pending)
    if entries:
        await flush()
    seconds = time.perf_counter() - started
    stored = await EntryLine.filter(company_id=cid).count()
    result = {"seconds": seconds, "lines": done_lines, "entries": done_entries, "stored_lines": stored}
    result.update(peak_rss=_rss_self(), baseline_rss=baseline)
    if stored != done_lines:
        result["error"] = f"{stored} lines stored for {done_lines} read"
    return result


class _Timings:
    """Seconds and calls per pipeline step and per SQL statement (outermost call only)."""

    def __init__(self) -> None:
        self.steps: dict[str, list[float]] = {}
        self.sql: dict[str, list[float]] = {}

    @staticmethod
    def _add(table: dict[str, list[float]], key: str, seconds: float) -> None:
        entry = table.setdefault(key, [0.0, 0])
        entry[0] += seconds
        entry[1] += 1

    def take(self) -> dict[str, Any]:
        steps = sorted(self.steps.items(), key=lambda kv: -kv[1][0])
        sql = sorted(self.sql.items(), key=lambda kv: -kv[1][0])[:10]
        self.steps, self.sql = {}, {}
        return {"steps": steps, "sql": sql}


def _instrument(timings: _Timings) -> None:
    """Wrap the staging steps and every Tortoise client's execute_* with timers (after the ORM is open).

    Only names that exist are wrapped: the pipeline may change without breaking the benchmark."""
    import contextvars
    import functools
    import inspect

    from tortoise.backends.base.client import BaseDBAsyncClient

    from ecluse.imports import stage as stage_module
    from ecluse.jobs.progress import JobReporter
    from ecluse.ledger.masterdata import MasterData

    def wrap(name: str, fn: Any) -> Any:
        if inspect.iscoroutinefunction(fn):

            @functools.wraps(fn)
            async def timed_async(*args: Any, **kwargs: Any) -> Any:
                started = time.perf_counter()
                try:
                    return await fn(*args, **kwargs)
                finally:
                    timings._add(timings.steps, name, time.perf_counter() - started)

            return timed_async

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                timings._add(timings.steps, name, time.perf_counter() - started)

        return timed

    for name in ("open_fec", "_take", "_rows", "insert_rows", "allocate_ids", "publish_batch", "clear_staging",
                 "_finish"):  # fmt: skip
        if callable(getattr(stage_module, name, None)):
            setattr(stage_module, name, wrap(f"stage.{name}", getattr(stage_module, name)))
    for cls, name in ((MasterData, "ensure"), (MasterData, "load"), (JobReporter, "progress")):
        if callable(getattr(cls, name, None)):
            setattr(cls, name, wrap(f"{cls.__name__}.{name}", getattr(cls, name)))
    feed_messages = getattr(stage_module, "messages", None)
    if callable(feed_messages):
        original = feed_messages

        async def timed_messages(*args: Any, **kwargs: Any) -> Any:
            # The staging side's wait for the parser: the time no chunk was ready.
            feed = original(*args, **kwargs)
            while True:
                started = time.perf_counter()
                try:
                    message = await feed.__anext__()
                except StopAsyncIteration:
                    return
                finally:
                    timings._add(timings.steps, "waiting for the next chunk (feed.messages)",
                                 time.perf_counter() - started)  # fmt: skip
                yield message

        stage_module.messages = timed_messages  # type: ignore[attr-defined]

    import gc

    collecting = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collecting[0] = time.perf_counter()
        else:
            name = f"cyclic GC, generation {info['generation']} (staging process)"
            timings._add(timings.steps, name, time.perf_counter() - collecting[0])

    gc.callbacks.append(on_gc)

    inside = contextvars.ContextVar("inside_sql", default=False)

    def wrap_sql(fn: Any) -> Any:
        @functools.wraps(fn)
        async def timed(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
            if inside.get():
                return await fn(self, query, *args, **kwargs)
            token = inside.set(True)
            started = time.perf_counter()
            try:
                return await fn(self, query, *args, **kwargs)
            finally:
                inside.reset(token)
                text = " ".join(str(query).split())
                timings._add(timings.sql, text[:110] + ("…" if len(text) > 110 else ""),
                             time.perf_counter() - started)  # fmt: skip

        return timed

    def subclasses(cls: type) -> Iterator[type]:
        yield cls
        for sub in cls.__subclasses__():
            yield from subclasses(sub)

    for cls in set(subclasses(BaseDBAsyncClient)):
        for meth in (
            "execute_query",
            "execute_query_dict",
            "execute_many",
            "execute_insert",
            "execute_script",
        ):
            if meth in cls.__dict__:
                setattr(cls, meth, wrap_sql(cls.__dict__[meth]))


def _serialise_steps() -> None:
    """What-if (not the shipped path): parsing, row building and inserting never run at the same time, so
    the parse thread cannot hold the GIL while the driver's thread wants it back after each row."""
    import functools
    import threading

    from ecluse.imports import stage as stage_module

    lock = threading.Lock()

    def exclusive(fn: Any) -> Any:
        @functools.wraps(fn)
        def run(*args: Any, **kwargs: Any) -> Any:
            with lock:
                return fn(*args, **kwargs)

        return run

    def exclusive_async(fn: Any) -> Any:
        @functools.wraps(fn)
        async def run(*args: Any, **kwargs: Any) -> Any:
            await asyncio.to_thread(lock.acquire)
            try:
                return await fn(*args, **kwargs)
            finally:
                lock.release()

        return run

    for name in ("_take", "_rows"):
        setattr(stage_module, name, exclusive(getattr(stage_module, name)))
    stage_module.insert_rows = exclusive_async(stage_module.insert_rows)  # type: ignore[attr-defined]


async def child_breakdown(settings: Any, spec: dict[str, Any]) -> dict[str, Any]:
    """Stage then validate in this process (in-process jobs, even on PostgreSQL), every step timed."""
    timings = _Timings()
    _instrument(timings)
    experiment = spec.get("experiment")
    if experiment == "serial":
        _serialise_steps()  # around the timers: a step's time excludes its wait for the lock
    elif experiment == "switch":
        sys.setswitchinterval(0.0002)
    import resource

    def cpu(who: int) -> float:
        usage = resource.getrusage(who)
        return usage.ru_utime + usage.ru_stime

    before = cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)
    staged = await _stage(settings, spec, on_done=timings.take)
    # CPU seconds of this (staging) process and of the parser process it started and joined.
    staged["cpu"] = {
        "staging process": cpu(resource.RUSAGE_SELF) - before[0],
        "parser process": cpu(resource.RUSAGE_CHILDREN) - before[1],
    }
    validated = await _validate(settings, {**spec, "batch_id": staged["batch_id"]}, on_done=timings.take)
    return {"stage": staged, "validate": validated}


CHILDREN = {
    "setup": child_setup, "stage": child_stage, "validate": child_validate, "naive": child_naive,
    "breakdown": child_breakdown,
}  # fmt: skip


def child_main(spec_text: str) -> None:
    import logging

    logging.basicConfig(level=logging.WARNING, format="[child] %(levelname)s %(name)s: %(message)s")
    spec = json.loads(spec_text)

    async def main() -> dict[str, Any]:
        from ecluse.db.init import orm_open, run_migrations
        from ecluse.settings import Settings

        settings = Settings()
        if spec["action"] == "setup":
            await run_migrations(settings)
        async with orm_open(settings):
            return await CHILDREN[spec["action"]](settings, spec)

    try:
        result = asyncio.run(main())
    except Exception as exc:
        import traceback

        traceback.print_exc()
        result = {"error": f"{type(exc).__name__}: {exc}"}
    print(RESULT + json.dumps(result, default=str), flush=True)


# ---------------------------------------------------------------------------------------------------------
# Profiles (py-spy raw collapsed stacks) → where the time goes


def _frame(frame: str) -> str:
    """'func (path/to/file.py:123)' → 'file.py:func' with the path shortened to the package."""
    name, _, where = frame.rpartition(" (")
    path = where.rstrip(")").rsplit(":", 1)[0]
    for anchor in ("/ecluse/", "/site-packages/", "/lib/python3"):
        if anchor in path:
            path = path.split(anchor, 1)[1]
            if anchor == "/ecluse/":
                path = "ecluse/" + path
            break
    return f"{path}:{name}" if name else frame


def profile_summary(raw: Path, top: int = 12) -> dict[str, Any]:
    """Self and inclusive shares of samples per function, from py-spy's raw output."""
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    if not raw.exists():
        return {"samples": 0, "self": [], "inclusive": []}
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [_frame(f) for f in stack.split(";")]
        total += count
        own[frames[-1]] += count
        for name in set(frames):
            inclusive[name] += count
    share = lambda n: round(100 * n / total, 1) if total else 0.0  # noqa: E731
    ecluse_incl = [(n, share(c)) for n, c in inclusive.most_common() if n.startswith("ecluse/")]
    return {
        "samples": total,
        "self": [(n, share(c)) for n, c in own.most_common(top)],
        "inclusive": ecluse_incl[:top],
    }


def print_profile(title: str, summary: dict[str, Any]) -> None:
    print(f"\n### Profile: {title} ({summary['samples']} samples at 100 Hz of the thread holding the GIL)\n")
    print("| self % | function |\n|---:|---|")
    for name, pct in summary["self"]:
        print(f"| {pct} | `{name}` |")
    print("\n| inclusive % | ecluse function |\n|---:|---|")
    for name, pct in summary["inclusive"]:
        print(f"| {pct} | `{name}` |")


# ---------------------------------------------------------------------------------------------------------
# The run


def _mb(n: int | None) -> str:
    return f"{n / 1e6:,.0f} MB" if n else "—"


def _rate(lines: int, seconds: float) -> str:
    return f"{lines / seconds / 1000:,.0f}k" if seconds else "—"


def bench_database(kind: str, path: Path, lines: int, args: argparse.Namespace) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    profiles = DATA / "profiles"
    if args.profile:
        profiles.mkdir(parents=True, exist_ok=True)
    tag = f"{kind}_{lines}"
    with deployment(kind, keep=args.keep) as dep:
        setup(dep)
        print(f"[{dep.label}] staging {lines:,} lines…", flush=True)
        if kind == "postgres":
            with worker(dep, DATA / "logs") as running:
                staged = _in_worker(dep, *running, "stage", args.timeout,
                                    profiles / f"{tag}_stage.txt" if args.profile else None,
                                    file=str(path))  # fmt: skip
                _check_staged(staged, lines, dep)
                print(f"[{dep.label}] validating batch {staged['batch_id']}…", flush=True)
                validated = _in_worker(dep, *running, "validate", args.timeout,
                                       profiles / f"{tag}_validate.txt" if args.profile else None,
                                       batch_id=staged["batch_id"])  # fmt: skip
        else:
            staged = stage(dep, path, timeout=args.timeout,
                           profile_to=profiles / f"{tag}_stage.txt" if args.profile else None)  # fmt: skip
            _check_staged(staged, lines, dep)
            print(f"[{dep.label}] validating batch {staged['batch_id']}…", flush=True)
            validated = validate(dep, staged["batch_id"], timeout=args.timeout,
                                 profile_to=profiles / f"{tag}_validate.txt" if args.profile else None)  # fmt: skip
        rows.append({"path": "upload → PENDING_VALIDATION", "db": dep.label, "lines": lines, **staged})
        rows.append({"path": "validateImport (request + post_batch job)", "db": dep.label, "lines": lines,
                     **validated})  # fmt: skip
    if not args.no_naive:
        naive_lines = min(args.naive_lines or lines, lines)
        with deployment(kind, keep=args.keep, redis=False) as dep:
            setup(dep)
            print(f"[{dep.label}] naive ORM path on {naive_lines:,} lines…", flush=True)
            naive = run_child(
                dep,
                "naive",
                args.timeout * 4,
                file=str(path),
                limit=naive_lines if naive_lines < lines else 0,
            )
        naive["measured_lines"] = naive["lines"]
        naive["measured_seconds"] = naive["seconds"]
        if naive["lines"] < lines:
            naive["seconds"] = naive["seconds"] * lines / naive["lines"]
            naive["extrapolated"] = True
        rows.append({"path": "naive: csv + Decimal + Tortoise bulk_create", "db": dep.label, "lines": lines,
                     "parser": "bench process", **{**naive, "lines": lines}})  # fmt: skip
    return rows


def _check_staged(staged: dict[str, Any], lines: int, dep: Deployment) -> None:
    if staged["status"] != "PENDING_VALIDATION":
        raise RuntimeError(f"[{dep.label}] staging ended {staged['status']}: {staged['error_summary']}")
    if staged["lines"] != lines:
        print(f"[{dep.label}] warning: {staged['lines']} lines counted for {lines} generated")


def markdown(rows: list[dict[str, Any]]) -> str:
    out = [
        "| path | database | lines | seconds | lines/s | peak RSS (process) | vs naive |",
        "|---|---|---:|---:|---:|---|---:|",
    ]
    naive = {r["db"]: r["seconds"] for r in rows if r["path"].startswith("naive")}
    for r in rows:
        seconds = r["seconds"]
        if r["path"].startswith("naive"):
            ratio = "1×"
            if r.get("extrapolated"):
                seconds_text = (
                    f"{seconds:.1f} (extrapolated from {r['measured_lines']:,} lines in "
                    f"{r['measured_seconds']:.1f} s)"
                )
            else:
                seconds_text = f"{seconds:.1f}"
        else:
            seconds_text = f"{seconds:.2f}"
            ratio = (
                f"{naive[r['db']] / seconds:.1f}× faster"
                if r["db"] in naive and "upload" in r["path"]
                else "—"
            )
        rss = f"{_mb(r.get('peak_rss'))} ({r.get('parser', '')}; idle {_mb(r.get('baseline_rss'))})"
        out.append(
            f"| {r['path']} | {r['db']} | {r['lines']:,} | {seconds_text} | {_rate(r['lines'], seconds)} | {rss} "
            f"| {ratio} |"
        )
    return "\n".join(out)


LOAD_AT_START = os.getloadavg()[0]


def code_version() -> str:
    """The commit measured, and whether the backend had uncommitted changes (read-only git calls)."""
    root = BENCH.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                              timeout=10).stdout.strip()  # fmt: skip
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "backend"], cwd=root, capture_output=True,
                               text=True, timeout=10).stdout.strip()  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + (f" + {len(dirty.splitlines())} uncommitted backend file(s)" if dirty else "")


def header(title: str, profiled: bool = False) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"\n## {title} — {stamp}, {os.cpu_count()} cores, Python {platform.python_version()}, commit "
        f"{code_version()}, load average {LOAD_AT_START:.1f} at start / {os.getloadavg()[0]:.1f} at end"
        + (" — PROFILED (py-spy): slower figures" if profiled else "")
        + "\n"
    )


def print_breakdown(label: str, phase: str, result: dict[str, Any]) -> None:
    wall = result["seconds"]
    print(
        f"\n### Where the time goes: {label}, {phase} (wall {wall:.2f} s; in-process job; steps may overlap)\n"
    )
    if "cpu" in result:
        print(
            "CPU seconds: "
            + ", ".join(f"{who} {seconds:.2f}" for who, seconds in result["cpu"].items())
            + "\n"
        )
    print("| step | seconds | calls | share of wall |\n|---|---:|---:|---:|")
    for name, (seconds, calls) in result["timings"]["steps"]:
        print(f"| `{name}` | {seconds:.2f} | {int(calls)} | {100 * seconds / wall:.0f}% |")
    print("\n| SQL statement (Tortoise client) | seconds | calls | share of wall |\n|---|---:|---:|---:|")
    for text, (seconds, calls) in result["timings"]["sql"]:
        print(f"| `{text.replace('|', '/')}` | {seconds:.2f} | {int(calls)} | {100 * seconds / wall:.0f}% |")


def breakdown(kinds: list[str], path: Path, args: argparse.Namespace) -> None:
    results = {}
    for kind in kinds:
        with deployment(kind, keep=args.keep, redis=False) as dep:
            setup(dep)
            print(f"[{dep.label}] breakdown of staging and validation, in-process…", flush=True)
            results[dep.label] = run_child(dep, "breakdown", args.timeout * 2 + 60, file=str(path),
                                           within=args.timeout, experiment=args.experiment)  # fmt: skip
    what = {None: "", "serial": " — WHAT-IF: parse, rows and inserts serialised (not the shipped path)",
            "switch": " — WHAT-IF: sys.setswitchinterval(0.0002) (not the shipped path)"}[args.experiment]  # fmt: skip
    print(header(f"FEC import breakdown, {args.lines:,} lines{what}"))
    for label, result in results.items():
        print_breakdown(label, "upload → PENDING_VALIDATION", result["stage"])
        print_breakdown(label, "validateImport", result["validate"])
    tag = f"_{args.experiment}" if args.experiment else ""
    out = DATA / f"import_breakdown_{args.lines}{tag}_{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(results, indent=1, default=str))
    print(f"\n(figures saved in {out.relative_to(BENCH.parent)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--keep", action="store_true", help="keep the databases and files (paths printed)")
    parser.add_argument(
        "--naive-lines", type=int, default=0, help="run the naive path on a slice, extrapolate"
    )
    parser.add_argument("--no-naive", action="store_true", help="skip the naive path")
    parser.add_argument(
        "--profile", action="store_true", help="attach py-spy; print hotspots (slower figures)"
    )
    parser.add_argument("--breakdown", action="store_true",
                        help="instead: time each staging step and SQL statement (in-process jobs)")  # fmt: skip
    parser.add_argument("--experiment", choices=("serial", "switch"),
                        help="with --breakdown: serialise parse/rows/inserts, or shorten the GIL switch interval")  # fmt: skip
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed per step")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_main(args.child)
        return
    path = fec_file(args.lines)
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    if args.breakdown:
        breakdown(kinds, path, args)
        return
    rows: list[dict[str, Any]] = []
    for kind in kinds:
        rows += bench_database(kind, path, args.lines, args)
    title = f"FEC import, {args.lines:,} lines ({path.stat().st_size / 1e6:.0f} MB)"
    print(header(title, args.profile))
    print(markdown(rows))
    for r in rows:
        if r.get("job_s") is not None:
            print(f"- {r['db']}, {r['path']}: job {r['job_s']:.2f} s (queued {r['queued_s']:.2f} s)"
                  + (f", receive_file {r['receive_s']:.2f} s" if "receive_s" in r else ""))  # fmt: skip
    out = DATA / f"import_results_{args.db}_{args.lines}_{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    meta = {
        "lines": args.lines,
        "profiled": args.profile,
        "commit": code_version(),
        "load_start": LOAD_AT_START,
    }
    out.write_text(json.dumps({**meta, "rows": rows}, indent=1, default=str))
    print(f"\n(figures saved in {out.relative_to(BENCH.parent)})")
    if args.profile:
        for kind in kinds:
            for step in ("stage", "validate"):
                raw = DATA / "profiles" / f"{kind}_{args.lines}_{step}.txt"
                print_profile(f"{kind} {step}", profile_summary(raw))


if __name__ == "__main__":
    main()
