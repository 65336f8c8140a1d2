"""Finding toponyms in a parsed text.

spaCy's small English model finds most places (GPE, LOC, FAC entities) but misses or
mislabels unfamiliar ones: "Nineveh" and "Qayarah" come out as PERSON, "Nigeria" as nothing,
"NSW" as ORG. Runs of proper nouns outside place entities are therefore also matched against
the gazetteer, but accepted only with support, since half the capitalised words of English are
a village somewhere: a country or region name, or a town introduced by a preposition of
place ("in Qayarah"), carrying a feature word ("Nineveh province"), sitting next to a detected
place ("Pandi, Bulacan"), or tagged as a place elsewhere in the same article.

The model also tags as places what are not: surnames ("Mrs Kong", "Hadad" after "Fardous
Hadad"), and names of diseases ("West Nile virus", "Hong Kong flu"). Those are dropped.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from tacitus.geo.context import mention_cues
from tacitus.geo.gazetteer import ADMIN1, CITY, CONTINENT, COUNTRY, FEATURE, Index
from tacitus.geo.lexicon import GeoLexicon
from tacitus.geo.normalize import exact_key
from tacitus.geo.resolve import clean_mention

PLACE_LABELS = ("GPE", "LOC")
MAX_RUN = 4
MIN_UNSUPPORTED_POPULATION = 1000
JOINERS = ("-", " of ", " of the ", " ")
LIST_JOINERS = (", ", " and ", " or ")
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "an", "at", "ash", "az", "ath"})
SUPPORTING_PREPOSITIONS = ("in", "near", "outside", "around", "across", "into", "at", "from")


def detect_toponyms(doc: Doc, text: str, index: Index, lexicon: GeoLexicon) -> list[tuple[int, int]]:
    """Character spans of the toponyms in ``doc`` (whose text is ``text``: spaCy rebuilds
    ``Doc.text`` on every access), in text order."""
    ents = doc.ents
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    spans: list[tuple[int, int]] = []
    covered: set[int] = set()
    for ent in ents:
        if ent.label_ not in PLACE_LABELS and not (ent.label_ == "FAC" and index.candidates(ent.text)):
            continue
        covered.update(range(ent.start, ent.end))
        if _not_a_place(ent, index, lexicon, surnames):
            continue
        spans.extend(_entity_spans(ent, text, index))
    known = {exact_key(text[s:e]) for s, e in spans}
    spans.extend(_gazetteer_matches(doc, text, index, lexicon, covered, known, spans))
    return _merge_split_names(text, sorted(set(spans)), index)


def _not_a_place(ent: Span, index: Index, lexicon: GeoLexicon, surnames: set[str]) -> bool:
    """A surname, a person with a title, a disease named after a place, or a demonym."""
    doc = ent.doc
    before = doc[ent.start - 1].text.lower().rstrip(".") if ent.start > 0 else ""
    after = doc[ent.end].text.lower() if ent.end < len(doc) else ""
    if before in lexicon.person_titles or exact_key(ent[-1].text) in lexicon.not_place_heads:
        return True
    if after in lexicon.not_place_heads:
        return True
    if ent.text in surnames and not _is_major(ent.text, index):
        return True
    return bool(index.demonym_country(ent.text)) and not index.candidates(ent.text)


def _is_major(text: str, index: Index) -> bool:
    """A continent, country, admin1 region or listed physical feature by name or code: nearly
    always a place. Two-letter codes ("CA", "IN") are too often something else to count."""
    return any(index.kind[c.entry] in (CONTINENT, COUNTRY, ADMIN1, FEATURE)
               and len(text) > 2 for c in index.candidates(text, loose=False))


def _entity_spans(ent: Span, text: str, index: Index) -> list[tuple[int, int]]:
    """Character spans of a place entity: lowercase words at its edges dropped ("east
    Africa", "Sumatra province"), extended over words the model cut off ("Côte" "d'Ivoire"),
    split at a comma when both parts are places."""
    tokens = list(ent)
    while tokens and tokens[0].text[:1].islower():
        tokens.pop(0)
    while tokens and tokens[-1].text[:1].islower():
        tokens.pop()
    if not tokens:
        return []
    start_char, end_char = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    name, start = clean_mention(text[start_char:end_char], start_char)
    end_token = tokens[-1].i + 1
    for extra in (2, 1):
        if end_token + extra <= len(ent.doc):
            longer = ent.doc[tokens[0].i:end_token + extra]
            if any(t.is_punct or t.is_space or not (t.text[:1].isupper() or "'" in t.text)
                   for t in longer[len(tokens):]):
                continue
            if any(c.match in ("main", "alias") for c in index.candidates(longer.text, loose=False)):
                return [(longer.start_char, longer.end_char)]
    parts = name.split(",")
    if len(parts) > 1 and all(index.candidates(p.strip()) for p in parts):
        spans, offset = [], start
        for part in parts:
            lead = len(part) - len(part.lstrip())
            spans.append((offset + lead, offset + lead + len(part.strip())))
            offset += len(part) + 1
        return spans
    return [(start, start + len(name))] if name else []


def _merge_split_names(text: str, spans: list[tuple[int, int]], index: Index) -> list[tuple[int, int]]:
    """Join neighbouring spans the model cut apart ("Guinea" "-" "Bissau", "Democratic
    Republic" "of the" "Congo") when the joined name is in the gazetteer."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            prev_start, prev_end = merged[-1]
            if text[prev_end:start] in JOINERS and index.candidates(text[prev_start:end]):
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def _gazetteer_matches(doc: Doc, text: str, index: Index, lexicon: GeoLexicon, covered: set[int],
                       known: set[str], ner_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Proper-noun runs the model did not tag as places but the gazetteer and context support."""
    found: list[tuple[int, int]] = []
    edges = {s for s, _ in ner_spans} | {e for _, e in ner_spans}
    i = 0
    while i < len(doc):
        if i in covered or not _name_token(doc, i):
            i += 1
            continue
        run_end = i
        while (run_end + 1 < len(doc) and run_end + 1 - i < MAX_RUN and run_end + 1 not in covered
               and _name_token(doc, run_end + 1)):
            run_end += 1
        span = doc[i:run_end + 1]
        if _accept(span, text, index, lexicon, known, edges):
            found.append((span.start_char, span.end_char))
            edges.update((span.start_char, span.end_char))  # "Isfahan and Shiraz": lists chain
        i = run_end + 1
    return found


def _name_token(doc: Doc, i: int) -> bool:
    """A capitalised proper noun, or a piece of a hyphenated name ("al-Qaim", "el-Fasher")."""
    token = doc[i]
    if token.text[:1].isupper():
        return token.pos_ == "PROPN"
    glued = not token.whitespace_ and i + 1 < len(doc)
    if token.lower_ in ARABIC_ARTICLES:
        return glued and doc[i + 1].text == "-"
    return (token.text == "-" and glued and i > 0 and not doc[i - 1].whitespace_
            and doc[i + 1].text[:1].isupper())


def _accept(span: Span, text: str, index: Index, lexicon: GeoLexicon, known: set[str],
            edges: set[int]) -> bool:
    doc = span.doc
    labels = {t.ent_type_ for t in span}
    if labels - {"PERSON", "ORG", "NORP", ""}:
        return False
    inside_entity = span[0].ent_iob_ == "I" or (span.end < len(doc) and doc[span.end].ent_iob_ == "I")
    if inside_entity or not _supported_by_gazetteer(span.text, index, lexicon):
        return False
    after = doc[span.end].text.lower() if span.end < len(doc) else ""
    if after in lexicon.not_place_heads:
        return False
    if exact_key(span.text) in known or (_is_major(span.text, index) and "PERSON" not in labels):
        return True
    cues = mention_cues(text, span.start_char, span.end_char, lexicon)
    if cues.feature or cues.preposition in SUPPORTING_PREPOSITIONS:
        return True
    # listed next to a detected place: "Pandi, Bulacan", "Isfahan and Shiraz"
    start, end = span.start_char, span.end_char
    return any((text[max(0, start - len(joiner)):start] == joiner and start - len(joiner) in edges)
               or (text[end:end + len(joiner)] == joiner and end + len(joiner) in edges)
               for joiner in LIST_JOINERS)


def _supported_by_gazetteer(text: str, index: Index, lexicon: GeoLexicon) -> bool:
    """A name the gazetteer knows as something bigger than a hamlet, and not a common word."""
    key = exact_key(text)
    if key in lexicon.not_places or index.demonym_country(text) is not None:
        return False
    return any(index.kind[c.entry] != CITY or index.population[c.entry] >= MIN_UNSUPPORTED_POPULATION
               for c in index.candidates(text))
