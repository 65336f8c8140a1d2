"""``golden``: the project's own hand-coded articles.

A folder holding article files and, for each, ``NAME.expected.json`` in the tacitus output shape
(``article``, ``events``, optional ``quotes``); a corpus file ``NAME.jsonl``/``.csv`` has
``NAME.expected.jsonl``, one expected record a line, paired by ``article.external_id`` (else by
order). The article ``NAME.*`` is looked for beside the expected file, then anywhere under the
folder, then under its parent (so both ``gold/`` + ``articles/`` side by side and one mixed
folder work). Articles go through ingest and the full pipeline, exactly as ``tacitus extract``
runs them.

An expected event is found when a system event has the same type and agreeing actor and
recipient (one-to-one, maximum matching). Event precision/recall/F1 over documents is the
headline; on matched events each field the expected JSON states is checked. Quotes, when given,
are matched by span overlap (Jaccard >= 0.5) and their speakers compared. A record that has no
``events`` key (or no ``quotes`` key) was not coded for them and is left out of that score; an
empty list means "none", and every system event or quote there is spurious.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from tacitus.eval import stats
from tacitus.eval.dataset import GoldSet, Half, existing, nonempty, read_text, select
from tacitus.eval.distance import ACCURACY_KM, haversine_km
from tacitus.eval.report import EvalReport, Metric, Table
from tacitus.eval.system import code_articles
from tacitus.model import (
    Article,
    ArticleResult,
    Event,
    InputProblem,
    Party,
    Place,
    Quote,
)

NAME = "golden"
HEADLINE = "event_f1"
SUFFIX = ".expected.json"
CORPUS_SUFFIX = ".expected.jsonl"
QUOTE_OVERLAP = 0.5
ROLES = ("actor", "recipient")
LOOSER = {"type_actor": ("actor",), "type": ()}
"""Looser event matches reported beside the headline, to show where the misses come from."""
_WORD = re.compile(r"[a-z0-9]{3,}")


@dataclass(frozen=True, slots=True)
class GoldenArticle:
    name: str
    article: Article
    expected: dict[str, Any]

    @property
    def events(self) -> list[dict[str, Any]]:
        return [e for e in self.expected.get("events") or [] if isinstance(e, dict)]


def _candidates(folder: Path) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for file in sorted(folder.rglob("*")):
        if file.is_file() and not file.name.endswith(".json") and not file.name.startswith("."):
            found.setdefault(file.stem, []).append(file)
    return found


def _article_file(name: str, expected: Path, root: Path,
                  index: dict[Path, dict[str, list[Path]]]) -> Path | None:
    for folder in (expected.parent, root, root.parent):
        if folder not in index:
            index[folder] = _candidates(folder)
        if name in index[folder]:
            return index[folder][name][0]
    return None


def _read_articles(file: Path) -> tuple[list[Article], list[InputProblem]]:
    from tacitus import ingest

    articles: list[Article] = []
    problems: list[InputProblem] = []
    for item in ingest.read(file):
        if isinstance(item, Article):
            articles.append(item)
        else:
            problems.append(item)
    return articles, problems


def _expected_objects(file: Path, problems: list[InputProblem]) -> list[tuple[int, dict[str, Any]]]:
    """The expected records of a ``.expected.json`` file (one) or ``.expected.jsonl`` (one a line)."""
    text = read_text(file)
    chunks = list(enumerate(text.splitlines(), start=1)) if file.name.endswith(CORPUS_SUFFIX) \
        else [(1, text)]
    found: list[tuple[int, dict[str, Any]]] = []
    for line, chunk in chunks:
        if not chunk.strip():
            continue
        try:
            expected = json.loads(chunk)
        except json.JSONDecodeError as exc:
            where = line if file.name.endswith(CORPUS_SUFFIX) else exc.lineno
            problems.append(InputProblem(str(file), f"invalid JSON: {exc.msg}: skipped", line=where))
            continue
        if not isinstance(expected, dict) or not isinstance(expected.get("events", []), list):
            problems.append(InputProblem(str(file), "expected an object with an 'events' list: "
                                         "skipped", line=line if len(chunks) > 1 else None))
            continue
        found.append((line, expected))
    return found


def _pair(name: str, file: Path, expected: list[tuple[int, dict[str, Any]]],
          articles: list[Article], problems: list[InputProblem]) -> list[GoldenArticle]:
    """Expected records to articles: by the corpus id when given, else in order."""
    by_id = {a.external_id: a for a in articles if a.external_id}
    paired = []
    for position, (line, record) in enumerate(expected):
        wanted = (record.get("article") or {}).get("external_id")
        article = by_id.get(str(wanted)) if wanted is not None else (
            articles[position] if position < len(articles) else None)
        if article is None:
            problems.append(InputProblem(str(file), "no article for this expected record"
                                         + (f" (id {wanted})" if wanted is not None else "")
                                         + ": skipped", line=line if len(expected) > 1 else None))
            continue
        label = name if len(expected) == 1 else f"{name}:{article.external_id or position + 1}"
        paired.append(GoldenArticle(label, article, record))
    return paired


def read(path: str | Path) -> GoldSet[GoldenArticle]:
    """Pair each expected file with its article(s); broken pairs are reported and skipped."""
    root = existing(path, folder=True)
    index: dict[Path, dict[str, list[Path]]] = {}
    records: list[GoldenArticle] = []
    problems: list[InputProblem] = []
    files = sorted([*root.rglob(f"*{SUFFIX}"), *root.rglob(f"*{CORPUS_SUFFIX}")])
    for expected_file in files:
        suffix = CORPUS_SUFFIX if expected_file.name.endswith(CORPUS_SUFFIX) else SUFFIX
        name = expected_file.name[: -len(suffix)]
        expected = _expected_objects(expected_file, problems)
        if not expected:
            continue
        article_file = _article_file(name, expected_file, root, index)
        if article_file is None:
            problems.append(InputProblem(str(expected_file),
                                         "no article file with the same name: skipped"))
            continue
        articles, unread = _read_articles(article_file)
        problems.extend(unread)
        records.extend(_pair(name, expected_file, expected, articles, problems))
    return GoldSet(str(path), tuple(records), tuple(problems))


def predict(records: Sequence[GoldenArticle]) -> tuple[list[ArticleResult | None], list[InputProblem]]:
    return code_articles([r.article for r in records], [r.name for r in records], NAME)


def _words(*texts: Any) -> set[str]:
    return {w for t in texts if isinstance(t, str) for w in _WORD.findall(t.lower())}


def party_agrees(expected: Any, party: Party | None) -> bool:
    """Expected party (a dict, a name, or null) vs a system party.

    Null agrees only with null. Otherwise the country decides when gold names one; for parties
    without a country the id decides when both have one, else the kind and a shared name word.
    """
    if not expected:
        return party is None
    if party is None:
        return False
    if isinstance(expected, str):
        return bool(_words(expected) & _words(party.text, party.name))
    if expected.get("country"):
        return str(expected["country"]).upper() == (party.country or "").upper()
    if party.country:
        return False
    if expected.get("id") and party.id:
        return str(expected["id"]).upper() == party.id.upper()
    if expected.get("kind") and expected["kind"] != party.kind:
        return False
    names = _words(expected.get("text"), expected.get("name"))
    return not names or bool(names & _words(party.text, party.name))


def _event_agrees(expected: dict[str, Any], event: Event, roles: tuple[str, ...] = ROLES) -> bool:
    """Same type and agreeing parties in ``roles`` (fewer roles: the looser figures)."""
    return expected.get("type") == event.type and all(
        party_agrees(expected.get(role), getattr(event, role)) for role in roles)


def match(pairs_ok: Callable[[int, int], bool], n_left: int, n_right: int) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (Kuhn's augmenting paths) of left to right items."""
    owner: list[int | None] = [None] * n_right

    def augment(i: int, seen: set[int]) -> bool:
        for j in range(n_right):
            if j not in seen and pairs_ok(i, j):
                seen.add(j)
                holder = owner[j]
                if holder is None or augment(holder, seen):
                    owner[j] = i
                    return True
        return False

    for i in range(n_left):
        augment(i, set())
    return sorted((i, j) for j, i in enumerate(owner) if i is not None)


def _event_pairs(expected: Sequence[dict[str, Any]], system: Sequence[Event],
                 roles: tuple[str, ...] = ROLES) -> list[tuple[int, int]]:
    return match(lambda i, j: _event_agrees(expected[i], system[j], roles), len(expected),
                 len(system))


def _same_text(a: Any, b: Any) -> bool:
    if not isinstance(a, str) or not isinstance(b, str):
        return a == b
    x, y = " ".join(a.lower().split()), " ".join(b.lower().split())
    return bool(x and y) and (x in y or y in x)


def _location(expected: dict[str, Any], place: Place | None) -> dict[str, bool]:
    """Checks of a stated place. A null expected location is not scored: the gold then says
    the text names no place, and the geo stage's fallback to the article's dominant place
    (coarser precision) does not contradict it."""
    if place is None:
        return {"location": False}
    checks = {"location": _same_text(expected.get("text"), place.text)
              or _same_text(expected.get("name"), place.name)}
    if expected.get("country"):
        checks["location_country"] = expected["country"] == place.country
    if expected.get("admin1"):
        checks["location_admin1"] = _same_text(expected["admin1"], place.admin1)
    if expected.get("lat") is not None and expected.get("lon") is not None:
        checks["location_161km"] = place.lat is not None and place.lon is not None and haversine_km(
            expected["lat"], expected["lon"], place.lat, place.lon) <= ACCURACY_KM
    return checks


def field_checks(expected: dict[str, Any], event: Event) -> dict[str, bool]:
    """Each field the expected event states, checked against the matched system event."""
    checks: dict[str, bool] = {}
    for key in ("mode", "cameo", "status", "date_precision"):
        if key in expected:
            checks[key] = expected[key] == getattr(event, key)
    if "date" in expected:
        checks["date"] = expected["date"] == (event.date.isoformat() if event.date else None)
    if "acled" in expected:
        gold = (expected["acled"] or {}).get("sub_event_type")
        checks["acled"] = gold == (event.acled.sub_event_type if event.acled else None)
    if expected.get("location"):
        checks.update(_location(expected["location"], event.location))
    if "fatalities" in expected:
        gold_toll = expected["fatalities"] or {}
        toll = event.fatalities
        for key in ("killed", "injured"):
            checks[key] = gold_toll.get(key) == (getattr(toll, key) if toll else None)
        if gold_toll.get("qualifier"):
            checks["toll_qualifier"] = toll is not None and toll.qualifier == gold_toll["qualifier"]
    if "attribution" in expected:
        source = (expected["attribution"] or {}).get("source")
        system = event.attribution.source if event.attribution else None
        checks["attribution"] = (system is None) if source is None else _same_text(source, system)
    if "evidence_sentence" in expected:
        checks["evidence"] = any(_same_text(expected["evidence_sentence"], e.sentence)
                                 for e in event.evidence)
    return checks


def _quote_span(text: str, quote: dict[str, Any]) -> tuple[int, int] | None:
    if isinstance(quote.get("start"), int) and isinstance(quote.get("end"), int):
        return quote["start"], quote["end"]
    words = quote.get("text")
    if not isinstance(words, str) or not words.strip():
        return None
    at = text.find(words.strip())
    return (at, at + len(words.strip())) if at >= 0 else None


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _speaker_agrees(expected: Any, quote: Quote) -> bool:
    if isinstance(expected, dict):
        return party_agrees(expected, quote.speaker)
    if quote.speaker is None:
        return not expected
    return bool(_words(expected) & _words(quote.speaker.text, quote.speaker.name))


def _event_summary(event: Event) -> dict[str, Any]:
    data = event.to_dict()
    return {k: data[k] for k in ("type", "mode", "cameo", "status", "date", "actor", "recipient",
                                 "location", "fatalities", "evidence")}


def score(
    path: str, records: Sequence[GoldenArticle], results: Sequence[ArticleResult | None],
    problems: Sequence[InputProblem] = (),
) -> EvalReport:
    counts: list[tuple[int, int, int]] = []
    loose: dict[str, list[tuple[int, int, int]]] = {name: [] for name in LOOSER}
    quote_counts: list[tuple[int, int, int]] = []
    fields: dict[str, list[bool]] = {}
    speakers: list[bool] = []
    published: list[bool] = []
    per_type: dict[str, list[int]] = {}
    errors: list[dict[str, Any]] = []
    for record, result in zip(records, results):
        gold_published = (record.expected.get("article") or {}).get("published")
        if gold_published:
            got = record.article.published
            published.append(isinstance(got, date) and got.isoformat() == gold_published)
        if "quotes" in record.expected:
            _score_quotes(record, result, quote_counts, speakers, errors)
        if "events" not in record.expected:
            continue
        expected = record.events
        system = list(result.events) if result else []
        pairs = _event_pairs(expected, system)
        counts.append((len(pairs), len(system) - len(pairs), len(expected) - len(pairs)))
        for name, roles in LOOSER.items():
            found = len(_event_pairs(expected, system, roles))
            loose[name].append((found, len(system) - found, len(expected) - found))
        matched_left = {i for i, _ in pairs}
        matched_right = {j for _, j in pairs}
        for i, e in enumerate(expected):
            row = per_type.setdefault(str(e.get("type")), [0, 0, 0])
            row[0 if i in matched_left else 2] += 1
            if i not in matched_left:
                errors.append({"article": record.name, "error": "missed event", "gold": e})
        for j, event in enumerate(system):
            if j not in matched_right:
                per_type.setdefault(event.type, [0, 0, 0])[1] += 1
                errors.append({"article": record.name, "error": "spurious event",
                               "system": _event_summary(event)})
        for i, j in pairs:
            checks = field_checks(expected[i], system[j])
            for key, ok in checks.items():
                fields.setdefault(key, []).append(ok)
            wrong = sorted(k for k, ok in checks.items() if not ok)
            if wrong:
                errors.append({"article": record.name, "error": "wrong fields", "wrong": wrong,
                               "gold": expected[i], "system": _event_summary(system[j])})
    event_prf = stats.prf_rows(counts)
    metrics = [
        Metric("event_precision", "event precision", event_prf["precision"]),
        Metric("event_recall", "event recall", event_prf["recall"]),
        Metric(HEADLINE, "event F1", event_prf["f1"]),
        Metric("event_f1_type_actor", "event F1, type and actor only",
               stats.prf_rows(loose["type_actor"])["f1"]),
        Metric("event_f1_type", "event F1, type only", stats.prf_rows(loose["type"])["f1"]),
        Metric("published_accuracy", "publication date (dateline) accuracy", stats.mean(published)),
    ]
    metrics += [Metric(f"field_{k}", f"matched events: {k.replace('_', ' ')}", stats.mean(v))
                for k, v in sorted(fields.items())]
    if quote_counts:
        quote_prf = stats.prf_rows(quote_counts)
        metrics += [Metric("quote_span_f1", "quote span F1 (overlap >= 0.5)", quote_prf["f1"]),
                    Metric("quote_speaker_accuracy", "quote speaker accuracy (matched quotes)",
                           stats.mean(speakers))]
    rows = []
    for label, (tp, fp, fn) in sorted(per_type.items(), key=lambda kv: (-(kv[1][0] + kv[1][2]), kv[0])):
        p, r, f = stats.f1_from_counts(*(np.array(c) for c in (tp, fp, fn)))
        rows.append({"type": label, "expected": tp + fn, "system": tp + fp, "matched": tp,
                     "precision": float(p), "recall": float(r), "f1": float(f)})
    table = Table("per event type", ("type", "expected", "system", "matched", "precision",
                                     "recall", "f1"), tuple(rows))
    return EvalReport(
        format=NAME, path=path, size=len(records), headline=HEADLINE, metrics=tuple(metrics),
        tables=(table,), problems=tuple(problems), errors=tuple(errors),
    )


def _score_quotes(record: GoldenArticle, result: ArticleResult | None,
                  counts: list[tuple[int, int, int]], speakers: list[bool],
                  errors: list[dict[str, Any]]) -> None:
    gold = [q for q in record.expected.get("quotes") or [] if isinstance(q, dict)]
    spans = [_quote_span(record.article.text, q) for q in gold]
    usable = [i for i, s in enumerate(spans) if s is not None]
    gold_spans = [s for s in spans if s is not None]
    system = list(result.quotes) if result else []
    pairs = match(lambda a, j: _jaccard(gold_spans[a], (system[j].start, system[j].end))
                  >= QUOTE_OVERLAP, len(gold_spans), len(system))
    counts.append((len(pairs), len(system) - len(pairs), len(gold) - len(pairs)))
    for a, j in pairs:
        expected = gold[usable[a]]
        ok = _speaker_agrees(expected.get("speaker"), system[j])
        speakers.append(ok)
        if not ok:
            errors.append({"article": record.name, "error": "quote speaker", "gold": expected,
                           "system": system[j].to_dict()})
    matched = {usable[a] for a, _ in pairs}
    errors.extend({"article": record.name, "error": "missed quote", "gold": q}
                  for i, q in enumerate(gold) if i not in matched)


def evaluate(path: str | Path, limit: int | None = None, half: Half | None = None) -> EvalReport:
    gold = nonempty(read(path), f"'*{SUFFIX}' files with their articles")
    records = select(gold.records, limit, half)
    results, failures = predict(records)
    return score(str(path), records, results, [*gold.problems, *failures])
