"""Which event a statement, claim or label belongs to: the one whose evidence holds it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tacitus.model import Event


def overlaps(event: Event, start: int, end: int) -> bool:
    """Whether characters ``start:end`` overlap one of the event's evidence sentences."""
    return any(e.start < end and start < e.end for e in event.evidence)


def event_at(events: Sequence[Event], offset: int) -> Event | None:
    """The first event with an evidence sentence holding character ``offset``."""
    return next((e for e in events if overlaps(e, offset, offset + 1)), None)


def events_in(events: Sequence[Event], start: int, end: int,
              keep: Callable[[Event], bool] = lambda e: True) -> list[Event]:
    """Every kept event with evidence overlapping ``start:end``, in the events' order (main
    clause first): the candidates among which a fact of that sentence is placed."""
    return [e for e in events if keep(e) and overlaps(e, start, end)]


def event_before(events: Sequence[Event], offset: int,
                 keep: Callable[[Event], bool] = lambda e: True) -> Event | None:
    """The kept event last described before ``offset``: what a follow-up sentence with no
    event of its own ("Five others were wounded, the army said") goes on about."""
    best: tuple[int, int] | None = None
    found = None
    for rank, event in enumerate(events):
        ends = [e.end for e in event.evidence if e.end <= offset]
        if keep(event) and ends and (best is None or (max(ends), -rank) > best):
            best, found = (max(ends), -rank), event
    return found
