"""`chronologist build` and `chronologist eval events` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronologist.cli import main
from conftest import need_shared


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = need_shared("seeds")
    out = tmp_path_factory.mktemp("build") / "stalin.json"
    files = sorted(str(p) for p in seeds.glob("*.txt"))
    result = CliRunner().invoke(main, ["build", *files, "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def test_build_seeds_meets_the_event_targets(seeds_json: Path) -> None:
    gold = need_shared("examples", "stalin-gold.json")
    result = CliRunner().invoke(
        main, ["eval", "events", str(gold), "--timeline", str(seeds_json), "--json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["recall"] >= 0.95
    assert scores["precision"] >= 0.85
    assert scores["date_accuracy"] >= 0.95


def test_build_seeds_reports_the_alliance_conflict(seeds_json: Path) -> None:
    data = json.loads(seeds_json.read_text())
    assert data["schema"] == "chronologist.timeline/1"
    claims = [c for c in data["conflicts"] if c["kind"] == "claim"]
    assert any("Stalin" in c["topic"] and "Trotsky" in c["topic"] for c in claims)
    for c in claims:
        sources = {ev["source"] for side in c["sides"] for ev in side["evidence"]}
        assert len(sources) == 2


def test_eval_events_builds_from_the_gold_documents() -> None:
    gold = need_shared("examples", "stalin-gold.json")
    result = CliRunner().invoke(main, ["eval", "events", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["recall"] >= 0.95


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.xyz", "some text", "notes.xyz"),
        ("broken.json", '{"events": [', "broken.json"),
        ("binary.txt", "\x00\x01\x02PNG", "binary.txt"),
    ],
)
def test_build_bad_input_names_the_source_and_writes_nothing(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(out)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_build_refuses_a_private_url_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["build", "http://127.0.0.1:9/page.html", "-o", str(out)])
    assert result.exit_code != 0
    assert "127.0.0.1" in result.output and "loopback" in result.output
    assert not out.exists()


def test_build_unknown_output_format_is_refused_before_any_work(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("In 1907 he robbed a bank.", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "out.docx")])
    assert result.exit_code != 0
    assert ".docx" in result.output or "out.docx" in result.output


@pytest.mark.parametrize("suffix", [".json", ".timelinejs.json", ".csv", ".md", ".ics", ".html"])
def test_build_writes_every_format(tmp_path: Path, suffix: str) -> None:
    src = tmp_path / "a.txt"
    src.write_text(
        "In 1907 Stalin robbed a bank in Tiflis. Two years later he was arrested in Baku.",
        encoding="utf-8",
    )
    out = tmp_path / f"out{suffix}"
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.splitlines()[-1])
    assert summary["events"] >= 2
    assert out.exists() and out.stat().st_size > 0
