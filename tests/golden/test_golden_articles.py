"""Whole-article golden files: the example articles' full output is pinned.

A failure means extraction changed what it says about a real article. If the change is an
improvement, run `python scripts/update_golden.py`, review `git diff tests/golden/`, commit.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden_io import GOLDEN, ROOT, golden_name, render

from tacitus.api import extract_paths, schema_errors
from tacitus.model import ArticleResult


@pytest.fixture(scope="module")
def results() -> list[ArticleResult]:
    out = [r for r in extract_paths([ROOT / "examples" / "articles"]) if isinstance(r, ArticleResult)]
    assert len(out) >= 12
    return out


def test_every_example_has_a_golden_file(results) -> None:
    assert sorted(golden_name(r) for r in results) == sorted(p.name for p in GOLDEN.glob("*.json"))


def test_outputs_equal_their_golden_files(results) -> None:
    changed = []
    for result in results:
        expected = (GOLDEN / golden_name(result)).read_text(encoding="utf-8")
        actual = render(result)
        if actual != expected:
            diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), lineterm="", n=1)
            changed.append(golden_name(result) + "\n" + "\n".join(list(diff)[:40]))
    assert not changed, "output changed (python scripts/update_golden.py, then review):\n" + \
        "\n\n".join(changed)


def test_golden_outputs_are_schema_valid_and_evidence_slices_the_text(results) -> None:
    for result in results:
        assert schema_errors(result.to_dict()) == []
        for event in result.events:
            for evidence in event.evidence:
                assert result.article.text[evidence.start:evidence.end] == evidence.sentence
        for quote in result.quotes:
            assert 0 <= quote.start < quote.end <= len(result.article.text)
