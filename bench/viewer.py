"""Viewer benchmark: first render and zoom/pan frame work at 1k, 10k and 100k events.

Runs in headless Debian Chromium (Playwright for Python), for the same generated data, our
viewer and two peers installed from npm at bench time only (never vendored):
TimelineJS3 (@knight-lab/timelinejs) and vis-timeline. Prints each figure and our ratio.

* first render: milliseconds from navigation start until the timeline has drawn (ours: the
  viewer's ``ready`` promise and two animation frames; TimelineJS: its ``loaded`` event;
  vis-timeline: its first ``changed`` event), each followed by two animation frames;
* frame work: for a scripted sequence of 60 zoom and 60 pan steps, the main-thread time each
  step costs: the step's own synchronous work, plus the animation-frame callbacks it
  scheduled (vis-timeline redraws in one), plus a forced layout; idle time waiting for the
  next frame is not counted. Median and 95th percentile; 16 ms is one 60 Hz frame.

    python bench/viewer.py [--sizes 1000,10000,100000] [--timeout 120]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from chronologist.models import Event, Evidence, Participant, Source, Timeline
from chronologist.render import render
from chronologist.timemodel import TimePoint, TimeValue

REPO = Path(__file__).resolve().parents[1]
NPM_DIR = REPO / ".cache" / "npm"
PEERS = ("@knight-lab/timelinejs@3.9.11", "vis-timeline@8.5.4", "vis-data@8.0.3")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
NAMES = [f"Person {chr(65 + i % 26)}{i}" for i in range(60)]


def make_timeline(n: int, seed: int = 7) -> Timeline:
    """``n`` events between 3000 BCE and 2000 CE: points, periods, approximate and open."""
    rng = random.Random(seed)
    text = "A generated source. " * 20
    source = Source("src-bench", "Generated", "text", "0" * 64, text)
    events = []
    for i in range(n):
        year = rng.randint(-3000, 2000)
        kind = "period" if i % 7 == 0 else "event"
        if kind == "period":
            start = TimePoint("year", year=year)
            end = TimePoint("year", year=year + rng.randint(1, 80))
            when = TimeValue(start=start, end=end)
        elif i % 5 == 0:
            when = TimeValue.point(TimePoint("year", year=year), approximate=True)
        elif i % 11 == 0:
            when = TimeValue(end=TimePoint("year", year=year), open_start=True)
        else:
            day = TimePoint("day", year=year, month=rng.randint(1, 12), day=rng.randint(1, 28))
            when = TimeValue.point(day)
        events.append(
            Event(
                id=f"ev-{i:06d}",
                title=f"Event {i}",
                kind=kind,  # type: ignore[arg-type]
                when=when,
                basis="explicit",
                evidence=(Evidence(source.id, 0, 20, text[:20]),),
                participants=(Participant(NAMES[i % len(NAMES)], "person"),),
            )
        )
    events.sort(key=lambda e: e.when.sort_key if e.when else (1, 0, 0, 0, ""))
    return Timeline(title=f"{n} generated events", sources=(source,), events=tuple(events))


def ensure_peers() -> bool:
    """Install the peers into .cache/npm (bench time only); False when npm is missing."""
    if (NPM_DIR / "node_modules" / "vis-timeline").exists() and (
        NPM_DIR / "node_modules" / "@knight-lab" / "timelinejs"
    ).exists():
        return True
    if shutil.which("npm") is None:
        return False
    NPM_DIR.mkdir(parents=True, exist_ok=True)
    cmd = ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(NPM_DIR)]
    subprocess.run([*cmd, *PEERS], check=True, capture_output=True, timeout=600)
    return True


def vis_items(timeline: Timeline) -> list[dict[str, Any]]:
    """vis-timeline items; dates as ISO strings with six-digit years for BCE."""

    def iso(day: tuple[int, int, int]) -> str:
        y, m, d = day
        ys = f"{y:04d}" if 0 <= y <= 9999 else f"{y:+07d}"
        return f"{ys}-{m:02d}-{d:02d}T00:00:00Z"

    items = []
    for e in timeline.events:
        if e.when is None:
            continue
        lo, hi = e.when.earliest, e.when.latest
        day = lo or hi
        if day is None:
            continue
        item: dict[str, Any] = {"id": e.id, "content": e.title, "start": iso(day)}
        if e.kind == "period" and lo and hi:
            item["end"] = iso(hi)
        items.append(item)
    return items


PEER_PAGES = {
    "timelinejs": """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="node_modules/@knight-lab/timelinejs/dist/css/timeline.css">
<script src="node_modules/@knight-lab/timelinejs/dist/js/timeline.js"></script></head>
<body><div id="tl" style="width:1200px;height:700px"></div><script>
window.benchReady = new Promise(resolve => {
  fetch('data.timelinejs.json').then(r => r.json()).then(data => {
    window.tl = new TL.Timeline('tl', data, {timenav_height_percentage: 50});
    window.tl.on('loaded', () => requestAnimationFrame(() => requestAnimationFrame(
      () => resolve(performance.now()))));
  });
});
window.benchStep = (k) => {
  const nav = window.tl._timenav;
  if (k < 60) { (k % 2 ? nav.zoomOut() : nav.zoomIn()); }
  else { (k % 2 ? window.tl.goToPrev() : window.tl.goToNext()); }
};
</script></body></html>""",
    "vis": """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css">
<script src="node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"></script>
</head><body><div id="vis" style="width:1200px;height:700px"></div><script>
window.benchReady = new Promise(resolve => {
  fetch('data.vis.json').then(r => r.json()).then(items => {
    const t = new vis.Timeline(document.getElementById('vis'), new vis.DataSet(items),
      {stack: true, maxHeight: 700});
    window.vt = t;
    let done = false;
    t.on('changed', () => { if (!done) { done = true; requestAnimationFrame(
      () => requestAnimationFrame(() => resolve(performance.now()))); } });
  });
});
window.benchStep = (k) => {
  const t = window.vt, w = t.getWindow();
  const span = w.end - w.start, mid = (w.start.valueOf() + w.end.valueOf()) / 2;
  if (k < 60) {
    const f = k % 2 ? 1.25 : 0.8;
    t.setWindow(mid - span * f / 2, mid + span * f / 2, {animation: false});
  } else {
    const d = (k % 2 ? -1 : 1) * span * 0.1;
    t.setWindow(w.start.valueOf() + d, w.end.valueOf() + d, {animation: false});
  }
};
</script></body></html>""",
}

OURS_STEP = """
window.benchStep = (k) => {
  const api = window.chronologistViewer;
  if (k < 60) api.zoom(k % 2 ? 0.8 : 1.25);
  else { const v = api.view(); api.pan((k % 2 ? -1 : 1) * (v.end - v.start) * 0.1); }
};
"""

MEASURE = """async (budget) => {
  const first = await window.benchReady;
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const steps = [];
  const started = performance.now();
  for (let k = 0; k < 120 && performance.now() - started < budget; k++) {
    await frame();  // start each step at a frame boundary
    let before = 0;
    requestAnimationFrame(() => { before = performance.now(); });  // runs before the page's own
    const t = performance.now();
    window.benchStep(k);
    if (window.chronologistViewer && window.chronologistViewer.flush) {
      window.chronologistViewer.flush();
    }
    const sync = performance.now() - t;
    // the page's animation-frame work (vis-timeline redraws there) runs between ``before``
    // and this callback, registered after it; then a forced layout
    const after = await new Promise(r => requestAnimationFrame(() => {
      document.body.offsetHeight; r(performance.now()); }));
    steps.push(sync + (after - before));
  }
  const draws = (window.chronologistViewer && window.chronologistViewer.frameTimes) || [];
  return {first, steps, draws: draws.slice(-120)};
}"""


def write_pages(folder: Path, timeline: Timeline, with_peers: bool) -> None:
    page = render(timeline, "html").content
    ready = (
        "<script>window.benchReady = new Promise(r => addEventListener('load', () => "
        "window.chronologistViewer.ready.then(() => requestAnimationFrame(() => "
        "requestAnimationFrame(() => r(performance.now()))))));" + OURS_STEP + "</script>"
    )
    (folder / "ours.html").write_text(page.replace("</body>", ready + "</body>"), "utf-8")
    if with_peers:
        tljs = render(timeline, "timelinejs").content
        (folder / "data.timelinejs.json").write_text(tljs, "utf-8")
        (folder / "data.vis.json").write_text(json.dumps(vis_items(timeline)), "utf-8")
        for name, html in PEER_PAGES.items():
            (folder / f"{name}.html").write_text(html, "utf-8")
        os.symlink(NPM_DIR / "node_modules", folder / "node_modules")


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def measure(url: str, timeout_s: float) -> dict[str, Any] | str:
    """One page in a fresh headless Chromium, in a child process killed after ``timeout_s``
    (a page that hangs the browser is a result, not a hung benchmark)."""
    cmd = [sys.executable, __file__, "--measure", url, "--timeout", str(timeout_s)]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, _ = child.communicate(timeout=timeout_s + 30)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        return f"did not finish within {timeout_s:.0f} s"
    try:
        result: dict[str, Any] | str = json.loads(out.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        return "failed (no result)"
    return result


def measure_here(url: str, timeout_s: float) -> dict[str, Any] | str:
    """The child's side of ``measure``: load, wait for the first render, step, report."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # The viewer page's CSP blocks inline scripts it does not know; the bench adds one.
        context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
        page = context.new_page()
        try:
            page.set_default_timeout(timeout_s * 1000)
            page.goto(url, wait_until="load", timeout=timeout_s * 1000)
            page.evaluate("() => { window.benchReady.then(t => { window.benchFirst = t; }); }")
            try:
                page.wait_for_function(
                    "() => window.benchFirst !== undefined", timeout=timeout_s * 1000
                )
            except Exception:
                return f"no first render within {timeout_s:.0f} s"
            result: dict[str, Any] = page.evaluate(MEASURE, timeout_s * 1000 / 2)
            result["version"] = browser.version
            return result
        except Exception as exc:  # a peer that cannot cope is a result, not a crash
            return f"did not finish ({type(exc).__name__})"
        finally:
            browser.close()


def summarize(result: dict[str, Any] | str) -> tuple[str, float | None, float | None]:
    if isinstance(result, str):
        return result, None, None
    steps = sorted(result["steps"])
    median = statistics.median(steps)
    p95 = steps[int(len(steps) * 0.95) - 1]
    text = f"first render {result['first']:8.0f} ms   step median {median:6.1f} ms  p95 {p95:6.1f}"
    if len(steps) < 120:
        text += f"   (only {len(steps)} of 120 steps in the time budget)"
    if result.get("draws"):
        text += f"   draw median {statistics.median(result['draws']):5.1f} ms"
    return text, float(result["first"]), median


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per page (120)")
    ap.add_argument("--no-peers", action="store_true", help="measure our viewer only")
    ap.add_argument("--measure", metavar="URL", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure_here(args.measure, args.timeout)))
        return 0
    if not Path(CHROMIUM).exists():
        print("viewer bench skipped: Debian's chromium is not installed")
        return 0
    with_peers = not args.no_peers and ensure_peers()
    if not with_peers and not args.no_peers:
        print("peers skipped: npm is not installed")
    print("viewer benchmark in headless Chromium, 1280x800, a fresh browser per page")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            started = time.perf_counter()
            write_pages(folder, make_timeline(n), with_peers)
            server, base = serve(folder)
            print(f"\n{n:,} events (pages written in {time.perf_counter() - started:.1f} s)")
            ours_text, ours_first, ours_step = summarize(measure(f"{base}/ours.html", args.timeout))
            print(f"  chronologist  {ours_text}", flush=True)
            for name in PEER_PAGES if with_peers else ():
                text, first, step = summarize(measure(f"{base}/{name}.html", args.timeout))
                label = "TimelineJS3" if name == "timelinejs" else "vis-timeline"
                print(f"  {label:13} {text}")
                if text.startswith("no first render") and ours_first:
                    bound = args.timeout * 1000 / ours_first
                    print(f"  {'':13} (first render more than {bound:.0f}x ours)", flush=True)
                if first and ours_first:
                    ratio = f"first render {first / ours_first:.1f}x ours"
                    if step and ours_step:
                        ratio += f", step {step / ours_step:.1f}x ours"
                    print(f"  {'':13} ({ratio})", flush=True)
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
