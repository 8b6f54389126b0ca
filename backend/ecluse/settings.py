"""Settings, read from the environment (ECLUSE_*). The deployment is chosen by settings only."""

from __future__ import annotations

from functools import lru_cache
from ipaddress import ip_network
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ECLUSE_", env_file=None, extra="ignore")

    #: SQLite file by default; `postgres://user@host:5432/db` for the scale-out deployment.
    database_url: str = "sqlite://var/ecluse.sqlite3"
    #: When set, jobs go to arq workers and events travel over Redis pub/sub.
    redis_url: str | None = None
    #: Pepper of the stored session-token hashes: changing it logs everyone out.
    secret_key: str = "dev-secret-change-me"
    storage_dir: Path = Path("var/files")
    max_upload_bytes: int = 512 * 1024 * 1024
    #: arq queue name and pub/sub channel prefix: one per deployment (and per test run).
    queue_name: str = "ecluse:queue"
    channel_prefix: str = "ecluse:events"
    job_timeout_s: int = 3600
    #: How often the API sends again jobs that Redis did not take (it was down).
    job_sweep_s: float = 15.0
    #: Entries staged per transaction: short transactions keep the API answering during a big parse.
    stage_chunk_entries: int = 20_000
    session_days: int = 14
    #: Browser origins allowed to open the GraphQL WebSocket from another origin (the Vite dev server).
    allowed_origins: list[str] = Field(default_factory=lambda: ["http://localhost:5173"])
    #: Cookies marked Secure (set behind HTTPS).
    secure_cookies: bool = False

    # --- Sessions: login throttling, client address, session ending (issue 12) ---
    #: Failed logins of one (account, client address) pair before delays start; then 1 s, 2 s, 4 s …
    login_free_failures: int = 5
    login_delay_base_s: float = 1.0
    login_delay_max_s: float = 300.0
    #: A pair's failures are forgotten this long after its first one (a success forgets them at once).
    login_pair_window_s: int = 86_400
    #: Failed logins one client address may make per window, whatever the accounts.
    login_address_max_failures: int = 100
    login_address_window_s: int = 3_600
    #: Reverse proxies (addresses or CIDRs) whose `X-Forwarded-For` names the client; empty: the socket peer.
    trusted_proxies: list[str] = Field(default_factory=list)
    #: How often each API process checks again the credentials of its open WebSockets (a lost event, an
    #: expired session); the session-ending event closes them at once otherwise.
    session_recheck_s: float = 60.0

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for entry in value:
            ip_network(entry, strict=False)  # a ValueError names the bad entry
        return value

    # --- Workers and job leases (issue 12: workers that come back, one slow file never holds every slot) ---
    #: A running job's hold on its record: renewed by a heartbeat every `job_heartbeat_s` (default: a third of
    #: the lease). Once it lapses (its runner died), the reaper sends the job again and another runner takes it.
    #: Runners' clocks must agree to well within the lease.
    job_lease_s: float = Field(default=30.0, gt=0)
    job_heartbeat_s: float | None = Field(default=None, gt=0)
    #: How often each API process (and the in-process runner) looks for jobs whose lease lapsed.
    job_reaper_s: float = Field(default=5.0, gt=0)
    #: A job taken up this many times without finishing (its runner died each time) fails instead.
    job_max_attempts: int = Field(default=5, ge=1)
    #: Parses at once per process (`ecluse serve` running jobs itself, or each `ecluse worker`); one company
    #: holds at most all of them but one, so another company's file always finds a slot.
    job_parse_slots: int = Field(default=2, ge=1)
    #: Validations and other short decisions: their own slots, never behind a parse.
    job_decision_slots: int = Field(default=2, ge=1)
    #: How often a worker records that it is alive; /health counts those seen within three heartbeats.
    worker_heartbeat_s: float = Field(default=10.0, gt=0)
    #: Longest wait between two attempts of a worker to reach Redis again (the wait doubles from 0.5 s).
    redis_retry_max_s: float = Field(default=15.0, gt=0)

    @property
    def lease_heartbeat_s(self) -> float:
        """How often a running job renews its lease: never less often than three times per lease."""
        third = self.job_lease_s / 3
        return min(self.job_heartbeat_s, third) if self.job_heartbeat_s else third

    # --- Request limits, error masking and production defaults (issue 12: "No single request stalls the
    # server", "Production defaults"). Each GraphQL limit is refused before execution with its own code. ---
    #: A GraphQL document longer than this (UTF-8 bytes) is refused before it is parsed.
    graphql_max_document_bytes: int = 64 * 1024
    #: Tokens graphql-core reads before giving up (names, punctuation, values).
    graphql_max_tokens: int = 2_000
    #: Brackets ({, (, [) open at once in the document's text, checked before parsing.
    graphql_max_nesting: int = 24
    #: Fields nested in fields (fragments expanded): `{ me { name } }` is 2.
    graphql_max_depth: int = 12
    #: Aliased fields in an operation (fragments expanded).
    graphql_max_aliases: int = 50
    #: How often one response name may be selected in one selection set (fragments expanded): graphql-core
    #: compares such fields pairwise.
    graphql_max_field_repeats: int = 20
    #: The estimated number of values an operation resolves: page sizes (`first`, or its default, at most
    #: api/pagination.MAX_PAGE) multiplied through nested connections.
    graphql_max_cost: int = 50_000
    #: What a list without `first` counts for in the cost estimate.
    graphql_list_cost: int = 20
    #: JSON request bodies (POST /graphql, the operations/map parts of a multipart upload, WebSocket messages
    #: are bounded by uvicorn): 2 MiB hold 1,000 entries of `submitEntries` several times over.
    max_json_body_bytes: int = 2 * 1024 * 1024
    #: Arrays and objects nested in a JSON body (variables included), checked before it is decoded.
    max_json_depth: int = 64
    #: Items of the arrays and objects of a JSON body, counted before it is decoded: decoding and coercing
    #: a million ids took seconds.
    max_json_values: int = 50_000
    #: Entries per `submitEntries` call; larger documents go as a JSON file through `uploadImport`.
    submit_entries_max: int = 1_000
    #: Introspection (`__schema`, `__type`) answers only when enabled; codegen reads schema.graphql.
    graphql_introspection: bool = False
    #: The GraphiQL IDE at GET /graphql (it loads its scripts from a CDN: development only).
    graphql_ide: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path:
        return Path(self.database_url.split("://", 1)[1])


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def reset_settings() -> None:
    """Forget the cached settings (tests and the CLI change the environment)."""
    get_settings.cache_clear()
