"""When are two events from different articles reports of the same incident?

The rule is a pure, symmetric test on two events (never on a growing incident), so that linked
events form the connected components of one fixed graph: the incidents come out the same
whatever order the articles arrive in. Its parameters live in ``resources/store/merge.yaml``.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from functools import lru_cache

from tacitus.errors import ResourceError
from tacitus.model import PLOVER_TYPES, STATUSES, Article, Event
from tacitus.resources import LINE_KEY, load_yaml, path

RULE_FILE = "store/merge.yaml"


@dataclass(frozen=True, slots=True)
class MergeItem:
    """What the rule and the incident summary need to know about one stored event."""

    event_id: str
    article_id: str
    type: str
    status: str
    date: datetime.date | None = None
    date_precision: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    location: str | None = None
    actor_id: str | None = None
    actor_country: str | None = None
    actor: str | None = None
    recipient_id: str | None = None
    recipient_country: str | None = None
    recipient: str | None = None
    source: str | None = None
    published: datetime.date | None = None
    killed: int | None = None
    injured: int | None = None


def item_of(event: Event, article: Article) -> MergeItem:
    """The merge view of an extracted event (the store builds the same from its tables)."""
    place, actor, recipient, toll = event.location, event.actor, event.recipient, event.fatalities
    return MergeItem(
        event_id=event.id, article_id=article.id, type=event.type, status=event.status,
        date=event.date, date_precision=event.date_precision,
        country=place.country if place else None, admin1=place.admin1 if place else None,
        lat=place.lat if place else None, lon=place.lon if place else None,
        precision=place.precision if place else None,
        location=(place.name or place.text) if place else None,
        actor_id=actor.id if actor else None, actor_country=actor.country if actor else None,
        actor=actor.name if actor else None,
        recipient_id=recipient.id if recipient else None,
        recipient_country=recipient.country if recipient else None,
        recipient=recipient.name if recipient else None,
        source=article.source, published=article.published,
        killed=toll.killed if toll else None, injured=toll.injured if toll else None,
    )


@dataclass(frozen=True, slots=True)
class Rule:
    families: dict[str, str]
    status_groups: dict[str, str]
    date_slack_days: dict[str, tuple[int, int]]
    point_precisions: frozenset[str]
    radius_km: float

    @property
    def max_slack_days(self) -> int:
        return max(max(pair) for pair in self.date_slack_days.values())


def _bad(message: str, line: int | None = None) -> ResourceError:
    return ResourceError(message, str(path(RULE_FILE)), line)


@lru_cache(maxsize=1)
def get_rule() -> Rule:
    """The rule, loaded and validated once."""
    data = load_yaml(RULE_FILE)
    if not isinstance(data, dict):
        raise _bad("expected a mapping at the top level")
    for key in ("families", "status_groups", "date_slack_days", "point_precisions", "radius_km"):
        if key not in data:
            raise _bad(f"missing key '{key}'", data.get(LINE_KEY))
    families = {k: v for k, v in data["families"].items() if k != LINE_KEY}
    unknown = sorted(set(families) - set(PLOVER_TYPES)) + sorted(set(PLOVER_TYPES) - set(families))
    if unknown:
        raise _bad(f"families must list each PLOVER type once: {', '.join(unknown)}",
                   data["families"].get(LINE_KEY))
    groups = {k: v for k, v in data["status_groups"].items() if k != LINE_KEY}
    if set(groups) != set(STATUSES):
        raise _bad("status_groups must list each status once", data["status_groups"].get(LINE_KEY))
    slack = {k: v for k, v in data["date_slack_days"].items() if k != LINE_KEY}
    if not slack or not all(isinstance(v, list) and len(v) == 2 and
                            all(isinstance(d, int) and d >= 0 for d in v) for v in slack.values()):
        raise _bad("date_slack_days must map precisions to [days before, days after], each >= 0",
                   data["date_slack_days"].get(LINE_KEY))
    radius = data["radius_km"]
    if not isinstance(radius, (int, float)) or radius <= 0:
        raise _bad("radius_km must be a positive number", data.get(LINE_KEY))
    return Rule(families, groups, {k: (v[0], v[1]) for k, v in slack.items()},
                frozenset(data["point_precisions"]), float(radius))


def block_key(item: MergeItem, rule: Rule | None = None) -> tuple[str, str, str] | None:
    """Events can only link within one block (family, status group, country); None: never links.

    Blocking is what keeps incremental merging cheap: a new event is compared with stored
    events of its block and date range only.
    """
    rule = rule or get_rule()
    fam = rule.families.get(item.type)
    group = rule.status_groups.get(item.status)
    if fam is None or group is None or item.country is None or item.date is None:
        return None
    if item.date_precision not in rule.date_slack_days:
        return None
    return fam, group, item.country


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _dates_match(a: MergeItem, b: MergeItem, rule: Rule) -> bool:
    """The ranges of days each event may have happened on overlap."""
    assert a.date is not None and b.date is not None
    a_before, a_after = rule.date_slack_days[a.date_precision or ""]
    b_before, b_after = rule.date_slack_days[b.date_precision or ""]
    gap = (b.date - a.date).days
    return -(b_after + a_before) <= gap <= a_after + b_before


def _places_match(a: MergeItem, b: MergeItem, rule: Rule) -> bool:
    """Same country always (blocking); then the finest level both places know must agree."""
    if a.precision in rule.point_precisions and b.precision in rule.point_precisions \
            and None not in (a.lat, a.lon, b.lat, b.lon):
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= rule.radius_km  # type: ignore[arg-type]
    if a.admin1 and b.admin1:
        return a.admin1.casefold() == b.admin1.casefold()
    return True


def _party_match(id1: str | None, country1: str | None, id2: str | None,
                 country2: str | None) -> bool:
    """Unknown is compatible with anything; else same canonical party or same country.

    Outlets name one side differently ("US forces", "the Pentagon", "American jets"), so the
    country is enough for state parties; non-state parties must be the same group.
    """
    if id1 is None or id2 is None or id1 == id2:
        return True
    return country1 is not None and country1 == country2


def _parties_match(a: MergeItem, b: MergeItem) -> bool:
    straight = _party_match(a.actor_id, a.actor_country, b.actor_id, b.actor_country) and \
        _party_match(a.recipient_id, a.recipient_country, b.recipient_id, b.recipient_country)
    if straight:
        return True
    return _party_match(a.actor_id, a.actor_country, b.recipient_id, b.recipient_country) and \
        _party_match(a.recipient_id, a.recipient_country, b.actor_id, b.actor_country)


def same_incident(a: MergeItem, b: MergeItem, rule: Rule | None = None) -> bool:
    """The pairwise rule (symmetric). Events of one article are never linked directly: the
    extractor already made one event per incident within an article."""
    rule = rule or get_rule()
    if a.article_id == b.article_id:
        return False
    key = block_key(a, rule)
    if key is None or key != block_key(b, rule):
        return False
    return _dates_match(a, b, rule) and _places_match(a, b, rule) and _parties_match(a, b)
