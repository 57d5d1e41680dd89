"""``Store``: the one object that reads and writes the database, and ``open_store``."""

from __future__ import annotations

from chronologist.store.accounts import Accounts
from chronologist.store.engine import default_database_url, make_engine, migrate
from chronologist.store.events import Events
from chronologist.store.jobs import Jobs
from chronologist.store.search import Search
from chronologist.store.timelines import Timelines


class Store(Accounts, Timelines, Events, Jobs, Search):
    """Timelines, their sources, events, conflicts and history; accounts; jobs; search.

    Methods are named ``add_*``, ``get_*``, ``list_*``, ``update_*``, ``delete_*``; each
    runs in one transaction, so a failure leaves the database as it was. Missing ids
    raise ``NotFound``; bad values ``InputError``; an unreachable database
    ``StorageError``. Safe to share between threads.
    """

    def __init__(self, url: str) -> None:
        super().__init__(make_engine(url))
        self.url = url

    def __repr__(self) -> str:
        return f"<Store {self._engine.url.render_as_string(hide_password=True)}>"


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating as needed) the database at ``url``.

    ``url`` defaults to ``DATABASE_URL``, else a SQLite file in the user's data
    directory (``default_database_url``). ``postgresql://`` URLs use psycopg 3.
    """
    store = Store(url or default_database_url())
    try:
        with store._guard():
            migrate(store._engine)
    except BaseException:
        store.close()
        raise
    return store
