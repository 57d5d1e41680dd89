"""Bad input never gives a traceback: a one-line error from the CLI, no crash in the tagger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronologist.cli import main
from chronologist.errors import DecodeError, InputError
from chronologist.ingest.text import decode_text, read_text_file
from chronologist.models import TimeMention
from chronologist.temporal import tag_times

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
)
LATIN1_BYTES = "Le traité fut signé à Rapallo en avril 1922.\n".encode("latin-1")


def _run(args: list[str], stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["timex", *args], input=stdin)


def _assert_clean_error(result: Result, *needles: str) -> None:
    """A non-zero exit with a one-line "Error:" naming the culprit, and no traceback."""
    assert result.exit_code != 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert "Error:" in result.output
    for needle in needles:
        assert needle in result.output, (needle, result.output)


def _check_mentions(text: str, mentions: list[TimeMention]) -> None:
    """Spans are in bounds, give back their text, are sorted and do not overlap."""
    previous_end = 0
    for m in mentions:
        assert 0 <= m.span.start < m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.text
        assert m.span.start >= previous_end, "mentions overlap or are out of order"
        previous_end = m.span.end
        json.dumps(m.as_dict())  # every notation formats without raising


# ---------------------------------------------------------------------------------- CLI
@pytest.mark.parametrize(
    ("name", "data"),
    [("image.png", PNG_BYTES), ("latin1.txt", LATIN1_BYTES)],
    ids=["binary", "latin1"],
)
def test_cli_timex_undecodable_file_is_a_clean_error(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = _run([str(path)])
    _assert_clean_error(result, name)
    assert result.exit_code == 1


def test_cli_timex_latin1_error_names_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(LATIN1_BYTES)
    _assert_clean_error(_run([str(path)]), "latin1.txt", "0xe9", "line 1")


def test_cli_timex_empty_file_gives_empty_timexes(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = _run([str(path)])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    record = json.loads(result.stdout)
    assert record == {"file": str(path), "dct": None, "timexes": []}


def test_cli_timex_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "no-such-file.txt"
    _assert_clean_error(_run([str(path)]), "no-such-file.txt")


def test_cli_timex_directory_is_a_clean_error(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    _assert_clean_error(_run([str(folder)]), "a-folder", "directory")


def test_cli_timex_bad_dct_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("The talks resumed on Friday.\n", encoding="utf-8")
    result = _run([str(path), "--dct", "1998-13-45"])
    _assert_clean_error(result, "1998-13-45")
    assert result.exit_code == 1


def test_cli_timex_no_files_is_a_clean_error() -> None:
    _assert_clean_error(_run([]), "--batch")


def test_cli_timex_good_file_after_bad_one_is_not_read(tmp_path: Path) -> None:
    bad, good = tmp_path / "bad.bin", tmp_path / "good.txt"
    bad.write_bytes(PNG_BYTES)
    good.write_text("It opened on 3 April 1922.\n", encoding="utf-8")
    _assert_clean_error(_run([str(bad), str(good)]), "bad.bin")


@pytest.mark.parametrize(
    ("lines", "lineno"),
    [
        (['{"text": "in 1922"}', "not json"], 2),
        (['{"text": "in 1922"}', "", '{"text": "in 1923"', '{"text": "x"}'], 3),
        (["[1, 2, 3]"], 1),
        (['{"doc": "a"}'], 1),
        (['{"text": "in 1922"}', '{"text": 1917}'], 2),
        (['{"text": "in 1922", "dct": 19980807}'], 1),
        (['{"text": "in 1922"}', '{"text": "in 1922", "dct": "1998-13-45"}'], 2),
    ],
    ids=["not-json", "truncated", "array", "no-text", "text-not-str", "dct-not-str", "bad-dct"],
)
def test_cli_timex_batch_malformed_line_names_its_number(lines: list[str], lineno: int) -> None:
    result = _run(["--batch"], stdin="\n".join(lines) + "\n")
    _assert_clean_error(result, f"stdin line {lineno}")


def test_cli_timex_batch_good_lines_are_tagged() -> None:
    stdin = '{"doc": "a", "text": "On 3 April 1922."}\n\n{"doc": "b", "text": "nothing"}\n'
    result = _run(["--batch"], stdin=stdin)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in records] == ["a", "b"]
    assert [t["value"] for t in records[0]["timexes"]] == ["1922-04-03"]
    assert records[1]["timexes"] == []


# ------------------------------------------------------------------------------ readers
def test_read_text_file_directory_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_text_file(tmp_path)


@pytest.mark.parametrize("data", [PNG_BYTES, LATIN1_BYTES, b"ok \xff\xfe"], ids=repr)
def test_decode_text_bad_bytes_raise_decode_error(data: bytes) -> None:
    with pytest.raises(DecodeError, match="doc.txt"):
        decode_text(data, name="doc.txt")


def test_decode_text_drops_the_bom_only() -> None:
    assert decode_text("\ufeffIn 1922.\r\n".encode(), name="x") == "In 1922.\r\n"


# ------------------------------------------------------------------------ tagger: dates
@pytest.mark.parametrize(
    "text",
    [
        "February 30, 1922",
        "The meeting was held on February 30, 1922, in Genoa.",
        "30 February 1922",
        "on February 30th, 1922",
        "1922-02-30",
        "30/02/1922",
    ],
)
@pytest.mark.parametrize("dct", [None, "1998-08-07"])
def test_tag_times_impossible_day_is_not_a_timex(text: str, dct: str | None) -> None:
    mentions = tag_times(text, dct=dct)
    _check_mentions(text, mentions)
    for m in mentions:
        assert not m.value.startswith("1922-02-30")
        assert "1922-02-30" not in m.when.edtf


@pytest.mark.parametrize(
    "text", ["year 99999", "in the year 99999", "in 99999 the sun rose", "99999 BC", "99999 AD"]
)
@pytest.mark.parametrize("dct", [None, "1998-08-07"])
def test_tag_times_five_digit_year_is_not_a_timex(text: str, dct: str | None) -> None:
    mentions = tag_times(text, dct=dct)
    _check_mentions(text, mentions)
    for m in mentions:
        assert "99999" not in m.value
        assert "99999" not in m.when.edtf


# ------------------------------------------------------------------------- tagger: fuzz
SINGLE_WORDS = """
    January February March April May June July August September October November December
    Jan. Feb Sept. jan may march Monday Friday sat Sunday
    the of in on from to until till since between and or before after during around
    c. ca. circa about early mid- late century centuries millennium decade year years
    month week day days today tomorrow yesterday ago later earlier last next this that
    following previous same spring summer autumn fall winter morning evening night
    BC BCE AD CE B.C. A.D. Q1 Q3 H2 fiscal quarter half weekend Christmas Easter
    1st 2nd 3rd 4th 19th 21st 31st 1920s '98 1917 1922 1066 44 0 00 30 31 99999 10,000
    -0430 1917~ 192X 1998-08-07 1998-W32 2/30/1922 12:30 3pm a.m. p.m. World War II
"""
WORDS = [
    *SINGLE_WORDS.split(),
    "the fifth century BC",
    "the 1920s",
    "February 30, 1922",
    "from 1921 to 1928",
    "two years later",
    "the following year",
    "in the spring of 1347",
]
SEPARATORS = [" ", " ", " ", ", ", ". ", "; ", "-", "/", "\n", "\n\n", "\u2013", "\u00a0", "\t"]
DCTS = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))
MODES = st.sampled_from([None, "news", "narrative"])


characters = st.one_of(
    st.sampled_from("0123456789"),
    st.sampled_from(" \n\t.,;:-/'\"()[]~?%\u2013\u2014\u2019\u00a0"),
    st.characters(codec="utf-8"),
)
raw_text = st.text(alphabet=characters, max_size=400)
word_text = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(WORDS), st.integers(-99_999, 99_999).map(str), raw_text),
        st.sampled_from(SEPARATORS),
    ),
    max_size=40,
).map(lambda parts: "".join(word + sep for word, sep in parts))
FUZZ = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(raw_text, DCTS, MODES)
def test_tag_times_arbitrary_characters_never_raise(text: str, dct: str | None, mode) -> None:
    _check_mentions(text, tag_times(text, dct=dct, mode=mode))


@FUZZ
@given(word_text, DCTS, MODES)
def test_tag_times_date_like_words_never_raise(text: str, dct: str | None, mode) -> None:
    _check_mentions(text, tag_times(text, dct=dct, mode=mode))


@FUZZ
@given(word_text, st.sampled_from([None, "news", "history", "unknown-genre"]))
def test_tag_times_genre_never_raises(text: str, genre: str | None) -> None:
    _check_mentions(text, tag_times(text, genre=genre))


@pytest.mark.parametrize(
    "text",
    ["²", "①", "³ April 1922", "April ², 1922", "in ¹⁹²²", "\u0663 April \u0661\u0669\u0662\u0662"],
)
def test_tag_times_non_ascii_digits_never_raise(text: str) -> None:
    # "²" and "①" pass str.isdigit but int() refuses them: once a ValueError
    _check_mentions(text, tag_times(text))


# ------------------------------------------------------------------------ tagger: size
SENTENCE = (
    "Representatives of the internationalist counterrevolutionaries reconvened in "
    "Constantinople on 3 April 1922 notwithstanding extraordinarily uncharacteristic "
    "meteorological circumstances. "
)
DATE_AT = SENTENCE.index("3 April 1922")


@pytest.mark.slow
def test_tag_times_five_megabyte_single_line() -> None:
    reps = 5_000_000 // len(SENTENCE)
    text = SENTENCE * reps
    assert "\n" not in text and len(text) > 4_900_000
    mentions = tag_times(text)
    assert len(mentions) == reps
    starts = [m.span.start for m in mentions]
    assert starts == [k * len(SENTENCE) + DATE_AT for k in range(reps)]
    assert {m.text for m in mentions} == {"3 April 1922"}
    assert {m.value for m in mentions} == {"1922-04-03"}
    assert all(m.span.end - m.span.start == len("3 April 1922") for m in mentions)


def test_tag_times_repeated_sentence_small() -> None:
    reps = 200
    text = SENTENCE * reps
    mentions = tag_times(text)
    assert [m.span.start for m in mentions] == [k * len(SENTENCE) + DATE_AT for k in range(reps)]
    _check_mentions(text, mentions)


def test_tag_times_survives_a_huge_digit_run() -> None:
    """Runs of digits past Python's int-conversion limit are not numbers to us."""
    text = "1" * 20_000 + " was logged in 1990."
    mentions = tag_times(text)
    assert [m.text for m in mentions] == ["1990"]
