"""API throughput: requests/s for a 1,000-event timeline's JSON, on SQLite and PostgreSQL.

For each database, a generated 1,000-event timeline is stored, ``chronologist serve`` (one
uvicorn process) listens on a free loopback port, and a separate load-generator process
(httpx, keep-alive connections, ``--concurrency`` requests in flight) fetches for
``--seconds`` seconds each:

* ``export``: ``GET /api/timelines/{id}/export/json``, the whole timeline as our JSON;
* ``events``: ``GET /api/timelines/{id}/events``, the event list the review page reads;
* ``health``: ``GET /api/health``, no database work: the framework's own ceiling, the peer
  the other two are compared with in the same run.

Repeated reads of an unchanged timeline are served from the app's per-revision cache (the
common case for a published timeline); the cost of a cache miss is measured apart: the
export fetched right after each of 20 renames, one request at a time.

PostgreSQL is a throwaway server (Debian's binaries) with durability off; it is skipped
with a message when no server binaries are found.

    python bench/api.py [--events 1000] [--seconds 5] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from chronologist.store import open_store
from chronologist.store.testing import find_postgres_bin, free_port, throwaway_postgres

sys.path.insert(0, str(Path(__file__).resolve().parent))
# the same generated events as the viewer bench
from viewer import make_timeline


def _paths(timeline_id: str) -> dict[str, str]:
    return {
        "export": f"/api/timelines/{timeline_id}/export/json",
        "events": f"/api/timelines/{timeline_id}/events",
        "health": "/api/health",
    }


async def _drive(base: str, path: str, seconds: float, concurrency: int) -> dict[str, float]:
    """Keep ``concurrency`` requests in flight for ``seconds``; count and time them."""
    latencies: list[float] = []
    failures = 0
    size = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        await client.get(path)  # warm up (first query, caches)
        deadline = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal failures, size
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                response = await client.get(path)
                if response.status_code != 200:
                    failures += 1
                    continue
                size = len(response.content)
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "median_ms": 1000 * statistics.median(latencies) if latencies else 0.0,
        "p95_ms": 1000 * latencies[int(len(latencies) * 0.95) - 1] if latencies else 0.0,
        "failures": failures,
        "bytes": size,
    }


def _load_process(
    base: str, path: str, seconds: float, concurrency: int, out: multiprocessing.Queue[object]
) -> None:
    out.put(asyncio.run(_drive(base, path, seconds, concurrency)))


def drive(base: str, path: str, seconds: float, concurrency: int) -> dict[str, float]:
    """Run the load generator in its own process (it must not share the server's core)."""
    ctx = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[object] = ctx.Queue()
    proc = ctx.Process(target=_load_process, args=(base, path, seconds, concurrency, queue))
    proc.start()
    result = queue.get(timeout=seconds + 120)
    proc.join()
    assert isinstance(result, dict)
    return result


@contextlib.contextmanager
def serving(database_url: str, data_home: Path) -> Iterator[str]:
    """``chronologist serve`` on a free loopback port; yields its base URL."""
    port = free_port()
    exe = shutil.which("chronologist") or str(Path(sys.executable).parent / "chronologist")
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    cmd = [exe, "serve", "--port", str(port), "--database", database_url]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "exited")
            time.sleep(0.1)
        else:
            raise RuntimeError("the server did not start within 30 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def bench_database(label: str, url: str, args: argparse.Namespace, tmp: Path) -> dict[str, float]:
    store = open_store(url)
    try:
        owner = store.get_local_user()
        timeline_id = store.save_timeline(
            make_timeline(args.events), owner_id=owner.id, public=True
        )
    finally:
        store.close()
    results: dict[str, float] = {}
    with serving(url, tmp) as base:
        for name, path in _paths(timeline_id).items():
            r = drive(base, path, args.seconds, args.concurrency)
            results[name] = r["rps"]
            print(
                f"  {label:10} {name:7} {r['rps']:8.1f} req/s   median {r['median_ms']:7.1f} ms"
                f"   p95 {r['p95_ms']:7.1f} ms   {r['bytes'] / 1024:7.0f} KiB"
                + (f"   {r['failures']:.0f} failed" if r["failures"] else "")
            )
        cold = cold_reads(base, _paths(timeline_id)["export"], timeline_id)
    print(
        f"  {label:10} export after each change (cache miss): median {cold[0]:6.1f} ms,"
        f" p95 {cold[1]:6.1f} ms"
    )
    for name in ("export", "events"):
        print(f"  {'':10} {name:7} {results[name] / results['health']:.2f}x the health peer")
    return results


def cold_reads(base: str, path: str, timeline_id: str, n: int = 20) -> tuple[float, float]:
    """Rename the timeline, then fetch its export: every read renders afresh."""
    times = []
    with httpx.Client(base_url=base, timeout=60) as client:
        headers = {"X-CSRF-Token": client.get("/api/session").json()["csrf_token"]}
        for i in range(n):
            patch = {"title": f"{n} generated events, take {i}"}
            client.patch(f"/api/timelines/{timeline_id}", json=patch, headers=headers)
            started = time.perf_counter()
            assert client.get(path).status_code == 200
            times.append(1000 * (time.perf_counter() - started))
    times.sort()
    return statistics.median(times), times[int(n * 0.95) - 1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--seconds", type=float, default=5.0, help="per endpoint (5)")
    ap.add_argument("--concurrency", type=int, default=8, help="requests in flight (8)")
    args = ap.parse_args()
    print(
        f"API throughput, {args.events:,}-event timeline, {args.concurrency} in flight, "
        f"{args.seconds:.0f} s per endpoint, one server process on loopback "
        f"({os.cpu_count()} cores shared with the load generator)"
    )
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        sqlite = bench_database("SQLite", f"sqlite:///{tmp / 'bench.db'}", args, tmp)
        if find_postgres_bin() is None:
            print("  PostgreSQL skipped: no server binaries (apt install postgresql)")
            return 0
        with throwaway_postgres() as url:
            pg = bench_database("PostgreSQL", url, args, tmp)
    for name in ("export", "events"):
        print(f"  PostgreSQL/SQLite {name}: {pg[name] / sqlite[name]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
