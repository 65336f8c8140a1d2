"""``tacitus eval`` and ``tacitus bench`` on the command line: output shape and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.cli.main import main
from tacitus.eval import case2021

TSV = "id\tEventSnippet\tSubType\n1\tUS warplanes pounded the village.\tAIR_STRIKE\n" \
      "2\tbroken row\n3\tAn earthquake struck.\tNATURAL_DISASTER\n"


@pytest.fixture
def no_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """The system says 'no event' for every snippet: the CLI is tested, not the pipeline."""
    monkeypatch.setattr(case2021, "predict", lambda records: ([None] * len(records), []))


def test_eval_json_with_error_file(tmp_path: Path, capsys, no_pipeline) -> None:
    data, errors = tmp_path / "dev.tsv", tmp_path / "errors.jsonl"
    data.write_text(TSV, encoding="utf-8")
    assert main(["eval", "case2021", str(data), "--format", "json", "--errors", str(errors)]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert (report["format"], report["size"], report["headline"]) == ("case2021", 2, "weighted_f1")
    assert report["score"] == pytest.approx(1 / 3, abs=1e-4)  # (no-category F1 2/3 + air 0) / 2
    assert report["problems"] == [f"error: {data}:3: expected 3 tab-separated columns, got 2: skipped"]
    assert f"{data}:3: expected 3 tab-separated columns" in err
    (line,) = errors.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["gold"] == {"code": "AIR_STRIKE", "label": "Air/drone strike"}


def test_eval_text_and_limit(tmp_path: Path, capsys, no_pipeline) -> None:
    data = tmp_path / "dev.tsv"
    data.write_text(TSV, encoding="utf-8")
    assert main(["eval", "case2021", str(data), "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("tacitus eval case2021: dev.tsv (1 records scored, 1 problems)")
    assert "score (weighted F1 (all labels)): 0.000" in out
    assert "Air/drone strike -> (no category): 1" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["eval", "nope", "x"], ("error: unknown dataset format 'nope' (known: plover-gsr, "
                                 "case2021, petrarch-xml, geo-xml, golden)")),
        (["eval", "case2021", "MISSING"], "error: MISSING: no such file or directory"),
        (["eval", "case2021", "EMPTY"], "error: EMPTY: empty dataset: no snippets found"),
        (["bench", "MISSING"], "error: MISSING: no such file or directory"),
        (["bench", "EMPTY", "--processes", "0"], "error: --processes must be at least 1, not 0"),
    ],
)
def test_one_line_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys,
                         argv: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "EMPTY").write_text("", encoding="utf-8")
    assert main(argv) == 1
    assert capsys.readouterr().err.strip() == message
