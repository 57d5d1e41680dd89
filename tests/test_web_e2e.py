"""End to end through real HTTP: uvicorn on a loopback port, httpx as the browser.

Pastes the two seeds, extracts (the real pipeline), reviews, adds a hand-made period,
publishes, views the public page logged out and exports TimelineJS JSON.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from chronologist.store import open_store
from chronologist.web import WebSettings, create_app
from conftest import need_shared

SEEDS = ("essay-stalins-rise-to-power.txt", "timetoast-stalins-rise-to-power.txt")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The multi-user app on a free loopback port, for the whole module."""
    database = tmp_path_factory.mktemp("e2e") / "e2e.db"
    store = open_store(f"sqlite:///{database}")
    app = create_app(WebSettings(multi_user=True), store=store)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    runner = uvicorn.Server(config)
    thread = threading.Thread(target=runner.run, daemon=True)
    thread.start()
    for _ in range(200):
        if runner.started:
            break
        time.sleep(0.025)
    assert runner.started, "uvicorn did not start"
    port = runner.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    runner.should_exit = True
    thread.join(15)
    store.close()


class Browser:
    """An httpx client that keeps cookies and sends the CSRF token like the pages do."""

    def __init__(self, base: str) -> None:
        self.http = httpx.Client(base_url=base, timeout=30)
        self.csrf = ""
        self.csrf = self.call("GET", "/api/session").json()["csrf_token"]

    def call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        headers = {"X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}
        return self.http.request(method, url, headers=headers, **kwargs)

    def ok(self, method: str, url: str, status: int = 200, **kwargs: Any) -> Any:
        response = self.call(method, url, **kwargs)
        assert response.status_code == status, response.text
        return response.json()


@pytest.fixture
def browsers(server: str) -> Iterator[list[Browser]]:
    made: list[Browser] = []
    yield made
    for browser in made:
        browser.http.close()


def test_web_e2e_paste_extract_review_publish_export(server: str, browsers: list[Browser]) -> None:
    seeds = [need_shared("seeds", name) for name in SEEDS]
    alice = Browser(server)
    browsers.append(alice)
    alice.csrf = alice.ok(
        "POST", "/api/register", 201, json={"username": "alice", "password": "a long password"}
    )["csrf_token"]
    tid = alice.ok("POST", "/api/timelines", 201, json={"title": "Stalin's rise"})["id"]

    # paste the two seeds and extract, watching the job's progress
    for seed in seeds:
        text = Path(seed).read_text(encoding="utf-8")
        alice.ok("POST", f"/api/timelines/{tid}/sources/paste", 201, json={"text": text})
    job = alice.ok("POST", f"/api/timelines/{tid}/extract", 202)
    progress = []
    for _ in range(600):
        job = alice.ok("GET", f"/api/jobs/{job['id']}")
        progress.append(job["progress"])
        if job["status"] not in ("queued", "running"):
            break
        time.sleep(0.1)
    assert job["status"] == "done", job
    assert progress == sorted(progress) and progress[-1] == 1.0
    events = alice.ok("GET", f"/api/timelines/{tid}/events", params={"status": "proposed"})
    assert len(events) >= 20
    assert {s["kind"] for s in alice.ok("GET", f"/api/timelines/{tid}/sources")} == {
        "text",
        "timetoast",
    }

    # review: accept one, reject one, retype one date
    accepted, rejected, redated = events[0], events[1], events[2]
    alice.ok("POST", f"/api/timelines/{tid}/events/{accepted['id']}/accept")
    alice.ok("POST", f"/api/timelines/{tid}/events/{rejected['id']}/reject")
    preview = alice.ok("GET", "/api/dates/parse", params={"text": "before 1917"})
    assert (preview["edtf"], preview["human"]) == ("../1917", "before 1917")
    changed = alice.ok(
        "PATCH", f"/api/timelines/{tid}/events/{redated['id']}", json={"date": "before 1917"}
    )
    assert changed["date"]["edtf"] == "../1917"
    assert alice.ok("GET", f"/api/timelines/{tid}/events/{redated['id']}")["date"]["edtf"] == (
        "../1917"
    )

    # a hand-made period, no source
    period = alice.ok(
        "POST",
        f"/api/timelines/{tid}/events",
        201,
        json={
            "title": "Stalin consolidates power",
            "date": "1921-1928",
            "kind": "period",
            "description": "Made by hand.",
        },
    )
    assert (period["kind"], period["date"]["edtf"]) == ("period", "1921/1928")

    # the pages show it
    page = alice.call("GET", f"/timelines/{tid}")
    assert page.status_code == 200 and html.escape("Stalin consolidates power") in page.text

    # publish; a logged-out visitor sees the public page and exports
    visitor = Browser(server)
    browsers.append(visitor)
    assert visitor.call("GET", f"/t/{tid}").status_code == 404
    alice.ok("PATCH", f"/api/timelines/{tid}", json={"public": True})
    public = visitor.call("GET", f"/t/{tid}")
    assert public.status_code == 200 and "text/html" in public.headers["content-type"]
    assert "Stalin" in public.text
    ours = visitor.call("GET", f"/t/{tid}/export/json").json()
    titles = [e["title"] for e in ours["events"]]
    assert "Stalin consolidates power" in titles and rejected["title"] not in titles
    timelinejs = visitor.call("GET", f"/t/{tid}/export/timelinejs")
    assert timelinejs.status_code == 200
    assert timelinejs.headers["content-disposition"].endswith('.timelinejs.json"')
    slides = timelinejs.json()["events"]
    period_slide = next(s for s in slides if s["text"]["headline"] == "Stalin consolidates power")
    assert (
        period_slide["start_date"]["year"] == "1921" and period_slide["end_date"]["year"] == "1928"
    )
    embed = alice.ok("GET", f"/api/timelines/{tid}/embed")
    assert f'src="{server}/t/{tid}"' in embed["iframe"]
    # and cannot change anything
    refused = visitor.call(
        "PATCH", f"/api/timelines/{tid}/events/{period['id']}", json={"title": "x"}
    )
    assert refused.status_code == 403 and refused.json()["ok"] is False


def test_web_e2e_permissions_over_http(server: str, browsers: list[Browser]) -> None:
    """A viewer cannot edit and a stranger cannot see a private timeline: pages and API."""
    people = {}
    for name in ("olga", "victor", "sam"):
        browser = Browser(server)
        browsers.append(browser)
        browser.csrf = browser.ok(
            "POST", "/api/register", 201, json={"username": name, "password": "a long password"}
        )["csrf_token"]
        people[name] = browser
    olga, victor, sam = people["olga"], people["victor"], people["sam"]
    tid = olga.ok("POST", "/api/timelines", 201, json={"title": "Private notes"})["id"]
    eid = olga.ok(
        "POST",
        f"/api/timelines/{tid}/events",
        201,
        json={"title": "Secret meeting", "date": "1917"},
    )["id"]
    olga.ok("PUT", f"/api/timelines/{tid}/roles/victor", json={"role": "viewer"})

    # the viewer sees, but cannot edit
    assert "Secret meeting" in victor.call("GET", f"/timelines/{tid}").text
    assert victor.call("GET", f"/t/{tid}").status_code == 200
    assert victor.call("GET", f"/timelines/{tid}/events/{eid}").status_code == 403
    edit = victor.call("PATCH", f"/api/timelines/{tid}/events/{eid}", json={"title": "Mine"})
    assert edit.status_code == 403 and edit.json() == {
        "ok": False,
        "error": edit.json()["error"],
        "status": 403,
    }
    assert victor.call("POST", f"/api/timelines/{tid}/events/{eid}/reject").status_code == 403

    # the stranger sees nothing at all
    for path in (f"/timelines/{tid}", f"/t/{tid}", f"/api/timelines/{tid}/events"):
        got = sam.call("GET", path)
        assert got.status_code == 404 and "Secret meeting" not in got.text, path
    assert sam.call("PATCH", f"/api/timelines/{tid}", json={"title": "x"}).status_code == 404
    assert "Secret" not in sam.call("GET", "/api/search", params={"q": "secret"}).text
    assert olga.ok("GET", f"/api/timelines/{tid}/events/{eid}")["title"] == "Secret meeting"


# ------------------------------------------------------------------------ real browser
@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's Chromium through Playwright (skip visibly when absent; fail in CI)."""
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    reason = ""
    if not Path(executable).exists():
        reason = "Chromium not found: browser tests need Debian's chromium"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "Playwright for Python is not installed (requirements-dev.txt)"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def test_web_e2e_in_the_browser(server: str, chromium: Any) -> None:
    """The same workflow through the pages a person uses, scripts and all."""
    seeds = [Path(need_shared("seeds", name)).read_text(encoding="utf-8") for name in SEEDS]
    context = chromium.new_context(base_url=server, accept_downloads=True)
    page = context.new_page()
    failures: list[str] = []
    page.on("pageerror", lambda error: failures.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())

    page.goto("/register")
    page.fill("[name=username]", "pat")
    page.fill("[name=password]", "a long password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/")
    page.fill("form[action='/timelines'] [name=title]", "Browser timeline")
    page.click("form[action='/timelines'] button")
    page.wait_for_url("**/timelines/*")
    tid = page.url.rsplit("/", 1)[1]

    paste = page.locator("form[data-api$='/sources/paste']")
    for text in seeds:
        paste.locator("[name=text]").fill(text)
        with page.expect_navigation():
            paste.locator("button").click()
    with page.expect_navigation():
        page.click("button:has-text('Extract events from new sources')")
    page.wait_for_selector("[data-job][data-status-now=done]", timeout=60_000)

    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 20
    with page.expect_navigation():
        rows.nth(0).locator("button:has-text('Accept')").click()
    with page.expect_navigation():
        page.locator("table.events tbody tr").nth(1).locator("button:has-text('Reject')").click()
    assert page.locator("tr.status-accepted").count() == 1
    assert page.locator("tr.status-rejected").count() == 1

    page.locator("table.events tbody tr").nth(2).locator("td a").first.click()
    page.wait_for_url("**/events/*")
    edit = page.locator("form[data-method=PATCH]")
    edit.locator("[name=date]").fill("before 1917")
    assert "../1917" in _wait_text(edit.locator("output"), "../1917")
    with page.expect_navigation():
        edit.locator("button[type=submit]").click()
    assert page.locator("p.muted").first.inner_text().startswith("before 1917")

    page.goto(f"/timelines/{tid}")
    add = page.locator("form[data-api$='/events']")
    add.locator("[name=title]").fill("Made in the browser")
    add.locator("[name=date]").fill("1921-1928")
    add.locator("[name=kind]").select_option("period")
    with page.expect_navigation():
        add.locator("button[type=submit]").click()
    with page.expect_navigation():
        page.click("button:has-text('Publish')")
    assert "is public" in page.locator("text=This timeline is").inner_text()
    with page.expect_download() as download:
        page.click("a:has-text('timelinejs')")
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert "Made in the browser" in [e["text"]["headline"] for e in exported["events"]]

    with page.expect_navigation():
        page.click("button:has-text('Log out')")
    page.goto(f"/t/{tid}")
    assert "Browser timeline" in page.title()
    assert "Made in the browser" in page.content()
    assert failures == []
    context.close()


def _wait_text(locator: Any, needle: str) -> str:
    for _ in range(50):
        text = str(locator.inner_text())
        if needle in text:
            return text
        time.sleep(0.1)
    return str(locator.inner_text())
