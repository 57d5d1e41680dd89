"""Fetching a URL safely: http(s) only, no private addresses, bounded time and size.

Every hop (the URL and each redirect, at most ``MAX_REDIRECTS``) is checked: the host is
resolved with ``socket.getaddrinfo`` and refused if ANY of its addresses is not a public
(globally routable) one, unless ``allow_private`` is set. We then connect to the address
we checked, not to the name: the request goes to the IP with the original ``Host`` header
and TLS server name (SNI, also used to verify the certificate), so a second DNS answer
cannot point the connection elsewhere (DNS rebinding).

Residual risks: ``getaddrinfo`` runs in a helper thread that is abandoned (not killed) if
it outlasts the timeout; environment proxies are ignored (``trust_env=False``), so a
network that needs a proxy cannot be reached.
"""

from __future__ import annotations

import ipaddress
import queue
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx

from chronologist.errors import InputError
from chronologist.ingest._common import DEFAULT_MAX_BYTES, size_text

MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
DEADLINE_FACTOR = 4
"""The whole fetch (every hop, the whole body) must end within this many ``timeout``s."""
USER_AGENT = "chronologist/0.1 (+ingest)"
ACCEPT = "text/html,application/xhtml+xml,application/pdf,application/json,text/*;q=0.9,*/*;q=0.5"
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_PROBLEMS = (
    ("is_unspecified", "an unspecified address"),
    ("is_loopback", "a loopback address"),
    ("is_link_local", "a link-local address"),
    ("is_multicast", "a multicast address"),
    ("is_private", "a private address"),
    ("is_reserved", "a reserved address"),
)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A body fetched from a URL."""

    url: str
    """The URL the body came from (after redirects)."""
    data: bytes
    content_type: str | None
    """Media type without parameters, lower case (``text/html``)."""


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped, 6to4, Teredo or NAT64 IPv6 address."""
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(address: str) -> str | None:
    """Why we refuse to connect to an IP address ("a loopback address"), or None if public."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "not an IP address we understand"
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None and (problem := address_problem(str(inner))):
            return f"{problem} (as {inner} inside IPv6)"
    for attribute, problem in _PROBLEMS:
        if getattr(ip, attribute):
            return problem
    return None if ip.is_global else "not a public (globally routable) address"


class _Clock:
    """An overall deadline shared by every step of one fetch."""

    def __init__(self, timeout: float, total: float) -> None:
        self.timeout = timeout
        self.total = total
        self.end = time.monotonic() + total

    def step(self) -> float:
        """Time allowed for the next network step (raises once the deadline is past)."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"timed out after {self.total:g} s overall")
        return min(self.timeout, left)


def _fail(url: str, what: str, start: str) -> InputError:
    via = f" (redirected from {start!r})" if url != start else ""
    return InputError(f"Cannot fetch {url!r}{via}: {what}.")


def resolve(host: str, port: int, timeout: float) -> list[str]:
    """Every address ``host`` resolves to (raises ``OSError``/``TimeoutError``)."""
    answers: queue.Queue[list[str] | OSError] = queue.Queue(maxsize=1)

    def lookup() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            answers.put(list(dict.fromkeys(str(info[4][0]) for info in infos)))
        except OSError as exc:
            answers.put(exc)

    threading.Thread(target=lookup, name="chronologist-dns", daemon=True).start()
    try:
        answer = answers.get(timeout=timeout)
    except queue.Empty:
        raise TimeoutError(f"timed out resolving {host} after {timeout:g} s") from None
    if isinstance(answer, OSError):
        raise answer
    return answer


def check_url(url: httpx.URL, *, allow_private: bool, clock: _Clock) -> list[str]:
    """The addresses to connect to for ``url``, each one checked; raises ``ValueError``."""
    if url.scheme not in ("http", "https"):
        raise ValueError(f"only http and https URLs can be fetched, not {url.scheme or '?'}:")
    host = url.host
    if not host:
        raise ValueError("the URL has no host")
    try:
        addresses = resolve(url.raw_host.decode("ascii"), url.port or 0, clock.step())
    except socket.gaierror as exc:
        raise ValueError(f"cannot resolve host {host!r} ({exc.strerror})") from exc
    if not addresses:
        raise ValueError(f"host {host!r} has no address")
    if allow_private:
        return addresses
    for address in addresses:
        problem = address_problem(address)
        if problem:
            subject = address if address == host else f"{host} resolves to {address}, which"
            raise PermissionError(f"refused: {subject} is {problem}")
    return addresses


def _ip_url(url: httpx.URL, address: str) -> httpx.URL:
    return url.copy_with(host=address.split("%", 1)[0])


@contextmanager
def _open(
    client: httpx.Client, url: httpx.URL, addresses: list[str], clock: _Clock
) -> Iterator[httpx.Response]:
    """A streamed GET of ``url`` on the first address that accepts a connection."""
    headers = {"Host": url.netloc.decode("ascii"), "User-Agent": USER_AGENT, "Accept": ACCEPT}
    for n, address in enumerate(addresses):
        request = client.build_request(
            "GET",
            _ip_url(url, address),
            headers=headers,
            extensions={"sni_hostname": url.raw_host.decode("ascii")},
            timeout=httpx.Timeout(clock.step()),
        )
        try:
            response = client.send(request, stream=True)
        except httpx.ConnectError:
            if n + 1 == len(addresses):
                raise
            continue
        try:
            yield response
        finally:
            response.close()
        return


def _read_body(response: httpx.Response, max_bytes: int, clock: _Clock) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise OverflowError(f"larger than {size_text(max_bytes)} ({size_text(int(declared))})")
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise OverflowError(f"larger than {size_text(max_bytes)}")
        chunks.append(chunk)
        clock.step()
    return b"".join(chunks)


def _content_type(response: httpx.Response) -> str | None:
    value = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return value or None


def _hop(
    client: httpx.Client, url: httpx.URL, *, allow_private: bool, max_bytes: int, clock: _Clock
) -> Fetched | httpx.URL:
    """One request: the body, or the URL a redirect points to."""
    addresses = check_url(url, allow_private=allow_private, clock=clock)
    with _open(client, url, addresses, clock) as response:
        status = response.status_code
        if status in REDIRECTS:
            location = response.headers.get("location")
            if not location:
                raise ValueError(f"HTTP {status} redirect without a Location header")
            return url.join(location)
        if status >= 300:
            raise ValueError(f"HTTP {status} {response.reason_phrase}".rstrip())
        data = _read_body(response, max_bytes, clock)
        return Fetched(url=str(url), data=data, content_type=_content_type(response))


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 10.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    deadline: float | None = None,
) -> Fetched:
    """GET ``url`` safely (see the module docstring); every failure is an ``InputError``.

    ``timeout`` bounds each connect and each read; ``deadline`` (default
    ``DEADLINE_FACTOR * timeout``) bounds the whole fetch.
    """
    clock = _Clock(timeout, deadline or DEADLINE_FACTOR * timeout)
    current = url
    try:
        target = httpx.URL(url)
        with httpx.Client(follow_redirects=False, trust_env=False) as client:
            for _ in range(MAX_REDIRECTS + 1):
                current = str(target)
                result = _hop(
                    client, target, allow_private=allow_private, max_bytes=max_bytes, clock=clock
                )
                if isinstance(result, Fetched):
                    return result
                target = result
    except PermissionError as exc:
        what = f"{exc}; pass allow_private=True (--allow-private) to fetch it"
        raise _fail(current, what, url) from exc
    except (ValueError, OverflowError, TimeoutError, httpx.InvalidURL) as exc:
        raise _fail(current, str(exc), url) from exc
    except httpx.TimeoutException as exc:
        raise _fail(current, f"timed out after {timeout:g} s", url) from exc
    except httpx.HTTPError as exc:
        raise _fail(current, f"{type(exc).__name__}: {exc}", url) from exc
    except OSError as exc:
        raise _fail(current, f"network error: {exc.strerror or exc}", url) from exc
    raise _fail(str(target), f"too many redirects (more than {MAX_REDIRECTS})", url)
