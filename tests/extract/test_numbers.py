"""Count phrases -> (value, qualifier): the vocabulary of casualty figures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tacitus.errors import ResourceError
from tacitus.extract import numbers
from tacitus.extract.toll import parse_count
from tacitus.model import QUALIFIERS


@pytest.mark.parametrize(
    "text, expected",
    [
        ("25", (25, "exact")),
        ("at least 25", (25, "at least")),
        ("no fewer than 25", (25, "at least")),
        ("more than 40", (40, "more than")),
        ("over 40", (40, "more than")),
        ("about 30", (30, "about")),
        ("around 30", (30, "about")),
        ("nearly 30", (30, "about")),
        ("some 30", (30, "about")),
        ("an estimated 300", (300, "about")),
        ("up to 12", (12, "up to")),
        ("as many as 12", (12, "up to")),
        ("two", (2, "exact")),
        ("twenty-five", (25, "exact")),
        ("Twenty five soldiers", (25, "exact")),
        ("two hundred and fifty", (250, "exact")),
        ("1,200", (1200, "exact")),
        ("1.5 million", (1_500_000, "exact")),
        ("a hundred", (100, "exact")),
        ("a dozen", (12, "exact")),
        ("two dozen", (24, "exact")),
        ("more than a dozen", (12, "more than")),
        ("dozens", (12, "at least")),
        ("Dozens of people", (12, "at least")),
        ("scores", (20, "at least")),
        ("hundreds", (100, "at least")),
        ("tens of thousands", (10_000, "at least")),
        ("several", (3, "at least")),
        ("a third", (1, "exact")),  # one more victim: "a third soldier died"
        ("another fifth", (1, "exact")),
        ("Another 22 people", (22, "exact")),
        ("tens", (10, "at least")),
        ("a", (1, "exact")),
        ("one", (1, "exact")),
        ("no", (0, "exact")),
        # Not counts of people.
        ("a third of the residents", None),
        ("25-year-old", None),
        ("40 percent", None),
        ("many", None),
        ("some people", None),
        ("Resolution", None),
        ("", None),
    ],
)
def test_parse_count(text: str, expected: tuple[int, str] | None) -> None:
    assert parse_count(text) == expected


def test_parse_count_accepts_tokens(nlp) -> None:
    doc = nlp("At least 25 fighters were killed.")
    assert parse_count(doc[0:3]) == (25, "at least")


def test_rule_names_the_lexicon_entries() -> None:
    count = numbers.read_count("at least two dozen")
    assert count is not None
    assert "qualifier 'at least'" in count.rule and "two dozen" in count.rule


_PREFIXES = [("", "exact"), ("at least ", "at least"), ("more than ", "more than"),
             ("about ", "about"), ("up to ", "up to"), ("nearly ", "about")]


@given(st.integers(min_value=0, max_value=10_000_000), st.sampled_from(_PREFIXES),
       st.booleans())
def test_digits_with_any_qualifier(value: int, prefix: tuple[str, str], commas: bool) -> None:
    written = f"{value:,}" if commas else str(value)
    assert parse_count(prefix[0] + written) == (value, prefix[1])


def _spell(value: int) -> str:
    """English words for 0..999 from the lexicon's own tables, inverted."""
    lex = numbers.lexicon()
    units = {v: k for k, v in lex.units.items()}
    tens = {v: k for k, v in lex.tens.items()}
    words = []
    if value >= 100:
        words += [units[value // 100], "hundred"]
        value %= 100
        if value:
            words.append("and")
    if value >= 20:
        words.append(tens[value - value % 10] + ("-" + units[value % 10] if value % 10 else ""))
    elif value or not words:
        words.append(units[value])
    return " ".join(words)


@given(st.integers(min_value=0, max_value=999))
def test_number_words(value: int) -> None:
    assert parse_count(_spell(value)) == (value, "exact")


@given(st.text(max_size=40))
def test_never_raises_and_keeps_the_vocabulary(text: str) -> None:
    result = parse_count(text)
    if result is not None:
        assert result[0] >= 0 and result[1] in QUALIFIERS


def test_bad_entry_names_file_and_line(monkeypatch) -> None:
    bad = {"__line__": 1, "qualifiers": [{"__line__": 7, "phrase": "at least",
                                          "qualifier": "minimum"}]}
    monkeypatch.setattr(numbers, "load_yaml", lambda name: bad)
    numbers.lexicon.cache_clear()
    try:
        with pytest.raises(ResourceError, match=r"toll_numbers\.yaml:7: qualifier 'minimum'"):
            numbers.lexicon()
    finally:
        numbers.lexicon.cache_clear()
