"""Every CLI command is documented in the README's command table."""

from __future__ import annotations

from pathlib import Path

from tacitus.cli.main import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_lists_every_command() -> None:
    parser = build_parser()
    [subparsers] = [a for a in parser._actions if a.dest == "command"]
    table = README.read_text(encoding="utf-8")
    missing = [name for name in subparsers.choices if f"`tacitus {name}" not in table]
    assert missing == []


def test_readme_opens_with_the_two_commands_ci_runs() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    blocks = [lines[i + 1] for i, line in enumerate(lines[:12]) if line == "```bash"]
    assert blocks[0].startswith("pip install -e . && tacitus ingest examples/articles")
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1] in ci.splitlines()
