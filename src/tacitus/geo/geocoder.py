"""The geocoder: toponym detection plus resolution, over one loaded gazetteer."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc

from tacitus.geo.cache import load_index
from tacitus.geo.context import region_spans
from tacitus.geo.detect import detect_toponyms
from tacitus.geo.gazetteer import Index
from tacitus.geo.lexicon import GeoLexicon, get_lexicon
from tacitus.geo.resolve import Resolution, Resolver
from tacitus.model import Place


class Geocoder:
    """Finds and resolves the places of an article; holds the index (load once, reuse)."""

    def __init__(self, index: Index, lexicon: GeoLexicon) -> None:
        self.index = index
        self.lexicon = lexicon
        self.resolver = Resolver(index, lexicon)

    def resolve(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Place | None]:
        """Resolve given toponym spans of ``text``, using the whole text as context.

        For scoring resolution apart from detection: None where no gazetteer entry matches.
        Countries and regions named elsewhere in the text are resolved alongside, as context.
        """
        taken = [range(s, e) for s, e in spans]
        extra = [(s, e) for s, e in region_spans(text, self.index)
                 if not any(s in r or e - 1 in r for r in taken)]
        resolved = self.resolutions(text, [*spans, *extra])
        return [dataclasses.replace(r.place, text=text[start:end], start=start, end=end) if r else None
                for r, (start, end) in zip(resolved, spans)]

    def resolutions(self, text: str, spans: Sequence[tuple[int, int]],
                    dateline_place: str | None = None, source: str | None = None,
                    ) -> list[Resolution | None]:
        """Like :meth:`resolve`, with the score and the reason (provenance) of each choice."""
        mentions = [self.resolver.mention(text, start, end) for start, end in spans]
        context = self.resolver.article_context(text, dateline_place, source)
        return self.resolver.resolve(mentions, context)

    def resolve_name(self, name: str, text: str) -> Resolution | None:
        """Resolve a name given outside the text (a dateline place) with ``text`` as context."""
        if name.isupper():
            name = name.title()  # datelines are often in capitals: "KABUL" is not an acronym
        joined = f"{name}\n{text}"
        return self.resolutions(joined, [(0, len(name))])[0]

    def detect(self, doc: Doc, text: str | None = None) -> list[tuple[int, int]]:
        """Character spans of the toponyms of a parsed text, in text order."""
        return detect_toponyms(doc, doc.text if text is None else text, self.index, self.lexicon)

    def geoparse_explained(self, doc: Doc, dateline_place: str | None = None,
                           source: str | None = None) -> list[tuple[Place, str]]:
        """Detected places with the reason each was resolved as it was (or left unresolved)."""
        text = doc.text
        spans = self.detect(doc, text)
        out: list[tuple[Place, str]] = []
        for (start, end), resolution in zip(spans, self.resolutions(text, spans, dateline_place, source)):
            if resolution is None:
                name = self.resolver.mention(text, start, end)
                out.append((Place(name.text, start=name.start, end=name.end),
                            f"unresolved: no gazetteer entry for '{name.text}'"))
            else:
                out.append((resolution.place, resolution.reason))
        return out

    @staticmethod
    def warnings(places: Sequence[Place]) -> list[str]:
        """The article warning for names left unresolved (none if all were resolved)."""
        unresolved = sorted({p.text for p in places if p.lat is None})
        if not unresolved:
            return []
        return [f"{len(unresolved)} place name(s) not in the gazetteer, left unresolved: "
                + ", ".join(unresolved)]

    def geoparse(self, doc: Doc, dateline_place: str | None = None,
                 source: str | None = None) -> list[Place]:
        """Detect the toponyms of a parsed text and resolve them, in text order. Names the
        gazetteer lacks are kept unresolved (text and offsets, null coordinates)."""
        return [place for place, _ in self.geoparse_explained(doc, dateline_place, source)]


@lru_cache(maxsize=1)
def get_geocoder() -> Geocoder:
    """The process-wide geocoder (the index is built on first use, then loaded from cache)."""
    return Geocoder(load_index(), get_lexicon())
