"""Accounts: users (argon2 password hashes), login sessions and API tokens.

Session and API tokens are random secrets handed to the client once; the store keeps only
their SHA-256, so a copy of the database does not let anyone in.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import secrets
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from chronologist.errors import InputError
from chronologist.store.base import Base, aware, must, now
from chronologist.store.records import ApiToken, NotFound, User
from chronologist.store.schema import api_tokens, sessions, users

USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{1,39}")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
SESSION_LIFETIME = timedelta(days=14)
UNUSABLE = "!"
"""The password hash of an account that cannot log in (the single-user mode's user)."""
TOKEN_PREFIX = "chr_"

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a real password")


def token_hash(token: str) -> str:
    """What the store keeps of a session or API token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _user(row: Any) -> User:
    return User(id=row.id, username=row.username, created_at=must(row.created_at))


class Accounts(Base):
    """Users, sessions, API tokens."""

    # ------------------------------------------------------------------------- users
    def add_user(self, username: str, password: str) -> User:
        """A new account (raises ``InputError`` for a taken name or a weak password)."""
        if not USERNAME.fullmatch(username):
            raise InputError(
                f"Cannot use the user name {username!r}.",
                hint="Use 2-40 letters, digits, '.', '_' or '-', starting with a letter or digit.",
            )
        if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
            raise InputError(f"Passwords need {MIN_PASSWORD} to {MAX_PASSWORD} characters.")
        return self._insert_user(username, _hasher.hash(password))

    def _insert_user(self, username: str, password_hash: str) -> User:
        with self._write() as conn:
            taken = conn.execute(
                sa.select(users.c.id).where(sa.func.lower(users.c.username) == username.lower())
            ).first()
            if taken is not None:
                raise InputError(f"The user name {username!r} is taken.", hint="Choose another.")
            row = conn.execute(
                users.insert()
                .values(username=username, password_hash=password_hash, created_at=now())
                .returning(users)
            ).one()
        return _user(row)

    def get_user(self, user_id: int) -> User:
        """A user by id (raises ``NotFound``)."""
        with self._read() as conn:
            row = conn.execute(sa.select(users).where(users.c.id == user_id)).first()
        if row is None:
            raise NotFound(f"No user with id {user_id}.")
        return _user(row)

    def get_user_by_name(self, username: str) -> User:
        """A user by name, case-insensitively (raises ``NotFound``)."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(users).where(sa.func.lower(users.c.username) == username.lower())
            ).first()
        if row is None:
            raise NotFound(f"No user named {username!r}.")
        return _user(row)

    def get_local_user(self, username: str = "local") -> User:
        """The account of single-user mode (made on first use; it cannot log in)."""
        try:
            return self.get_user_by_name(username)
        except NotFound:
            pass
        try:
            return self._insert_user(username, UNUSABLE)
        except InputError:  # made meanwhile by another thread
            return self.get_user_by_name(username)

    def check_password(self, username: str, password: str) -> User | None:
        """The user when the password is right, else None (in about the same time)."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(users).where(sa.func.lower(users.c.username) == username.lower())
            ).first()
        if row is None or row.password_hash == UNUSABLE or len(password) > MAX_PASSWORD:
            with contextlib.suppress(VerificationError):
                _hasher.verify(_DUMMY_HASH, password[:MAX_PASSWORD] + "x")
            return None
        try:
            _hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        if _hasher.check_needs_rehash(row.password_hash):
            with self._write() as conn:
                conn.execute(
                    users.update()
                    .where(users.c.id == row.id)
                    .values(password_hash=_hasher.hash(password))
                )
        return _user(row)

    # ---------------------------------------------------------------------- sessions
    def add_session(self, user_id: int, *, lifetime: timedelta = SESSION_LIFETIME) -> str:
        """A new login session; returns its secret token (for the cookie)."""
        token = secrets.token_urlsafe(32)
        stamp = now()
        with self._write() as conn:
            conn.execute(sessions.delete().where(sessions.c.expires_at < stamp))
            conn.execute(
                sessions.insert().values(
                    token_hash=token_hash(token),
                    user_id=user_id,
                    created_at=stamp,
                    expires_at=stamp + lifetime,
                )
            )
        return token

    def get_session_user(self, token: str) -> User | None:
        """The user a live session token belongs to, else None."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(users, sessions.c.expires_at)
                .join(sessions, sessions.c.user_id == users.c.id)
                .where(sessions.c.token_hash == token_hash(token))
            ).first()
        if row is None or must(row.expires_at) < now():
            return None
        return _user(row)

    def delete_session(self, token: str) -> None:
        """Log a session out."""
        with self._write() as conn:
            conn.execute(sessions.delete().where(sessions.c.token_hash == token_hash(token)))

    # -------------------------------------------------------------------- API tokens
    def add_api_token(self, user_id: int, name: str) -> tuple[ApiToken, str]:
        """A new API token; returns its record and the secret (shown once, never stored)."""
        name = " ".join(name.split())[:200] or "API token"
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self._write() as conn:
            row = conn.execute(
                api_tokens.insert()
                .values(user_id=user_id, name=name, token_hash=token_hash(secret), created_at=now())
                .returning(api_tokens)
            ).one()
        return _token(row), secret

    def list_api_tokens(self, user_id: int) -> list[ApiToken]:
        """A user's API tokens, newest first."""
        with self._read() as conn:
            rows = conn.execute(
                sa.select(api_tokens)
                .where(api_tokens.c.user_id == user_id)
                .order_by(api_tokens.c.id.desc())
            ).all()
        return [_token(row) for row in rows]

    def delete_api_token(self, user_id: int, token_id: int) -> None:
        """Revoke one of a user's tokens (raises ``NotFound``)."""
        with self._write() as conn:
            gone = conn.execute(
                api_tokens.delete().where(
                    api_tokens.c.id == token_id, api_tokens.c.user_id == user_id
                )
            ).rowcount
        if not gone:
            raise NotFound(f"No API token with id {token_id}.")

    def get_token_user(self, secret: str) -> User | None:
        """The user an API token belongs to, else None."""
        with self._read() as conn:
            row = conn.execute(
                sa.select(users, api_tokens.c.id.label("token_id"), api_tokens.c.last_used_at)
                .join(api_tokens, api_tokens.c.user_id == users.c.id)
                .where(api_tokens.c.token_hash == token_hash(secret))
            ).first()
        if row is None:
            return None
        last = aware(row.last_used_at)
        stamp = now()
        if last is None or stamp - last > timedelta(minutes=1):
            with self._write() as conn:
                conn.execute(
                    api_tokens.update()
                    .where(api_tokens.c.id == row.token_id)
                    .values(last_used_at=stamp)
                )
        return _user(row)


def _token(row: Any) -> ApiToken:
    return ApiToken(
        id=row.id,
        user_id=row.user_id,
        name=row.name,
        created_at=must(row.created_at),
        last_used_at=aware(row.last_used_at),
    )
