"""Temporal expressions resolved against the dateline, and the date that belongs to an event."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tacitus.errors import ResourceError
from tacitus.extract import dates, events
from tacitus.extract.dates import Attachment, event_date, resolve_expression
from tacitus.model import Article

PUBLISHED = date(2019, 12, 30)  # a Monday
D = date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("on Sunday", (D(2019, 12, 29), "day")),
        ("Sunday", (D(2019, 12, 29), "day")),
        ("Monday", (D(2019, 12, 30), "day")),  # the publication day itself counts
        ("Tuesday", (D(2019, 12, 24), "day")),
        ("on Monday night", (D(2019, 12, 30), "day")),
        ("late on Saturday", (D(2019, 12, 28), "day")),
        ("early Sunday morning", (D(2019, 12, 29), "day")),
        ("last Sunday", (D(2019, 12, 29), "day")),
        ("last Monday", (D(2019, 12, 23), "day")),
        ("next Tuesday", (D(2019, 12, 31), "day")),
        ("yesterday", (D(2019, 12, 29), "day")),
        ("yesterday morning", (D(2019, 12, 29), "day")),
        ("today", (D(2019, 12, 30), "day")),
        ("this morning", (D(2019, 12, 30), "day")),
        ("tonight", (D(2019, 12, 30), "day")),
        ("overnight", (D(2019, 12, 29), "day")),
        ("last night", (D(2019, 12, 29), "day")),
        ("tomorrow", (D(2019, 12, 31), "day")),
        ("last week", (D(2019, 12, 23), "week")),
        ("this week", (D(2019, 12, 30), "week")),
        ("next week", (D(2020, 1, 6), "week")),
        ("last month", (D(2019, 11, 1), "month")),
        ("earlier this month", (D(2019, 12, 1), "month")),
        ("last year", (D(2018, 1, 1), "year")),
        ("earlier this year", (D(2019, 1, 1), "year")),
        ("two days ago", (D(2019, 12, 28), "day")),
        ("three weeks ago", (D(2019, 12, 9), "week")),
        ("a week ago", (D(2019, 12, 23), "week")),
        ("six months ago", (D(2019, 6, 1), "month")),
        ("on December 29", (D(2019, 12, 29), "day")),
        ("Dec. 29", (D(2019, 12, 29), "day")),
        ("29 December", (D(2019, 12, 29), "day")),
        ("December 29th", (D(2019, 12, 29), "day")),
        ("the night of December 28", (D(2019, 12, 28), "day")),
        ("December 31", (D(2018, 12, 31), "day")),  # after publication: the year before
        ("on December 29, 2019", (D(2019, 12, 29), "day")),
        ("29 December 2019", (D(2019, 12, 29), "day")),
        ("Sunday, December 29", (D(2019, 12, 29), "day")),
        ("2019-12-29", (D(2019, 12, 29), "day")),
        ("in December", (D(2019, 12, 1), "month")),
        ("mid-December", (D(2019, 12, 1), "month")),
        ("in January", (D(2019, 1, 1), "month")),
        ("December 2018", (D(2018, 12, 1), "month")),
        ("in 2017", (D(2017, 1, 1), "year")),
        ("2017", (D(2017, 1, 1), "year")),
        # Not dates.
        ("the 25-year-old", None),
        ("February 30", None),
        ("decades", None),
        ("the Islamic State", None),
    ],
)
def test_resolve_expression(text: str, expected: tuple[date, str] | None) -> None:
    assert resolve_expression(text, PUBLISHED) == expected


def test_forward_weekday_for_future_events() -> None:
    assert resolve_expression("on Sunday", PUBLISHED, forward=True) == (D(2020, 1, 5), "day")
    assert resolve_expression("on Monday", PUBLISHED, forward=True) == (D(2019, 12, 30), "day")


_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@given(st.dates(min_value=D(1900, 1, 8), max_value=D(2100, 12, 31)),
       st.sampled_from(_WEEKDAYS), st.sampled_from(["", "on ", "late on ", "early "]))
def test_weekday_is_within_the_week_up_to_publication(published, weekday, prefix) -> None:
    result = resolve_expression(prefix + weekday, published)
    assert result is not None
    found, precision = result
    assert precision == "day"
    assert published - timedelta(days=6) <= found <= published
    assert found.weekday() == _WEEKDAYS.index(weekday)


_PAST = ["yesterday", "last week", "last month", "last year", "two days ago", "in December",
         "on December 29", "overnight", "earlier this month", "three weeks ago", "Sunday"]


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)), st.sampled_from(_PAST))
def test_past_expressions_never_after_publication(published, text) -> None:
    result = resolve_expression(text, published)
    assert result is not None and result[0] <= published


@given(st.text(max_size=30), st.dates())
def test_any_text_resolves_or_not_without_error(text, published) -> None:
    result = resolve_expression(text, published)
    assert result is None or result[1] in ("day", "week", "month", "year")


# (sentence, trigger, expected date, precision, expression text)
EVENT_DATES = [
    ("US drone strikes killed at least 25 fighters on Sunday, the Pentagon said.",
     "killed", D(2019, 12, 29), "day", "on Sunday"),
    ("The strikes on Sunday hit three sites in Iraq and two in Syria.",
     "strikes", D(2019, 12, 29), "day", "on Sunday"),
    ("Hezbollah denied carrying out the attack on December 29.",
     "attack", D(2019, 12, 29), "day", "on December 29"),
    ("Protesters stormed the US embassy in Baghdad yesterday.",
     "stormed", D(2019, 12, 29), "day", "yesterday"),
    ("Iraqi forces recaptured Mosul in 2017 after a nine-month battle.",
     "recaptured", D(2017, 1, 1), "year", "in 2017"),
    ("An attack that left 3 dead hit the market late on Saturday.",
     "attack", D(2019, 12, 28), "day", "late on Saturday"),
    ("Two soldiers died in an ambush on Monday night.",
     "ambush", D(2019, 12, 30), "day", "on Monday night"),
    ("Police arrested 12 people in Baghdad on Wednesday, two days after the protests began.",
     "arrested", D(2019, 12, 25), "day", "on Wednesday"),
    ("The alleged attack took place last month.", "attack", D(2019, 11, 1), "month",
     "last month"),
    ("Militants shelled the town overnight.", "shelled", D(2019, 12, 29), "day", "overnight"),
    # A clause that only says when lends its date; so does the verb a purpose clause hangs on.
    ("Gunmen shot and killed a radio presenter as she walked home on Tuesday evening.",
     "killed", D(2019, 12, 24), "day", "on Tuesday"),
    ("The envoy is expected to return to Kabul next week to press both sides.",
     "press", D(2020, 1, 6), "week", "next week"),
    # A date on another event's verb is not this event's date: fall back to the dateline.
    ("Protesters stormed the embassy after the funeral on Tuesday.",
     "stormed", D(2019, 12, 24), "day", "on Tuesday"),
    ("Police arrested 12 people after protesters burned tyres on Saturday.",
     "arrested", PUBLISHED, "publication", None),
    ("The minister condemned the raids.", "raids", PUBLISHED, "publication", None),
    ("Police arrested at least 12 activists in overnight raids on their homes.",
     "arrested", D(2019, 12, 29), "day", "overnight"),
    ("The US imposed sanctions on Thursday over the Feb. 1 coup.", "imposed", D(2019, 12, 26),
     "day", "on Thursday"),
    ("Washington imposed sanctions on Moscow for its interference in the 2016 election.",
     "imposed", PUBLISHED, "publication", None),
    ("The 2003 invasion of Iraq toppled Saddam Hussein.", "invasion", D(2003, 1, 1), "year",
     "The 2003"),
    ("Maduro praised the new government, which took office in August.",
     "praised", PUBLISHED, "publication", None),
    # A participle on a participant often holds the event's own trailing date (parser attachment).
    ("Rebels kidnapped two contractors working for the state oil company on Thursday.",
     "kidnapped", D(2019, 12, 26), "day", "on Thursday"),
    # Abbreviations alone are names, not days.
    ("AA spokesman Khine Thu Kha said the town had fallen.", "fallen", PUBLISHED,
     "publication", None),
    # The future: "will meet on Sunday" is the coming Sunday.
    ("Iran's foreign minister will meet the envoy on Sunday.",
     "meet", D(2020, 1, 5), "day", "on Sunday"),
]


@pytest.mark.parametrize("sentence, trigger, expected, precision, text", EVENT_DATES)
def test_event_date(nlp, sentence, trigger, expected, precision, text) -> None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    guess = event_date(token, PUBLISHED)
    assert (guess.date, guess.precision, guess.text) == (expected, precision, text)
    if text is not None:
        assert doc.text[guess.start:guess.end] == text
    assert guess.rule


def test_rule_names_the_lexicon(nlp) -> None:
    doc = nlp("US drone strikes killed at least 25 fighters on Sunday.")
    guess = event_date(doc[3], PUBLISHED)
    assert guess.rule.startswith("dates.yaml weekday 'sunday' -> latest Sunday <= 2019-12-30")


def test_no_dateline(nlp) -> None:
    doc = nlp("Militants attacked the base on Sunday.")
    guess = event_date(doc[1], None)
    assert (guess.date, guess.precision) == (None, None)
    assert "no dateline" in guess.rule and guess.text == "on Sunday"
    doc = nlp("Militants attacked the base.")
    guess = event_date(doc[1], None)
    assert (guess.date, guess.precision) == (None, None) and "no dateline" in guess.rule


def test_explicit_year_needs_no_dateline(nlp) -> None:
    doc = nlp("Iraqi forces recaptured Mosul in July 2017.")
    guess = event_date(doc[2], None)
    assert (guess.date, guess.precision) == (D(2017, 7, 1), "month")


def test_bad_entry_names_file_and_line(monkeypatch) -> None:
    bad = {"__line__": 1, "relative": [{"__line__": 9, "phrase": "yesterday"}]}
    monkeypatch.setattr(dates, "load_yaml", lambda name: bad)
    dates.lexicon.cache_clear()
    try:
        with pytest.raises(ResourceError, match=r"dates\.yaml:9: entry lacks precision"):
            dates.lexicon()
    finally:
        dates.lexicon.cache_clear()


# How the chosen date attaches: only OWN dates can tell two incidents apart.
ATTACHMENTS = [
    ("US drone strikes killed at least 25 fighters on Sunday.", "killed", Attachment.OWN),
    ("The strikes on Sunday hit three sites.", "strikes", Attachment.OWN),
    ("The army said on Sunday that jets struck a market.", "struck", Attachment.REPORTING),
    ("Rebels kidnapped two contractors working for the state oil company on Thursday.",
     "kidnapped", Attachment.PARTICIPANT),
    ("The minister condemned the raids.", "raids", Attachment.NONE),
]


@pytest.mark.parametrize("sentence, trigger, expected", ATTACHMENTS)
def test_attachment(nlp, sentence, trigger, expected) -> None:
    doc = nlp(sentence)
    guess = event_date(next(t for t in doc if t.text == trigger), PUBLISHED)
    assert guess.attachment is expected
    assert guess.borrowed == (expected in dates.BORROWED)


def test_framing_date_opens_the_sentence(nlp) -> None:
    doc = nlp("On August 29, 2014, as the columns tried to leave the town, they came under fire.")
    guess = dates.framing_date(next(doc.sents), PUBLISHED)
    assert guess is not None and (guess.date, guess.precision) == (D(2014, 8, 29), "day")
    assert "opens the sentence" in guess.rule and guess.borrowed
    assert guess.attachment is Attachment.FRAMING
    assert dates.framing_date(next(nlp("They came under fire on Sunday.").sents), PUBLISHED) is None


# Distances from another event dated in the same sentence (Sunday = 2019-12-29).
DISTANCES = [
    ("Two days after the attack on Sunday, police arrested 12 suspects.",
     "arrested", D(2019, 12, 31), "day", "Two days after"),
    ("Police arrested the suspect two days after the attack on the church on Sunday.",
     "arrested", D(2019, 12, 31), "day", "two days after"),
    ("Hours after the strike on Friday, militants shelled the town.",
     "shelled", D(2019, 12, 27), "day", "Hours after"),
    ("Protesters gathered a day after troops killed three demonstrators on Friday.",
     "gathered", D(2019, 12, 28), "day", "a day after"),
    ("The strikes came two days after rockets hit the K1 base near Kirkuk on Friday.",
     "strikes", D(2019, 12, 29), "day", "two days after"),
    ("The army detained the president three days before the vote on Sunday.",
     "detained", D(2019, 12, 26), "day", "three days before"),
    # a coarser distance or anchor gives the coarser precision
    ("Three weeks after the coup in March, the army detained the president.",
     "detained", D(2019, 3, 1), "month", "Three weeks after"),
    # a distance naming no event counts from the date stated before it
    ("The revolt began in 2012, prompting a French military intervention the following year.",
     "intervention", D(2013, 1, 1), "year", "the following year"),
    # the other event keeps its own date
    ("Two days after the attack on Sunday, police arrested 12 suspects.",
     "attack", D(2019, 12, 29), "day", "on Sunday"),
    # a stated date of the event itself beats a distance
    ("Police arrested 12 people on Wednesday, two days after the protests began.",
     "arrested", D(2019, 12, 25), "day", "on Wednesday"),
]


@pytest.mark.parametrize("sentence, trigger, expected, precision, text", DISTANCES)
def test_distance_from_a_dated_event(nlp, sentence, trigger, expected, precision, text) -> None:
    doc = nlp(sentence)
    guess = event_date(next(t for t in doc if t.text == trigger), PUBLISHED)
    assert (guess.date, guess.precision, guess.text) == (expected, precision, text)
    assert guess.attachment is Attachment.OWN and guess.distance is None


NOT_DISTANCES = [
    # a duration: how long, not when
    ("The rebels had observed a ceasefire for about a year before the fighting on Sunday.",
     "observed"),
    # the parser hangs the distance on the other event's clause: it is not that event's
    (("The leader warned Saudi Arabia on Sunday that his fighters would strike if the coalition "
     "kept bombing, a day after an air strike killed 17 people."), "killed"),
]


@pytest.mark.parametrize("sentence, trigger", NOT_DISTANCES)
def test_not_a_distance(nlp, sentence, trigger) -> None:
    doc = nlp(sentence)
    guess = event_date(next(t for t in doc if t.text == trigger), PUBLISHED)
    assert guess.distance is None and "distance" not in guess.rule


# The other event is not dated in the sentence: the date stays what the sentence gives, and
# the distance is carried (days, other event's word) for an earlier sentence to resolve.
UNDATED_DISTANCES = [
    ("A day after the bombing, police arrested 12 people.", "arrested", 1, "bombing"),
    ("The day before, gunmen attacked a church in Kano.", "attacked", -1, None),
    ("A day later, police arrested 12 suspects.", "arrested", 1, None),
    ("Police arrested 12 suspects the following day.", "arrested", 1, None),
    ("Weeks after the coup, the army detained the president.", "detained", 7, "coup"),
]


@pytest.mark.parametrize("sentence, trigger, days, event", UNDATED_DISTANCES)
def test_distance_from_an_undated_event(nlp, sentence, trigger, days, event) -> None:
    doc = nlp(sentence)
    guess = event_date(next(t for t in doc if t.text == trigger), PUBLISHED)
    assert (guess.date, guess.precision) == (PUBLISHED, "publication")
    assert guess.distance is not None
    assert (guess.distance.days, guess.distance.event) == (days, event)
    assert "from an event the sentence does not date" in guess.rule


def test_weeks_without_a_count_are_a_week_at_best(nlp) -> None:
    doc = nlp("Weeks after the coup, the army detained the president.")
    guess = event_date(next(t for t in doc if t.text == "detained"), PUBLISHED)
    assert guess.distance is not None and guess.distance.precision == "month"


# Distances counted from an earlier sentence's event (articles published 2019-12-30).
ARTICLE_DISTANCES = [
    (("Gunmen attacked a church in Kano on Sunday. Two days after the attack, police arrested "
     "12 suspects."), "COERCE", D(2019, 12, 31), "day"),
    (("Troops killed three protesters in Khartoum on Friday. The next day, thousands marched "
     "through the city."), "PROTEST", D(2019, 12, 28), "day"),
    (("Gunmen attacked a church in Kano on Sunday. The day before, police had arrested 12 "
     "suspects."), "COERCE", D(2019, 12, 28), "day"),
    # nothing told before dates the funeral: the publication date stays
    ("Police arrested 12 people. A day after the funeral, protesters blocked the highway.",
     "PROTEST", PUBLISHED, "publication"),
]


@pytest.mark.parametrize("text, kind, expected, precision", ARTICLE_DISTANCES)
def test_distance_from_an_earlier_sentence(pipeline, text, kind, expected, precision) -> None:
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    event = next(e for e in events(parsed) if e.type == kind)
    assert (event.date, event.date_precision) == (expected, precision)
    if precision == "day":
        assert "distance" in event.provenance["date"]


# Weekends: the Saturday that starts the weekend meant, at week precision (2019-12-30 is a
# Monday, 2019-12-29 a Sunday).
@pytest.mark.parametrize(("text", "published", "forward", "expected"), [
    ("over the weekend", PUBLISHED, False, D(2019, 12, 28)),
    ("the weekend", D(2019, 12, 28), False, D(2019, 12, 28)),
    ("last weekend", PUBLISHED, False, D(2019, 12, 28)),
    ("last weekend", D(2019, 12, 29), False, D(2019, 12, 21)),
    ("this weekend", PUBLISHED, True, D(2020, 1, 4)),
    ("next weekend", PUBLISHED, False, D(2020, 1, 4)),
])
def test_weekend(text, published, forward, expected) -> None:
    assert resolve_expression(text, published, forward=forward) == (expected, "week")


# Relative expressions and distances of one sentence (Sunday = 2019-12-29).
RELATIVE_DATES = [
    ("Within hours of the attack on Sunday, police arrested 12 suspects.", "arrested",
     D(2019, 12, 29), "day", "Within hours"),
    ("Gunmen attacked a church on the eve of Sunday's election.", "attacked",
     D(2019, 12, 28), "day", "on the eve"),
    ("Rebels seized the town earlier this month.", "seized", D(2019, 12, 1), "month",
     "earlier this month"),
    ("Rebels seized the town late last year.", "seized", D(2018, 1, 1), "year",
     "late last year"),
    ("Jets struck the town overnight, killing 12 people.", "struck", D(2019, 12, 29), "day",
     "overnight"),
    ("Rebels attacked two villages over the weekend.", "attacked", D(2019, 12, 28), "week",
     "the weekend"),
    # a casualty clause the parser hangs on the target still dates the strike
    (("Jets carried out an air strike on a market in the town that killed 31 civilians on "
     "Friday."), "strike", D(2019, 12, 27), "day", "on Friday"),
]


@pytest.mark.parametrize("sentence, trigger, expected, precision, text", RELATIVE_DATES)
def test_relative_dates(nlp, sentence, trigger, expected, precision, text) -> None:
    doc = nlp(sentence)
    guess = event_date(next(t for t in doc if t.text == trigger), PUBLISHED)
    assert (guess.date, guess.precision, guess.text) == (expected, precision, text)


@pytest.mark.parametrize(("sentence", "trigger", "days"), [
    ("Police arrested the suspect the previous night.", "arrested", -1),
    ("Troops withdrew from the town the following morning.", "withdrew", 1),
    ("Gunmen attacked a polling station on the eve of the vote.", "attacked", -1),
    ("Within hours of the bombing, the army deployed troops to the town.", "deployed", 0),
])
def test_undated_distance_words(nlp, sentence, trigger, days) -> None:
    doc = nlp(sentence)
    guess = event_date(next(t for t in doc if t.text == trigger), PUBLISHED)
    assert guess.precision == "publication"
    assert guess.distance is not None and guess.distance.days == days


# The distance counts from the event the text refers to: the same word, else the same type of
# event, not merely the latest dated one (here the arrests on Saturday).
REFERRED_DISTANCES = [
    (("Gunmen bombed a market in Kano on Thursday. Police arrested a man on Saturday. Within "
      "hours of the bombing, the army deployed troops to the city."), "MOBILIZE",
     D(2019, 12, 26)),
    (("Gunmen bombed a market in Kano on Thursday. Police arrested a man on Saturday. A day "
      "after the bombing, protesters marched through the city."), "PROTEST", D(2019, 12, 27)),
    (("Police arrested 12 suspects in Kano on Thursday. Gunmen had attacked a police post "
      "there the previous night."), "ASSAULT", D(2019, 12, 25)),
    (("Gunmen attacked a church in Kano on Sunday. Police arrested a man on Tuesday. Two days "
      "after the attack, the governor imposed a curfew."), "COERCE", D(2019, 12, 31)),
]


@pytest.mark.parametrize("text, kind, expected", REFERRED_DISTANCES)
def test_distance_from_the_event_referred_to(pipeline, text, kind, expected) -> None:
    parsed = next(pipeline.parse([Article(text=text, published=PUBLISHED)]))
    found = [e for e in events(parsed) if e.type == kind]
    assert (found[-1].date, found[-1].date_precision) == (expected, "day")


def test_event_that_set_another_off_takes_its_day_borrowed(nlp) -> None:
    doc = nlp("The violence began on Friday after a man was stabbed to death in a quarrel.")
    guess = event_date(next(t for t in doc if t.text == "stabbed"), PUBLISHED)
    assert (guess.date, guess.precision) == (D(2019, 12, 27), "day")
    assert guess.borrowed and "'after' clause" in guess.rule


def test_a_distance_before_after_is_not_the_same_day(nlp) -> None:
    doc = nlp("Police arrested 12 people on Wednesday, two days after the protests began.")
    guess = event_date(next(t for t in doc if t.text == "began"), PUBLISHED)
    assert guess.date != D(2019, 12, 25)


# Holidays and multi-word weekday prefixes (published Monday 2019-12-30).
@pytest.mark.parametrize(("sentence", "trigger", "expected", "text"), [
    ("Gunmen attacked the village on Christmas Eve.", "attacked", D(2019, 12, 24),
     "on Christmas Eve"),
    ("Gunmen attacked the village on New Year's Eve.", "attacked", D(2018, 12, 31),
     "on New Year's Eve"),
    ("Rebels will attack the capital on New Year's Day.", "attack", D(2020, 1, 1),
     "on New Year's Day"),
    ("Gunmen attacked the village this past Sunday.", "attacked", D(2019, 12, 29),
     "this past Sunday"),
    ("Gunmen attacked the village in the early hours of Saturday morning.", "attacked",
     D(2019, 12, 28), "in the early hours of Saturday morning"),
])
def test_holidays_and_longer_day_phrases(nlp, sentence, trigger, expected, text) -> None:
    doc = nlp(sentence)
    guess = event_date(next(t for t in doc if t.text == trigger), PUBLISHED)
    assert (guess.date, guess.precision, guess.text) == (expected, "day", text)


def test_bad_holiday_names_file_and_line(monkeypatch) -> None:
    data = dates.load_yaml(dates.RESOURCE)
    broken = {**data, "holidays": [{"phrase": "christmas", "month": 13, "day": 25}]}
    monkeypatch.setattr(dates, "load_yaml", lambda name: broken)
    dates.lexicon.cache_clear()
    try:
        with pytest.raises(ResourceError, match="dates.yaml"):
            dates.lexicon()
    finally:
        monkeypatch.undo()
        dates.lexicon.cache_clear()
