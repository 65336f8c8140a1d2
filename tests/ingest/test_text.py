"""from_text: header lines, body verbatim, warnings, idempotence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus.errors import InputError
from tacitus.ingest import from_text
from tacitus.ingest._text import normalise
from tacitus.model import text_id

MISSING = "missing dateline: relative dates not resolved"


def test_reuters_dateline_moves_into_fields() -> None:
    article = from_text("BAGHDAD, Dec. 30, 2019 (Reuters) - U.S. forces struck five targets.\nA second line.")
    assert article.text == "U.S. forces struck five targets.\nA second line."
    assert (article.published, article.source, article.dateline_place) == (date(2019, 12, 30), "Reuters", "BAGHDAD")
    assert article.warnings == ()
    assert article.id == text_id(article.text)


def test_alwaght_dateline() -> None:
    article = from_text("date 2019-12-30 Alwaght- The US military carried out strikes on Sunday.")
    assert article.text == "The US military carried out strikes on Sunday."
    assert (article.published, article.source, article.dateline_place) == (date(2019, 12, 30), "Alwaght", None)


def test_only_line_endings_bom_and_outer_whitespace_change() -> None:
    article = from_text("\ufeff  \r\n30 December 2019\r\n\r\n  Gunmen  killed\ttwo people.\r\rPolice said.  \n")
    assert article.text == "Gunmen  killed\ttwo people.\n\nPolice said."


def test_date_line_then_place_line_then_body() -> None:
    text = "Monday, 30 December 2019\n\nKABUL (Reuters) - Taliban fighters attacked a checkpoint."
    article = from_text(text)
    assert (article.published, article.source, article.dateline_place) == (date(2019, 12, 30), "Reuters", "KABUL")
    assert article.text == "Taliban fighters attacked a checkpoint."


@pytest.mark.parametrize(
    "text, title",
    [
        ("Strikes hit Iraq\n\nBAGHDAD, Dec 30, 2019 (Reuters) - U.S. forces struck.", "Strikes hit Iraq"),
        ("# Strikes hit Iraq\n\nBAGHDAD, Dec 30, 2019 (Reuters) - U.S. forces struck.", "Strikes hit Iraq"),
        ("## Strikes hit Iraq\nDecember 30, 2019\nU.S. forces struck.", "Strikes hit Iraq"),
        ("Monday, 30 December 2019\nStrikes hit Iraq\n\nU.S. forces struck.", "Strikes hit Iraq"),
        ("2019-12-30\n# Strikes hit Iraq\nU.S. forces struck.", "Strikes hit Iraq"),
    ],
)
def test_headline_above_the_dateline_is_the_title(text: str, title: str) -> None:
    article = from_text(text)
    assert article.title == title
    assert article.text == "U.S. forces struck."
    assert article.published == date(2019, 12, 30)


@pytest.mark.parametrize(
    "text",
    [
        "30 December 2019\nU.S. forces struck five targets.\n\nThe Pentagon said so.",
        "30 December 2019\nU.S. forces struck five targets, officials said\nThe Pentagon said so.",
    ],
)
def test_a_first_paragraph_after_the_date_is_body(text: str) -> None:
    article = from_text(text)
    assert article.title is None
    assert article.text == text.split("\n", 1)[1]


@pytest.mark.parametrize(
    "text",
    [
        "Strikes hit Iraq\nBy Ahmed Rasheed\nBAGHDAD, Dec 30, 2019 (Reuters) - U.S. forces struck.",
        "30 December 2019\n\nStrikes hit Iraq\n\nBy John Smith and Jane Doe, Reuters\n\nU.S. forces struck.",
    ],
)
def test_byline_is_header(text: str) -> None:
    article = from_text(text)
    assert (article.title, article.published) == ("Strikes hit Iraq", date(2019, 12, 30))
    assert article.text == "U.S. forces struck."


def test_a_sentence_starting_with_by_is_body() -> None:
    text = "30 December 2019\nBy Monday, the troops had withdrawn."
    assert from_text(text).text == "By Monday, the troops had withdrawn."


def test_a_first_sentence_is_not_taken_for_a_title() -> None:
    text = "Gunmen killed two people in Kabul on Monday.\n\nBAGHDAD (Reuters) - Another story."
    article = from_text(text)
    assert article.title is None and article.text == text


def test_no_dateline_warns() -> None:
    article = from_text("Gunmen killed two people in Kabul on Monday, police said.")
    assert article.published is None
    assert article.warnings == (MISSING,)
    assert article.text == "Gunmen killed two people in Kabul on Monday, police said."


def test_place_without_date_warns() -> None:
    article = from_text("KABUL (Reuters) - Taliban fighters attacked a checkpoint.")
    assert (article.source, article.dateline_place, article.warnings) == ("Reuters", "KABUL", (MISSING,))


def test_future_dateline_is_ignored() -> None:
    future = date.today() + timedelta(days=3)
    article = from_text(f"{future.isoformat()}\nGunmen attacked a checkpoint.")
    assert article.published is None
    assert article.warnings == (f"publication date {future.isoformat()} is in the future: ignored",)


def test_future_published_argument_is_ignored() -> None:
    article = from_text("Gunmen attacked a checkpoint.", published=date(2999, 1, 2))
    assert article.published is None
    assert article.warnings == ("publication date 2999-01-02 is in the future: ignored",)


def test_yearless_dateline_is_never_in_the_future() -> None:
    tomorrow = date.today() + timedelta(days=1)
    article = from_text(f"BAGHDAD, {tomorrow:%b} {tomorrow.day} (Reuters) - Body.")
    assert article.published is not None and article.published <= date.today()
    assert (article.published.month, article.published.day) == (tomorrow.month, tomorrow.day)
    assert article.warnings == ()


def test_given_metadata_wins_but_dateline_is_still_stripped() -> None:
    article = from_text(
        "BAGHDAD, Dec 29, 2019 (Reuters) - U.S. forces struck.",
        published=date(2019, 12, 30),
        source="Yahoo News",
        title="Strikes",
        url="https://example.com/1",
        path="a.txt",
        external_id="42",
    )
    assert article.text == "U.S. forces struck."
    assert (article.published, article.source, article.title) == (date(2019, 12, 30), "Yahoo News", "Strikes")
    assert (article.url, article.path, article.external_id, article.dateline_place) == (
        "https://example.com/1", "a.txt", "42", "BAGHDAD",
    )
    assert article.warnings == ()


@pytest.mark.parametrize("text, message", [("", "empty text"), (" \n\t", "empty text"),
                                           ("Monday, 30 December 2019", "no article text after the dateline")])
def test_no_body_raises(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        from_text(text)


def test_idempotent() -> None:
    text = "BAGHDAD, Dec 30 (Reuters) - U.S. forces carried out strikes."
    assert from_text(text) == from_text(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_body_is_the_verbatim_end_of_the_text(text: str) -> None:
    try:
        article = from_text(text)
    except InputError:
        return
    assert article.text and normalise(text).endswith(article.text)
    assert article.text == article.text.strip()
