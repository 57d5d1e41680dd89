"""Database URLs and engines: SQLite (WAL, foreign keys, immediate write locks) or
PostgreSQL (psycopg 3); Alembic migrations run on open.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import URL, Connection, Engine, make_url

from chronologist.store.records import StorageError

MIGRATIONS = Path(__file__).parent / "migrations"
WRITE = "chronologist_write"
"""Execution option marking a write transaction (SQLite takes its write lock at BEGIN)."""
BUSY_TIMEOUT_MS = 10_000


def default_database_url() -> str:
    """``DATABASE_URL`` if set, else a SQLite file in the user's data directory
    (``$XDG_DATA_HOME/chronologist/chronologist.db``, ``~/.local/share/...`` by default)."""
    env = os.environ.get("DATABASE_URL")
    if env:
        return env
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return f"sqlite:///{Path(base) / 'chronologist' / 'chronologist.db'}"


def normalize_url(url: str) -> URL:
    """Parse a database URL; ``postgres://`` and ``postgresql://`` use psycopg 3."""
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StorageError(
            f"Cannot use database URL {url!r}: {exc}.",
            hint="Use sqlite:///path/to/file.db or postgresql://user@host:port/name.",
        ) from exc
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StorageError(
            f"Unsupported database {parsed.get_backend_name()!r} in {url!r}.",
            hint="Use sqlite:///path/to/file.db or postgresql://user@host:port/name.",
        )
    return parsed


def _sqlite_events(engine: Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # take transaction control from the driver: we emit BEGIN ourselves
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # a write transaction takes the write lock first, so two writers wait for each
        # other (busy_timeout) instead of failing on a lock upgrade
        write = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (SQLite: the file's folder is created)."""
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            raise StorageError(
                f"Cannot use {url!r}: the store needs a SQLite file (threads share it).",
                hint="Give a path: sqlite:///path/to/chronologist.db.",
            )
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed, connect_args={"check_same_thread": False})
        _sqlite_events(engine)
        return engine
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:  # pragma: no cover - pinned in requirements
        raise StorageError(
            "PostgreSQL needs the psycopg package.", hint="pip install 'psycopg[binary]'."
        ) from exc
    return sa.create_engine(parsed, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (run on every open; a no-op when current)."""
    with engine.execution_options(**{WRITE: True}).begin() as conn:
        if conn.dialect.name == "postgresql":
            # two servers starting at once migrate one after the other
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(727274)")
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
