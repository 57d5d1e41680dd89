"""Shared fixtures and helpers for the test suite."""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from chronologist.store.engine import normalize_url
from chronologist.store.testing import find_postgres_bin, throwaway_postgres

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Case:
    """One golden case read from a `.`-separated fixture file."""

    title: str
    line: int
    text: str
    expected: tuple[tuple[str, ...], ...]
    dct: str | None


def read_fixture_file(path: Path) -> list[Case]:
    """Parse `title / . / text / . / expected lines / .` blocks (markdown-it style)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        title = lines[i].strip()
        if not title or title.startswith("#"):
            i += 1
            continue
        assert lines[i + 1] == ".", f"{path}:{i + 2}: expected '.'"
        j = lines.index(".", i + 2)
        text = "\n".join(lines[i + 2 : j])
        k = lines.index(".", j + 1)
        expected = tuple(tuple(p.strip() for p in row.split("|")) for row in lines[j + 1 : k])
        m = re.search(r"\[dct=([\d-]+)\]", title)
        cases.append(Case(title, i + 1, text, expected, m.group(1) if m else None))
        i = k + 1
    return cases


def need_shared(*parts: str) -> Path:
    """A path under ../shared; skip visibly when absent (fail in CI)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: CI needs ../shared beside the repository")
        pytest.skip(f"{path} not found (../shared is not beside the repository)")
    return path


# ---------------------------------------------------------------- databases
PG_ENV = "CHRONOLOGIST_TEST_PG_URL"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL server URL for the whole run."""
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    if find_postgres_bin() is None:
        reason = (
            f"PostgreSQL tests need a server: set {PG_ENV}, or install PostgreSQL "
            "(initdb and pg_ctl, e.g. Debian's postgresql package)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: PostgreSQL tests must run)")
        pytest.skip(reason)
    with throwaway_postgres() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    server = normalize_url(request.getfixturevalue("pg_server"))
    schema = "test_" + secrets.token_hex(6)
    engine = sa.create_engine(server)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        url = server.update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()
