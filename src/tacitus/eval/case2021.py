"""``case2021``: CASE 2021 Task 2 snippets labelled with ACLED sub-event types.

A TSV file ``id <tab> EventSnippet <tab> SubType`` (the header row is optional). The CASE codes
are mapped to ACLED's sub-event type names (``resources/eval/case2021_labels.csv``); the classes
outside ACLED (disasters, crime, diplomacy, claims) become one "no category" label, which tacitus
must give by reporting no ACLED category. The label scored is the ACLED sub-event type of the
snippet's main event. Weighted F1 over all labels is the headline, as in the shared task.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tacitus.eval import stats
from tacitus.eval.dataset import GoldSet, Half, existing, nonempty, read_text, select
from tacitus.eval.report import EvalReport, Metric, class_table
from tacitus.eval.system import code_articles, main_event
from tacitus.eval.tables import NO_CATEGORY, case2021_labels
from tacitus.model import Article, Event, InputProblem

NAME = "case2021"
HEADLINE = "weighted_f1"
HEADER_CELLS = ("id", "eventsnippet", "subtype", "snippet", "label", "text")


@dataclass(frozen=True, slots=True)
class Snippet:
    line: int
    id: str
    text: str
    code: str
    label: str


def _is_header(cells: list[str]) -> bool:
    return cells[0].strip().lower() in HEADER_CELLS and cells[-1].strip().lower() in HEADER_CELLS


def read(path: str | Path) -> GoldSet[Snippet]:
    """Read a CASE 2021 TSV; a row with too few cells or an unknown class is reported, skipped."""
    file = existing(path)
    labels = case2021_labels()
    rows = csv.reader(io.StringIO(read_text(file), newline=""), delimiter="\t",
                      quoting=csv.QUOTE_NONE)
    records: list[Snippet] = []
    problems: list[InputProblem] = []
    for number, cells in enumerate(rows, start=1):
        line = rows.line_num
        if not any(c.strip() for c in cells):
            continue
        if number == 1 and _is_header(cells):
            continue
        if len(cells) < 3:
            problems.append(InputProblem(str(path), f"expected 3 tab-separated columns, got "
                                         f"{len(cells)}: skipped", line=line))
            continue
        code = cells[-1].strip().upper()
        text = "\t".join(cells[1:-1]).strip()
        if code not in labels:
            problems.append(InputProblem(str(path), f"unknown CASE 2021 class '{cells[-1].strip()}'"
                                         ": skipped", line=line))
            continue
        if not text:
            problems.append(InputProblem(str(path), "empty snippet: skipped", line=line))
            continue
        records.append(Snippet(line, cells[0].strip() or f"line {line}", text, code, labels[code]))
    return GoldSet(str(path), tuple(records), tuple(problems))


def system_label(event: Event | None) -> str:
    """The ACLED sub-event type tacitus reports, spelled as in the label table when it matches."""
    if event is None or event.acled is None or not event.acled.sub_event_type:
        return NO_CATEGORY
    canonical = {name.casefold(): name for name in case2021_labels().values()}
    return canonical.get(event.acled.sub_event_type.casefold(), event.acled.sub_event_type)


def predict(records: Sequence[Snippet]) -> tuple[list[Event | None], list[InputProblem]]:
    """tacitus's main event for each snippet (no publication date is known)."""
    articles = [Article(text=r.text) for r in records]
    results, problems = code_articles(articles, [f"{NAME} {r.id}" for r in records], NAME)
    return [main_event(r) for r in results], problems


def score(
    path: str, records: Sequence[Snippet], events: Sequence[Event | None],
    problems: Sequence[InputProblem] = (),
) -> EvalReport:
    """Classification scores of the system labels against the gold labels (same order)."""
    gold = [r.label for r in records]
    system = [system_label(e) for e in events]
    c = stats.classify(gold, system)
    in_acled = [i for i, g in enumerate(gold) if g != NO_CATEGORY]
    acled_only = stats.classify([gold[i] for i in in_acled], [system[i] for i in in_acled])
    metrics = (
        Metric(HEADLINE, "weighted F1 (all labels)", c.weighted["f1"]),
        Metric("weighted_precision", "weighted precision", c.weighted["precision"]),
        Metric("weighted_recall", "weighted recall", c.weighted["recall"]),
        Metric("macro_f1", "macro F1", c.macro["f1"]),
        Metric("macro_precision", "macro precision", c.macro["precision"]),
        Metric("macro_recall", "macro recall", c.macro["recall"]),
        Metric("accuracy", "accuracy", c.accuracy),
        Metric("acled_weighted_f1", "weighted F1 (gold in ACLED types)", acled_only.weighted["f1"]),
    )
    errors: list[dict[str, Any]] = [
        {"id": r.id, "line": r.line, "sentence": r.text, "gold": {"code": r.code, "label": g},
         "system": {"label": s, "type": e.type if e else None, "cameo": e.cameo if e else None,
                    "provenance": dict(e.provenance) if e else None}}
        for r, e, g, s in zip(records, events, gold, system) if g != s
    ]
    return EvalReport(
        format=NAME, path=path, size=len(records), headline=HEADLINE, metrics=metrics,
        tables=(class_table("per ACLED sub-event type", c.rows, "label"),),
        confusion=c.confusion, problems=tuple(problems), errors=tuple(errors),
    )


def evaluate(path: str | Path, limit: int | None = None, half: Half | None = None) -> EvalReport:
    gold = nonempty(read(path), "snippets")
    records = select(gold.records, limit, half)
    events, failures = predict(records)
    return score(str(path), records, events, [*gold.problems, *failures])
