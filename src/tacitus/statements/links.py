"""Which event a statement, claim or label belongs to: the one whose evidence holds it."""

from __future__ import annotations

from collections.abc import Sequence

from tacitus.model import Event


def overlaps(event: Event, start: int, end: int) -> bool:
    """Whether characters ``start:end`` overlap one of the event's evidence sentences."""
    return any(e.start < end and start < e.end for e in event.evidence)


def event_at(events: Sequence[Event], offset: int) -> Event | None:
    """The first event with an evidence sentence holding character ``offset``."""
    return next((e for e in events if overlaps(e, offset, offset + 1)), None)
