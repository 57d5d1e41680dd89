"""Alembic migrations of the store (configured in code by ``chronologist.store.migrate``)."""
