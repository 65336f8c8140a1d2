"""`tacitus extract`: exact output for bad inputs, schema-valid JSON for good ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.api.schema import schema_errors
from tacitus.cli.main import main

REPORT = (
    "BAGHDAD, Dec 30, 2019 (Reuters) - US drone strikes on Sunday killed at least 25 fighters of "
    "Kataib Hezbollah in Anbar province, the Pentagon said.\n"
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_missing_file_is_one_error_line(capsys, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = run(capsys, "extract", str(missing))
    assert code == 1
    assert out == ""
    assert err == f"error: {missing}: no such file or directory\n"


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"\x00\x01\x02\x03PK\x00\x00" * 50, "binary file, not text"),
])
def test_unreadable_inputs_do_not_stop_the_others(capsys, tmp_path, name, content, message) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(bad), str(good), "--format", "jsonl")
    assert code == 0
    assert f"error: {bad}: {message}\n" in err
    assert "Traceback" not in err
    [line] = out.splitlines()
    assert json.loads(line)["article"]["path"] == str(good)


def test_malformed_jsonl_line_is_reported_and_skipped(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    record = {"id": "r1", "published": "2019-12-30", "text": REPORT.split(" - ", 1)[1]}
    corpus.write_text(json.dumps(record) + "\n{not json\n" + json.dumps({**record, "id": "r2"}) + "\n")
    code, out, err = run(capsys, "extract", str(corpus), "--format", "jsonl")
    assert code == 0
    assert err.startswith(f"error: {corpus}:2: invalid JSON")
    ids = [json.loads(line)["article"]["external_id"] for line in out.splitlines()]
    assert ids == ["r1", "r2"]


def test_missing_dateline_warns_and_leaves_dates_null(capsys, tmp_path: Path) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text("Police arrested 12 activists in Lagos after a rally.\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(undated))
    assert code == 0
    assert err == f"warning: {undated}: missing dateline: relative dates not resolved\n"
    result = json.loads(out)
    assert result["warnings"] == ["missing dateline: relative dates not resolved"]
    assert all(event["date"] is None for event in result["events"])


def test_one_article_prints_indented_schema_valid_json(capsys, tmp_path: Path) -> None:
    report = tmp_path / "strike.txt"
    report.write_text(REPORT, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(report))
    assert code == 0 and err == ""
    assert out.startswith("{\n")
    result = json.loads(out)
    assert schema_errors(result) == []
    assert result["article"]["published"] == "2019-12-30"
    assert result["article"]["source"] == "Reuters"
    assert any(e["type"] == "ASSAULT" for e in result["events"])


def test_nothing_processed_exits_non_zero(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, _ = run(capsys, "extract", str(empty), "--format", "table")
    assert code == 1 and out == ""


def test_table_lists_events_and_evidence(capsys, tmp_path: Path) -> None:
    report = tmp_path / "strike.txt"
    report.write_text(REPORT, encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(report), "--format", "table")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"== {report} | Reuters | 2019-12-30:")
    assert lines[1].split()[:3] == ["#", "type", "cameo"]
    assert any("ASSAULT" in line for line in lines[3:])
    assert any(line.strip().startswith("[1] US drone strikes on Sunday") for line in lines)
