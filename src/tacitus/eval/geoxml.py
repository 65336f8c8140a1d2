"""``geo-xml``: geoparsing gold sets in the GeoVirus, LGL and TR-News XML shapes.

Both shapes are ``<article>`` elements with a ``<text>`` and gold toponyms:

* GeoVirus: ``<locations><location>`` with ``<name>``, ``<start>``, ``<end>``, ``<lat>``, ``<lon>``;
* LGL / TR-News: ``<toponyms><toponym>`` with ``<phrase>``, ``<start>``, ``<end>`` and a
  ``<gaztag geonameid="..">`` holding ``<lat>`` and ``<lon>`` (absent when the annotator found
  no gazetteer entry: then the toponym counts for detection only).

Published offsets are not always exact (GeoVirus's are one character early): a span whose text
is not the toponym's name is moved to the nearest occurrence of the name within a few dozen
characters, and the number of moved spans is reported.

Scores: detection precision/recall/F1 (exact spans; also a lenient figure where any overlap
counts), resolution accuracy within 161 km given the gold spans (the headline; unresolved
counts as wrong), mean and median error in km over resolved toponyms, and exact GeoNames id
agreement where gold has an id.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tacitus.errors import EvalError
from tacitus.eval import stats
from tacitus.eval.dataset import GoldSet, Half, existing, nonempty, select
from tacitus.eval.distance import ACCURACY_KM, haversine_km
from tacitus.eval.report import EvalReport, Metric, Table
from tacitus.eval.system import progress
from tacitus.model import InputProblem, Place

NAME = "geo-xml"
HEADLINE = "accuracy_161km"
REALIGN_WINDOW = 50
TOP_NAMES = 25
CONTEXT_CHARS = 60


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GeoArticle:
    number: int
    id: str
    text: str
    toponyms: tuple[Toponym, ...]
    realigned: int = 0


def _child(element: ET.Element, *names: str) -> str | None:
    for name in names:
        found = element.find(name)
        if found is not None and found.text is not None and found.text.strip():
            return found.text.strip()
    return None


def _float(value: str | None, low: float, high: float) -> float | None:
    if value is None:
        return None
    number = float(value)
    if not low <= number <= high:
        raise ValueError(f"coordinate {value} out of range")
    return number


def _align(text: str, start: int, end: int, name: str | None) -> tuple[int, int, bool]:
    """The gold span, moved onto the nearest occurrence of ``name`` if it does not hold it."""
    if not name or text[start:end] == name:
        return start, end, False
    for shift in range(1, REALIGN_WINDOW + 1):
        for s in (start - shift, start + shift):
            if 0 <= s and text[s:s + len(name)] == name:
                return s, s + len(name), True
    raise ValueError(f"span {start}-{end} holds {text[start:end]!r}, not {name!r}")


def _toponym(text: str, element: ET.Element) -> tuple[Toponym, bool]:
    name = _child(element, "phrase", "name")
    start, end = int(_child(element, "start") or ""), int(_child(element, "end") or "")
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} outside the text")
    start, end, moved = _align(text, start, end, name)
    gaz = element.find("gaztag")
    holder = gaz if gaz is not None else element
    geonameid = gaz.get("geonameid") if gaz is not None else element.get("geonameid")
    lat = _float(_child(holder, "lat"), -90, 90)
    lon = _float(_child(holder, "lon"), -180, 180)
    return Toponym(start, end, name or text[start:end], lat, lon,
                   int(geonameid) if geonameid and geonameid.strip().isdigit() else None), moved


def _article(path: str, number: int, element: ET.Element,
             problems: list[InputProblem]) -> GeoArticle | None:
    text_el = element.find("text")
    text = text_el.text if text_el is not None else None
    aid = element.get("docid") or element.get("id") or f"article {number}"
    if not text or not text.strip():
        problems.append(InputProblem(path, f"article {number}: no <text>: skipped"))
        return None
    toponyms: list[Toponym] = []
    moved = 0
    holders = [h for tag in ("locations", "toponyms") for h in element.findall(tag)]
    for holder in holders:
        items = [e for e in holder.iter() if e.tag in ("location", "toponym")]
        for index, item in enumerate(items, start=1):
            try:
                toponym, shifted = _toponym(text, item)
            except ValueError as exc:
                problems.append(InputProblem(path, f"article {number} toponym {index}: {exc}: skipped"))
                continue
            toponyms.append(toponym)
            moved += shifted
    return GeoArticle(number, aid, text, tuple(toponyms), moved)


def read(path: str | Path) -> GoldSet[GeoArticle]:
    """Read a geoparsing XML file; a malformed article or toponym is reported and skipped."""
    file = existing(path)
    try:
        root = ET.parse(file).getroot()
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise EvalError(f"not well-formed XML: {exc}", where=str(path), line=line) from exc
    elements = [root] if root.tag == "article" else list(root.iter("article"))
    problems: list[InputProblem] = []
    articles = [a for n, e in enumerate(elements, start=1)
                if (a := _article(str(path), n, e, problems))]
    return GoldSet(str(path), tuple(articles), tuple(problems))


@dataclass(frozen=True, slots=True)
class GeoOutput:
    """What the geocoder said about one article: detected places and the resolution of each
    gold span (None = unresolved)."""

    detected: tuple[Place, ...]
    resolved: tuple[Place | None, ...]


def predict(articles: Sequence[GeoArticle]) -> tuple[list[GeoOutput | None], list[InputProblem]]:
    """Detection over the parsed text and resolution of the gold spans, per article."""
    try:
        from tacitus.geo import get_geocoder
        from tacitus.nlp import get_pipeline
    except ImportError as exc:
        raise EvalError(f"the geocoder is not available: {exc}") from exc
    geocoder = get_geocoder()
    docs = get_pipeline().parse_texts(a.text for a in articles)
    outputs: list[GeoOutput | None] = []
    problems: list[InputProblem] = []
    with progress(len(articles), NAME) as bar:
        for article, doc in zip(articles, docs):
            try:
                detected = tuple(geocoder.geoparse(doc))
                resolved = tuple(geocoder.resolve(article.text, [t.span for t in article.toponyms]))
            except Exception as exc:  # noqa: BLE001 - one article never stops a set
                problems.append(InputProblem(f"{NAME} {article.id}",
                                             f"geocoder failed: {type(exc).__name__}: {exc}"))
                outputs.append(None)
            else:
                outputs.append(GeoOutput(detected, resolved))
            bar.update()
    return outputs, problems


def _overlaps(span: tuple[int, int], others: Sequence[tuple[int, int]]) -> bool:
    return any(span[0] < o[1] and o[0] < span[1] for o in others)


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - CONTEXT_CHARS):end + CONTEXT_CHARS].split())


def _per_article(groups: Sequence[Sequence[float]]) -> stats.Estimate:
    """Mean over toponyms, with an interval from resampling articles (toponyms of one article
    are resolved together and succeed or fail together)."""
    return stats.ratio([sum(g) for g in groups], [len(g) for g in groups])


def score(
    path: str, articles: Sequence[GeoArticle], outputs: Sequence[GeoOutput | None],
    problems: Sequence[InputProblem] = (),
) -> EvalReport:
    exact: list[tuple[int, int, int]] = []
    lenient: list[tuple[int, int, int]] = []
    within: list[list[bool]] = []
    errors_km: list[list[float]] = []
    resolved_any: list[list[bool]] = []
    id_ok: list[list[bool]] = []
    by_name: dict[str, list[bool]] = defaultdict(list)
    found_by_name: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for article, output in zip(articles, outputs):
        gold = sorted({t.span for t in article.toponyms})
        system = sorted({(p.start, p.end) for p in (output.detected if output else ())
                         if p.start is not None and p.end is not None})
        hits = set(gold) & set(system)
        exact.append((len(hits), len(system) - len(hits), len(gold) - len(hits)))
        gold_hit = sum(_overlaps(g, system) for g in gold)
        sys_hit = sum(_overlaps(s, gold) for s in system)
        lenient.append((gold_hit, len(system) - sys_hit, len(gold) - gold_hit))
        for kind, spans in (("missed", [g for g in gold if g not in hits]),
                            ("spurious", [s for s in system if s not in hits])):
            errors.extend({"article": article.id, "error": f"detection: {kind}",
                           "text": article.text[s:e], "start": s, "end": e,
                           "context": _context(article.text, s, e)} for s, e in spans)
        resolved = output.resolved if output else (None,) * len(article.toponyms)
        for group in (within, errors_km, resolved_any, id_ok):
            group.append([])
        for toponym, place in zip(article.toponyms, resolved):
            if toponym.span in hits:
                found_by_name[toponym.name] += 1
            if not toponym.located:
                continue
            km = None
            if place is not None and place.lat is not None and place.lon is not None:
                km = haversine_km(toponym.lat or 0.0, toponym.lon or 0.0, place.lat, place.lon)
                errors_km[-1].append(km)
            resolved_any[-1].append(km is not None)
            ok = km is not None and km <= ACCURACY_KM
            within[-1].append(ok)
            by_name[toponym.name].append(ok)
            if toponym.geonameid is not None:
                id_ok[-1].append(place is not None and place.geonameid == toponym.geonameid)
            if not ok:
                errors.append({
                    "article": article.id, "error": "resolution", "text": toponym.name,
                    "start": toponym.start, "end": toponym.end,
                    "context": _context(article.text, toponym.start, toponym.end),
                    "gold": {"lat": toponym.lat, "lon": toponym.lon, "geonameid": toponym.geonameid},
                    "system": place.to_dict() if place else None,
                    "error_km": None if km is None else round(km, 1),
                })
    exact_prf = stats.prf_rows(exact)
    lenient_prf = stats.prf_rows(lenient)
    metrics = (
        Metric(HEADLINE, f"resolution accuracy within {ACCURACY_KM:.0f} km (gold spans)",
               _per_article(within)),
        Metric("mean_error_km", "mean error km (resolved)", _per_article(errors_km)),
        Metric("median_error_km", "median error km (resolved)",
               stats.median([km for group in errors_km for km in group])),
        Metric("resolved", "gold toponyms resolved at all", _per_article(resolved_any)),
        Metric("geonameid_accuracy", "GeoNames id match (gold has id)", _per_article(id_ok)),
        Metric("detection_precision", "detection precision (exact span)", exact_prf["precision"]),
        Metric("detection_recall", "detection recall (exact span)", exact_prf["recall"]),
        Metric("detection_f1", "detection F1 (exact span)", exact_prf["f1"]),
        Metric("lenient_precision", "detection precision (overlap)", lenient_prf["precision"]),
        Metric("lenient_recall", "detection recall (overlap)", lenient_prf["recall"]),
        Metric("lenient_f1", "detection F1 (overlap)", lenient_prf["f1"]),
    )
    common = sorted(by_name, key=lambda n: (-len(by_name[n]), n))[:TOP_NAMES]
    table = Table(
        f"most frequent gold toponyms (top {TOP_NAMES})", ("toponym", "gold", "detected", "within_161km"),
        tuple({"toponym": n, "gold": len(by_name[n]), "detected": found_by_name[n],
               "within_161km": sum(by_name[n]) / len(by_name[n])} for n in common),
    )
    moved = sum(a.realigned for a in articles)
    notes = ((f"{moved} gold spans did not hold their toponym and were moved to the nearest "
              "occurrence of its name"),) if moved else ()
    return EvalReport(
        format=NAME, path=path, size=len(articles), headline=HEADLINE, metrics=metrics,
        tables=(table,), problems=tuple(problems), errors=tuple(errors), notes=notes,
    )


def evaluate(path: str | Path, limit: int | None = None, half: Half | None = None) -> EvalReport:
    gold = nonempty(read(path), "<article> elements")
    articles = select(gold.records, limit, half)
    outputs, failures = predict(articles)
    return score(str(path), articles, outputs, [*gold.problems, *failures])
