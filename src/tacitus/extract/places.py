"""Where an event happened, as written: a place-name entity attached to the trigger.

Only the text and offsets are recorded here; the geo stage resolves coordinates later. The
search goes from the closest attachment outwards: a place inside an "in/near/at/..." phrase
of the trigger (or of its clause verb), then a place anywhere in the sentence; the guess says
which (``PlaceGuess.attached``). Places inside
the actor's own phrase are skipped, so "US forces" never puts the event in the United States,
and so are a party's home ("a Baghdad-based militia", "the Observatory, which is based in
London"; words in ``places.yaml`` ``homes``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from tacitus.errors import ResourceError
from tacitus.model import Place
from tacitus.nlp.spans import ents_in
from tacitus.resources import load_yaml, path, word_set

PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
PARTY_DEPS = frozenset({"compound", "amod", "poss", "nsubj", "nsubjpass", "nmod", "agent"})
PLACES_FILE = "extract/places.yaml"


# Links from a place name up to the word saying a party lives there ("a Baghdad-based
# militia", "the Observatory, which is based in London").
HOME_LINKS = frozenset({"npadvmod", "compound", "pobj", "prep", "conj"})


@dataclass(frozen=True, slots=True)
class _Words:
    preps: frozenset[str]
    heads: frozenset[str]
    homes: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_yaml(PLACES_FILE)
    if not isinstance(data, dict):
        raise ResourceError("expected lists 'preps', 'heads' and 'homes'", str(path(PLACES_FILE)))
    return _Words(word_set(data, "preps", PLACES_FILE), word_set(data, "heads", PLACES_FILE),
                  word_set(data, "homes", PLACES_FILE))


def _home(ent: Span) -> str | None:
    """The word that makes a place name a party's home rather than where anything happened
    ("Baghdad-based", "headquartered in London"), or None."""
    token = ent.root
    while token.dep_ in HOME_LINKS and token.head.i != token.i:
        token = token.head
        if token.lower_ in _words().homes:
            return token.text
    return None


@dataclass(frozen=True, slots=True)
class PlaceGuess:
    """The place of one event as written, the rule that found it, and whether it is attached
    to the event (in a phrase of the trigger or its clause verb) rather than merely in its
    sentence: only an attached place can tell two incidents apart ("a UK-based monitor said
    jets hit the market" does not put the strike in the UK)."""

    place: Place
    rule: str
    attached: bool


def _guess(ent: Span, rule: str, attached: bool) -> PlaceGuess:
    return PlaceGuess(Place(text=ent.text, start=ent.start_char, end=ent.end_char), rule, attached)


def _inside(ent: Span, spans: tuple[Span | None, ...]) -> bool:
    """True for entities inside an excluded phrase (the actor's, the source's, or conjoined
    with one), used as a modifier or subject ("US forces", "Israel's army", but not
    "Helmand province") or naming a party's home ("a Baghdad-based militia"): those name
    parties, not places."""
    if _home(ent) is not None:
        return True
    root = ent.root
    if root.dep_ in PARTY_DEPS and root.head.lower_ not in _words().heads:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in _words().preps:
        return False
    while root.dep_ == "conj":
        root = root.head
    return any(s is not None and s.start <= root.i < s.end for s in spans)


def _attached(head: Token, sent_ents: list[Span], exclude: tuple[Span | None, ...]) -> Span | None:
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in _words().preps:
            continue
        lo, hi = child.left_edge.i, child.right_edge.i
        for ent in sent_ents:
            if lo <= ent.start and ent.end - 1 <= hi and not _inside(ent, exclude):
                return ent
    return None


def event_place(trigger: Token, anchor: Token, exclude: tuple[Span | None, ...]) -> PlaceGuess | None:
    """The place of an event, or None if none is written."""
    sent = trigger.sent
    ents = [e for e in ents_in(sent) if e.label_ in PLACE_ENTS and not e.root.like_num]
    if not ents:
        return None
    for head in dict.fromkeys((trigger, anchor)):
        ent = _attached(head, ents, exclude)
        if ent is not None:
            return _guess(ent, f"place entity {ent.label_} '{ent.text}' in a phrase of "
                               f"'{head.text}'", True)
    for ent in ents:
        if not _inside(ent, exclude):
            return _guess(ent, f"place entity {ent.label_} '{ent.text}' in the same sentence",
                          False)
    return None
