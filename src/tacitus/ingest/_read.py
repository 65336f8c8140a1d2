"""Files and folders to Articles: finding the files, choosing a reader, reporting problems.

Everything that can go wrong with one input (missing, empty, binary, too large, unreadable,
foreign) becomes a one-line InputProblem and the next input is read: a batch over a folder
of ten thousand reports must not stop at the first bad one. Nothing raises out of ``read``.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from tacitus.errors import InputError
from tacitus.ingest._corpus import Output, read_csv, read_json, read_json_lines
from tacitus.ingest._decode import (
    SAMPLE_BYTES,
    check_size,
    check_text,
    decode,
    encoding_notice,
    sniff_encoding,
)
from tacitus.ingest._html import from_html
from tacitus.ingest._text import from_text, not_english
from tacitus.model import InputProblem

Kind = Literal["text", "html", "json", "jsonl", "csv", "tsv"]

SUFFIXES: dict[str, Kind] = {
    "": "text", ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
}
STREAMED: frozenset[Kind] = frozenset({"jsonl", "csv", "tsv"})  # read line by line, any size
DELIMITERS: dict[Kind, str] = {"csv": ",", "tsv": "\t"}

EMPTY = "empty file"
_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)[\s>/]", re.IGNORECASE)


def read(path: str | os.PathLike[str]) -> Iterator[Output]:
    """Articles (and problems) from a file, or from every non-hidden file under a folder.

    A folder is read recursively in sorted path order, skipping hidden files and folders.
    The kind of each file follows its extension (``.txt .md .html .json .jsonl .csv .tsv``,
    no extension is text); other extensions are judged by their content.
    """
    name = os.fspath(path)
    if os.path.isdir(name):
        yield from _read_folder(name)
    elif os.path.lexists(name):
        yield from _read_file(name)
    else:
        yield InputProblem(name, "no such file or directory")


def read_many(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Output]:
    """``read`` over several paths, in the order given."""
    for path in paths:
        yield from read(path)


def _read_folder(root: str) -> Iterator[Output]:
    problems: list[InputProblem] = []

    def unreadable(exc: OSError) -> None:
        problems.append(InputProblem(str(exc.filename or root), _os_message(exc)))

    files: list[str] = []
    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        files.extend(os.path.join(folder, n) for n in names if not n.startswith("."))
    yield from problems
    for file in sorted(files, key=lambda f: Path(f).parts):
        yield from _read_file(file)


def _os_message(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    return f"cannot read file: {exc.strerror or exc}"


def _read_file(name: str) -> Iterator[Output]:
    """Read one file, turning every failure into an InputProblem."""
    try:
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file")
        if info.st_size == 0:
            raise InputError(EMPTY)
        kind = SUFFIXES.get(Path(name).suffix.lower())
        produced = False
        if kind in STREAMED:
            reader = _read_streamed(name, kind)
        else:
            reader = _read_whole(name, kind, info.st_size)
        for output in reader:
            warning = isinstance(output, InputProblem) and output.severity == "warning"
            produced = produced or not warning
            yield output
        if not produced:
            yield InputProblem(name, "no records found", severity="warning")
    except InputError as exc:
        yield InputProblem(name, exc.message, line=exc.line)
    except OSError as exc:
        yield InputProblem(name, _os_message(exc))


def _read_whole(name: str, kind: Kind | None, size: int) -> Iterator[Output]:
    """Files read into memory at once: single reports and JSON documents."""
    check_size(size)
    with open(name, "rb") as handle:
        text, encoding = decode(handle.read())
    notice = encoding_notice(encoding)
    if notice:
        yield InputProblem(name, notice, severity="warning")
    if not text.strip():
        raise InputError(EMPTY)
    kind = kind or _sniff(text)
    if kind in ("json", "jsonl"):
        yield from read_json(text, name)
        return
    article = from_html(text, path=name) if kind == "html" else from_text(text, path=name)
    yield not_english(article) or article


def _read_streamed(name: str, kind: Kind) -> Iterator[Output]:
    """JSON Lines and CSV files, read line by line whatever their size."""
    with open(name, "rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    encoding = sniff_encoding(sample)
    decoded_sample = sample.decode(encoding, errors="replace")
    check_text(decoded_sample)
    if not decoded_sample.strip() and len(sample) < SAMPLE_BYTES:
        raise InputError(EMPTY)
    if kind == "jsonl" and decoded_sample.lstrip().startswith("["):
        yield from _read_whole(name, "json", os.path.getsize(name))
        return
    notice = encoding_notice(encoding)
    if notice:
        yield InputProblem(name, notice, severity="warning")
    with open(name, encoding=encoding, errors="replace", newline="") as lines:
        if kind == "jsonl":
            yield from read_json_lines(lines, name)
        else:
            yield from read_csv(lines, name, DELIMITERS[kind])


def _sniff(text: str) -> Kind:
    """The kind of a file whose extension says nothing: HTML markup, JSON, else text."""
    head = text[:4096].lstrip()
    if head.startswith("<") and _HTML_TAG.search(head):
        return "html"
    if head.startswith(("{", "[")):
        first_line = head.split("\n", 1)[0]
        for candidate in (text, first_line):
            try:
                json.loads(candidate)
            except json.JSONDecodeError:
                continue
            return "json"
    return "text"
