"""Benchmark chronologist's time tagger, with dateparser as a peer, on TempEval-3 text.

    python bench/tagger.py --shared ../shared [--limit-docs N] [--dateparser-budget S]
                           [--passes K]

Corpus: every .tml file under SHARED/data/tempeval3/train, read as plain text the way
``chronologist eval timex`` reads it (content of <TEXT>, tags removed, entities decoded).
Each tagger gets each document once, anchored on the document's DCT (ours: ``dct=``;
dateparser: ``search_dates(text, languages=["en"], settings={"RELATIVE_BASE": dct})``).

Measures:

* Throughput: whitespace-separated tokens per second of wall time (``time.perf_counter``),
  in one process pinned to one CPU where the OS allows it; CPU time
  (``time.process_time``) is shown beside it. Each tagger makes ``--passes`` passes over
  the corpus (3 by default) in the same process, and the pass with the median wall time is
  reported, so that one hiccup of the machine does not decide the ratio. The first pass is
  cold: its loading of language data counts like any other time.
* Memory, in a fresh child process per tagger and measure, so the two libraries never
  share a high-water mark: ``tracemalloc`` peak of Python allocations while tagging the
  corpus (after import), and, in a run without tracemalloc, how far the process's peak
  resident set size (``ru_maxrss``) rises above its resident size before tagging
  (``/proc/self/statm``).
* Adversarial input: single-line texts built from repeated or pseudo-random pieces are
  tagged at two sizes, N and 4N characters; the time ratio should be about 4, and a
  much larger one shows super-linear behaviour.

dateparser can be slow: once its cumulative time passes ``--dateparser-budget`` seconds
it stops, and both taggers' throughput for the ratio is taken on the documents it did.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

from chronologist.evaluate.timex import read_gold_dir
from chronologist.temporal import tag_times

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Doc:
    """A corpus document as the taggers see it."""

    name: str
    text: str
    dct: str | None
    tokens: int


@dataclass(frozen=True, slots=True)
class Run:
    """One tagger over the first ``len(wall)`` documents of the corpus."""

    wall: tuple[float, ...]
    """Wall seconds per document, in corpus order."""
    cpu: float
    mentions: int


def load_corpus(shared: Path, limit: int | None) -> list[Doc]:
    gold = read_gold_dir(shared / "data" / "tempeval3" / "train")
    docs = [Doc(d.name, d.text, d.dct, len(d.text.split())) for d in gold.values()]
    return docs[:limit] if limit else docs


def pin_one_core() -> str:
    """Pin this process (and the children it starts) to one CPU, if the OS allows it."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


# --- the two taggers ------------------------------------------------------------------


def chronologist_tagger() -> Callable[[Doc], int]:
    def run(doc: Doc) -> int:
        return len(tag_times(doc.text, dct=doc.dct))

    return run


def dateparser_tagger() -> Callable[[Doc], int]:
    try:
        from dateparser.search import search_dates
    except ImportError:
        sys.exit("dateparser is missing: pip install -r bench/requirements.txt")

    def run(doc: Doc) -> int:
        settings = {"RELATIVE_BASE": datetime.fromisoformat(doc.dct)} if doc.dct else {}
        found = search_dates(doc.text, languages=["en"], settings=settings)
        return len(found or [])

    return run


TAGGERS = {"chronologist": chronologist_tagger, "dateparser": dateparser_tagger}


def median_run(
    make: Callable[[], Callable[[Doc], int]],
    docs: Sequence[Doc],
    budget: float | None,
    passes: int,
) -> Run:
    """The pass with the median wall time of ``passes`` passes of one tagger (the first
    cold)."""
    tag = make()
    runs = sorted((time_tagger(tag, docs, budget) for _ in range(passes)), key=_per_doc)
    return runs[len(runs) // 2]


def _per_doc(run: Run) -> float:
    return sum(run.wall) / max(1, len(run.wall))


def time_tagger(tag: Callable[[Doc], int], docs: Sequence[Doc], budget: float | None) -> Run:
    """Tag ``docs`` in order; stop early once ``budget`` wall seconds are spent."""
    walls: list[float] = []
    mentions = 0
    cpu0 = time.process_time()
    for doc in docs:
        t0 = time.perf_counter()
        mentions += tag(doc)
        walls.append(time.perf_counter() - t0)
        if budget is not None and sum(walls) > budget:
            break
    return Run(tuple(walls), time.process_time() - cpu0, mentions)


def memory_child(tagger: str, measure: str, docs: Sequence[Doc]) -> dict[str, float]:
    """Run in a fresh process: tag ``docs`` and report the memory measure as JSON."""
    tag = TAGGERS[tagger]()
    if measure == "tracemalloc":
        tracemalloc.start()
        for doc in docs:
            tag(doc)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {"tracemalloc_peak": peak}
    before = current_rss()
    for doc in docs:
        tag(doc)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    return {"rss_growth": max(0, peak - before), "peak_rss": peak}


def current_rss() -> int:
    """Resident set size now (Linux /proc); elsewhere the peak so far, a lower bound."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def measure_memory(args: argparse.Namespace, tagger: str, ndocs: int) -> dict[str, float]:
    out: dict[str, float] = {}
    for measure in ("tracemalloc", "rss"):
        cmd = [sys.executable, __file__, "--shared", str(args.shared)]
        cmd += ["--limit-docs", str(ndocs), "--child", tagger, measure]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        out.update(json.loads(done.stdout.strip().splitlines()[-1]))
    return out


# --- adversarial input ----------------------------------------------------------------


def mixed_line(n: int, seed: int = 20130614) -> str:
    """A deterministic single line of digits, words and punctuation, ``n`` characters."""
    rng = random.Random(seed)
    words = "1998 12 3 - / . , May the 1st Monday ago years 's : in of x Q3 9:30 ( ) a.m. "
    words += "last next 1990s and -1- 19 2001-09-11 mid- early century BC AD c. circa 07/04"
    atoms = words.split(" ")
    seps = (" ", " ", " ", "", "-", "/", ". ", ", ", "'")
    parts: list[str] = []
    size = 0
    while size < n:
        piece = rng.choice(atoms) + rng.choice(seps)
        parts.append(piece)
        size += len(piece)
    return "".join(parts)[:n]


def repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "mixed digits/words/punctuation": mixed_line,
    '"1-1-1-1…"': repeat("1-"),
    '"a.a.a.a…"': repeat("a."),
    '"1/1/1/1…"': repeat("1/"),
    '"1 1 1 1…"': repeat("1 "),
    '"-----…"': repeat("-"),
    '"a" and white space only': lambda n: "a" + " " * (n - 1),
    '"1,1,1,1…" (one number token)': repeat("1,"),
    '"May June July …"': repeat("May June July "),
    '"January 1, 1999 to …"': repeat("January 1, 1999 to "),
    '"the 1st of the 2nd of …"': repeat("the 1st of the 2nd of "),
    '"11111…" (digits only)': repeat("1"),
}


def time_text(text: str) -> tuple[float | None, str]:
    t0 = time.perf_counter()
    try:
        found = tag_times(text)
    except Exception as exc:  # report, don't hide: this is what the section looks for
        return None, f"crashed: {type(exc).__name__}: {str(exc).split(';')[0][:80]}"
    return time.perf_counter() - t0, f"{len(found)} mentions"


def adversarial(small: int) -> list[str]:
    lines = [
        f"{'input (one line, no newline)':<34}{'chars/s @ ' + _size(small):>18}"
        f"{'chars/s @ ' + _size(4 * small):>18}{'time ×':>8}  result at 4N",
    ]
    for label, make in ADVERSARIAL.items():
        t1, _ = time_text(make(small))
        t4, note = time_text(make(4 * small))
        rate1 = f"{small / t1:,.0f}" if t1 else "-"
        rate4 = f"{4 * small / t4:,.0f}" if t4 else "-"
        ratio = f"{t4 / t1:.2f}" if t1 and t4 else "-"
        flag = "  SUPER-LINEAR?" if t1 and t4 and t4 / t1 > 6 else ""
        lines.append(f"{label:<34}{rate1:>18}{rate4:>18}{ratio:>8}  {note}{flag}")
    return lines


def _size(n: int) -> str:
    return f"{n // MIB} MiB" if n % MIB == 0 else f"{n // 1024} KiB"


# --- report ---------------------------------------------------------------------------


def _row(name: str, run: Run, docs: Sequence[Doc], mem: dict[str, float]) -> str:
    n = len(run.wall)
    tokens = sum(d.tokens for d in docs[:n])
    wall = sum(run.wall)
    traced, rss = mem["tracemalloc_peak"] / MIB, mem["rss_growth"] / MIB
    return (
        f"{name:<20}{n:>5}{tokens:>9,}{wall:>9.2f}{run.cpu:>8.2f}{tokens / wall:>11,.0f}"
        f"{run.mentions:>10,}{traced:>12.1f}{rss:>12.1f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared folder")
    ap.add_argument("--limit-docs", type=int, metavar="N", help="first N documents only")
    ap.add_argument(
        "--dateparser-budget",
        type=float,
        default=120.0,
        metavar="S",
        help="stop dateparser after S seconds and compare on the documents it did (120)",
    )
    ap.add_argument(
        "--adversarial-kib",
        type=int,
        default=256,
        metavar="K",
        help="adversarial texts of K KiB and 4K KiB (256; 0 skips the section)",
    )
    ap.add_argument(
        "--huge-mib",
        type=int,
        default=0,
        metavar="M",
        help="also tag one mixed line of M MiB, e.g. 50 (off by default: slow)",
    )
    ap.add_argument(
        "--passes",
        type=int,
        default=3,
        metavar="K",
        help="passes per tagger; the median pass is reported (3)",
    )
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    docs = load_corpus(args.shared, args.limit_docs)
    if args.child:
        print(json.dumps(memory_child(args.child[0], args.child[1], docs)))
        return 0

    pinned = pin_one_core()
    started = time.perf_counter()
    chars = sum(len(d.text) for d in docs)
    tokens = sum(d.tokens for d in docs)
    print(f"TempEval-3 train: {len(docs)} documents, {tokens:,} whitespace tokens, {chars:,} chars")
    print(f"Python {platform.python_version()} on {platform.machine()}, {pinned}")
    print(f"chronologist {version('chronologist')}, dateparser {version('dateparser')}\n")

    passes = max(1, args.passes)
    ours = median_run(TAGGERS["chronologist"], docs, None, passes)
    peer = median_run(TAGGERS["dateparser"], docs, args.dateparser_budget, passes)
    subset = len(peer.wall)
    ours_mem = measure_memory(args, "chronologist", len(docs))
    peer_mem = measure_memory(args, "dateparser", subset)

    print(
        f"{'tagger':<20}{'docs':>5}{'tokens':>9}{'wall s':>9}{'cpu s':>8}{'tokens/s':>11}"
        f"{'mentions':>10}{'tracemalloc':>12}{'peak RSS':>12}"
    )
    print(f"{'':<72}{'peak MiB':>12}{'+MiB':>12}")
    print(_row("chronologist", ours, docs, ours_mem))
    print(_row("dateparser", peer, docs, peer_mem))
    if subset < len(docs):
        print(
            f"\ndateparser passed its {args.dateparser_budget:g} s budget after {subset} of "
            f"{len(docs)} documents: the ratio below is on those {subset} documents only."
        )
    subset_tokens = sum(d.tokens for d in docs[:subset])
    ours_rate = subset_tokens / sum(ours.wall[:subset])
    peer_rate = subset_tokens / sum(peer.wall)
    print(f"\nchronologist is {ours_rate / peer_rate:.1f}x dateparser's throughput")
    print(
        f"  ({ours_rate:,.0f} vs {peer_rate:,.0f} tokens/s of wall time, same {subset} documents;"
        f" median of {passes} passes each, the first cold)"
    )
    print(
        "Memory, each in a fresh process: tracemalloc peak = Python allocations while tagging\n"
        "(after import); peak RSS +MiB = ru_maxrss after tagging minus RSS before tagging\n"
        "(separate run without tracemalloc)."
    )

    if args.adversarial_kib > 0:
        print("\nAdversarial input, chronologist only (time × should be about 4):")
        for line in adversarial(args.adversarial_kib * 1024):
            print(line)
    if args.huge_mib > 0:
        text = mixed_line(args.huge_mib * MIB)
        elapsed, note = time_text(text)
        rate = f"{len(text) / elapsed:,.0f} chars/s" if elapsed else "-"
        print(f"\nOne mixed line of {args.huge_mib} MiB: {rate}, {note}")
    print(f"\ntotal bench time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
