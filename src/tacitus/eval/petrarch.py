"""``petrarch-xml``: PETRARCH validation records (openeventdata/petrarch2 and its forks).

Each ``<Sentence id=.. date=..>`` holds a ``<Text>`` and one or more
``<EventCoding sourcecode=".." targetcode=".." eventcode=".."/>`` elements, or
``noevents="True"`` (on the coding element or the sentence; a coding with an ``error``
attribute, a sentence PETRARCH must discard, counts as no event too). Other elements (``<Parse>``,
``<Skip>``, environment blocks) are ignored. PETRARCH's own files are not well-formed XML (the
coding elements are never closed), so they are scanned tag by tag, not parsed as a tree, and a
broken record costs only itself.

Scores: CAMEO root-code accuracy of the main event (headline), full-code accuracy, actor
country agreement, and the share of no-event sentences where tacitus still reports an event.
"""

from __future__ import annotations

import html
import re
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
from tacitus.model import Article, ArticleResult, Event, InputProblem

NAME = "petrarch-xml"
HEADLINE = "root_code_accuracy"
NO_EVENT = "(none)"

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>", re.IGNORECASE)
_SENTENCE_END = re.compile(r"</Sentence\s*>", re.IGNORECASE)
_CODING = re.compile(r"<EventCod(?:ing|es)\b([^>]*?)/?>", re.IGNORECASE)
_TEXT = re.compile(r"<Text\s*>(.*?)</Text\s*>", re.IGNORECASE | re.DOTALL)
_ATTR = re.compile(r"([\w:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Coding:
    source: str
    target: str
    code: str

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class PetrarchRecord:
    line: int
    id: str
    text: str
    published: date | None
    codings: tuple[Coding, ...]

    @property
    def has_events(self) -> bool:
        return bool(self.codings)


def _attrs(raw: str) -> dict[str, str]:
    return {m.group(1).lower(): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTR.finditer(raw)}


def _date(value: str | None) -> date | None:
    if not value:
        return None
    digits = re.sub(r"\D", "", value)
    try:
        return datetime.strptime(digits[:8], "%Y%m%d").date()
    except ValueError:
        return None


def _blank_comments(text: str) -> str:
    """Comments out, newlines kept, so line numbers still point into the file."""
    return _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _record(path: str, text: str, start: int, end: int, tag: dict[str, str],
            problems: list[InputProblem]) -> PetrarchRecord | None:
    line = text.count("\n", 0, start) + 1
    body = text[start:end]
    rid = tag.get("id") or f"line {line}"
    found = _TEXT.search(body)
    sentence = " ".join(html.unescape(_CDATA.sub(r"\1", found.group(1))).split()) if found else ""
    if not sentence:
        problems.append(InputProblem(path, f"sentence {rid}: no <Text>: skipped", line=line))
        return None
    codings: list[Coding] = []
    noevents = tag.get("noevents", "").lower() == "true"
    for match in _CODING.finditer(body):
        attrs = _attrs(match.group(1))
        if attrs.get("noevents", "").lower() == "true" or attrs.get("error"):
            noevents = True
            continue
        code = attrs.get("eventcode", "").strip()
        if not re.fullmatch(r"\d{2,4}[A-Z]?", code):
            problems.append(InputProblem(path, f"sentence {rid}: bad eventcode {code!r}: coding "
                                         "skipped", line=text.count("\n", 0, start + match.start()) + 1))
            continue
        codings.append(Coding(attrs.get("sourcecode", "").strip(), attrs.get("targetcode", "").strip(),
                              code))
    if not codings and not noevents:
        problems.append(InputProblem(path, f"sentence {rid}: no usable EventCoding and no "
                                     "noevents: skipped", line=line))
        return None
    return PetrarchRecord(line, rid, sentence, _date(tag.get("date")), tuple(codings))


def read(path: str | Path) -> GoldSet[PetrarchRecord]:
    """Scan a validation file for ``<Sentence>`` records; broken ones are reported and skipped."""
    file = existing(path)
    text = _blank_comments(read_text(file))
    starts = list(_SENTENCE.finditer(text))
    records: list[PetrarchRecord] = []
    problems: list[InputProblem] = []
    for i, match in enumerate(starts):
        limit = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        closing = _SENTENCE_END.search(text, match.end(), limit)
        end = closing.start() if closing else limit
        record = _record(str(path), text, match.start(), end, _attrs(match.group(1)), problems)
        if record:
            records.append(record)
    return GoldSet(str(path), tuple(records), tuple(problems))


def predict(records: Sequence[PetrarchRecord]) -> tuple[list[ArticleResult | None], list[InputProblem]]:
    articles = [Article(text=r.text, published=r.published) for r in records]
    return code_articles(articles, [f"{NAME} {r.id}" for r in records], NAME)


def _target(record: PetrarchRecord, event: Event | None) -> Coding:
    """The gold coding the main event is compared with: same root if any, else the first."""
    root = event.cameo[:2] if event else None
    return next((c for c in record.codings if c.root == root), record.codings[0])


def _keys(code: str) -> tuple[str, ...]:
    key = gold_key(code)
    return (key,) if key else ()


def score(
    path: str, records: Sequence[PetrarchRecord], results: Sequence[ArticleResult | None],
    problems: Sequence[InputProblem] = (),
) -> EvalReport:
    mains = [main_event(r) for r in results]
    root_ok: list[bool] = []
    code_ok: list[bool] = []
    recall: list[bool] = []
    actor_ok: list[bool] = []
    target_ok: list[bool] = []
    false_event: list[bool] = []
    gold_labels: list[str] = []
    sys_labels: list[str] = []
    errors: list[dict[str, Any]] = []
    for record, result, event in zip(records, results, mains):
        sys_root = event.cameo[:2] if event else NO_EVENT
        sys_labels.append(sys_root)
        if not record.has_events:
            false_event.append(event is not None)
            gold_labels.append(NO_EVENT)
            if event is not None:
                errors.append(_error(record, event, ["false event"]))
            continue
        coding = _target(record, event)
        gold_labels.append(coding.root)
        all_roots = {e.cameo[:2] for e in (result.events if result else ())}
        recall.extend(c.root in all_roots for c in record.codings)
        root_ok.append(sys_root in {c.root for c in record.codings})
        code_ok.append(event is not None and event.cameo in {c.code for c in record.codings})
        wrong = [] if root_ok[-1] else ["root code"]
        if _keys(coding.source):
            actor_ok.append(agrees(_keys(coding.source), event.actor if event else None))
            wrong += [] if actor_ok[-1] else ["actor"]
        if _keys(coding.target):
            target_ok.append(agrees(_keys(coding.target), event.recipient if event else None))
            wrong += [] if target_ok[-1] else ["recipient"]
        if wrong:
            errors.append(_error(record, event, wrong))
    classes = stats.classify(gold_labels, sys_labels)
    metrics = (
        Metric(HEADLINE, "CAMEO root-code accuracy", stats.mean(root_ok)),
        Metric("full_code_accuracy", "CAMEO full-code accuracy", stats.mean(code_ok)),
        Metric("coding_recall", "gold codings found (root, any event)", stats.mean(recall)),
        Metric("actor_accuracy", "source actor country match", stats.mean(actor_ok)),
        Metric("recipient_accuracy", "target actor country match", stats.mean(target_ok)),
        Metric("false_event_rate", "false events on no-event sentences", stats.mean(false_event)),
    )
    return EvalReport(
        format=NAME, path=path, size=len(records), headline=HEADLINE, metrics=metrics,
        tables=(class_table("per CAMEO root code ((none) = no event)", classes.rows, "root"),),
        confusion=classes.confusion, problems=tuple(problems), errors=tuple(errors),
    )


def _error(record: PetrarchRecord, event: Event | None, wrong: list[str]) -> dict[str, Any]:
    return {
        "id": record.id, "line": record.line, "sentence": record.text, "wrong": wrong,
        "gold": [{"source": c.source, "target": c.target, "eventcode": c.code} for c in record.codings]
        or "noevents",
        "system": None if event is None else {
            "cameo": event.cameo, "type": event.type,
            "actor": event.actor.to_dict() if event.actor else None,
            "recipient": event.recipient.to_dict() if event.recipient else None,
            "provenance": dict(event.provenance)},
    }


def evaluate(path: str | Path, limit: int | None = None, half: Half | None = None) -> EvalReport:
    gold = nonempty(read(path), "<Sentence> records")
    records = select(gold.records, limit, half)
    results, failures = predict(records)
    return score(str(path), records, results, [*gold.problems, *failures])
