"""The store, against a real SQLite file and a real PostgreSQL server.

PostgreSQL: ``CHRONOLOGIST_TEST_PG_URL`` if set, else a throwaway cluster started here
(``initdb``/``pg_ctl``); without PostgreSQL binaries these tests skip, visibly, except
with ``CI=true``, where they fail. Each test gets its own schema (PostgreSQL) or file.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronologist.errors import InputError
from chronologist.models import (
    Conflict,
    Event,
    Evidence,
    Participant,
    Source,
    SourceItem,
    Span,
    Timeline,
)
from chronologist.store import (
    EditConflict,
    NotFound,
    SplitPart,
    StorageError,
    Store,
    default_database_url,
    open_store,
)
from chronologist.store import schema as store_schema
from chronologist.store.engine import normalize_url
from chronologist.temporal import tag_times
from chronologist.timemodel import TimeValue


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()


def when(text: str) -> TimeValue:
    (mention,) = tag_times(text)
    return mention.when


def sample_timeline() -> Timeline:
    """A small timeline using every field of the model."""
    text = "In 1907 Stalin robbed a bank in Tiflis. Before 1917 he organised strikes."
    source = Source(
        id="src-1",
        title="Notes",
        kind="timetoast",
        sha256="0" * 64,
        text=text,
        path="notes.txt",
        author="A. Historian",
        items=(
            SourceItem(
                "Robbery",
                Span(0, 38),
                Span(8, 14),
                when("1907"),
                "event",
                "https://example.org/r",
                None,
                "g1",
            ),
        ),
    )
    robbery = Evidence("src-1", 0, 38, text[0:38])
    strikes = Evidence("src-1", 39, len(text), text[39:])
    events = (
        Event(
            id="ev-a",
            title="Stalin robbed a bank",
            kind="event",
            when=when("1907"),
            basis="explicit",
            evidence=(robbery,),
            participants=(
                Participant("Joseph Stalin", "person", ("Stalin", "Koba")),
                Participant("Tiflis", "place"),
            ),
            date_text="1907",
            description="The Tiflis bank robbery.",
            link="https://example.org/tiflis",
            media="https://example.org/t.jpg",
            claims=("ally:a|b",),
        ),
        Event("ev-b", "Strikes", "period", when("before 1917"), "relative", (strikes,)),
        Event("ev-c", "Undated", "event", None, "none", ()),
    )
    conflict = Conflict("cf-1", "robbery", "date", ("ev-a", "ev-b"), (("1907", (robbery,)),))
    return Timeline("Stalin", (source,), events, (conflict,), (("events", "rules.v1"),))


# ------------------------------------------------------------------------- round trips
def test_store_round_trips_a_timeline_exactly(store: Store) -> None:
    user = store.add_user("alice", "correct horse")
    timeline = sample_timeline()
    timeline_id = store.save_timeline(timeline, owner_id=user.id)
    assert store.get_timeline(timeline_id) == timeline
    info = store.get_timeline_info(timeline_id)
    assert (info.title, info.event_count, info.source_count) == ("Stalin", 3, 1)


DATES = [
    *(when(t) for t in ("c. 1907", "before 1917", "1921-1928", "44 BC", "3 April 1922")),
    *(when(t) for t in ("spring 1917", "the 1920s", "after 1924", "19th century")),
    TimeValue.from_edtf("1907?"),
    TimeValue.from_edtf("-0043-03-15"),
    None,
]
texts = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=20)


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    sources = tuple(
        Source(f"src-{n}", draw(texts), "text", "ab" * 32, draw(texts), path=draw(texts))
        for n in range(draw(st.integers(0, 2)))
    )
    events = []
    for n in range(draw(st.integers(0, 6))):
        evidence = tuple(
            Evidence(f"src-{k}", k, k + 3, draw(texts)) for k in range(draw(st.integers(0, 2)))
        )
        people = tuple(
            Participant(draw(texts), draw(st.sampled_from(["person", "place"])), (draw(texts),))
            for _ in range(draw(st.integers(0, 2)))
        )
        events.append(
            Event(
                id=f"ev-{n}",
                title=draw(texts),
                kind=draw(st.sampled_from(["event", "period"])),
                when=draw(st.sampled_from(DATES)),
                basis=draw(st.sampled_from(["explicit", "order", "none"])),
                evidence=evidence,
                participants=people,
                date_text=draw(st.none() | texts),
                description=draw(texts),
                link=draw(st.none() | texts),
                claims=tuple(draw(st.lists(texts, max_size=2))),
            )
        )
    conflicts = tuple(
        Conflict(f"cf-{n}", draw(texts), "claim", ("ev-0",), ((draw(texts), ()),))
        for n in range(draw(st.integers(0, 1)))
    )
    return Timeline(draw(texts), sources, tuple(events), conflicts, (("a", draw(texts)),))


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(timeline=timelines())
def test_store_round_trip_property(store: Store, timeline: Timeline) -> None:
    owner = store.get_local_user()
    assert store.get_timeline(store.save_timeline(timeline, owner_id=owner.id)) == timeline


def test_store_refuses_nul_characters_everywhere(store: Store) -> None:
    owner = store.get_local_user()
    bad = replace(sample_timeline(), title="a\x00b")
    with pytest.raises(InputError, match="NUL"):
        store.save_timeline(bad, owner_id=owner.id)
    with pytest.raises(InputError, match="surrogate"):
        store.save_timeline(replace(bad, title="\ud800"), owner_id=owner.id)
    assert store.list_timelines(user_id=owner.id) == []


def test_store_failed_import_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    owner = store.get_local_user()
    timeline = sample_timeline()
    doubled = replace(timeline, events=timeline.events + timeline.events[:1])
    with pytest.raises(InputError, match="share an id"):
        store.save_timeline(doubled, owner_id=owner.id)

    import chronologist.store.timelines as timelines_module

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(timelines_module, "insert_conflicts", boom)
    with pytest.raises(RuntimeError):
        store.save_timeline(timeline, owner_id=owner.id)
    assert store.list_timelines(user_id=owner.id) == []
    assert store.search("Tiflis") == []


# ------------------------------------------------------------------------------ schema
def test_store_migrations_match_the_schema(store: Store) -> None:
    def ours(obj: object, name: str | None, *_rest: object) -> bool:
        # full-text search is made by the migration, per database, outside the metadata
        return "_fts" not in (name or "") and "search_vector" not in (name or "")

    engine = sa.create_engine(normalize_url(store.url))
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": ours})
        diffs = compare_metadata(context, store_schema.metadata)
    engine.dispose()
    assert diffs == []


def test_store_migrations_go_down_and_up_again(store: Store) -> None:
    from alembic import command
    from alembic.config import Config

    from chronologist.store.engine import MIGRATIONS, WRITE

    def run(step: str, target: str) -> list[str]:
        with store._engine.execution_options(**{WRITE: True}).begin() as conn:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = conn
            getattr(command, step)(config, target)
            return sa.inspect(conn).get_table_names()

    assert set(run("downgrade", "base")) <= {"alembic_version"}
    assert "events" in run("upgrade", "head")
    store.add_timeline("Back again", owner_id=store.get_local_user().id)


def test_store_opening_twice_is_a_no_op(store_url: str) -> None:
    first = open_store(store_url)
    user = first.add_user("bob", "password-1")
    first.close()
    again = open_store(store_url)
    assert again.get_user_by_name("BOB") == user
    again.close()


def test_store_sqlite_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    with store._read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_store_default_url_is_in_the_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", "/data/home")
    assert default_database_url() == "sqlite:////data/home/chronologist/chronologist.db"
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@h/db")
    assert default_database_url() == "postgresql://u@h/db"
    assert normalize_url("postgres://u@h/db").drivername == "postgresql+psycopg"


def test_store_bad_urls_and_dead_servers_are_storage_errors() -> None:
    with pytest.raises(StorageError, match="Unsupported"):
        open_store("mysql://u@h/db")
    with pytest.raises(StorageError, match="SQLite file"):
        open_store("sqlite://")
    with pytest.raises(StorageError, match="unavailable"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


# ---------------------------------------------------------------------------- accounts
def test_store_accounts_sessions_and_tokens(store: Store) -> None:
    alice = store.add_user("alice", "correct horse")
    with pytest.raises(InputError, match="taken"):
        store.add_user("ALICE", "another password")
    with pytest.raises(InputError, match="characters"):
        store.add_user("carol", "short")
    assert store.check_password("alice", "correct horse") == alice
    assert store.check_password("alice", "wrong horse") is None
    assert store.check_password("nobody", "correct horse") is None
    assert store.check_password("local", "") is None and store.get_local_user().id != alice.id
    with store._read() as conn:
        stored = conn.execute(sa.select(store_schema.users.c.password_hash)).scalars().all()
    assert any(h.startswith("$argon2id$") for h in stored)

    session = store.add_session(alice.id)
    assert store.get_session_user(session) == alice
    store.delete_session(session)
    assert store.get_session_user(session) is None

    token, secret = store.add_api_token(alice.id, "script")
    assert store.get_token_user(secret) == alice and store.get_token_user(secret + "x") is None
    assert [t.id for t in store.list_api_tokens(alice.id)] == [token.id]
    with store._read() as conn:
        hashes = conn.execute(sa.select(store_schema.api_tokens.c.token_hash)).scalars().all()
    assert secret not in hashes
    store.delete_api_token(alice.id, token.id)
    assert store.get_token_user(secret) is None
    with pytest.raises(NotFound):
        store.delete_api_token(alice.id, token.id)


def test_store_roles_and_visibility(store: Store) -> None:
    alice, bob = store.add_user("alice", "password-a"), store.add_user("bob", "password-b")
    private = store.add_timeline("Private", owner_id=alice.id)
    public = store.add_timeline("Public", owner_id=alice.id, public=True)
    assert {t.id for t in store.list_timelines(user_id=alice.id)} == {private.id, public.id}
    assert [t.id for t in store.list_timelines(user_id=bob.id)] == [public.id]
    assert [t.id for t in store.list_timelines()] == [public.id]
    assert store.get_role(private.id, bob.id) is None
    store.add_role(private.id, bob.id, "viewer")
    assert store.get_role(private.id, bob.id) == "viewer"
    assert {t.id for t in store.list_timelines(user_id=bob.id)} == {private.id, public.id}
    with pytest.raises(InputError, match="needs an owner"):
        store.add_role(private.id, alice.id, "editor")
    store.add_role(private.id, bob.id, "owner")
    store.delete_role(private.id, alice.id)
    assert [(u.username, r) for u, r in store.list_roles(private.id)] == [("bob", "owner")]
    store.update_timeline(private.id, title="  Renamed  ", public=True)
    assert store.get_timeline_info(private.id).title == "Renamed"
    store.delete_timeline(private.id)
    with pytest.raises(NotFound):
        store.get_timeline(private.id)


# ------------------------------------------------------------------------------ events
def test_store_edits_are_recorded_and_undone(store: Store) -> None:
    user = store.add_user("alice", "password-a")
    timeline_id = store.save_timeline(sample_timeline(), owner_id=user.id, status="proposed")
    record = store.update_event(timeline_id, "ev-a", user_id=user.id, status="accepted")
    assert record.status == "accepted"
    edited = replace(record.event, title="Bank robbery", when=when("before 1917"))
    store.update_event(timeline_id, "ev-a", edited, user_id=user.id)
    assert store.get_event(timeline_id, "ev-a").event.when.edtf == "../1917"  # type: ignore[union-attr]
    history = store.list_history(timeline_id, "ev-a")
    assert [h.action for h in history] == ["edit", "edit"]
    assert history[0].username == "alice" and history[0].after["event"]["edtf"] == "../1917"  # type: ignore[index]
    assert history[0].before["event"]["title"] == "Stalin robbed a bank"  # type: ignore[index]

    # undoing the older change first is refused: the newer one changed the event since
    with pytest.raises(EditConflict):
        store.undo_change(timeline_id, history[1].change_id, user_id=user.id)
    undone = store.undo_change(timeline_id, history[0].change_id, user_id=user.id)
    assert undone.events[0].event.title == "Stalin robbed a bank"
    assert store.get_event(timeline_id, "ev-a").status == "accepted"
    store.undo_change(timeline_id, undone.change_id, user_id=user.id)  # redo
    assert store.get_event(timeline_id, "ev-a").event.title == "Bank robbery"

    change = store.delete_event(timeline_id, "ev-c", user_id=user.id)
    with pytest.raises(NotFound):
        store.get_event(timeline_id, "ev-c")
    store.undo_change(timeline_id, change, user_id=user.id)
    assert store.get_event(timeline_id, "ev-c").event.title == "Undated"


def test_store_orders_by_date_with_bce_years(store: Store) -> None:
    user = store.get_local_user()
    timeline_id = store.add_timeline("Rome", owner_id=user.id).id
    for n, text in enumerate(["1 BC", "AD 14", "44 BC", "c. 100 BC", "27 BC"]):
        event = Event(f"ev-{n}", text, "event", when(text), "explicit", ())
        store.add_event(timeline_id, event, user_id=user.id)
    store.add_event(timeline_id, Event("ev-x", "?", "event", None, "none", ()), user_id=user.id)
    titles = [r.event.title for r in store.list_events(timeline_id)]
    assert titles == ["c. 100 BC", "44 BC", "27 BC", "1 BC", "AD 14", "?"]
    with store._read() as conn:
        keys = conn.execute(
            sa.select(store_schema.events.c.earliest)
            .where(store_schema.events.c.timeline_id == timeline_id)
            .order_by(store_schema.events.c.position)
        ).scalars()
        assert list(keys)[:5] == [-989899, -429899, -259899, 101, 140101]


def test_store_merge_and_split(store: Store) -> None:
    user = store.get_local_user()
    timeline_id = store.save_timeline(sample_timeline(), owner_id=user.id)
    merged = store.merge_events(timeline_id, ["ev-a", "ev-b"], user_id=user.id, title="Both")
    assert merged.event.title == "Both" and len(merged.event.evidence) == 2
    assert [r.event.id for r in store.list_events(timeline_id)] == ["ev-a", "ev-c"]
    change = store.list_history(timeline_id, "ev-a")[0].change_id
    store.undo_change(timeline_id, change, user_id=user.id)
    # back as they were (placed by date: the open-start "../1917" first)
    restored = store.get_timeline(timeline_id).events
    assert sorted(restored, key=lambda e: e.id) == list(sample_timeline().events)
    assert [e.id for e in restored] == ["ev-b", "ev-a", "ev-c"]

    parts = [SplitPart("Robbery", evidence=(0,)), SplitPart("Escape", when=when("1908"))]
    first, second = store.split_event(timeline_id, "ev-a", parts, user_id=user.id)
    assert (first.event.id, first.event.title) == ("ev-a", "Robbery")
    assert second.event.when.edtf == "1908" and second.event.id != "ev-a"  # type: ignore[union-attr]
    with pytest.raises(InputError, match="two parts"):
        store.split_event(timeline_id, "ev-a", parts[:1], user_id=user.id)


def test_store_published_view_hides_rejected_and_resolved(store: Store) -> None:
    user = store.get_local_user()
    timeline_id = store.save_timeline(sample_timeline(), owner_id=user.id)
    store.update_event(timeline_id, "ev-b", user_id=user.id, status="rejected")
    published = store.get_timeline(timeline_id, published=True)
    assert [e.id for e in published.events] == ["ev-a", "ev-c"]
    assert published.conflicts[0].events == ("ev-a",)
    store.update_conflict(timeline_id, "cf-1", status="resolved", note="1907 is right")
    assert store.get_timeline(timeline_id, published=True).conflicts == ()
    assert store.get_conflict(timeline_id, "cf-1").note == "1907 is right"
    assert len(store.get_timeline(timeline_id).events) == 3


# ----------------------------------------------------------------------- jobs, search
def test_store_jobs(store: Store) -> None:
    user = store.get_local_user()
    timeline_id = store.add_timeline("T", owner_id=user.id).id
    source = sample_timeline().sources[0]
    store.add_source(timeline_id, source)
    store.add_source(timeline_id, source)  # kept once
    assert len(store.list_sources(timeline_id)) == 1
    found = list(sample_timeline().events)

    queued = store.add_job(timeline_id, user_id=user.id, source_ids=[source.id])
    assert store.cancel_job(queued.id).status == "cancelled"

    running = store.add_job(timeline_id, user_id=user.id, source_ids=[source.id])
    store.update_job(running.id, status="running", progress=0.5, message="half")
    store.cancel_job(running.id)
    assert store.add_job_result(running.id, found, []).status == "cancelled"
    assert store.list_events(timeline_id) == []

    job = store.add_job(timeline_id, user_id=user.id, source_ids=[source.id])
    done = store.add_job_result(job.id, found, list(sample_timeline().conflicts))
    assert (done.status, done.progress, done.result["events"]) == ("done", 1.0, 3)
    assert {r.status for r in store.list_events(timeline_id)} == {"proposed"}
    assert store.get_source(timeline_id, source.id).extracted_at is not None
    again = store.add_job(timeline_id, user_id=user.id, source_ids=[source.id])
    assert store.add_job_result(again.id, found, []).result["skipped"] == 3

    stale = store.add_job(timeline_id, user_id=user.id, source_ids=[source.id])
    assert store.fail_unfinished_jobs() == 1
    assert store.get_job(stale.id).status == "failed"
    with pytest.raises(NotFound):
        store.add_job(timeline_id, user_id=user.id, source_ids=["src-nope"])


def test_store_search(store: Store) -> None:
    user = store.get_local_user()
    first = store.save_timeline(sample_timeline(), owner_id=user.id)
    other = store.add_timeline("Other", owner_id=user.id).id
    hits = store.search("robbed")
    assert [(h.kind, h.id) for h in hits] == [("event", "ev-a"), ("source", "src-1")]
    assert "robbed" in hits[1].snippet
    assert [h.id for h in store.search("organised strikes")] == ["src-1"]
    assert store.search("robbed", timeline_ids=[other]) == []
    assert store.search("robbed", timeline_ids=[first], kinds=("event",))[0].id == "ev-a"
    for hostile in ['"', "AND OR NOT", "*", "()", "a:b", "'; DROP TABLE events; --", ""]:
        store.search(hostile)
    # kept in sync with edits and deletes
    event = store.get_event(first, "ev-a").event
    store.update_event(first, "ev-a", replace(event, title="Heist in Tiflis"), user_id=None)
    assert [h.id for h in store.search("heist")] == ["ev-a"]
    store.delete_timeline(first)
    assert store.search("heist") == [] and store.search("robbed") == []


def test_store_survives_concurrent_writers(store: Store) -> None:
    user = store.get_local_user()
    timeline_id = store.add_timeline("Busy", owner_id=user.id).id
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for k in range(5):
                event = Event(f"ev-{n}-{k}", "x", "event", when("1917"), "explicit", ())
                store.add_event(timeline_id, event, user_id=user.id)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    positions = [r.position for r in store.list_events(timeline_id)]
    assert positions == list(range(20))
