"""Regenerate the golden whole-article outputs in tests/golden/ from examples/articles/.

The golden files pin what `tacitus extract` says about each example article, so any change in
extraction shows up as a reviewable diff: run this, read `git diff tests/golden/` as an analyst
would, and commit only what you agree with.

    python scripts/update_golden.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "golden"))

from golden_io import GOLDEN, golden_name, render

from tacitus.api import extract_paths
from tacitus.model import ArticleResult


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    written = 0
    for item in extract_paths([ROOT / "examples" / "articles"]):
        if not isinstance(item, ArticleResult):
            print(item, file=sys.stderr)
            continue
        target = GOLDEN / golden_name(item)
        target.write_text(render(item), encoding="utf-8")
        written += 1
    print(f"wrote {written} golden files to {GOLDEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
