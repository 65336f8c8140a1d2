"""Span look-ups that spaCy answers by rescanning the whole document.

``Span.noun_chunks`` and ``Span.ents`` walk every chunk or entity of the Doc on each call, so a
stage asking once per sentence pays quadratically on long articles. These helpers index the
Doc once (offsets kept in ``doc.user_data``, which stays picklable) and answer by bisection.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

_CHUNKS = "tacitus.noun_chunks"
_ENTS = "tacitus.ents"


def _index(doc: Doc, key: str, spans_of) -> list[tuple[int, int]]:
    found = doc.user_data.get(key)
    if found is None:
        found = [(s.start, s.end) for s in spans_of(doc)]
        doc.user_data[key] = found
    return found


def _within(doc: Doc, index: list[tuple[int, int]], span: Span) -> list[Span]:
    first = bisect_left(index, (span.start, -1))
    out = []
    for start, end in index[first:]:
        if start >= span.end:
            break
        if end <= span.end:
            out.append(doc[start:end])
    return out


def noun_chunks_in(span: Span) -> list[Span]:
    """The noun chunks that lie inside ``span``."""
    doc = span.doc
    return _within(doc, _index(doc, _CHUNKS, lambda d: d.noun_chunks), span)


def ents_in(span: Span) -> list[Span]:
    """The named entities that lie inside ``span`` (with their labels)."""
    doc = span.doc
    index = doc.user_data.get(_ENTS)
    if index is None:
        index = doc.user_data[_ENTS] = [(e.start, e.end, e.label) for e in doc.ents]
    first = bisect_left(index, (span.start, -1, -1))
    out = []
    for start, end, label in index[first:]:
        if start >= span.end:
            break
        if end <= span.end:
            out.append(Span(doc, start, end, label=label))
    return out


_SENTS = "tacitus.sentences"


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of every sentence, computed once per Doc."""
    return _index(doc, _SENTS, lambda d: d.sents)


def sentence_of(doc: Doc, index: int) -> Span:
    """The sentence holding token ``index`` (``Token.sent`` rescans the Doc on every call)."""
    bounds = sentence_bounds(doc)
    position = bisect_left(bounds, (index + 1, -1)) - 1
    start, end = bounds[max(position, 0)]
    return doc[start:end]


def sentences_in(span: Span) -> list[Span]:
    """The sentences ``span`` touches, in order."""
    doc = span.doc
    bounds = sentence_bounds(doc)
    first = max(bisect_left(bounds, (span.start + 1, -1)) - 1, 0)
    out = []
    for start, end in bounds[first:]:
        if start >= span.end:
            break
        if end > span.start:
            out.append(doc[start:end])
    return out


_TEXT = "tacitus.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token anew on each access."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Record ``text`` as what :func:`doc_text` returns, for a Doc parsed from exactly that
    string (spaCy's tokenisation loses no character), so that it is never joined anew."""
    doc.user_data[_TEXT] = text
    return doc


_STARTS = "tacitus.token_starts"


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters ``start:end`` (like ``doc.char_span(...,
    alignment_mode="expand")``, which rebuilds ``doc.text`` on every call)."""
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        starts = doc.user_data[_STARTS] = doc.to_array("IDX").tolist()
    if not starts or end <= start:
        return None
    first = max(bisect_left(starts, start + 1) - 1, 0)
    last = bisect_left(starts, end)
    return doc[first:last] if last > first else None
