"""Bad inputs: each one a one-line InputProblem with an exact message, never an exception."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tacitus.ingest import _read, read
from tacitus.model import Article, InputProblem

FRENCH = (
    "Le gouvernement français a annoncé lundi de nouvelles mesures contre le terrorisme après les "
    "attaques de la semaine dernière dans plusieurs villes du pays, selon le ministre de l'intérieur."
)
ENGLISH = "Gunmen attacked a police checkpoint near the border on Monday, officials said. "


def messages(path: Path | str) -> list[str]:
    return [str(o) for o in read(path) if isinstance(o, InputProblem)]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "error: {}: empty file"),
        ("blank.txt", b" \r\n\t\n", "error: {}: empty file"),
        ("blank.jsonl", b"\n\n", "error: {}: empty file"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "error: {}: binary file, not text"),
        ("controls.txt", bytes(range(1, 32)) * 20, "error: {}: binary file, not text"),
        ("data.csv", b"id,text\n\x00\x01\x02", "error: {}: binary file, not text"),
        ("fr.txt", FRENCH.encode(), "error: {}: not English (detected 'fr'): skipped"),
        ("only-dateline.txt", b"Monday, 30 December 2019\n", "error: {}: no article text after the dateline"),
        ("nav.html", b"<html><head><title>Home</title></head><body><script>x=1</script></body></html>",
         "error: {}: no article text found in HTML"),
        ("header.csv", b"id,text\n", "warning: {}: no records found"),
        ("empty.json", b"[]", "warning: {}: no records found"),
        ("notext.csv", b"id,body\n1,Some text.\n", "error: {}:1: no 'text' column (columns: id, body)"),
    ],
)
def test_bad_file(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    file = tmp_path / name
    file.write_bytes(content)
    assert list(map(str, read(file))) == [message.format(file)]


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    [problem] = read(missing)
    assert problem == InputProblem(str(missing), "no such file or directory")


def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert messages(fifo) == [f"error: {fifo}: not a regular file"]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "locked.txt"
    file.write_text(ENGLISH, encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(file))

    monkeypatch.setattr(_read, "open", denied, raising=False)
    assert messages(file) == [f"error: {file}: permission denied"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_mode(tmp_path: Path) -> None:
    file = tmp_path / "locked.txt"
    file.write_text(ENGLISH, encoding="utf-8")
    file.chmod(0)
    assert messages(file) == [f"error: {file}: permission denied"]


def test_cp1252_is_decoded_with_a_warning(tmp_path: Path) -> None:
    file = tmp_path / "legacy.txt"
    text = "The caf\u00e9 owner said the \u201cprotesters\u201d had left \u2014 police closed the road."
    file.write_bytes(text.encode("cp1252"))
    problem, article = read(file)
    assert str(problem) == f"warning: {file}: decoded as cp1252"
    assert isinstance(article, Article) and article.text == text


def test_utf16_with_bom_is_decoded_with_a_warning(tmp_path: Path) -> None:
    file = tmp_path / "excel.tsv"
    file.write_bytes("id\ttext\n1\tGunmen attacked a checkpoint.\n".encode("utf-16"))
    problem, article = read(file)
    assert str(problem) == f"warning: {file}: decoded as utf-16"
    assert isinstance(article, Article) and article.text == "Gunmen attacked a checkpoint."


def test_utf8_bom_is_silent(tmp_path: Path) -> None:
    file = tmp_path / "bom.txt"
    file.write_bytes("\ufeff".encode() + ENGLISH.encode())
    [article] = read(file)
    assert isinstance(article, Article) and article.text == ENGLISH.strip()


def test_too_large_file_is_skipped(tmp_path: Path) -> None:
    file = tmp_path / "huge.txt"
    with file.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    assert messages(file) == [f"error: {file}: file too large (21 MB > 20 MB)"]


def test_five_megabyte_article_is_read(tmp_path: Path) -> None:
    body = ENGLISH * (5 * 1024 * 1024 // len(ENGLISH))
    file = tmp_path / "long.txt"
    file.write_text("BAGHDAD (Reuters) - " + body, encoding="utf-8")
    started = time.perf_counter()
    [article] = read(file)
    assert time.perf_counter() - started < 5
    assert isinstance(article, Article) and article.text == body.strip()


def test_bad_json_lines_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    file = tmp_path / "corpus.jsonl"
    file.write_text(
        "\n".join([
            json.dumps({"text": "First report.", "id": 1}),
            '{"text": "broken',
            "[1, 2]",
            json.dumps({"id": 4}),
            json.dumps({"text": "   "}),
            json.dumps({"text": FRENCH}),
            json.dumps({"text": "Last report.", "id": 7}),
        ]),
        encoding="utf-8",
    )
    out = list(read(file))
    assert [str(o) if isinstance(o, InputProblem) else o.external_id for o in out] == [
        "1",
        f"error: {file}:2: invalid JSON: Unterminated string starting at",
        f"error: {file}:3: record is not a JSON object",
        f"error: {file}:4: missing or empty 'text'",
        f"error: {file}:5: missing or empty 'text'",
        f"error: {file}:6: not English (detected 'fr'): skipped",
        "7",
    ]


def test_broken_json_array_reports_where_parsing_failed(tmp_path: Path) -> None:
    file = tmp_path / "corpus.json"
    file.write_text('[\n {"text": "First report."},\n {"text": "Second"\n "id": 2}\n]', encoding="utf-8")
    out = list(read(file))
    assert isinstance(out[0], Article)
    assert str(out[1]) == f"error: {file}:4: invalid JSON: Expecting ',' delimiter"


def test_broken_csv_rows_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    file = tmp_path / "corpus.csv"
    file.write_text('id,text\n1,"unclosed quote\n2,Second.\n3,"bad"quote\n4,Fourth.\n5,"open\n', encoding="utf-8")
    out = [str(o) if isinstance(o, InputProblem) else o.external_id for o in read(file)]
    assert out == [
        f"error: {file}:2: invalid CSV: ',' expected after '\"'",
        "2",
        f"error: {file}:4: invalid CSV: ',' expected after '\"'",
        "4",
        f"error: {file}:6: invalid CSV: unexpected end of data",
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([b"{", b"}", b"[", b"]", b'"text"', b":", b",", b"\n", b"\r\n", b"<p>", b"<html>",
                              b"BAGHDAD (Reuters) - ", b"\xe9", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00", b'"',
                              b"\t", b"text", b"Gunmen attacked.", b"2019-12-30\n"]), max_size=30),
    st.sampled_from(["", ".txt", ".html", ".json", ".jsonl", ".csv", ".tsv", ".dat"]),
)
def test_any_bytes_give_outputs_not_exceptions(pieces: list[bytes], suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / f"input{suffix}"
        file.write_bytes(b"".join(pieces))
        out = list(read(file))
    assert out and all(isinstance(o, (Article, InputProblem)) for o in out)
