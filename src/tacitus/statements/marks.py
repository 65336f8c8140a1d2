"""Finding quoted spans in raw text.

Quotation marks are found on characters, not tokens, because news text mixes curly and straight
marks and spaCy splits them inconsistently. The scan is one pass with one level of nesting
(quotes inside quotes in news are single marks, which we leave alone as apostrophes would
confuse them). A mark left open is closed at the end of its paragraph, and reported, so an
unbalanced quote costs one warning, not the rest of the article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tacitus.resources import load_yaml

RESOURCE = "statements/reporting.yaml"


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """The words between a pair of marks: ``text[start:end]`` excludes the marks."""

    start: int
    end: int
    closed: bool


@lru_cache(maxsize=1)
def _marks() -> tuple[frozenset[str], frozenset[str]]:
    pairs = load_yaml(RESOURCE)["marks"]
    return frozenset(p["open"] for p in pairs), frozenset(p["close"] for p in pairs)


@lru_cache(maxsize=1)
def _stops() -> re.Pattern[str]:
    """The characters the scan acts on (marks and line breaks): it jumps from one to the next
    instead of stepping through every character."""
    openers, closers = _marks()
    return re.compile("[" + re.escape("".join(sorted(openers | closers | {"\n"}))) + "]")


def _straight_opens(text: str, i: int) -> bool:
    """A straight double quote opens when it starts a word (after a space, start or bracket)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,") and not after.isspace()


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quoted span of ``text`` in order, unbalanced ones closed at the paragraph end."""
    return [s for s in _scan(text) if text[s.start : s.end].strip()]


def non_latin(words: str) -> bool:
    """Whether most letters of ``words`` are of another script than Latin."""
    if words.isascii():
        return False  # every ASCII letter is Latin: spares a Unicode name look-up per letter
    letters = [c for c in words if c.isalpha()]
    foreign = sum(1 for c in letters if not unicodedata.name(c, "").startswith("LATIN"))
    return bool(letters) and foreign * 2 > len(letters)


def quote_warnings(text: str) -> list[str]:
    """What makes the article's quote spans unreliable: a mark left open, straight and
    typographic marks mixed (their pairing is then guessed), quoted words in another script
    (no English reporting verb or speaker can be read inside them)."""
    spans = _scan(text)
    warnings = []
    if any(not s.closed for s in spans) or text.count('"') % 2:
        warnings.append("unbalanced quotation marks: quote spans are best-effort")
    openers, closers = _marks()
    if '"' in text and any(c in text for c in (openers | closers) - {'"'}):
        warnings.append("straight and typographic quotation marks mixed: quote spans are best-effort")
    if any(non_latin(text[s.start : s.end]) for s in spans):
        warnings.append("quoted text in a non-Latin script: its words are kept, not analysed")
    return warnings


@lru_cache(maxsize=4)
def _scan(text: str) -> tuple[QuotedSpan, ...]:
    """Every span between marks, empty ones included (a lone opening mark is still unbalanced).
    Remembered for the last few texts: quotes and framing scan the same article."""
    openers, closers = _marks()
    spans: list[QuotedSpan] = []
    start: int | None = None
    for found in _stops().finditer(text):
        i, char = found.start(), found.group()
        if start is None:
            if char in openers and (char != '"' or _straight_opens(text, i)):
                start = i + 1
            continue
        if char in closers and i > start:
            spans.append(QuotedSpan(start, i, True))
            start = None
        elif char == "\n" and text[i + 1 : i + 2] == "\n":
            spans.append(QuotedSpan(start, i, False))
            start = None
    if start is not None:
        spans.append(QuotedSpan(start, max(start, len(text.rstrip())), False))
    return tuple(spans)
