"""One error shape for the whole web app.

API calls (paths under ``/api``) get ``{"ok": false, "error": "...", "status": N}``;
pages get a friendly HTML page with the same message. Nobody ever gets a traceback:
unexpected errors are logged and answered with a plain 500.

Status codes: ``InputError`` 400, ``Unauthorized`` 401, ``Forbidden`` 403, ``NotFound``
404, ``EditConflict`` 409, ``PayloadTooLarge`` 413, validation errors 422,
``TooManyRequests`` 429, ``ConfigError`` 500, ``StorageError`` 503.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, JSONResponse, Response

from chronologist.errors import ChronologistError, ConfigError, InputError
from chronologist.store import EditConflict, NotFound, StorageError

log = logging.getLogger("chronologist.web")


class Unauthorized(ChronologistError):
    """Not logged in, or a bad API token (HTTP 401)."""


class Forbidden(ChronologistError):
    """Logged in, can see it, may not do this (HTTP 403)."""


class PayloadTooLarge(InputError):
    """An upload or request body over the limit (HTTP 413)."""


class TooManyRequests(ChronologistError):
    """Too many failed logins (HTTP 429)."""

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


STATUS: tuple[tuple[type[Exception], int], ...] = (
    (PayloadTooLarge, 413),
    (InputError, 400),
    (Unauthorized, 401),
    (Forbidden, 403),
    (NotFound, 404),
    (EditConflict, 409),
    (TooManyRequests, 429),
    (ConfigError, 500),
    (StorageError, 503),
)
TITLES = {
    400: "That did not work",
    401: "Please log in",
    403: "Not allowed",
    404: "Not found",
    405: "Not allowed",
    409: "Changed meanwhile",
    413: "Too large",
    422: "That did not work",
    429: "Too many attempts",
    500: "Something went wrong",
    503: "Database unavailable",
}


def status_of(exc: Exception) -> int:
    """The HTTP status for one of our errors."""
    for cls, status in STATUS:
        if isinstance(exc, cls):
            return status
    return 500


def wants_json(request: Request) -> bool:
    """API paths answer JSON; pages answer HTML."""
    path = request.url.path
    return path.startswith("/api/") or path in ("/api", "/openapi.json")


def error_response(
    request: Request, status: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """The canonical error: JSON for the API, a page for people."""
    if wants_json(request):
        body = {"ok": False, "error": message, "status": status}
        return JSONResponse(body, status_code=status, headers=headers)
    from chronologist.web.pages import render_page

    html = render_page(
        request,
        "error.html",
        title=TITLES.get(status, "Error"),
        status=status,
        message=message,
    )
    return HTMLResponse(html, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "query"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "The request is not valid."


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through ``error_response``."""

    @app.exception_handler(ChronologistError)
    async def _ours(request: Request, exc: ChronologistError) -> Response:
        status = status_of(exc)
        headers = None
        if isinstance(exc, TooManyRequests):
            headers = {"Retry-After": str(exc.retry_after)}
        if isinstance(exc, Unauthorized) and wants_json(request):
            headers = {"WWW-Authenticate": "Bearer"}
        if status >= 500:
            log.error("%s on %s %s: %s", type(exc).__name__, request.method, request.url.path, exc)
        return error_response(request, status, str(exc), headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "")
        if exc.status_code == 404 and message == "Not Found":
            message = f"Nothing at {request.url.path}."
        return error_response(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("Unexpected error on %s %s", request.method, request.url.path)
        return error_response(
            request, 500, "Something went wrong on our side; it has been logged. Try again."
        )


def error_schema() -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries documenting the error shape."""
    from chronologist.web.schemas import ErrorOut

    return {
        status: {"model": ErrorOut, "description": TITLES[status]}
        for status in (400, 401, 403, 404, 409, 422, 429)
    }
