"""End-to-end build benchmark: the TempEval-3 training text as one corpus.

Ingest is skipped (the text is already in memory); the figure covers event extraction
(spaCy parsing, temporal tagging, participants) and assembly, on one core. Peak memory
is the process's peak RSS (ru_maxrss) after the build, minus before.

    python bench/build.py --shared ../shared
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sys
import time
from pathlib import Path

from chronologist.evaluate.timex import read_gold_dir
from chronologist.events.nlp import load_nlp
from chronologist.models import Source
from chronologist.pipeline import build_timeline


def corpus(shared: Path) -> str:
    """All training documents' plain text, one after another, as one source."""
    docs = read_gold_dir(shared / "data" / "tempeval3" / "train")
    return "\n\n".join(doc.text.strip() for _, doc in sorted(docs.items()))


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    text = corpus(args.shared)
    digest = hashlib.sha256(text.encode()).hexdigest()
    source = Source(f"src-{digest[:12]}", "TempEval-3 train", "text", digest, text)
    load_nlp()
    before = peak_rss_mib()
    start, cpu = time.perf_counter(), time.process_time()
    timeline = build_timeline([source])
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    words = len(text.split())
    print(f"build: {words:,} words, {len(text):,} chars, one source, one core")
    print(f"  {len(timeline.events):,} events, {len(timeline.conflicts)} conflicts")
    print(f"  wall {wall:.1f} s, cpu {cpu:.1f} s: {words / wall:,.0f} words/s")
    grew = peak_rss_mib() - before
    print(f"  peak RSS {peak_rss_mib():,.0f} MiB ({grew:+,.0f} MiB during the build)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
