"""The temporal lexicon: word lists loaded from ``data/<lang>.yaml`` and validated."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml

from chronologist.errors import ConfigError
from chronologist.timemodel import TimeValue

OPENING_DETERMINERS = frozenset(
    {"the", "a", "an", "that", "this", "these", "those", "every", "each", "per"}
)
"""Words that open an expression only before a time word ("the weekend", not "the house")."""
START_WORDS = frozenset(
    {
        *("the", "a", "an", "that", "these", "every", "each", "per", "at", "in"),
        *("fiscal", "fy", "noon", "midnight", "midday", "midyear", "latest", "final", "first"),
        *("post", "pre", "half", "midcentury"),
        *("'", "\u2019"),
    }
)
"""Grammar words (not in the word lists) that can open an expression."""

_REQUIRED = (
    "months",
    "ambiguous_months",
    "weekdays",
    "seasons",
    "parts_of_day",
    "number_words",
    "vague_counts",
    "ordinals",
    "ordinal_suffixes",
    "units",
    "unit_plurals",
    "day_deictics",
    "refs",
    "ref_phrases",
    "sets",
    "adverb_sets",
    "deictic_determiners",
    "anaphoric_determiners",
    "part_mods",
    "approx_words",
    "duration_mods",
    "bound_phrases",
    "bce_words",
    "ce_words",
    "named_events",
    "holidays",
    "named_days",
    "tense",
    "grammar",
)
SINCE = -2
"""The direction "since" gives: the past, and surely so ("has climbed since January 1" said
on December 29 is not the January 1 three days ahead)."""
LEAD_DIRECTIONS = {"past": -1, "since": SINCE, "future": 1, "until": 3}
"""Directions a lead phrase may give; "until" is settled by the clause (see ``tense``)."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A duration unit: TIMEX3 letter, multiplier and calendar granularity."""

    timex: str
    n: int
    granularity: str
    time: bool = False


@dataclass(frozen=True, slots=True)
class TenseWords:
    """Word lists for the tense of a clause (see ``temporal.tense``)."""

    future: frozenset[str]
    past: frozenset[str]
    not_past: frozenset[str]
    present: frozenset[str]
    determiners: frozenset[str]
    looks_ahead_to: frozenset[str]
    plans_gone_by: frozenset[str]
    habitual: frozenset[str]
    scheduled: frozenset[str]
    modals: frozenset[str]
    future_modals: frozenset[str]
    far_ahead: frozenset[str]
    promises: frozenset[str]
    far_modals: frozenset[str]
    reporting: frozenset[str]
    control: frozenset[str]
    foretold: frozenset[str]
    keep: frozenset[str]
    un_verbs: frozenset[str]
    went_on: frozenset[str]
    prolong: frozenset[str]
    changed: frozenset[str]
    sudden_events: frozenset[str]
    results: frozenset[str]
    after_results: frozenset[str]
    moved_up: frozenset[str]
    notices: frozenset[str]
    noun_pairs: frozenset[str]
    opening_prepositions: frozenset[str]
    counts: frozenset[str]
    not_nouns: frozenset[str]
    ing_nouns: frozenset[str]
    noun_verbs: frozenset[str]
    not_subjects: frozenset[str]
    date_nouns: frozenset[str]
    arranging: frozenset[str]
    planned: frozenset[str]
    booked: frozenset[str]
    participles: frozenset[str]
    funding: frozenset[str]
    deadline_gone: frozenset[str]
    statements: frozenset[str]
    saying: frozenset[str]
    to_prepositions: frozenset[str]
    not_bare: frozenset[str]
    leads: tuple[tuple[tuple[str, ...], int], ...]


@dataclass(frozen=True, slots=True)
class GrammarWords:
    """Grammar words the parser's rules test (``temporal.scan``, ``dates``, ``relative``)."""

    prepositions: frozenset[str]
    afterwards: frozenset[str]
    beforehand: frozenset[str]
    fraction_of: frozenset[str]
    span_leads: frozenset[str]
    span_leads_after_the: frozenset[str]
    count_adjectives: frozenset[str]
    article_count_adjectives: frozenset[str]
    article_nouns: frozenset[str]
    verbs_before_last: frozenset[str]
    nouns_after_year: frozenset[str]
    year_hyphen: frozenset[str]
    count_prepositions: frozenset[str]
    street_words: frozenset[str]
    plural_nouns: frozenset[str]
    event_nouns: frozenset[str]
    event_beginnings: frozenset[str]
    event_begun: frozenset[str]
    event_ended: frozenset[str]
    followed_by: frozenset[str]
    nouns_of_years: frozenset[str]
    short_year_leads: frozenset[str]
    after_short_year: frozenset[str]
    time_zones: frozenset[str]
    zone_names: frozenset[str]
    award_nouns: frozenset[str]
    length_leads: frozenset[str]
    label_nouns: frozenset[str]
    company_suffixes: frozenset[str]
    pay_nouns: frozenset[str]
    game_words: frozenset[str]
    future_nouns: frozenset[str]
    standing_adjectives: frozenset[str]
    month_leads: frozenset[str]
    month_nouns: frozenset[str]
    commodities: frozenset[str]
    data_nouns: frozenset[str]
    over_as_more: frozenset[str]
    edges_of_day: frozenset[str]
    about_as_of: frozenset[str]
    year_followers: frozenset[str]
    holiday_events: frozenset[str]
    holiday_things: frozenset[str]
    season_things: frozenset[str]
    day_kinds: frozenset[str]
    day_compounds: frozenset[str]
    long_ago_units: frozenset[str]
    part_leads: frozenset[str]
    quarter_measures: frozenset[str]
    season_verbs: frozenset[str]
    drop_adjectives: frozenset[str]
    habit_days: frozenset[str]
    amount_words: frozenset[str]
    session_nouns: frozenset[str]
    generic_predicates: frozenset[str]
    soon_not_after: frozenset[str]
    soon_not_before: frozenset[str]
    year_leads: frozenset[str]
    season_turns: frozenset[str]
    titles_before_day: frozenset[str]
    day_epithets: frozenset[str]
    two_year_periods: frozenset[str]
    holiday_names: frozenset[str]
    present_followers: frozenset[str]
    week_verbs: frozenset[str]
    weather_adjectives: frozenset[str]
    year_kinds: frozenset[str]
    service_nouns: frozenset[str]
    bare_season_leads: frozenset[str]
    season_frames: frozenset[str]
    degree_words: frozenset[str]
    background_leads: frozenset[str]
    comparing: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Validated word lists for one language."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, int]
    parts_of_day: dict[str, str]
    number_words: dict[str, int]
    vague_counts: frozenset[str]
    ordinals: dict[str, int]
    ordinal_suffixes: frozenset[str]
    units: dict[str, Unit]
    unit_plurals: dict[str, str]
    day_deictics: dict[str, int]
    refs: dict[str, str]
    ref_phrases: tuple[tuple[str, ...], ...]
    sets: dict[str, str]
    adverb_sets: dict[str, str]
    deictic_determiners: dict[str, int]
    anaphoric_determiners: dict[str, int]
    part_mods: dict[str, str]
    approx_words: frozenset[str]
    duration_mods: tuple[tuple[tuple[str, ...], str], ...]
    bound_phrases: tuple[tuple[tuple[str, ...], str], ...]
    bce_words: frozenset[str]
    ce_words: frozenset[str]
    named_events: dict[str, TimeValue]
    holidays: dict[str, str]
    named_days: dict[tuple[int, int], tuple[int, frozenset[str]]]
    """Days a happening is named by ((month, day) -> year and the nouns after which the day
    names it: "the Sept. 11 attacks")."""
    tense: TenseWords
    grammar: GrammarWords
    starts: frozenset[str] = frozenset()
    """Every word that can begin a time expression (a fast pre-filter for the parser)."""
    after_article: frozenset[str] = frozenset()
    """Every word that can stand one or two tokens after an article opening an expression
    (the pre-filter for "the", "a", "an")."""
    unit_words: frozenset[str] = frozenset()
    """Every unit word, singular or plural (the pre-filter for lengths)."""
    season_words: frozenset[str] = frozenset()
    """Every season's name, singular or plural (the pre-filter for seasons)."""
    prefix_starts: frozenset[str] = frozenset()
    """Every word that can open a prefix before an expression ("more than", "about",
    "early", "by", "the end of": the pre-filter for prefixes)."""

    def unit(self, word: str) -> tuple[str, Unit] | None:
        """The unit a word names (singular or plural), with its singular key."""
        key = self.unit_plurals.get(word, word)
        unit = self.units.get(key)
        return (key, unit) if unit else None


def _pairs(raw: list[Any], field: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    out = []
    for n, item in enumerate(raw):
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], list)):
            raise ConfigError(f"Lexicon field {field!r}, item {n}: expected [[words...], MOD].")
        out.append((tuple(str(w) for w in item[0]), str(item[1])))
    return tuple(out)


def _grammar(raw: Any, name: str) -> GrammarWords:
    lists = list(GrammarWords.__slots__)
    if not isinstance(raw, dict) or sorted(raw) != sorted(lists):
        raise ConfigError(f"{name}: field 'grammar' needs exactly {', '.join(lists)}.")
    return GrammarWords(**{f: frozenset(str(w) for w in raw[f]) for f in lists})


def _tense(raw: Any, name: str) -> TenseWords:
    lists = [f for f in TenseWords.__slots__ if f != "leads"]
    if not isinstance(raw, dict) or sorted(raw) != sorted([*lists, "leads"]):
        raise ConfigError(f"{name}: field 'tense' needs exactly {', '.join([*lists, 'leads'])}.")
    leads = []
    for words, direction in _pairs(raw["leads"], "tense.leads"):
        if direction not in LEAD_DIRECTIONS:
            raise ConfigError(
                f"{name}: tense lead {' '.join(words)!r}: direction {direction!r} is not one "
                f"of {', '.join(LEAD_DIRECTIONS)}."
            )
        leads.append((words, LEAD_DIRECTIONS[direction]))
    sets = {f: frozenset(str(w) for w in raw[f]) for f in lists}
    return TenseWords(**sets, leads=tuple(leads))


def _named_days(raw: Any, name: str) -> dict[tuple[int, int], tuple[int, frozenset[str]]]:
    """ "YYYY-MM-DD": [nouns] as (month, day) -> (year, nouns)."""
    days = {}
    for key, nouns in raw.items():
        try:
            y, m, d = (int(part) for part in str(key).split("-"))
        except ValueError as exc:
            raise ConfigError(f"{name}: named day {key!r} is no YYYY-MM-DD date.") from exc
        days[(m, d)] = (y, frozenset(str(n) for n in nouns))
    return days


def _boolean_word(data: Any, path: str) -> str:
    """Where a list of words holds a boolean (YAML reads a bare on/no/yes/off so), or ""."""
    if isinstance(data, dict):
        return next((f for k, v in data.items() if (f := _boolean_word(v, f"{path}.{k}"))), "")
    if isinstance(data, list):
        for n, item in enumerate(data):
            if isinstance(item, bool):
                return f"{path.lstrip('.')}[{n}]"
            found = _boolean_word(item, f"{path}[{n}]")
            if found:
                return found
    return ""


def build_lexicon(raw: dict[str, Any], *, name: str = "lexicon") -> Lexicon:
    """Validate raw YAML data and build a ``Lexicon`` (raises ``ConfigError``)."""
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise ConfigError(f"{name}: missing fields {', '.join(missing)}.")
    unknown = sorted(set(raw) - set(_REQUIRED) - {"count_nouns_singular_ok"})
    if unknown:
        raise ConfigError(f"{name}: unknown fields {', '.join(unknown)}.")
    flag = _boolean_word(raw, "")
    if flag:
        raise ConfigError(
            f'{name}: {flag} reads as a YAML boolean, not a word; quote it ("on", "no").'
        )
    units = {}
    for key, spec in raw["units"].items():
        try:
            units[str(key)] = Unit(**spec)
        except TypeError as exc:
            raise ConfigError(f"{name}: unit {key!r}: {exc}.") from exc
    for plural, singular in raw["unit_plurals"].items():
        if singular not in units:
            raise ConfigError(f"{name}: plural {plural!r} names unknown unit {singular!r}.")
    events = {}
    for label, edtf in raw["named_events"].items():
        events[str(label)] = TimeValue.from_edtf(str(edtf))
    lexicon = Lexicon(
        months=dict(raw["months"]),
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        weekdays=dict(raw["weekdays"]),
        seasons=dict(raw["seasons"]),
        parts_of_day=dict(raw["parts_of_day"]),
        number_words=dict(raw["number_words"]),
        vague_counts=frozenset(raw["vague_counts"]),
        ordinals=dict(raw["ordinals"]),
        ordinal_suffixes=frozenset(raw["ordinal_suffixes"]),
        units=units,
        unit_plurals=dict(raw["unit_plurals"]),
        day_deictics=dict(raw["day_deictics"]),
        refs=dict(raw["refs"]),
        ref_phrases=tuple(tuple(p) for p in raw["ref_phrases"]),
        sets=dict(raw["sets"]),
        adverb_sets=dict(raw["adverb_sets"]),
        deictic_determiners=dict(raw["deictic_determiners"]),
        anaphoric_determiners=dict(raw["anaphoric_determiners"]),
        part_mods=dict(raw["part_mods"]),
        approx_words=frozenset(raw["approx_words"]),
        duration_mods=_pairs(raw["duration_mods"], "duration_mods"),
        bound_phrases=_pairs(raw["bound_phrases"], "bound_phrases"),
        bce_words=frozenset(raw["bce_words"]),
        ce_words=frozenset(raw["ce_words"]),
        named_events=events,
        holidays={str(k): str(v) for k, v in raw["holidays"].items()},
        named_days=_named_days(raw["named_days"], name),
        tense=_tense(raw["tense"], name),
        grammar=_grammar(raw["grammar"], name),
    )
    starts = _start_words(lexicon)
    unit_words = frozenset(lexicon.units) | frozenset(lexicon.unit_plurals)
    return replace(
        lexicon,
        starts=starts,
        after_article=_after_article(lexicon, starts),
        unit_words=unit_words,
        season_words=frozenset(lexicon.seasons) | {f"{s}s" for s in lexicon.seasons},
        prefix_starts=_prefix_starts(lexicon),
    )


def _prefix_starts(lex: Lexicon) -> frozenset[str]:
    """The first words of every prefix: quantifiers, approximations, parts, bounds."""
    phrases = (*lex.duration_mods, *lex.bound_phrases)
    firsts = {words[0] for words, _ in phrases}
    return frozenset(firsts | lex.approx_words | set(lex.part_mods) | {"the", "post", "pre"})


def _start_words(lex: Lexicon) -> frozenset[str]:
    """Words that may open an expression: every listed word and each phrase's first word."""
    words: set[str] = set(START_WORDS)
    for table in (
        lex.months,
        lex.weekdays,
        lex.seasons,
        lex.parts_of_day,
        lex.number_words,
        lex.ordinals,
        lex.units,
        lex.unit_plurals,
        lex.day_deictics,
        lex.refs,
        lex.sets,
        lex.adverb_sets,
        lex.deictic_determiners,
        lex.anaphoric_determiners,
        lex.part_mods,
    ):
        words.update(table)
    words.update(lex.vague_counts | lex.approx_words | lex.bce_words | lex.ce_words)
    words.update(f"{day}s" for day in lex.weekdays if day.endswith("day"))  # "Mondays"
    words.update(("weekends", "weekdays"))  # "closed on weekends"
    words.update(f"{unit}long" for unit in lex.units)  # "yearlong"
    words.update(("another", "q", "h", "soon"))  # "for another month", "Q1", "H1", "soon"
    words.update(w.lower() for w in lex.grammar.day_epithets)  # "Super Tuesday"
    words.update(p[0] for p in lex.ref_phrases)
    words.update(p[0][0] for p in lex.duration_mods + lex.bound_phrases)
    # a name's first token as the tokenizer cuts it ("valentine's day" starts "valentine")
    words.update(
        name.split()[0].split("'")[0].rstrip(".") for name in (*lex.named_events, *lex.holidays)
    )
    return frozenset(words)


def _after_article(lex: Lexicon, starts: frozenset[str]) -> frozenset[str]:
    """The time words: those that open an expression, every word of its phrases, names and
    era abbreviations, the words that lead a length ("the following three days"), and
    ``grammar.article_nouns``."""
    g = lex.grammar
    words = set(starts - OPENING_DETERMINERS)
    for phrase in (*lex.ref_phrases, *(p[0] for p in lex.duration_mods + lex.bound_phrases)):
        words.update(phrase)
    for name in (*lex.named_events, *lex.holidays):
        words.update(name.replace("'", " ").replace(".", " ").split())
    words.update(lex.unit_plurals.values())
    words.update(p for era in lex.bce_words | lex.ce_words for p in era.split("."))  # "A.D."
    words.update(g.span_leads | g.span_leads_after_the | g.article_count_adjectives)
    return frozenset((words | g.article_nouns) - OPENING_DETERMINERS)


@cache
def load_lexicon(lang: str = "en") -> Lexicon:
    """Load and validate the bundled lexicon for a language."""
    try:
        text = resources.files("chronologist.temporal").joinpath(f"data/{lang}.yaml").read_text()
    except FileNotFoundError as exc:
        raise ConfigError(f"No temporal lexicon for language {lang!r}. Available: en.") from exc
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where built
    return build_lexicon(yaml.load(text, Loader=loader), name=f"temporal/data/{lang}.yaml")
