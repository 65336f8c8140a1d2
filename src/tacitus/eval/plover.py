"""``plover-gsr``: the PLOVER gold-standard sentences (openeventdata/PLOVER, CC BY-SA 4.0).

Each record is one sentence with its PLOVER event, optional mode, and source/target actors as
CAMEO codes. Old 0.5b1 labels are mapped to current types (DEMAND -> REQUEST, ...), documentation
records (``"event": "DOCUMENT"``) are skipped. tacitus's main event of the sentence is scored:
type accuracy (the headline), mode accuracy where gold has a current mode, and actor/recipient
country-or-category accuracy where gold names them. The sentence's ``date`` is its publication
date, so relative dates resolve as they would in the original article.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tacitus.eval import stats
from tacitus.eval.codes import agrees, gold_key
from tacitus.eval.dataset import GoldSet, Half, existing, nonempty, read_text, select
from tacitus.eval.report import EvalReport, Metric, class_table
from tacitus.eval.system import code_articles, main_event
from tacitus.eval.tables import plover_labels, plover_modes
from tacitus.model import Article, Event, InputProblem

NAME = "plover-gsr"
HEADLINE = "event_type_accuracy"
NO_EVENT = "(none)"


@dataclass(frozen=True, slots=True)
class PloverRecord:
    number: int
    id: str
    text: str
    published: date | None
    type: str
    label: str
    mode: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]


def _load(path: Path) -> tuple[list[tuple[int, Any]], list[InputProblem]]:
    """Records with their 1-based number: a JSON array, or JSON Lines as a fallback."""
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if isinstance(data, list):
        return list(enumerate(data, start=1)), []
    if isinstance(data, dict):
        return [(1, data)], []
    records: list[tuple[int, Any]] = []
    problems: list[InputProblem] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append((line_no, json.loads(line)))
        except json.JSONDecodeError as exc:
            problems.append(InputProblem(str(path), f"invalid JSON: {exc.msg}", line=line_no))
    return records, problems


def _date(value: Any) -> date | None:
    if not isinstance(value, str):
        raise TypeError("a date must be a string")
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return datetime.strptime(value[:10] if fmt == "%Y-%m-%d" else value, fmt).date()
        except ValueError:
            continue
    raise ValueError


def _actors(value: Any) -> tuple[tuple[str, ...], bool]:
    """Gold keys of a ``source``/``target`` field and whether the field was well formed."""
    if value is None or value == "" or value == []:
        return (), True
    items = [value] if isinstance(value, dict) else value
    if not isinstance(items, list) or not all(isinstance(a, dict) for a in items):
        return (), False
    keys = [gold_key(str(a.get("code") or "")) for a in items]
    return tuple(dict.fromkeys(k for k in keys if k)), True


def _record(path: str, number: int, raw: Any, problems: list[InputProblem]) -> PloverRecord | None:
    where = f"record {number}"
    if not isinstance(raw, dict):
        problems.append(InputProblem(path, f"{where}: not a JSON object: skipped"))
        return None
    rid = str(raw.get("id") or where)
    if rid != where:
        where = f"{where} ({rid})"
    label = raw.get("event")
    if label == "DOCUMENT":
        return None
    text = raw.get("text")
    if not isinstance(label, str) or not label.strip():
        problems.append(InputProblem(path, f"{where}: no 'event' label: skipped"))
        return None
    mapped = plover_labels().get(label.strip().upper())
    if mapped is None:
        problems.append(InputProblem(path, f"{where}: unknown PLOVER label '{label}': skipped"))
        return None
    if not isinstance(text, str) or not text.strip():
        problems.append(InputProblem(path, f"{where}: no 'text': skipped"))
        return None
    published = None
    if raw.get("date") not in (None, ""):
        try:
            published = _date(raw["date"])
        except (TypeError, ValueError):
            problems.append(InputProblem(path, f"{where}: bad date {raw['date']!r}: ignored", "warning"))
    mode = mapped.mode
    if mode is None and isinstance(raw.get("mode"), str) and raw["mode"].strip():
        mode = plover_modes().get(raw["mode"].strip().lower())
    roles = {}
    for field in ("source", "target"):
        roles[field], ok = _actors(raw.get(field))
        if not ok:
            problems.append(InputProblem(
                path, f"{where}: '{field}' is not a list of actors: ignored", "warning"))
    return PloverRecord(number, rid, text.strip(), published, mapped.type, label, mode,
                        roles["source"], roles["target"])


def read(path: str | Path) -> GoldSet[PloverRecord]:
    """Read a PLOVER gold file; malformed records are reported and skipped."""
    file = existing(path)
    raw, problems = _load(file)
    records = [r for n, item in raw if (r := _record(str(path), n, item, problems))]
    return GoldSet(str(path), tuple(records), tuple(problems))


def predict(records: Sequence[PloverRecord]) -> tuple[list[Event | None], list[InputProblem]]:
    """tacitus's main event for each gold sentence."""
    articles = [Article(text=r.text, published=r.published) for r in records]
    results, problems = code_articles(articles, [f"{NAME} {r.id}" for r in records], NAME)
    return [main_event(r) for r in results], problems


def _party(event: Event | None, role: str) -> dict[str, Any] | None:
    party = getattr(event, role) if event else None
    return party.to_dict() if party else None


def score(
    path: str, records: Sequence[PloverRecord], events: Sequence[Event | None],
    problems: Sequence[InputProblem] = (),
) -> EvalReport:
    """Score the system's main events against the gold records (same order)."""
    gold_types = [r.type for r in records]
    sys_types = [e.type if e else NO_EVENT for e in events]
    classes = stats.classify(gold_types, sys_types)
    with_mode = [(r, e) for r, e in zip(records, events) if r.mode]
    mode_ok = [bool(e and e.mode == r.mode) for r, e in with_mode]
    actor_ok = [agrees(r.actors, e.actor if e else None) for r, e in zip(records, events) if r.actors]
    recip_ok = [agrees(r.recipients, e.recipient if e else None)
                for r, e in zip(records, events) if r.recipients]
    metrics = (
        Metric(HEADLINE, "event type accuracy", classes.accuracy),
        Metric("event_type_macro_f1", "event type macro F1", classes.macro["f1"]),
        Metric("mode_accuracy", "mode accuracy (gold has a mode)", stats.mean(mode_ok)),
        Metric("actor_accuracy", "actor country/code accuracy", stats.mean(actor_ok)),
        Metric("recipient_accuracy", "recipient country/code accuracy", stats.mean(recip_ok)),
        Metric("event_found", "sentences with an event", stats.mean([e is not None for e in events])),
    )
    errors = []
    for r, e in zip(records, events):
        wrong = [name for name, bad in (
            ("type", (e.type if e else NO_EVENT) != r.type),
            ("mode", bool(r.mode) and (e is None or e.mode != r.mode)),
            ("actor", bool(r.actors) and not agrees(r.actors, e.actor if e else None)),
            ("recipient", bool(r.recipients) and not agrees(r.recipients, e.recipient if e else None)),
        ) if bad]
        if wrong:
            errors.append({
                "id": r.id, "sentence": r.text, "wrong": wrong,
                "gold": {"type": r.type, "label": r.label, "mode": r.mode,
                         "actor": list(r.actors), "recipient": list(r.recipients)},
                "system": None if e is None else {
                    "type": e.type, "mode": e.mode, "cameo": e.cameo,
                    "actor": _party(e, "actor"), "recipient": _party(e, "recipient"),
                    "provenance": dict(e.provenance)},
            })
    unmapped = sum(1 for r in records if r.mode is None)
    notes: tuple[str, ...] = ((f"{unmapped} sentences have no gold mode (or one PLOVER has "
                               "since dropped) and are left out of mode accuracy"),) if unmapped else ()
    return EvalReport(
        format=NAME, path=path, size=len(records), headline=HEADLINE, metrics=metrics,
        tables=(class_table("per event type", classes.rows, "type"),),
        confusion=classes.confusion, problems=tuple(problems), errors=tuple(errors), notes=notes,
    )


def evaluate(path: str | Path, limit: int | None = None, half: Half | None = None) -> EvalReport:
    gold = nonempty(read(path), "PLOVER sentences")
    records = select(gold.records, limit, half)
    events, failures = predict(records)
    return score(str(path), records, events, [*gold.problems, *failures])
