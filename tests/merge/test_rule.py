"""The pairwise incident rule: a table of report pairs, and its symmetry."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tacitus.merge import MergeItem, same_incident

BASE = MergeItem(event_id="a", article_id="art-a", type="ASSAULT", status="occurred",
                 date=date(2019, 12, 29), date_precision="day", country="IRQ", admin1="Anbar",
                 lat=34.37, lon=41.09, precision="city", location="Al Qaim",
                 actor_id="USA-MIL", actor_country="USA", recipient_id="IRQ-PMF-KH",
                 recipient_country="IRQ")


def other(**changes) -> MergeItem:
    return replace(BASE, **{"event_id": "b", "article_id": "art-b", **changes})


@pytest.mark.parametrize("changes, same", [
    ({}, True),
    ({"article_id": "art-a"}, False),                                   # same article: never
    ({"type": "COERCE"}, False),                                        # other family
    ({"status": "alleged"}, True),                                      # still the act
    ({"status": "threatened"}, False),                                  # a threat is not the act
    ({"date": date(2019, 12, 30)}, False),                              # next day, both exact
    ({"date": date(2019, 12, 30), "date_precision": "publication"}, True),
    ({"date": date(2019, 12, 28), "date_precision": "publication"}, False),  # published before
    ({"date": date(2020, 1, 2), "date_precision": "week"}, True),
    ({"date": date(2019, 6, 1), "date_precision": "year"}, False),      # too vague to link
    ({"date": None, "date_precision": None}, False),
    ({"lat": 34.45, "lon": 41.20, "location": "Husaybah"}, True),       # 13 km away
    ({"lat": 36.34, "lon": 43.13, "admin1": "Nineveh"}, False),         # Mosul, 300 km
    ({"lat": None, "lon": None, "precision": "admin1"}, True),          # same admin1
    ({"admin1": "Nineveh", "precision": "admin1", "lat": 36.0, "lon": 42.5}, False),
    ({"admin1": None, "precision": "country", "lat": 33.0, "lon": 43.0}, True),
    ({"country": "SYR", "admin1": "Deir ez-Zor", "lat": 34.45, "lon": 40.92}, False),
    ({"country": None}, False),
    ({"actor_id": None, "actor_country": None}, True),                  # attacker not named
    ({"actor_id": "USA-GOV"}, True),                                    # same state, other organ
    ({"actor_id": "TUR-MIL", "actor_country": "TUR"}, False),
    ({"actor_id": "IRQ-PMF-KH", "actor_country": "IRQ",
      "recipient_id": "USA-MIL", "recipient_country": "USA"}, True),    # roles swapped
    ({"recipient_id": "ISIS", "recipient_country": None}, False),       # another armed group
])
def test_pairs(changes: dict, same: bool) -> None:
    assert same_incident(BASE, other(**changes)) is same


ITEMS = st.builds(
    MergeItem, event_id=st.sampled_from("abcd"), article_id=st.sampled_from(["x", "y", "z"]),
    type=st.sampled_from(["ASSAULT", "PROTEST", "AGREE", "CONSULT"]),
    status=st.sampled_from(["occurred", "alleged", "planned"]),
    date=st.dates(date(2020, 1, 1), date(2020, 1, 20)),
    date_precision=st.sampled_from(["day", "publication", "week", "month", "year"]),
    country=st.sampled_from(["IRQ", "SYR", None]), admin1=st.sampled_from(["A", "B", None]),
    lat=st.none() | st.floats(30, 31), lon=st.none() | st.floats(40, 41),
    precision=st.sampled_from(["city", "admin1", "country", None]),
    actor_id=st.sampled_from(["P", "Q", None]), actor_country=st.sampled_from(["IRQ", None]),
    recipient_id=st.sampled_from(["P", "Q", None]), recipient_country=st.sampled_from(["SYR", None]))


@given(ITEMS, ITEMS)
def test_the_rule_is_symmetric(a: MergeItem, b: MergeItem) -> None:
    assert same_incident(a, b) == same_incident(b, a)
