"""The ``chronologist`` command line: a thin shell over the library."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from chronologist import __version__
from chronologist.errors import ChronologistError, InputError
from chronologist.ingest.text import read_text_file
from chronologist.models import TimeMention
from chronologist.temporal import tag_times
from chronologist.temporal.tagger import parse_dct

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT = {"help_option_names": ["-h", "--help"]}
MAX_BATCH_LINE = 64 * 1024 * 1024


def friendly_errors(func: F) -> F:
    """Turn ``ChronologistError`` into a one-line message and an exit code, no traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ChronologistError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="chronologist")
def main() -> None:
    """chronologist: dated, source-cited timelines from historical sources."""


def _timex_dicts(mentions: Iterable[TimeMention]) -> list[dict[str, object]]:
    return [m.as_dict() for m in mentions]


def _print_table(path: str, dct: str | None, mentions: list[TimeMention]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{path}" + (f" (DCT {dct})" if dct else " (narrative)"))
    for col in ("offsets", "text", "type", "TIMEX3", "mod", "EDTF", "anchored"):
        table.add_column(col)
    for m in mentions:
        table.add_row(
            f"{m.span.start}-{m.span.end}",
            m.text,
            m.type,
            m.value,
            m.when.mod or "",
            m.when.edtf,
            m.anchored,
        )
    Console().print(table)


def _tml(text: str, mentions: list[TimeMention]) -> str:
    from xml.sax.saxutils import escape, quoteattr

    out: list[str] = []
    pos = 0
    for n, m in enumerate(mentions, start=1):
        out.append(escape(text[pos : m.span.start]))
        attrs = f'tid="t{n}" type="{m.type}" value={quoteattr(m.value)}'
        if m.when.mod:
            attrs += f' mod="{m.when.mod}"'
        out.append(f"<TIMEX3 {attrs}>{escape(m.text)}</TIMEX3>")
        pos = m.span.end
    out.append(escape(text[pos:]))
    return '<?xml version="1.0" ?>\n<TimeML>\n<TEXT>' + "".join(out) + "</TEXT>\n</TimeML>\n"


def _batch(mode: str | None) -> None:
    for lineno, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"stdin line {lineno}: not valid JSON ({exc.msg}).") from exc
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(f'stdin line {lineno}: expected an object with a "text" string.')
        dct = item.get("dct")
        if dct is not None and not isinstance(dct, str):
            raise InputError(f'stdin line {lineno}: field "dct" must be a string or null.')
        try:
            mentions = tag_times(item["text"], dct=dct, mode=mode)  # type: ignore[arg-type]
        except ChronologistError as exc:
            raise InputError(f"stdin line {lineno}: {exc}") from exc
        record = {"doc": item.get("doc"), "timexes": _timex_dicts(mentions)}
        click.echo(json.dumps(record, ensure_ascii=False))


@main.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dct", help="Document creation time (YYYY-MM-DD): anchors news text.")
@click.option(
    "--mode",
    type=click.Choice(["news", "narrative"]),
    help="Anchoring mode; default: news when --dct is given, else narrative.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl", "tml"]),
    default="jsonl",
    show_default=True,
    help="Output format.",
)
@click.option("--batch", is_flag=True, help='Read JSON lines {"doc","text","dct"} on stdin.')
@friendly_errors
def timex(
    files: tuple[Path, ...], dct: str | None, mode: str | None, fmt: str, batch: bool
) -> None:
    """Find and normalize the time expressions in FILES.

    Prints one JSON line per file: {"file", "dct", "timexes": [{"start", "end", "text",
    "type", "value", "mod", "edtf"}]}. Offsets are code points into the file's text.

    Example:

        chronologist timex essay.txt --format table

        chronologist timex news.txt --dct 1998-08-07
    """
    if batch:
        if files:
            raise InputError("--batch reads stdin: give no FILES with it.")
        _batch(mode)
        return
    if not files:
        raise InputError("No input files. Give one or more text files, or use --batch.")
    if dct:
        parse_dct(dct)
    for path in files:
        text = read_text_file(path)
        mentions = tag_times(text, dct=dct, mode=mode)  # type: ignore[arg-type]
        if fmt == "table":
            _print_table(str(path), dct, mentions)
        elif fmt == "tml":
            click.echo(_tml(text, mentions), nl=False)
        else:
            record = {"file": str(path), "dct": dct, "timexes": _timex_dicts(mentions)}
            click.echo(json.dumps(record, ensure_ascii=False))


def _write_atomically(path: Path, content: str) -> None:
    """Write a file so that a failure leaves the old file (or none), never half a file."""
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _ingest_all(locations: tuple[str, ...], *, allow_private: bool) -> list[Any]:
    from chronologist.ingest import ingest

    return [ingest(loc, allow_private=allow_private) for loc in locations]


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=(
        "Output file; the suffix picks the format: .json .timelinejs.json .csv .md .ics "
        ".html (interactive viewer) .plain.html (script-free page)"
    ),
)
@click.option("--title", help="Timeline title (default: from the sources).")
@click.option("--allow-private", is_flag=True, help="Let URLs point at private or loopback hosts.")
@click.option("--quiet", is_flag=True, help="No progress bar, no summary.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary for scripts.")
@friendly_errors
def build(
    sources: tuple[str, ...],
    output: Path,
    title: str | None,
    allow_private: bool,
    quiet: bool,
    as_json: bool,
) -> None:
    """Build one timeline from SOURCES (files or URLs) and write it to OUTPUT.

    Example:

        chronologist build essay.txt export.txt -o timeline.json

        chronologist build https://example.org/page.html -o page.md
    """
    from chronologist.pipeline import build_timeline
    from chronologist.render import format_for_path, render

    fmt = format_for_path(output)
    loaded = _ingest_all(sources, allow_private=allow_private)
    show = not (quiet or as_json)
    if show and len(loaded) > 1:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("Extracting events", total=len(loaded))
            timeline = build_timeline(loaded, title=title, progress=lambda _s: bar.advance(task))
    else:
        timeline = build_timeline(loaded, title=title)
    rendered = render(timeline, fmt)
    _write_atomically(output, rendered.content)
    summary = {
        "output": str(output),
        "format": fmt,
        "sources": len(timeline.sources),
        "events": len(timeline.events),
        "conflicts": len(timeline.conflicts),
        "dropped": list(rendered.dropped),
    }
    if as_json:
        click.echo(json.dumps(summary))
    elif not quiet:
        click.echo(
            f"Wrote {output}: {summary['events']} events from {summary['sources']} sources, "
            f"{summary['conflicts']} conflicts."
        )
        for note in rendered.dropped:
            click.echo(f"  dropped: {note}", err=True)


@main.group(name="eval")
def eval_group() -> None:
    """Score chronologist against gold data."""


@eval_group.command(name="timex")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Score this JSON-lines prediction file instead of running the tagger.",
)
@click.option(
    "--save", type=click.Path(dir_okay=False, path_type=Path), help="Write predictions here."
)
@friendly_errors
def eval_timex(gold_dir: Path, as_json: bool, predictions: Path | None, save: Path | None) -> None:
    """Score TIMEX3 tagging on TimeML GOLD_DIR with TempEval-3's measures.

    Runs the tagger on every .tml file (the CREATION_TIME TIMEX3 is the DCT and is not
    scored) and prints strict and relaxed extraction P/R/F1 and type and value F1 and
    accuracy.

    Example:

        chronologist eval timex ../shared/data/tempeval3/train
    """
    from chronologist.evaluate.timex import evaluate_timex, format_scores

    scores = evaluate_timex(gold_dir, predictions=predictions, save=save)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
    else:
        click.echo(format_scores(scores))


if __name__ == "__main__":  # pragma: no cover
    main()


@eval_group.command(name="events")
@click.argument(
    "gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--timeline",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this built timeline JSON instead of building one from the gold's documents.",
)
@click.option(
    "--save", type=click.Path(dir_okay=False, path_type=Path), help="Write the built timeline here."
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@friendly_errors
def eval_events(
    gold: tuple[Path, ...], timeline: Path | None, save: Path | None, as_json: bool
) -> None:
    """Score events against gold timelines (the format of stalin-gold.json).

    Without --timeline, builds a timeline from the documents the gold files name and
    scores it: event recall and precision over required gold events, date accuracy at
    the gold's granularity, by date basis.

    Example:

        chronologist eval events ../shared/examples/stalin-gold.json
    """
    from chronologist.evaluate.events import format_event_scores, score_events

    if timeline is not None:
        try:
            pred = json.loads(timeline.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"Cannot read timeline {str(timeline)!r}: {exc}") from exc
    else:
        pred = _build_from_gold(gold, save)
    scores = score_events(pred, list(gold))
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
    else:
        click.echo(format_event_scores(scores))


def _build_from_gold(gold: tuple[Path, ...], save: Path | None) -> dict[str, Any]:
    from chronologist.ingest import ingest
    from chronologist.pipeline import build_timeline
    from chronologist.render.json import timeline_to_dict

    locations: list[str] = []
    for path in gold:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            files = [str((path.parent / d["file"]).resolve()) for d in data["documents"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"Cannot read gold file {str(path)!r}: {exc}") from exc
        locations.extend(f for f in files if f not in locations)
    built = build_timeline([ingest(loc) for loc in locations])
    as_dict = timeline_to_dict(built)
    if save is not None:
        _write_atomically(save, json.dumps(as_dict, ensure_ascii=False, indent=2))
    return as_dict


@main.command()
@click.argument("timelines", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path),
    help="Output folder (created if missing; files we do not write are kept).",
)
@click.option("--title", default="Timelines", show_default=True, help="The site's title.")
@click.option("--quiet", is_flag=True, help="No summary.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON summary for scripts.")
@friendly_errors
def site(timelines: tuple[Path, ...], output: Path, title: str, quiet: bool, as_json: bool) -> None:
    """Write a static site of TIMELINES (our timeline JSON files) into the OUTPUT folder.

    The home page lists the timelines; each gets a folder with the interactive viewer
    (index.html), a story to read (story.html), its sources with every cited passage
    marked (sources.html) and its data (timeline.json). Links are relative: open
    index.html from disk or put the folder on any static host.

    Example:

        chronologist site stalin.json trotsky.json -o site/
    """
    from chronologist.site import make_site

    result = make_site(timelines, output, title=title)
    summary = {
        "output": str(output),
        "timelines": list(result.slugs),
        "files": list(result.files),
    }
    if as_json:
        click.echo(json.dumps(summary))
    elif not quiet:
        click.echo(
            f"Wrote {output}: {len(result.slugs)} timeline"
            f"{'' if len(result.slugs) == 1 else 's'} ({len(result.files)} files); "
            f"open {output / 'index.html'}."
        )


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--database",
    envvar="DATABASE_URL",
    help="sqlite:///file.db or postgresql://user@host/db (env DATABASE_URL); "
    "default: chronologist/chronologist.db in your data directory.",
)
@click.option(
    "--multi-user", is_flag=True, help="Accounts, logins and roles (needed off loopback)."
)
@click.option("--allow-private", is_flag=True, help="Let source URLs reach private addresses.")
@click.option(
    "--secret-key",
    envvar="CHRONOLOGIST_SECRET_KEY",
    help="Signs CSRF tokens (env CHRONOLOGIST_SECRET_KEY); default: random per start.",
)
@click.option(
    "--load",
    "load",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="On first start (no timelines yet), import these files (repeatable).",
)
@friendly_errors
def serve(
    host: str,
    port: int,
    database: str | None,
    multi_user: bool,
    allow_private: bool,
    secret_key: str | None,
    load: tuple[Path, ...],
) -> None:
    """Serve the web app: make, review, edit and share timelines.

    Single-user mode (the default) needs no login and listens on loopback only;
    --multi-user adds accounts, roles and private timelines. The JSON API is
    documented at /docs.

    Example:

        chronologist serve

        chronologist serve --multi-user --host 0.0.0.0 --database postgresql://db/chrono
    """
    import ipaddress

    import uvicorn

    from chronologist.errors import ConfigError
    from chronologist.web import WebSettings, create_app
    from chronologist.web.sources import load_first_start

    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not multi_user and not loopback:
        raise ConfigError(
            f"Single-user mode has no login, so it only listens on loopback, not {host!r}.",
            hint="Use --host 127.0.0.1, or --multi-user to serve other machines.",
        )
    settings = WebSettings(
        database_url=database,
        multi_user=multi_user,
        allow_private=allow_private,
        secret_key=secret_key,
    )
    app = create_app(settings)
    store = app.state.chronologist.store
    loaded = load_first_start(store, load, owner_id=app.state.chronologist.local_user.id)
    for title in loaded:
        click.echo(f"Loaded {title!r}")
    mode = "multi-user" if multi_user else "single-user"
    click.echo(f"chronologist on http://{host}:{port} ({mode}; {store!r})")
    uvicorn.run(app, host=host, port=port, log_level="info")
