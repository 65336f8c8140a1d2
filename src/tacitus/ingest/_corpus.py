"""Corpora: many reports in one JSON, JSON Lines, CSV or TSV file.

Each record carries ``text`` (required) and optionally ``title``, ``published`` or ``date``,
``source``, ``url`` and ``id``. A bad record (broken JSON, not an object, no text) becomes an
InputProblem naming its line and the rest of the file is still read: one stray quote must
not cost a night's crawl. JSON Lines and CSV are streamed, so a corpus may be any size.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from itertools import chain
from typing import Any

from tacitus.errors import InputError
from tacitus.ingest._dates import parse_date_value
from tacitus.ingest._text import from_text, not_english
from tacitus.model import Article, InputProblem

NO_TEXT = "missing or empty 'text'"
NOT_OBJECT = "record is not a JSON object"
CSV_DELIMITERS = (",", ";", "\t", "|")
MAX_LISTED_COLUMNS = 12

Output = Article | InputProblem


def _field(value: Any) -> str | None:
    """A metadata value as a string, or None when absent or blank."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def record_to_article(record: Any, path: str, line: int, today: date) -> Output:
    """One corpus record as an Article, or the InputProblem that says why it is skipped.

    Keys are matched case-insensitively. An unparseable date is a warning on the article,
    not a reason to drop it.
    """
    if not isinstance(record, dict):
        return InputProblem(path, NOT_OBJECT, line=line)
    fields = {str(key).strip().lower(): value for key, value in record.items()}
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputProblem(path, NO_TEXT, line=line)
    raw_date = fields.get("published") if _field(fields.get("published")) else fields.get("date")
    raw_date = raw_date if _field(raw_date) else None
    published = parse_date_value(raw_date, today) if raw_date is not None else None
    try:
        article = from_text(
            text,
            path=path,
            published=published,
            source=_field(fields.get("source")),
            title=_field(fields.get("title")),
            url=_field(fields.get("url")),
            external_id=_field(fields.get("id")),
        )
    except InputError as exc:
        return InputProblem(path, exc.message, line=line)
    if raw_date is not None and published is None:
        warning = f"unparseable publication date {str(raw_date).strip()!r}: ignored"
        article = replace(article, warnings=(warning, *article.warnings))
    return not_english(article, line) or article


def _json_problem(path: str, exc: json.JSONDecodeError, line_offset: int = 0) -> InputProblem:
    return InputProblem(path, f"invalid JSON: {exc.msg}", line=exc.lineno + line_offset)


def read_json_lines(lines: Iterable[str], path: str) -> Iterator[Output]:
    """Records of a JSON Lines stream, one per non-blank line."""
    today = date.today()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield _json_problem(path, exc, number - 1)
            continue
        yield record_to_article(record, path, number, today)


def _array_items(text: str, start: int, path: str) -> Iterator[tuple[int, Any] | InputProblem]:
    """``(line, item)`` for each element of the JSON array opening at ``start``, decoded one by
    one so each record knows its line; a syntax error ends the array with one problem."""
    decoder = json.JSONDecoder()
    position, line, counted = start + 1, 1, 0

    def skip_space(at: int) -> int:
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        return at

    position = skip_space(position)
    if text.startswith("]", position):
        return
    while True:
        line += text.count("\n", counted, position)
        counted = position
        try:
            item, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            yield _json_problem(path, exc)
            return
        yield line, item
        position = skip_space(position)
        if text.startswith(",", position):
            position = skip_space(position + 1)
        elif text.startswith("]", position):
            return
        else:
            error = json.JSONDecodeError("Expecting ',' delimiter", text, position)
            yield _json_problem(path, error)
            return


def read_json(text: str, path: str) -> Iterator[Output]:
    """Records of a JSON file: an array of records, one record, or JSON Lines."""
    today = date.today()
    start = len(text) - len(text.lstrip())
    if text.startswith("[", start):
        for entry in _array_items(text, start, path):
            if isinstance(entry, InputProblem):
                yield entry
            else:
                yield record_to_article(entry[1], path, entry[0], today)
        return
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        first = text[start:].split("\n", 1)[0]
        if exc.msg != "Extra data" and not _is_json(first):
            yield _json_problem(path, exc)
            return
        yield from read_json_lines(text.split("\n"), path)
        return
    yield record_to_article(whole, path, 1 + text.count("\n", 0, start), today)


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True


def _delimiter(header: str, default: str) -> str:
    """The delimiter of a CSV file, judged from its header line, where it cannot be quoted."""
    counts = {d: header.count(d) for d in CSV_DELIMITERS}
    best = max(CSV_DELIMITERS, key=lambda d: (counts[d], d == default))
    return best if counts[best] else default


class _Lines:
    """A line iterator that remembers the lines read since the last ``mark``, so that a broken
    row that ran over several lines can be read again from its second line."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.since_mark: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.since_mark.append(line)
        return line

    def mark(self) -> None:
        self.since_mark = []

    def after_first_marked(self) -> _Lines:
        """The lines from the second one read since the mark onwards."""
        return _Lines(chain(self.since_mark[1:], self._lines))


def _csv_rows(
    lines: Iterable[str], delimiter: str, path: str
) -> Iterator[tuple[int, list[str]] | InputProblem]:
    """``(first line, cells)`` of each row; a malformed row is a problem and reading goes on.

    An unbalanced quote makes the csv module read on over the following lines as one field
    until it fails; the row is reported and the lines after its first are read again, so
    only the broken line is lost.
    """
    source = _Lines(lines)
    reader = csv.reader(source, delimiter=delimiter, strict=True)
    offset = 0  # physical lines before the ones the current reader sees
    while True:
        source.mark()
        start = offset + reader.line_num + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            yield InputProblem(path, f"invalid CSV: {exc}", line=start)
            if len(source.since_mark) > 1:
                source = source.after_first_marked()
                reader = csv.reader(source, delimiter=delimiter, strict=True)
                offset = start
            continue
        if row is None:
            return
        yield start, row


def read_csv(lines: Iterator[str], path: str, default_delimiter: str = ",") -> Iterator[Output]:
    """Records of a CSV/TSV stream with a header row naming the columns."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a 5 MB article fits in one field
    today = date.today()
    header_line = next(lines, "")
    delimiter = _delimiter(header_line, default_delimiter)
    header: list[str] | None = None
    for entry in _csv_rows(chain([header_line], lines), delimiter, path):
        if isinstance(entry, InputProblem):
            yield entry
            continue
        line, row = entry
        if header is None:
            header = [name.strip().lstrip("\ufeff").lower() for name in row]
            if "text" not in header:
                found = ", ".join(h for h in header[:MAX_LISTED_COLUMNS] if h) or "none"
                yield InputProblem(path, f"no 'text' column (columns: {found})", line=line)
                return
        elif any(cell.strip() for cell in row):
            yield record_to_article(dict(zip(header, row, strict=False)), path, line, today)
