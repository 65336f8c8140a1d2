"""``--cluster`` on ``tacitus ingest`` and ``tacitus bench``: one-line errors, dashboard printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tacitus.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


@pytest.mark.parametrize("command", ["ingest", "bench"])
def test_a_bad_cluster_spec_is_one_error_line(command: str, tmp_path: Path, capsys) -> None:
    argv = [command, str(EXAMPLES), "--cluster", "local:none"]
    if command == "ingest":
        argv += ["--db", str(tmp_path / "db.duckdb")]
    assert main(argv) == 1
    assert capsys.readouterr().err == ("error: --cluster takes local, local:N (N >= 1) or "
                                       "tcp://HOST:PORT, not 'local:none'\n")


def test_bench_takes_processes_or_a_cluster_not_both(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["bench", str(EXAMPLES), "--processes", "2", "--cluster", "local:2"])
    assert "not allowed with argument --processes" in capsys.readouterr().err


@pytest.mark.slow
def test_ingest_on_a_local_cluster_prints_the_dashboard(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "db.duckdb")
    assert main(["ingest", str(EXAMPLES), "--db", db, "--cluster", "local:2"]) == 0
    out, err = capsys.readouterr()
    assert err.startswith("Dask dashboard: http://127.0.0.1:")
    assert out.startswith(f"{db}: 15 articles stored (0 already stored), ")
    assert main(["ingest", str(EXAMPLES), "--db", db, "--cluster", "local:1"]) == 0
    assert capsys.readouterr().out.startswith(f"{db}: 0 articles stored (15 already stored), ")
