"""Shared fixtures and helpers for the test suite."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

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
