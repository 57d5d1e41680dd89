"""The bundled temporal lexicon loads and validates; bad lexicon data is a ConfigError."""

from __future__ import annotations

import copy
from importlib import resources
from typing import Any

import pytest
import yaml

from chronologist.errors import ConfigError
from chronologist.temporal.lexicon import Lexicon, Unit, build_lexicon, load_lexicon
from chronologist.timemodel import TimeValue


def _raw(lang: str = "en") -> dict[str, Any]:
    """A fresh copy of the bundled YAML data, to break on purpose."""
    text = resources.files("chronologist.temporal").joinpath(f"data/{lang}.yaml").read_text()
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return copy.deepcopy(data)


FIELDS = sorted(_raw())
REQUIRED = [f for f in FIELDS if f != "count_nouns_singular_ok"]


def test_load_lexicon_bundled_en_validates() -> None:
    lex = load_lexicon("en")
    assert isinstance(lex, Lexicon)
    assert lex.months["january"] == 1
    assert lex.months["dec"] == 12
    assert lex.weekdays["monday"] == 1
    assert lex.weekdays["sunday"] == 7
    assert lex.seasons["autumn"] == lex.seasons["fall"] == 3
    assert "may" in lex.ambiguous_months


def test_load_lexicon_default_language_is_en_and_cached() -> None:
    assert load_lexicon() == load_lexicon("en")
    assert load_lexicon("en") is load_lexicon("en")


def test_load_lexicon_word_lists_are_consistent() -> None:
    lex = load_lexicon("en")
    assert set(lex.months.values()) == set(range(1, 13))
    assert set(lex.weekdays.values()) == set(range(1, 8))
    assert set(lex.seasons.values()) == {1, 2, 3, 4}
    assert lex.ambiguous_months <= set(lex.months)
    for word in lex.months:
        assert word == word.lower()
    for plural, singular in lex.unit_plurals.items():
        assert lex.unit(plural) == (singular, lex.units[singular])
    for unit in lex.units.values():
        assert isinstance(unit, Unit)
        assert unit.n >= 1


def test_load_lexicon_named_events_are_dated() -> None:
    lex = load_lexicon("en")
    assert lex.named_events
    for name, value in lex.named_events.items():
        assert isinstance(value, TimeValue), name
        assert value.earliest is not None and value.latest is not None, name
        assert value.earliest <= value.latest, name
    assert lex.named_events["world war ii"] == TimeValue.from_edtf("1939/1945")


@pytest.mark.parametrize("lang", ["xx", "fr", "EN-GB", "zz_missing"])
def test_load_lexicon_unknown_language_raises_config_error(lang: str) -> None:
    with pytest.raises(ConfigError, match=lang):
        load_lexicon(lang)


def test_build_lexicon_bundled_data_builds() -> None:
    assert build_lexicon(_raw()) == load_lexicon("en")


@pytest.mark.parametrize("field", REQUIRED)
def test_build_lexicon_missing_field_raises_config_error(field: str) -> None:
    raw = _raw()
    del raw[field]
    with pytest.raises(ConfigError, match=f"missing fields {field}"):
        build_lexicon(raw, name="test.yaml")


def test_build_lexicon_missing_fields_are_all_named() -> None:
    raw = _raw()
    del raw["months"], raw["weekdays"]
    with pytest.raises(ConfigError) as info:
        build_lexicon(raw, name="test.yaml")
    assert "months" in str(info.value)
    assert "weekdays" in str(info.value)
    assert "test.yaml" in str(info.value)


@pytest.mark.parametrize("field", ["fortnights", "Months", "month", "holidayz"])
def test_build_lexicon_unknown_field_raises_config_error(field: str) -> None:
    raw = _raw()
    raw[field] = {"x": 1}
    with pytest.raises(ConfigError, match=f"unknown fields {field}"):
        build_lexicon(raw, name="test.yaml")


def test_build_lexicon_optional_field_may_be_absent() -> None:
    raw = _raw()
    raw.pop("count_nouns_singular_ok", None)
    assert isinstance(build_lexicon(raw), Lexicon)


def test_build_lexicon_bad_unit_raises_config_error() -> None:
    raw = _raw()
    key = next(iter(raw["units"]))
    raw["units"][key] = {**raw["units"][key], "colour": "blue"}
    with pytest.raises(ConfigError, match=f"unit {key!r}"):
        build_lexicon(raw)


def test_build_lexicon_plural_of_unknown_unit_raises_config_error() -> None:
    raw = _raw()
    raw["unit_plurals"]["aeons"] = "aeon"
    with pytest.raises(ConfigError, match="'aeons' names unknown unit 'aeon'"):
        build_lexicon(raw)


@pytest.mark.parametrize(
    ("field", "item"), [("duration_mods", ["about", "APPROX"]), ("bound_phrases", [["by"]])]
)
def test_build_lexicon_malformed_pair_raises_config_error(field: str, item: list[Any]) -> None:
    raw = _raw()
    raw[field] = [*raw[field], item]
    with pytest.raises(ConfigError, match=field):
        build_lexicon(raw)


def test_build_lexicon_tense_lead_direction_is_checked() -> None:
    raw = _raw()
    raw["tense"]["leads"].append([["ever", "since"], "sideways"])
    with pytest.raises(ConfigError, match="'ever since': direction 'sideways'"):
        build_lexicon(raw)


def test_build_lexicon_tense_lists_are_named_when_missing() -> None:
    raw = _raw()
    del raw["tense"]["modals"]
    with pytest.raises(ConfigError, match="field 'tense' needs exactly .*modals"):
        build_lexicon(raw)


@pytest.mark.parametrize("word", [True, False])
def test_build_lexicon_bare_yaml_boolean_in_a_word_list_raises_config_error(word: bool) -> None:
    raw = _raw()
    raw["grammar"]["prepositions"] = ["in", word, "at"]  # what YAML makes of a bare on / no
    with pytest.raises(ConfigError, match=r"grammar\.prepositions\[1\].*quote it"):
        build_lexicon(raw, name="test.yaml")
